import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import type { KyselyPlugin } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import { INTROSPECTION_DISABLED, UNEXPECTED_ERROR } from '../src/plugins/error-masking';
import { errorCodes, hasStackTrace } from './support/api';
import { openLookupDatabase, type ServedApp, serveApp } from './support/hardening';
import { postGraphQL, request } from './support/http';

/**
 * Production mode (issue 6): unknown errors masked with a request id and logged, no stack traces,
 * no schema hints, CSRF prevention, no batching, introspection and explorer off unless asked for.
 */

const SECRET = 'relation "secret_internal_table" does not exist (at /srv/sendbench/db.ts:12)';

/** Makes every statement fail as a bug deep in the server would. */
const failingStatements: KyselyPlugin = {
  transformQuery() {
    throw new Error(SECRET);
  },
  async transformResult(args) {
    return args.result;
  },
};

describe('production mode', () => {
  let handle: DatabaseHandle;
  let production: ServedApp;
  let development: ServedApp;
  let broken: ServedApp;
  let introspective: ServedApp;

  beforeAll(async () => {
    handle = await openLookupDatabase('pglite');
    production = await serveApp(handle, { production: true });
    development = await serveApp(handle, { production: false });
    broken = await serveApp({ ...handle, db: handle.db.withPlugin(failingStatements) }, { production: true });
    introspective = await serveApp(handle, { production: true, introspection: true });
  });

  afterAll(async () => {
    await Promise.all([production, development, broken, introspective].map((s) => s?.stop()));
    await handle?.close();
  });

  describe('error masking', () => {
    test('masks an internal error as "Unexpected error." with the request id', async () => {
      const answer = await postGraphQL(broken.base, { query: '{ dataVersion }' }, { 'x-request-id': 'masking-test-1' });
      expect(answer.json.errors).toEqual([expect.objectContaining({ message: UNEXPECTED_ERROR, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'masking-test-1' } })]);
    });

    test('never sends the original message or a stack trace', async () => {
      const answer = await postGraphQL(broken.base, { query: '{ dataVersion }' });
      expect({ secret: answer.text.includes('secret_internal_table'), path: answer.text.includes('/srv/'), stack: hasStackTrace(answer.json) }).toEqual({ secret: false, path: false, stack: false });
    });

    test('logs the original error with the same request id', async () => {
      await postGraphQL(broken.base, { query: '{ dataVersion }' }, { 'x-request-id': 'masking-test-3' });
      const logged = broken.logs.lines().find((l) => l.requestId === 'masking-test-3' && l.msg === 'unexpected error in a GraphQL request');
      expect(logged?.err?.message).toContain('secret_internal_table');
    });

    test('answers a request id of its own when the client sends none', async () => {
      const answer = await postGraphQL(broken.base, { query: '{ dataVersion }' });
      expect(answer.json.errors[0].extensions.requestId).toBe(answer.headers['x-request-id']);
    });
  });

  describe('schema hints', () => {
    test('hides field suggestions in production', async () => {
      const answer = await postGraphQL(production.base, { query: '{ authoritie { name } }' });
      expect({ codes: errorCodes(answer.json), hint: /did you mean/i.test(answer.text) }).toEqual({ codes: ['GRAPHQL_VALIDATION_FAILED'], hint: false });
    });

    test('hides enum value suggestions in production', async () => {
      const answer = await postGraphQL(production.base, { query: '{ metrics(theme: SPND) { id } }' });
      expect({ codes: errorCodes(answer.json), hint: /did you mean/i.test(answer.text) }).toEqual({ codes: ['GRAPHQL_VALIDATION_FAILED'], hint: false });
    });

    test('hides suggestions in variable errors in production', async () => {
      const answer = await postGraphQL(production.base, { query: 'query ($t: Theme) { metrics(theme: $t) { id } }', variables: { t: 'SPND' } });
      expect({ codes: errorCodes(answer.json), hint: /did you mean/i.test(answer.text) }).toEqual({ codes: ['BAD_USER_INPUT'], hint: false });
    });

    test('hides argument suggestions in production', async () => {
      const answer = await postGraphQL(production.base, { query: '{ authority(cod: "886") { name } }' });
      expect(/did you mean/i.test(answer.text)).toBe(false);
    });

    test('keeps field suggestions in development', async () => {
      const answer = await postGraphQL(development.base, { query: '{ authoritie { name } }' });
      expect(answer.text).toMatch(/Did you mean/);
    });
  });

  describe('introspection', () => {
    test.each([
      ['__schema', '{ __schema { types { name } } }'],
      ['__type', '{ __type(name: "Query") { fields { name } } }'],
      ['__schema behind an alias', '{ s: __schema { queryType { name } } }'],
      ['__schema inside a fragment', 'query { ...F } fragment F on Query { __schema { types { name } } }'],
      ['__schema inside an inline fragment', '{ ... on Query { __schema { types { name } } } }'],
    ])('refuses %s in production', async (_label, query) => {
      const answer = await postGraphQL(production.base, { query });
      expect({ status: answer.status, codes: errorCodes(answer.json), message: answer.json.errors[0].message }).toEqual({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'], message: INTROSPECTION_DISABLED });
    });

    test('answers an operation merely named __schema (it is not introspection)', async () => {
      const answer = await postGraphQL(production.base, { query: 'query __schema { dataVersion }' });
      expect(answer.json).toEqual({ data: { dataVersion: expect.any(String) } });
    });

    test('keeps __typename in production (clients add it to every selection)', async () => {
      const answer = await postGraphQL(production.base, { query: '{ __typename metrics { __typename id } }' });
      expect(answer.json.data.__typename).toBe('Query');
    });

    test('runs the standard introspection query when INTROSPECTION=on in production', async () => {
      const answer = await postGraphQL(introspective.base, { query: getIntrospectionQuery() });
      expect({ errors: answer.json.errors, queryType: answer.json.data?.__schema.queryType.name }).toEqual({ errors: undefined, queryType: 'Query' });
    });

    test('refuses nested introspection (fields of types of fields…) even when INTROSPECTION=on', async () => {
      const nested = '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }';
      const answer = await postGraphQL(introspective.base, { query: nested });
      expect({ codes: errorCodes(answer.json), message: answer.json.errors[0].message }).toEqual({ codes: ['GRAPHQL_VALIDATION_FAILED'], message: 'Maximum introspection depth exceeded' });
    });
  });

  describe('transport', () => {
    test('refuses a simple cross-site POST (CSRF prevention)', async () => {
      const answer = await request(`${production.base}/graphql`, { method: 'POST', body: '{"query":"{ dataVersion }"}', headers: { 'content-type': 'text/plain' } });
      expect({ status: answer.status, codes: errorCodes(answer.json ?? {}) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });

    test('refuses a GET query without a preflight header (CSRF prevention)', async () => {
      const answer = await request(`${production.base}/graphql?query=${encodeURIComponent('{ dataVersion }')}`);
      expect(answer.status).toBe(400);
    });

    test('answers a GET query that carries apollo-require-preflight', async () => {
      const answer = await request(`${production.base}/graphql?query=${encodeURIComponent('{ dataVersion }')}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(answer.json).toEqual({ data: { dataVersion: expect.any(String) } });
    });

    test('refuses a batch of operations', async () => {
      const answer = await postGraphQL(production.base, [{ query: '{ dataVersion }' }, { query: '{ dataVersion }' }]);
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });

    test('serves no explorer page in production', async () => {
      const answer = await request(`${production.base}/graphql`, { headers: { accept: 'text/html' } });
      expect(answer.text).not.toMatch(/<html/i);
    });

    test('serves the explorer page in development', async () => {
      const answer = await request(`${development.base}/graphql`, { headers: { accept: 'text/html' } });
      expect(answer.text).toMatch(/<html/i);
    });

    test('refuses a body that is not JSON with BAD_REQUEST', async () => {
      const answer = await request(`${production.base}/graphql`, { method: 'POST', body: '{"query": ', headers: { 'content-type': 'application/json' } });
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });
  });
});
