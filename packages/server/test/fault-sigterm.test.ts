import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Client } from 'pg';
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { type HttpAnswer, postGraphQL, request } from './support/http';
import { importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './support/postgres-admin';
import { type ServerProcess, startServerProcess } from './support/server-process';

/**
 * Fault: SIGTERM while requests are in flight. The server turns /readyz false, keeps accepting for
 * SHUTDOWN_DRAIN_MS (so connections already queued are taken in, not reset), then closes its socket,
 * answers every request it had received, closes the database (and releases the embedded
 * database's lock) and exits 0.
 */

const QUERY = { query: 'query Deficits { comparison(metric: "dsg_deficit_pct", period: 202122, peers: { kind: ENGLAND }) { members { authority { code } value { value } } england { value } } }' };
const IN_FLIGHT = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const answered = (a: HttpAnswer) => a.status === 200 && a.json?.errors === undefined && a.json?.data?.comparison?.england?.value === 2.26;

/** Whether a new connection to the server is refused now. */
async function refusesConnections(base: string): Promise<boolean> {
  try {
    await postGraphQL(base, QUERY);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
  }
}

describe('SIGTERM with requests in flight on PostgreSQL', () => {
  const name = uniqueDatabaseName('sendbench_test_sigterm');
  let server: ServerProcess;
  let answers: HttpAnswer[];
  let refusedDuringDrain = false;
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let exitMs = 0;

  beforeAll(async () => {
    const url = await createDatabase(name);
    const setup = await connect({ url, poolSize: 2 });
    try {
      await migrateToLatest(setup.db);
      await importOrThrow(setup.db, OFFICIAL_FILES.laLookup, OFFICIAL_FILES.dsgDeficitPct);
    } finally {
      await setup.close();
    }
    server = await startServerProcess({ DATABASE_URL: url, RESPONSE_CACHE: 'off', RATE_LIMIT: 'off', DATABASE_POOL_SIZE: String(IN_FLIGHT + 5), NODE_ENV: 'production', SHUTDOWN_DRAIN_MS: '0' });
    // Hold every request inside the database: they all read the data version, which this lock blocks.
    const locker = new Client({ connectionString: url });
    // pg_stat_activity is frozen inside a transaction: watch it from a connection of its own.
    const observer = new Client({ connectionString: url });
    await Promise.all([locker.connect(), observer.connect()]);
    try {
      await locker.query('begin');
      await locker.query('lock table data_state in access exclusive mode');
      const pending = Array.from({ length: IN_FLIGHT }, () => postGraphQL(server.base, QUERY));
      const waiting = async () => (await observer.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`, [name])).rows[0].n;
      const deadline = Date.now() + 10_000;
      while ((await waiting()) < IN_FLIGHT && Date.now() < deadline) await sleep(20);
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      await sleep(300);
      refusedDuringDrain = await refusesConnections(server.base);
      await locker.query('rollback');
      answers = await Promise.all(pending);
      exit = await server.exited;
      exitMs = Date.now() - signalled;
    } finally {
      await Promise.all([locker.end(), observer.end()]);
    }
  });

  afterAll(async () => {
    server?.kill();
    await dropDatabase(name);
  });

  test('answers every request it had received', () => {
    expect(answers.filter(answered).length).toBe(IN_FLIGHT);
  });

  test('asks clients to close their connection while draining', () => {
    expect(answers.every((a) => a.headers.connection === 'close')).toBe(true);
  });

  test('refuses new connections as soon as it is told to stop (SHUTDOWN_DRAIN_MS=0)', () => {
    expect(refusedDuringDrain).toBe(true);
  });

  test('exits 0 once the requests are answered', () => {
    expect({ code: exit.code, quick: exitMs < 5_000 }).toEqual({ code: 0, quick: true });
  });

  test('logs the shutdown', () => {
    expect(server.logs().map((l) => l.msg).filter((m) => m === 'shutting down: finishing in-flight requests' || m === 'stopped')).toEqual(['shutting down: finishing in-flight requests', 'stopped']);
  });
});

describe('SIGTERM under load on the embedded database', () => {
  let base: string;
  let dir: string;
  let server: ServerProcess;
  let answers: HttpAnswer[];
  let readinessWhileDraining = 0;
  let exit: { code: number | null; signal: NodeJS.Signals | null };

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-sigterm-'));
    dir = path.join(base, 'db');
    const setup = await connect({ dir });
    try {
      await migrateToLatest(setup.db);
      await importOrThrow(setup.db, OFFICIAL_FILES.laLookup, OFFICIAL_FILES.dsgDeficitPct);
    } finally {
      await setup.close();
    }
    server = await startServerProcess({ SENDBENCH_DB_DIR: dir, RESPONSE_CACHE: 'off', RATE_LIMIT: 'off', NODE_ENV: 'production', SHUTDOWN_DRAIN_MS: '1000' });
    // A burst that the single embedded connection answers one by one, SIGTERM at the first answer:
    // the rest are still queued in the server (some still in the kernel's accept queue).
    const pending = Array.from({ length: IN_FLIGHT }, () => postGraphQL(server.base, QUERY));
    await Promise.race(pending);
    server.child.kill('SIGTERM');
    await sleep(200);
    readinessWhileDraining = (await request(`${server.base}/readyz`)).status;
    answers = await Promise.all(pending);
    exit = await server.exited;
  });

  afterAll(() => {
    server?.kill();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  test('answers every request of the burst', () => {
    expect(answers.filter(answered).length).toBe(IN_FLIGHT);
  });

  test('answers /readyz with 503 while draining', () => {
    expect(readinessWhileDraining).toBe(503);
  });

  test('exits 0', () => {
    expect(exit.code).toBe(0);
  });

  test('releases the embedded database lock', () => {
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
