import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { connect } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { MASKED_FAILURES } from '../src/plugins/error-masking';
import { type HttpAnswer, postGraphQL, request } from './support/http';
import { importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { type ServerProcess, startServerProcess } from './support/server-process';
import { createThrowawayCluster, type ThrowawayCluster } from './support/throwaway-cluster';

/**
 * Fault: PostgreSQL is stopped and started again while the server answers a steady load. The
 * database is a throwaway cluster this test creates (initdb on a free port) and removes. During the
 * outage every request fails fast with a masked error and /readyz is false; the process stays up;
 * once the database is back the server answers again by itself.
 */

const QUERY = {
  query: 'query Deficits { comparison(metric: "dsg_deficit_pct", period: 202122, peers: { kind: ENGLAND }) { members { authority { code } value { value } } england { value } } }',
};
const CONCURRENCY = 6;
const OUTAGE_MS = 4_000;
const RECOVERY_MS = 6_000;

interface Sample {
  startedAt: number;
  ms: number;
  status: number;
  ok: boolean;
  codes: string[];
  text: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sampleOf(startedAt: number, answer: HttpAnswer | Error): Sample {
  const ms = Date.now() - startedAt;
  // (Errors from Node's http module are not instances of the test realm's Error.)
  if (!('status' in answer)) return { startedAt, ms, status: 0, ok: false, codes: ['NO_ANSWER'], text: String(answer.message) };
  const errors: { extensions?: { code?: string } }[] = answer.json?.errors ?? [];
  return { startedAt, ms, status: answer.status, ok: answer.status === 200 && errors.length === 0 && answer.json?.data?.comparison != null, codes: errors.map((e) => String(e.extensions?.code)), text: answer.text };
}

describe('PostgreSQL restarted under load', () => {
  let cluster: ThrowawayCluster;
  let server: ServerProcess;
  const samples: Sample[] = [];
  const readiness: { at: number; status: number }[] = [];
  let stoppingAt = 0;
  let stoppedAt = 0;
  let startedAgainAt = 0;
  let aliveAfter = false;

  beforeAll(async () => {
    cluster = await createThrowawayCluster();
    const setup = await connect({ url: cluster.url, poolSize: 2 });
    try {
      await migrateToLatest(setup.db);
      await importOrThrow(setup.db, OFFICIAL_FILES.laLookup, OFFICIAL_FILES.dsgDeficitPct);
    } finally {
      await setup.close();
    }
    server = await startServerProcess({ DATABASE_URL: cluster.url, NODE_ENV: 'production', RESPONSE_CACHE: 'off', RATE_LIMIT: 'off' });

    let running = true;
    const worker = async () => {
      while (running) {
        const startedAt = Date.now();
        samples.push(sampleOf(startedAt, await postGraphQL(server.base, QUERY).catch((error: Error) => error)));
      }
    };
    const probe = async () => {
      while (running) {
        const at = Date.now();
        const answer = await request(`${server.base}/readyz`).catch(() => undefined);
        readiness.push({ at, status: answer?.status ?? 0 });
        await sleep(200);
      }
    };
    const load = [...Array.from({ length: CONCURRENCY }, worker), probe()];
    await sleep(1_500);
    stoppingAt = Date.now();
    await cluster.stop();
    stoppedAt = Date.now();
    await sleep(OUTAGE_MS);
    startedAgainAt = Date.now();
    await cluster.start();
    await sleep(RECOVERY_MS);
    running = false;
    await Promise.all(load);
    aliveAfter = server.child.exitCode === null && server.child.signalCode === null;
  });

  afterAll(async () => {
    server?.kill();
    await server?.exited;
    await cluster?.remove();
  });

  /** Requests made while the database was down. */
  const during = () => samples.filter((s) => s.startedAt > stoppedAt && s.startedAt + s.ms < startedAgainAt);

  test('answers the load before the outage', () => {
    const before = samples.filter((s) => s.startedAt + s.ms < stoppingAt);
    expect({ some: before.length > 10, allOk: before.every((s) => s.ok) }).toEqual({ some: true, allOk: true });
  });

  test('fails requests during the outage with DATABASE_UNAVAILABLE only', () => {
    const codes = new Set(during().flatMap((s) => s.codes));
    expect({ requests: during().length > 10, codes: [...codes] }).toEqual({ requests: true, codes: ['DATABASE_UNAVAILABLE'] });
  });

  test('masks every outage error: the fixed message, no driver text', () => {
    const leaks = during().filter((s) => /ECONNREFUSED|terminating|Connection terminated|postgres|stack|at \//i.test(s.text) || !s.text.includes(MASKED_FAILURES.DATABASE_UNAVAILABLE));
    expect(leaks.map((s) => s.text.slice(0, 300))).toEqual([]);
  });

  test('reports no error other than DATABASE_UNAVAILABLE over the whole run, even for statements cut off by the shutdown', () => {
    expect([...new Set(samples.flatMap((s) => s.codes))].filter((c) => c !== 'DATABASE_UNAVAILABLE')).toEqual([]);
  });

  // Failing fast means no request waits for a timeout (the pool's connect timeout is 5 s, the
  // request deadline longer): a refused connection is answered at once. The bounds leave room for
  // a busy machine (one request took 1,039 ms under two jest workers and other agents), not for a wait.
  test('fails fast during the outage: typically within 250 ms, none near the 5 s connect timeout', () => {
    const times = during().map((s) => s.ms).sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(250);
    expect(times[times.length - 1]).toBeLessThan(2_500);
  });

  test('answers 200 with GraphQL errors, never a 5xx, during the outage', () => {
    expect([...new Set(during().map((s) => s.status))]).toEqual([200]);
  });

  test('turns /readyz false during the outage', () => {
    const statuses = new Set(readiness.filter((r) => r.at > stoppedAt && r.at < startedAgainAt).map((r) => r.status));
    expect([...statuses]).toEqual([503]);
  });

  test('stays up', () => {
    expect(aliveAfter).toBe(true);
  });

  test('answers again within 3 s of the database returning, with no manual step', () => {
    const firstOk = samples.find((s) => s.startedAt > startedAgainAt && s.ok);
    expect(firstOk !== undefined && firstOk.startedAt - startedAgainAt < 3_000).toBe(true);
  });

  test('answers every request in the last seconds of the run', () => {
    const tail = samples.filter((s) => s.startedAt > startedAgainAt + 3_000);
    expect({ some: tail.length > 10, failed: tail.filter((s) => !s.ok).map((s) => s.codes) }).toEqual({ some: true, failed: [] });
  });

  test('turns /readyz true again', () => {
    expect(readiness.filter((r) => r.at > startedAgainAt + 3_000).every((r) => r.status === 200)).toBe(true);
  });
});
