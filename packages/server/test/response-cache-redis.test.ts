import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Redis, type RedisOptions } from 'ioredis';
import { sql } from 'kysely';
import pino from 'pino';
import type { DatabaseHandle } from '../src/db/connect';
import { type App, createApp } from '../src/http/app';
import { RedisKeyValueCache } from '../src/plugins/response-cache';
import { ENGINES } from './support/engines';
import { copyWithLines, removeCopies, withCell } from './support/file-copies';
import { openFreshDatabase } from './support/fresh-database';
import { importLaLookup, importOrThrow } from './support/import-file';
import { captureLogs } from './support/log-capture';
import { OFFICIAL_FILES } from './support/official-data';
import { freePort } from './support/throwaway-cluster';

/**
 * The response cache shared through Redis (127.0.0.1:6379, keys under a prefix unique to each run,
 * deleted afterwards): two apps over one database, each with its own Redis connection as two
 * processes would have, serve each other's cached responses; an import retires them; a Redis that
 * does not answer leaves every request answered, uncached.
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** As serve.ts connects: fail fast while Redis is away. */
const CLIENT_OPTIONS: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 };

const comparison = (period: number) => `{ comparison(metric: "dsg_deficit_pct", period: ${period}, peers: { kind: ENGLAND }) { england { value } statistics { median } } }`;
const LATEST = comparison(202122);
const EARLIER = comparison(202021);
/** Loads an app's reference snapshot for the current data version, so later statement counts are the query's own. */
const WARM_UP = '{ dataVersion }';

/** The deficit extract with England's 2021-22 figure (published 2.26) changed to 9.99: a revised release. */
function revisedDeficitFile(): string {
  return copyWithLines(OFFICIAL_FILES.dsgDeficitPct, (lines) => lines.map((line) => (line.startsWith('202122,Financial year,National,') ? withCell(line, 10, '9.99') : line)), 'dsg_deficit_pct_revised.csv');
}

for (const engine of ENGINES) {
  describe(`${engine} response cache shared through Redis`, () => {
    const keyPrefix = `sendbench-test:${randomUUID()}:response:`;
    const admin = new Redis(REDIS_URL);
    const clients: Redis[] = [];
    let handle: DatabaseHandle;
    let a: App;
    let b: App;

    const keyCount = async () => (await admin.keys(`${keyPrefix}*`)).length;
    /** The cache writes after answering: waits until Redis holds more than `count` entries. */
    const waitForKeys = async (count: number) => {
      const deadline = Date.now() + 5_000;
      while ((await keyCount()) <= count) {
        if (Date.now() > deadline) throw new Error(`no new response cache entry in Redis after 5 s (${count} there)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    /** Runs `query` on `app` and waits for its response to be in Redis. */
    const executeAndStore = async (app: App, query: string) => {
      const before = await keyCount();
      const result = await app.execute({ query });
      await waitForKeys(before);
      return result;
    };
    const appWithCache = async (client: Redis, logger = pino({ level: 'silent' })) => {
      clients.push(client);
      return createApp({ db: handle.db, logger, production: false, responseCache: true, responseCacheStore: new RedisKeyValueCache(client, { keyPrefix, logger }) });
    };

    beforeAll(async () => {
      handle = await openFreshDatabase(engine);
      await importLaLookup(handle.db);
      await importOrThrow(handle.db, OFFICIAL_FILES.dsgDeficitPct);
      [a, b] = await Promise.all([0, 1].map(async () => {
        const client = new Redis(REDIS_URL, { ...CLIENT_OPTIONS, lazyConnect: true });
        await client.connect();
        return appWithCache(client);
      }));
      for (const app of [a, b]) await app.execute({ query: WARM_UP });
    });

    afterAll(async () => {
      await Promise.all([a, b].map((app) => app?.stop()));
      for (const client of clients) client.disconnect();
      const keys = await admin.keys(`${keyPrefix}*`);
      if (keys.length) await admin.del(...keys);
      admin.disconnect();
      await handle?.close();
      removeCopies();
    });

    test('serves on one app the response another computed, with no SQL but the data-version read', async () => {
      const first = await executeAndStore(a, LATEST);
      const second = await b.execute({ query: LATEST });
      expect({ body: second.body, statements: second.sqlStatements, firstDidWork: first.sqlStatements > 1 }).toEqual({ body: first.body, statements: 1, firstDidWork: true });
    });

    test('keeps entries under the configured prefix, each with a TTL of at most a day', async () => {
      const keys = await admin.keys(`${keyPrefix}*`);
      const ttls = await Promise.all(keys.map((key) => admin.ttl(key)));
      expect({ some: keys.length > 0, ttlsOk: ttls.every((ttl) => ttl > 0 && ttl <= 24 * 60 * 60) }).toEqual({ some: true, ttlsOk: true });
    });

    test('an import makes both apps miss, then shares the new responses', async () => {
      await a.execute({ query: LATEST }); // cached under the old version (first test)
      const earlier = await executeAndStore(a, EARLIER);
      expect((await b.execute({ query: EARLIER })).sqlStatements).toBe(1);

      await importOrThrow(handle.db, revisedDeficitFile());
      for (const app of [a, b]) await app.execute({ query: WARM_UP });
      const latestOnA = await executeAndStore(a, LATEST);
      const earlierOnB = await b.execute({ query: EARLIER });
      const latestOnB = await b.execute({ query: LATEST });
      expect({
        aMissed: latestOnA.sqlStatements > 1,
        aValue: latestOnA.body.data.comparison.england.value,
        bMissed: earlierOnB.sqlStatements > 1,
        bEarlier: earlierOnB.body,
        bLatest: latestOnB.body,
        bLatestStatements: latestOnB.sqlStatements,
      }).toEqual({ aMissed: true, aValue: 9.99, bMissed: true, bEarlier: earlier.body, bLatest: latestOnA.body, bLatestStatements: 1 });
    });

    test('a data version reached again with other data (a restored database) does not get the old answers', async () => {
      const cached = await b.execute({ query: LATEST }); // stored by the previous test
      // A restore followed by an import reaches the same version number at another time.
      await sql`update data_state set updated_at = updated_at - interval '1 day' where id = 1`.execute(handle.db);
      await b.execute({ query: WARM_UP });
      const after = await b.execute({ query: LATEST });
      expect({ cachedBefore: cached.sqlStatements, missedAfter: after.sqlStatements > 1 }).toEqual({ cachedBefore: 1, missedAfter: true });
    });

    test('answers every request, uncached, when Redis does not answer, and warns once', async () => {
      const logs = captureLogs();
      const unreachable = new Redis({ ...CLIENT_OPTIONS, host: '127.0.0.1', port: await freePort() });
      const app = await appWithCache(unreachable, logs.logger);
      try {
        const expected = (await a.execute({ query: LATEST })).body;
        const started = Date.now();
        const answers = [await app.execute({ query: LATEST }), await app.execute({ query: LATEST })];
        const elapsedMs = Date.now() - started;
        const warnings = logs.lines().filter((line) => line.level === 40 && String(line.msg).startsWith('response cache:'));
        expect({
          statuses: answers.map((r) => r.status),
          bodies: answers.map((r) => r.body),
          computed: answers.map((r) => r.sqlStatements > 1),
          warnings: warnings.length,
          quick: elapsedMs < 5_000,
        }).toEqual({ statuses: [200, 200], bodies: [expected, expected], computed: [true, true], warnings: 1, quick: true });
      } finally {
        await app.stop();
      }
    });
  });
}
