import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import pino from 'pino';
import type { DatabaseHandle } from '../src/db/connect';
import { type App, createApp } from '../src/http/app';
import { ENGINES } from './support/engines';
import { type ServedApp, serveApp } from './support/hardening';
import { postGraphQL, request } from './support/http';
import { copyWithLines, removeCopies, withCell } from './support/file-copies';
import { openFreshDatabase } from './support/fresh-database';
import { importLaLookup, importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';

const DEFICIT = `{ comparison(metric: "dsg_deficit_pct", period: 202122, peers: { kind: ENGLAND }) { england { value } statistics { median } } }`;
const BY_PERIOD = `query Deficit($period: PeriodCode) { comparison(metric: "dsg_deficit_pct", period: $period, peers: { kind: ENGLAND }) { england { value } } }`;
/** Fails with UNKNOWN_AUTHORITY: errors are never cached. */
const UNKNOWN_LA = `query Unknown { comparison(metric: "dsg_deficit_pct", focus: "999", peers: { kind: ENGLAND }) { england { value } } }`;

/** The deficit extract with England's 2021-22 figure (published 2.26) changed to 9.99: a revised release. */
function revisedDeficitFile(): string {
  return copyWithLines(OFFICIAL_FILES.dsgDeficitPct, (lines) => lines.map((line) => (line.startsWith('202122,Financial year,National,') ? withCell(line, 10, '9.99') : line)), 'dsg_deficit_pct_revised.csv');
}

for (const engine of ENGINES) {
  describe(`${engine} response cache`, () => {
    let handle: DatabaseHandle;
    let app: App;

    beforeEach(async () => {
      handle = await openFreshDatabase(engine);
      await importLaLookup(handle.db);
      await importOrThrow(handle.db, OFFICIAL_FILES.dsgDeficitPct);
      app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: false, responseCache: true });
    });

    afterEach(async () => {
      await app?.stop();
      await handle?.close();
    });

    afterAll(() => removeCopies());

    test('answers a repeated operation from the cache with one statement', async () => {
      const first = await app.execute({ query: DEFICIT });
      const second = await app.execute({ query: DEFICIT });
      expect({ body: second.body, statements: second.sqlStatements, firstDidWork: first.sqlStatements > 1 }).toEqual({ body: first.body, statements: 1, firstDidWork: true });
    });

    test('serves the new figures after an import changes the data', async () => {
      await app.execute({ query: DEFICIT });
      await importOrThrow(handle.db, revisedDeficitFile());
      const after = await app.execute({ query: DEFICIT });
      expect(after.body.data.comparison.england.value).toBe(9.99);
    });
  });

  describe(`${engine} response cache over HTTP`, () => {
    let handle: DatabaseHandle;
    let served: ServedApp;

    /** The response-cache field of the log line of the request with id `requestId`. */
    const cacheOf = (requestId: string | string[] | undefined) => served.logs.lines().find((line) => line.requestId === requestId && line.msg === 'graphql request')?.responseCache;
    /** Waits for the (asynchronous) write of the entry: a second request then hits. */
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    beforeAll(async () => {
      handle = await openFreshDatabase(engine);
      await importLaLookup(handle.db);
      await importOrThrow(handle.db, OFFICIAL_FILES.dsgDeficitPct);
      served = await serveApp(handle, { production: true, responseCache: true });
    });

    afterAll(async () => {
      await served?.stop();
      await handle?.close();
    });

    test('a hit answers the very bytes and content type of the first answer with an Age, and its log line says so', async () => {
      const payload = { query: BY_PERIOD, operationName: 'Deficit', variables: { period: 202021 } };
      const first = await postGraphQL(served.base, payload);
      await settle();
      const second = await postGraphQL(served.base, payload);
      expect({
        status: second.status,
        text: second.text,
        type: second.headers['content-type'],
        age: [first.headers.age, second.headers.age],
        value: second.json.data.comparison.england.value,
        first: cacheOf(first.headers['x-request-id']),
        second: cacheOf(second.headers['x-request-id']),
        operation: served.logs.lines().find((line) => line.requestId === second.headers['x-request-id'])?.operation,
      }).toEqual({ status: 200, text: first.text, type: first.headers['content-type'], age: [undefined, '0'], value: 1.69, first: 'miss', second: 'hit', operation: 'Deficit' });
    });

    test('other variables are another answer', async () => {
      const latest = await postGraphQL(served.base, { query: BY_PERIOD, variables: { period: 202122 } });
      const earlier = await postGraphQL(served.base, { query: BY_PERIOD, variables: { period: 202021 } });
      expect([latest.json.data.comparison.england.value, earlier.json.data.comparison.england.value]).toEqual([2.26, 1.69]);
    });

    test('errors are never cached', async () => {
      const answers = [];
      for (let i = 0; i < 2; i++) {
        answers.push(await postGraphQL(served.base, { query: UNKNOWN_LA }));
        await settle();
      }
      expect(answers.map((a) => [a.json.errors[0].extensions.code, cacheOf(a.headers['x-request-id'])])).toEqual([
        ['UNKNOWN_AUTHORITY', 'miss'],
        ['UNKNOWN_AUTHORITY', 'miss'],
      ]);
    });

    test('a cached GET answer is not served to a GET that CSRF prevention refuses', async () => {
      const url = `${served.base}/graphql?query=${encodeURIComponent(DEFICIT)}`;
      await request(url, { headers: { 'apollo-require-preflight': 'true' } });
      await settle();
      const preflighted = await request(url, { headers: { 'apollo-require-preflight': 'true' } });
      const simple = await request(url);
      expect({
        preflighted: [preflighted.status, cacheOf(preflighted.headers['x-request-id']), preflighted.json.data.comparison.england.value],
        simple: [simple.status, cacheOf(simple.headers['x-request-id']), simple.json.errors[0].extensions.code],
      }).toEqual({ preflighted: [200, 'hit', 2.26], simple: [400, undefined, 'BAD_REQUEST'] });
    });

    test('the content type the client accepts is part of the key', async () => {
      const payload = { query: DEFICIT };
      await postGraphQL(served.base, payload, { accept: 'application/json' });
      await settle();
      const modern = await postGraphQL(served.base, payload, { accept: 'application/graphql-response+json' });
      expect([modern.headers['content-type'], cacheOf(modern.headers['x-request-id'])]).toEqual(['application/graphql-response+json; charset=utf-8', 'miss']);
    });
  });
}
