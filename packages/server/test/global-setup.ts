import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type DatabaseHandle } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { summaryLine } from '../src/ingest/import-report';
import { type FileOutcome, importPaths } from '../src/ingest/import.service';
import globalTeardown from './global-teardown';
import { CLI } from './support/cli';
import { OFFICIAL_DATA_DIR } from './support/official-data';
import { createDatabase, databaseUrl, uniqueDatabaseName } from './support/postgres-admin';
import { SHARED_DATABASE_ENV, SKIP_SHARED_ENV, sharedPgliteDirFor } from './support/shared-database';
import { restoreSharedDatabases, saveSharedDatabases, sharedDatabaseKey, TEST_CACHE_ENV } from './support/shared-database-cache';

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

/** Migrates and imports the whole data set in this process; throws if a file is rejected. */
async function importInProcess(handle: DatabaseHandle, label: string, expect: 'loaded' | 'unchanged'): Promise<FileOutcome[]> {
  try {
    await migrateToLatest(handle.db);
    const outcomes = await importPaths(handle.db, [OFFICIAL_DATA_DIR]);
    const wrong = outcomes.filter((o) => o.status === 'rejected' || (o.status !== expect && o.status !== 'skipped'));
    if (wrong.length > 0 || !outcomes.some((o) => o.status === expect)) {
      throw new Error(`global setup: importing ${OFFICIAL_DATA_DIR} into ${label}: expected every file ${expect}:\n${outcomes.map(summaryLine).join('\n')}`);
    }
    return outcomes;
  } finally {
    await handle.close();
  }
}

/** Runs `sendbench import` (migrate + importPaths, non-zero exit on a rejected file) in a child process. */
function importWithCli(env: NodeJS.ProcessEnv, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'import', OFFICIAL_DATA_DIR], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`global setup: \`sendbench import\` into ${label} exited with ${code}:\n${output}`));
    });
  });
}

/**
 * One copy of the loaded (closed) PGlite directory for each jest worker after the first, beside it
 * in the same temporary folder (global teardown removes the folder): see sharedPgliteDirFor.
 */
function copyPgliteForWorkers(pgliteDir: string, workers: number): void {
  for (let worker = 2; worker <= workers; worker++) {
    fs.cpSync(pgliteDir, sharedPgliteDirFor(pgliteDir, String(worker)), { recursive: true });
  }
}

/**
 * Loads the whole official data set once per run into an on-disk PGlite directory and a fresh
 * PostgreSQL database, and passes their locations to the tests through the environment
 * (global-teardown.ts removes them). PGlite runs in this process; PostgreSQL is loaded at the same
 * time by `sendbench import` in a child process (one Node thread cannot do both: ~110 s in turn,
 * ~80 s side by side on 2 cores), then re-imported here, where every file must come back unchanged.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  if (!`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`.includes('--experimental-vm-modules')) {
    throw new Error('PGlite inside jest needs NODE_OPTIONS=--experimental-vm-modules: run the suite with `npm test`.');
  }
  if (process.env[SKIP_SHARED_ENV] === '1') {
    process.stderr.write(`global setup: ${SKIP_SHARED_ENV}=1, shared databases not loaded; tests that need them will fail.\n`);
    return;
  }
  if (!fs.existsSync(OFFICIAL_DATA_DIR)) {
    throw new Error(`global setup: no official data at ${OFFICIAL_DATA_DIR}; set SENDBENCH_DATA_DIR to the folder that holds them.`);
  }
  if (!fs.existsSync(CLI)) throw new Error(`global setup: ${CLI} is missing: build first (npm test does: tsc -b packages/schema packages/server).`);

  const pgliteDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-test-')), 'db');
  const postgresName = uniqueDatabaseName('sendbench_test_shared');
  // Recorded before loading, so that cleaning up after a failure finds them.
  process.env[SHARED_DATABASE_ENV.pglite] = pgliteDir;
  process.env[SHARED_DATABASE_ENV.postgresName] = postgresName;
  try {
    const cacheDir = process.env[TEST_CACHE_ENV];
    const key = cacheDir ? sharedDatabaseKey(OFFICIAL_DATA_DIR) : '';
    if (cacheDir && (await restoreSharedDatabases(cacheDir, key, pgliteDir, postgresName))) {
      process.env[SHARED_DATABASE_ENV.postgres] = databaseUrl(postgresName);
      process.stderr.write(`\nglobal setup: shared databases restored from ${TEST_CACHE_ENV}=${cacheDir} (key ${key})\n`);
      copyPgliteForWorkers(pgliteDir, globalConfig.maxWorkers);
      return;
    }
    const postgresUrl = await createDatabase(postgresName);
    process.env[SHARED_DATABASE_ENV.postgres] = postgresUrl;
    process.stderr.write(`\nglobal setup: importing ${OFFICIAL_DATA_DIR} into PGlite (${pgliteDir}) and PostgreSQL (${postgresName})…\n`);
    const started = Date.now();
    const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: postgresUrl, SENDBENCH_DATA_DIR: OFFICIAL_DATA_DIR, NODE_OPTIONS: '' };
    const results = await Promise.allSettled([
      importInProcess(await connect({ dir: pgliteDir }), 'PGlite', 'loaded').then((outcomes) => {
        process.stderr.write(`global setup: PGlite: ${outcomes.filter((o) => o.status === 'loaded').length} files loaded in ${seconds(started)}\n`);
      }),
      importWithCli(childEnv, 'PostgreSQL').then(() => process.stderr.write(`global setup: PostgreSQL: loaded by sendbench import in ${seconds(started)}\n`)),
    ]);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failures.length > 0) throw new Error(failures.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason))).join('\n\n'));
    await importInProcess(await connect({ url: postgresUrl, poolSize: 2 }), 'PostgreSQL (second pass)', 'unchanged');
    if (cacheDir) await saveSharedDatabases(cacheDir, key, pgliteDir, postgresName);
    copyPgliteForWorkers(pgliteDir, globalConfig.maxWorkers);
    process.stderr.write(`global setup: done in ${seconds(started)}${cacheDir ? ` (kept in ${cacheDir}, key ${key})` : ''}\n`);
  } catch (error) {
    // Jest skips global teardown when global setup fails: clean up here.
    await globalTeardown();
    throw error;
  }
}
