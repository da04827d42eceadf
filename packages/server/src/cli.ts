#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError, loadConfig } from './config';
import { connect } from './db/connect';
import { DatabaseInUseError } from './db/lock-file';
import { migrateToLatest } from './db/migrate';
import { summaryLine, terminalReporter } from './ingest/import-report';
import { DataDirectoryMissingError, importPaths } from './ingest/import.service';
import { renderReport, REPORT_PEER_CHOICES, ReportError } from './report/report.service';
import { serve } from './serve';

const program = new Command('sendbench').description('SENDbench: benchmark SEND across English local authorities');

async function openDatabase() {
  const config = loadConfig();
  const handle = await connect({ url: config.DATABASE_URL, dir: config.SENDBENCH_DB_DIR, poolSize: config.DATABASE_POOL_SIZE });
  return { config, handle };
}

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const { handle } = await openDatabase();
    try {
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database schema is up to date.');
    } finally {
      await handle.close();
    }
  });

program
  .command('import')
  .description('import official files or folders of them (default: the data directory)')
  .argument('[paths...]', 'files or directories; defaults to SENDBENCH_DATA_DIR')
  .action(async (paths: string[]) => {
    const { config, handle } = await openDatabase();
    try {
      await migrateToLatest(handle.db);
      const targets = paths.length > 0 ? paths : [config.SENDBENCH_DATA_DIR];
      const outcomes = await importPaths(handle.db, targets, terminalReporter());
      const count = (status: string) => outcomes.filter((o) => o.status === status).length;
      console.error(`${count('loaded')} loaded, ${count('unchanged')} unchanged, ${count('skipped')} skipped, ${count('rejected')} rejected`);
      if (count('rejected') > 0) process.exitCode = 1;
    } finally {
      await handle.close();
    }
  });

program
  .command('report')
  .description('write the report pack of one authority against its comparators as an A4 PDF (printed by headless Chromium)')
  .requiredOption('--la <code>', 'the authority: DfE LA number (886) or ONS E-code')
  .option('--peers <set>', `comparator set: ${REPORT_PEER_CHOICES.join(', ')}, or LA numbers separated by commas (default: statistical neighbours)`)
  .requiredOption('--out <file>', 'the PDF to write')
  .action(async (options: { la: string; peers?: string; out: string }) => {
    const { handle } = await openDatabase();
    try {
      await renderReport(handle.db, options, { chromiumPath: process.env.CHROMIUM_PATH, onProgress: (line) => console.error(line) });
    } finally {
      await handle.close();
    }
  });

program
  .command('serve')
  .description('serve the API and the dashboard (imports the data set on first start)')
  .action(async () => {
    await serve(loadConfig());
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseInUseError || error instanceof DataDirectoryMissingError || error instanceof ReportError) {
    console.error(`sendbench: ${error.message}`);
  } else {
    console.error('sendbench: failed:', error);
  }
  process.exitCode = 1;
});

