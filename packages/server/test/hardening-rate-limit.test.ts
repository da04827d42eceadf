import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';
import { connect, type DatabaseHandle } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { MemoryRateLimiter, RedisRateLimiter } from '../src/plugins/rate-limit';
import { errorCodes } from './support/api';
import { openLookupDatabase, type ServedApp, serveApp } from './support/hardening';
import { postGraphQL, request } from './support/http';
import { importLaLookup } from './support/import-file';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './support/postgres-admin';
import { type ServerProcess, startServerProcess } from './support/server-process';
import { freePort } from './support/throwaway-cluster';

/**
 * Per-client rate limiting: 429 with Retry-After past the budget, in process, and shared through
 * Redis (127.0.0.1:6379, keys under a prefix unique to this run, deleted afterwards) so that
 * several server processes share one budget.
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const POLICY = { requests: 3, windowMs: 60_000 };
const QUERY = { query: '{ dataVersion }' };

/** Deletes every key under `prefix`. */
async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** `n` requests in turn, spread over the given servers round-robin; their statuses. */
async function statuses(bases: string[], n: number, headers: Record<string, string> = {}): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < n; i++) result.push((await postGraphQL(bases[i % bases.length], QUERY, headers)).status);
  return result;
}

describe('rate limit in process', () => {
  let handle: DatabaseHandle;
  let api: ServedApp;
  const limiter = new MemoryRateLimiter(POLICY);

  beforeAll(async () => {
    handle = await openLookupDatabase('pglite');
    api = await serveApp(handle, { rateLimiter: limiter, trustProxyHops: 1 });
  });

  afterAll(async () => {
    await api?.stop();
    await limiter.close();
    await handle?.close();
  });

  test('answers the budget, then 429 RATE_LIMITED with Retry-After', async () => {
    const client = { 'x-forwarded-for': '198.51.100.1' };
    const allowed = await statuses([api.base], POLICY.requests, client);
    const refused = await postGraphQL(api.base, QUERY, client);
    expect({ allowed, status: refused.status, code: errorCodes(refused.json), retryAfter: refused.headers['retry-after'] }).toEqual({
      allowed: [200, 200, 200],
      status: 429,
      code: ['RATE_LIMITED'],
      retryAfter: String(POLICY.windowMs / POLICY.requests / 1000),
    });
  });

  test('counts down RateLimit-Remaining', async () => {
    const client = { 'x-forwarded-for': '198.51.100.2' };
    const remaining: unknown[] = [];
    for (let i = 0; i < POLICY.requests; i++) remaining.push((await postGraphQL(api.base, QUERY, client)).headers['ratelimit-remaining']);
    expect(remaining).toEqual(['2', '1', '0']);
  });

  test('keeps a budget per client', async () => {
    await statuses([api.base], POLICY.requests + 1, { 'x-forwarded-for': '198.51.100.3' });
    expect((await postGraphQL(api.base, QUERY, { 'x-forwarded-for': '198.51.100.4' })).status).toBe(200);
  });

  test('does not limit health checks', async () => {
    await statuses([api.base], POLICY.requests + 1, { 'x-forwarded-for': '198.51.100.5' });
    expect((await request(`${api.base}/healthz`, { headers: { 'x-forwarded-for': '198.51.100.5' } })).status).toBe(200);
  });
});

describe('rate limit shared through Redis', () => {
  const prefix = `sendbench-test:${randomUUID()}:`;
  let handle: DatabaseHandle;
  const apps: ServedApp[] = [];
  // One Redis connection per limiter, as two processes would have.
  const limiters = [0, 1].map(() => new RedisRateLimiter(POLICY, new Redis(REDIS_URL), { keyPrefix: `${prefix}ratelimit:` }));

  beforeAll(async () => {
    handle = await openLookupDatabase('pglite');
    for (const limiter of limiters) apps.push(await serveApp(handle, { rateLimiter: limiter, trustProxyHops: 1 }));
  });

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await Promise.all(limiters.map((l) => l.close()));
    await handle?.close();
    await deleteKeys(prefix);
  });

  test('gives two servers one budget per client', async () => {
    const result = await statuses(apps.map((a) => a.base), 2 * POLICY.requests, { 'x-forwarded-for': '203.0.113.1' });
    expect(result).toEqual([200, 200, 200, 429, 429, 429]);
  });

  test('sends Retry-After from the shared budget', async () => {
    await statuses(apps.map((a) => a.base), POLICY.requests, { 'x-forwarded-for': '203.0.113.2' });
    const refused = await postGraphQL(apps[1].base, QUERY, { 'x-forwarded-for': '203.0.113.2' });
    expect({ status: refused.status, retryAfter: Number(refused.headers['retry-after']) }).toEqual({ status: 429, retryAfter: POLICY.windowMs / POLICY.requests / 1000 });
  });

  test('keeps the budget in Redis under the configured prefix', async () => {
    await postGraphQL(apps[0].base, QUERY, { 'x-forwarded-for': '203.0.113.3' });
    const redis = new Redis(REDIS_URL);
    const ttl = await redis.pttl(`${prefix}ratelimit:203.0.113.3`);
    redis.disconnect();
    expect(ttl > 0 && ttl <= POLICY.windowMs).toBe(true);
  });

  test('limits in process when Redis does not answer', async () => {
    const deadPort = await freePort();
    const limiter = new RedisRateLimiter(POLICY, new Redis({ port: deadPort, enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null }), { keyPrefix: prefix });
    const decisions = [];
    for (let i = 0; i <= POLICY.requests; i++) decisions.push((await limiter.consume('203.0.113.4')).allowed);
    await limiter.close();
    expect(decisions).toEqual([true, true, true, false]);
  });
});

describe('rate limit shared by two server processes', () => {
  const prefix = `sendbench-test:${randomUUID()}:`;
  const databaseName = uniqueDatabaseName('sendbench_test_ratelimit');
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    const url = await createDatabase(databaseName);
    const setup = await connect({ url, poolSize: 2 });
    try {
      await migrateToLatest(setup.db);
      await importLaLookup(setup.db);
    } finally {
      await setup.close();
    }
    const env = { DATABASE_URL: url, REDIS_URL, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_REQUESTS: String(POLICY.requests), RATE_LIMIT_WINDOW_SECONDS: String(POLICY.windowMs / 1000), NODE_ENV: 'production', SHUTDOWN_DRAIN_MS: '0' };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });

  afterAll(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await dropDatabase(databaseName);
    await deleteKeys(prefix);
  });

  test('refuses the client on both processes once it spent its budget across them', async () => {
    const result = await statuses(servers.map((s) => s.base), 2 * POLICY.requests);
    expect(result).toEqual([200, 200, 200, 429, 429, 429]);
  });
});
