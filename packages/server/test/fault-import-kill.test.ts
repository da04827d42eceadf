import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Client } from 'pg';
import { connect, type DatabaseHandle } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { CLI, runCli } from './support/cli';
import { fingerprint } from './support/fingerprint';
import { importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './support/postgres-admin';

/**
 * Fault: `sendbench import` killed with SIGKILL while it writes a large file leaves the database
 * exactly as it was (every table's content, by fingerprint), and the next import succeeds.
 */

const BIG_FILE = OFFICIAL_FILES.caseload;

/** Starts `sendbench import BIG_FILE` with exactly `env`; resolves with its exit once it ends. */
function startImport(env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, 'import', BIG_FILE], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 20 ms until it is true; throws after `ms`. */
async function until(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function loadBaseline(handle: DatabaseHandle): Promise<void> {
  await migrateToLatest(handle.db);
  await importOrThrow(handle.db, OFFICIAL_FILES.laLookup, OFFICIAL_FILES.dsgDeficitPct);
}

describe('import killed with SIGKILL on PostgreSQL', () => {
  const name = uniqueDatabaseName('sendbench_test_kill');
  let url: string;
  let before: Record<string, string>;
  let after: Record<string, string>;
  let killed: { code: number | null; signal: NodeJS.Signals | null };
  let writingWhenKilled: string;

  beforeAll(async () => {
    url = await createDatabase(name);
    const handle = await connect({ url, poolSize: 2 });
    try {
      await loadBaseline(handle);
      before = await fingerprint(handle.db);
    } finally {
      await handle.close();
    }
    const observer = new Client({ connectionString: url });
    await observer.connect();
    try {
      const run = startImport({ DATABASE_URL: url });
      // Mid-way: the import's transaction is open and copying observations in.
      const activeCopy = async () => {
        const { rows } = await observer.query<{ query: string }>(
          `select query from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and xact_start is not null and query ~* '^\\s*copy\\s+observation\\s*\\('`,
          [name],
        );
        writingWhenKilled = rows[0]?.query.trim().slice(0, 60) ?? '';
        return rows.length > 0;
      };
      await until(activeCopy, 60_000, 'the import to copy observations');
      await sleep(300);
      run.child.kill('SIGKILL');
      killed = await run.exited;
      // The server rolls back the transaction of the connection that died.
      await until(async () => (await observer.query(`select 1 from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name])).rowCount === 0, 10_000, 'the dead connection to close');
    } finally {
      await observer.end();
    }
    const handle2 = await connect({ url, poolSize: 2 });
    try {
      after = await fingerprint(handle2.db);
    } finally {
      await handle2.close();
    }
  });

  afterAll(async () => {
    await dropDatabase(name);
  });

  test('killed the import while it was copying observations in', () => {
    expect({ signal: killed.signal, writing: writingWhenKilled }).toEqual({ signal: 'SIGKILL', writing: expect.stringMatching(/^copy observation \(series_id, area_code/) });
  });

  test('leaves every table exactly as before', () => {
    expect(after).toEqual(before);
  });

  test('imports the file on the next run', async () => {
    const result = await runCli(['import', BIG_FILE], { DATABASE_URL: url }, 180_000);
    expect({ code: result.code, loaded: /1 loaded, 0 unchanged, 0 skipped, 0 rejected/.test(result.stderr) }).toEqual({ code: 0, loaded: true });
  });
});

describe('import killed with SIGKILL on the embedded database', () => {
  let base: string;
  let dir: string;
  let before: Record<string, string>;
  let after: Record<string, string>;
  let killed: { code: number | null; signal: NodeJS.Signals | null };
  let writingWhenKilled = false;

  /** The newest modification time of the files under `folder`. */
  const newestChange = (folder: string): number => {
    let newest = 0;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
    return newest;
  };

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-kill-'));
    dir = path.join(base, 'db');
    const handle = await connect({ dir });
    try {
      await loadBaseline(handle);
      before = await fingerprint(handle.db);
    } finally {
      await handle.close();
    }
    const settledAt = newestChange(dir);
    const started = Date.now();
    const run = startImport({ SENDBENCH_DB_DIR: dir });
    // Mid-way: the write-ahead log has been changing for 2 s (past the migration check and the
    // validation, into the write of ~1.2 million figures) and changed within the last 300 ms.
    const wal = path.join(dir, 'pg_wal');
    await until(() => newestChange(wal) > Math.max(settledAt, started), 60_000, 'the import to write');
    const firstWrite = Date.now();
    await until(() => Date.now() - firstWrite > 2_000 && Date.now() - newestChange(wal) < 300, 60_000, 'the import to be writing');
    writingWhenKilled = run.child.exitCode === null;
    run.child.kill('SIGKILL');
    killed = await run.exited;
    const handle2 = await connect({ dir });
    try {
      after = await fingerprint(handle2.db);
    } finally {
      await handle2.close();
    }
  });

  afterAll(() => {
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  test('killed the import while it was writing', () => {
    expect({ signal: killed.signal, writing: writingWhenKilled }).toEqual({ signal: 'SIGKILL', writing: true });
  });

  test('leaves every table exactly as before (PGlite recovers from its write-ahead log)', () => {
    expect(after).toEqual(before);
  });

  test('imports the file on the next run, taking over the dead process\'s lock', async () => {
    const result = await runCli(['import', BIG_FILE], { SENDBENCH_DB_DIR: dir }, 180_000);
    expect({ code: result.code, loaded: /1 loaded, 0 unchanged, 0 skipped, 0 rejected/.test(result.stderr) }).toEqual({ code: 0, loaded: true });
  });
});
