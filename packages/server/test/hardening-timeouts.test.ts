import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { Client } from 'pg';
import { connect, type DatabaseHandle } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { cancellationStats } from '../src/db/query-cancellation';
import { MASKED_FAILURES } from '../src/plugins/error-masking';
import { errorCodes } from './support/api';
import { type ServedApp, serveApp } from './support/hardening';
import { postGraphQL } from './support/http';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './support/postgres-admin';

/**
 * Timeouts on PostgreSQL: the request deadline answers 503 REQUEST_TIMEOUT and cancels the
 * statement; a client that goes away gets its statement cancelled; statement_timeout ends a long
 * statement with QUERY_TIMEOUT. A statement is made to wait by locking the table it reads.
 * (PGlite runs statements synchronously and cannot cancel them: see db/query-cancellation.ts.)
 */

const QUERY = { query: '{ dataVersion }' };

describe('timeouts on PostgreSQL', () => {
  const name = uniqueDatabaseName('sendbench_test_timeouts');
  let url: string;
  let handle: DatabaseHandle;
  let timed: DatabaseHandle;
  let locker: Client;
  let observer: Client;
  const served: ServedApp[] = [];

  /** Statements of this database waiting for a lock (our blocked requests). */
  const waitingStatements = async () => {
    const { rows } = await observer.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`, [name]);
    return rows[0].n;
  };

  /** Polls until no statement waits (or `ms` passes); returns how many still wait. */
  const settled = async (ms = 3_000) => {
    const until = Date.now() + ms;
    let waiting = await waitingStatements();
    while (waiting > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      waiting = await waitingStatements();
    }
    return waiting;
  };

  const untilWaiting = async (n = 1) => {
    const until = Date.now() + 5_000;
    while ((await waitingStatements()) < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  };

  beforeAll(async () => {
    url = await createDatabase(name);
    handle = await connect({ url, poolSize: 4, statementTimeoutMs: 60_000 });
    await migrateToLatest(handle.db);
    timed = await connect({ url, poolSize: 2, statementTimeoutMs: 300 });
    observer = new Client({ connectionString: url });
    await observer.connect();
  });

  beforeEach(async () => {
    locker = new Client({ connectionString: url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table data_state in access exclusive mode');
  });

  afterEach(async () => {
    await locker.query('rollback');
    await locker.end();
  });

  afterAll(async () => {
    await Promise.all(served.map((s) => s.stop()));
    await observer?.end();
    await timed?.close();
    await handle?.close();
    await dropDatabase(name);
  });

  const serve = async (db: DatabaseHandle, requestTimeoutMs: number) => {
    const app = await serveApp(db, { requestTimeoutMs });
    served.push(app);
    return app;
  };

  test('answers 503 REQUEST_TIMEOUT when the deadline passes', async () => {
    const api = await serve(handle, 400);
    const answer = await postGraphQL(api.base, QUERY);
    expect({ status: answer.status, codes: errorCodes(answer.json), message: answer.json.errors[0].message }).toEqual({
      status: 503,
      codes: ['REQUEST_TIMEOUT'],
      message: MASKED_FAILURES.REQUEST_TIMEOUT,
    });
  });

  test('cancels the statement of a request whose deadline passed', async () => {
    const api = await serve(handle, 400);
    const sent = cancellationStats.sent;
    await postGraphQL(api.base, QUERY);
    expect({ waiting: await settled(), cancelled: cancellationStats.sent > sent }).toEqual({ waiting: 0, cancelled: true });
  });

  test('cancels the statement when the client goes away', async () => {
    const api = await serve(handle, 60_000);
    const controller = new AbortController();
    void postGraphQL(api.base, QUERY).catch(() => undefined);
    const abandoned = fetch(`${api.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(QUERY), signal: controller.signal }).catch(() => 'aborted');
    await untilWaiting(2);
    const before = await waitingStatements();
    controller.abort();
    await abandoned;
    // The other request (still connected) keeps waiting: exactly one statement was cancelled.
    const until = Date.now() + 3_000;
    let after = await waitingStatements();
    while (after > 1 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      after = await waitingStatements();
    }
    expect({ before, after }).toEqual({ before: 2, after: 1 });
  });

  test('logs a request whose client went away as aborted', async () => {
    const api = await serve(handle, 60_000);
    const controller = new AbortController();
    const abandoned = fetch(`${api.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'gone-away-1' }, body: JSON.stringify(QUERY), signal: controller.signal }).catch(() => 'aborted');
    await untilWaiting();
    controller.abort();
    await abandoned;
    await settled();
    await new Promise((r) => setTimeout(r, 100));
    expect(api.logs.lines().find((l) => l.requestId === 'gone-away-1')?.outcome).toBe('aborted');
  });

  test('ends a statement over statement_timeout with QUERY_TIMEOUT, masked', async () => {
    const api = await serve(timed, 60_000);
    const started = Date.now();
    const answer = await postGraphQL(api.base, QUERY);
    expect({ codes: errorCodes(answer.json), message: answer.json.errors[0].message, fast: Date.now() - started < 3_000 }).toEqual({
      codes: ['QUERY_TIMEOUT'],
      message: MASKED_FAILURES.QUERY_TIMEOUT,
      fast: true,
    });
  });
});
