import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import pino from 'pino';
import type { DatabaseHandle } from '../src/db/connect';
import { createErrorFormatter } from '../src/plugins/error-masking';
import { createQueryLimits, QUERY_LIMITS } from '../src/plugins/query-limits';
import { errorCodes } from './support/api';
import { openLookupDatabase, type ServedApp, serveApp } from './support/hardening';
import { postGraphQL, request } from './support/http';

/**
 * Every query limit: just under it passes, just over it fails with its code; and the known ways
 * around limits (fragments hiding depth, aliases or directives; fragment cycles; fragment fan-out;
 * operations named __schema; batches) are refused.
 */

const repeat = (n: number, text: string, separator = ' ') => Array.from({ length: n }, () => text).join(separator);

/** Depth `n` on a schema that can nest without end (the API's own schema is at most 6 deep). */
const nested = (n: number) => `{ ${repeat(n - 1, 'node {')} id ${repeat(n - 1, '}')} }`;

describe('depth limit on a schema that nests without end', () => {
  let apollo: ApolloServer;

  beforeAll(async () => {
    const schema = buildSchema('type Query { node: Node } type Node { id: ID node: Node }');
    const limits = createQueryLimits(schema, { hideSuggestions: true });
    apollo = new ApolloServer({
      schema,
      validationRules: limits.validationRules,
      plugins: limits.plugins,
      formatError: createErrorFormatter(pino({ level: 'silent' }), { requestIdOf: () => undefined, hideSuggestions: true }),
    });
    await apollo.start();
  });

  afterAll(async () => {
    await apollo?.stop();
  });

  const run = async (query: string) => {
    const response = await apollo.executeOperation({ query });
    return response.body.kind === 'single' ? response.body.singleResult : { errors: [] };
  };

  test('accepts a query exactly at the depth limit', async () => {
    expect((await run(nested(QUERY_LIMITS.maxDepth))).errors).toBeUndefined();
  });

  test('refuses a query one level over the depth limit with QUERY_TOO_DEEP', async () => {
    expect(errorCodes(await run(nested(QUERY_LIMITS.maxDepth + 1)) as never)).toEqual(['QUERY_TOO_DEEP']);
  });

  test('counts depth through fragments', async () => {
    const query = `{ node { ...A } } fragment A on Node { node { node { ...B } } } fragment B on Node { ${nested(QUERY_LIMITS.maxDepth - 2).slice(2, -2)} }`;
    expect(errorCodes(await run(query) as never)).toEqual(['QUERY_TOO_DEEP']);
  });

  test('counts depth in an operation named __schema', async () => {
    expect(errorCodes(await run(`query __schema ${nested(QUERY_LIMITS.maxDepth + 1)}`) as never)).toEqual(['QUERY_TOO_DEEP']);
  });
});

describe('limits on the API', () => {
  let handle: DatabaseHandle;
  let api: ServedApp;

  beforeAll(async () => {
    handle = await openLookupDatabase('pglite');
    api = await serveApp(handle, { production: true });
  });

  afterAll(async () => {
    await api?.stop();
    await handle?.close();
  });

  const run = (query: string, variables?: Record<string, unknown>) => postGraphQL(api.base, { query, variables });

  describe('depth', () => {
    test('reports no depth error at the limit', async () => {
      const answer = await run(`{ authority(code: "886") { ${repeat(QUERY_LIMITS.maxDepth - 2, 'a {')} b ${repeat(QUERY_LIMITS.maxDepth - 2, '}')} } }`);
      expect(errorCodes(answer.json)).not.toContain('QUERY_TOO_DEEP');
    });

    test('refuses one level over the limit with QUERY_TOO_DEEP', async () => {
      const answer = await run(`{ authority(code: "886") { ${repeat(QUERY_LIMITS.maxDepth - 1, 'a {')} b ${repeat(QUERY_LIMITS.maxDepth - 1, '}')} } }`);
      expect(errorCodes(answer.json)).toContain('QUERY_TOO_DEEP');
    });
  });

  describe('aliases', () => {
    test('accepts exactly the alias limit', async () => {
      const answer = await run(`{ ${Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => `a${i}: dataVersion`).join(' ')} }`);
      expect(answer.json.errors).toBeUndefined();
    });

    test('refuses one alias over the limit with TOO_MANY_ALIASES', async () => {
      const answer = await run(`{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: dataVersion`).join(' ')} }`);
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['TOO_MANY_ALIASES'] });
    });

    test('counts aliases in a fragment once per spread', async () => {
      const answer = await run(`{ metrics { ...F ...F ...F ...F } } fragment F on Metric { a: id b: id c: id d: id }`);
      expect(errorCodes(answer.json)).toEqual(['TOO_MANY_ALIASES']);
    });
  });

  describe('directives', () => {
    test('accepts exactly the directive limit', async () => {
      const answer = await run(`{ ${repeat(QUERY_LIMITS.maxDirectives, 'dataVersion @include(if: true)')} }`);
      expect(answer.json).toEqual({ data: { dataVersion: expect.any(String) } });
    });

    test('refuses one directive over the limit with TOO_MANY_DIRECTIVES', async () => {
      const answer = await run(`{ ${repeat(QUERY_LIMITS.maxDirectives + 1, 'dataVersion @include(if: true)')} }`);
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['TOO_MANY_DIRECTIVES'] });
    });

    test('counts directives in a fragment once per spread', async () => {
      const answer = await run(`{ metrics { ...F ...F ...F } } fragment F on Metric { ${repeat(4, 'id @skip(if: false)')} }`);
      expect(errorCodes(answer.json)).toEqual(['TOO_MANY_DIRECTIVES']);
    });
  });

  describe('tokens', () => {
    // `query Qn { dataVersion }` is 5 tokens; a document of 600 of them is 3,000 tokens, and the
    // client picks one to run by name. (Thousands of repeated fields in one selection would trip
    // graphql-js's own budget for comparing fields first.)
    const operations = (n: number, extra = '') => Array.from({ length: n }, (_, i) => `query Q${i} { dataVersion${i === 0 ? extra : ''} }`).join(' ');

    test('accepts exactly the token limit', async () => {
      const answer = await postGraphQL(api.base, { query: operations(QUERY_LIMITS.maxTokens / 5), operationName: 'Q0' });
      expect(answer.json).toEqual({ data: { dataVersion: expect.any(String) } });
    });

    test('refuses one token over the limit with TOO_MANY_TOKENS', async () => {
      const answer = await postGraphQL(api.base, { query: operations(QUERY_LIMITS.maxTokens / 5, ' __typename'), operationName: 'Q0' });
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['TOO_MANY_TOKENS'] });
    });
  });

  describe('document size', () => {
    /** A request body of exactly `bytes` bytes: a small query padded with a comment. */
    const bodyOf = (bytes: number) => {
      const shell = JSON.stringify({ query: '{ dataVersion }\n#' });
      return `${shell.slice(0, -2)}${'x'.repeat(bytes - shell.length)}"}`;
    };

    test('accepts a body of exactly the size limit', async () => {
      const body = bodyOf(QUERY_LIMITS.maxDocumentBytes);
      const answer = await request(`${api.base}/graphql`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect({ bytes: Buffer.byteLength(body), status: answer.status }).toEqual({ bytes: QUERY_LIMITS.maxDocumentBytes, status: 200 });
    });

    test('refuses a body one byte over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const answer = await request(`${api.base}/graphql`, { method: 'POST', body: bodyOf(QUERY_LIMITS.maxDocumentBytes + 1), headers: { 'content-type': 'application/json' } });
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 413, codes: ['PAYLOAD_TOO_LARGE'] });
    });

    test('refuses a body announced over the limit before reading it', async () => {
      const answer = await request(`${api.base}/graphql`, { method: 'POST', body: bodyOf(10 * QUERY_LIMITS.maxDocumentBytes), headers: { 'content-type': 'application/json' } });
      expect(answer.status).toBe(413);
    });

    test('refuses a GET document longer than the server takes in a URL', async () => {
      const answer = await request(`${api.base}/graphql?query=${encodeURIComponent(`{ dataVersion }#${'x'.repeat(QUERY_LIMITS.maxDocumentBytes)}`)}`, { headers: { 'apollo-require-preflight': '1' } });
      expect(answer.status).toBe(431);
    });
  });

  describe('JSON nesting', () => {
    /** A request whose JSON nests exactly `depth` deep: the body, its variables, then arrays. */
    const nestedBody = (depth: number) => `{"query":"{ dataVersion }","variables":{"a":${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}}}`;

    test('accepts a body nested exactly to the limit', async () => {
      const answer = await request(`${api.base}/graphql`, { method: 'POST', body: nestedBody(QUERY_LIMITS.maxJsonDepth), headers: { 'content-type': 'application/json' } });
      expect(answer.status).toBe(200);
    });

    test('refuses a body nested one level deeper with 400 BAD_REQUEST', async () => {
      const answer = await request(`${api.base}/graphql`, { method: 'POST', body: nestedBody(QUERY_LIMITS.maxJsonDepth + 1), headers: { 'content-type': 'application/json' } });
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });

    test('refuses variables nested a thousand deep in a GET', async () => {
      const search = new URLSearchParams({ query: '{ dataVersion }', variables: `{"a":${'['.repeat(1_000)}${']'.repeat(1_000)}}` });
      const answer = await request(`${api.base}/graphql?${search}`, { headers: { 'apollo-require-preflight': '1' } });
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });
  });

  describe('cost', () => {
    // `releases` multiplies its fields by 50: 500 fields cost exactly 25,000.
    const releases = (fields: number) => `releases { ${repeat(fields, 'id')} }`;

    test('accepts an operation that costs exactly the limit', async () => {
      const answer = await run(`{ ${releases(QUERY_LIMITS.maxCost / 50)} }`);
      expect(answer.json.errors).toBeUndefined();
    });

    test('refuses an operation that costs one more with QUERY_TOO_COMPLEX', async () => {
      const answer = await run(`{ ${releases(QUERY_LIMITS.maxCost / 50)} dataVersion }`);
      expect({ status: answer.status, codes: errorCodes(answer.json), cost: answer.json.errors[0].extensions.cost }).toEqual({ status: 400, codes: ['QUERY_TOO_COMPLEX'], cost: QUERY_LIMITS.maxCost + 1 });
    });

    test('multiplies by a page size given in a variable', async () => {
      const query = `query ($n: Int!) { ${[1, 2, 3].map((i) => `p${i}: authorities(first: $n) { edges { node { statisticalNeighbours { code name rank proximity model } } } }`).join(' ')} }`;
      const [small, large] = await Promise.all([run(query, { n: 100 }), run(query, { n: 200 })]);
      expect({ small: errorCodes(small.json), large: errorCodes(large.json) }).toEqual({ small: [], large: ['QUERY_TOO_COMPLEX'] });
    });
  });

  describe('bypass attempts', () => {
    test('refuses fragments that spread each other', async () => {
      const answer = await run('{ metrics { ...A } } fragment A on Metric { id ...B } fragment B on Metric { label ...A }');
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    });

    test('refuses a fragment that spreads itself', async () => {
      const answer = await run('{ metrics { ...A } } fragment A on Metric { id ...A }');
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    });

    test('refuses fragments fanning out to millions of fields quickly with QUERY_TOO_COMPLEX', async () => {
      const levels = 12;
      const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Metric { ${i === levels - 1 ? 'id' : repeat(4, `...F${i + 1}`)} }`).join(' ');
      const started = Date.now();
      const answer = await run(`{ metrics { ...F0 } } ${fragments}`);
      expect({ codes: errorCodes(answer.json), fast: Date.now() - started < 2_000 }).toEqual({ codes: ['QUERY_TOO_COMPLEX'], fast: true });
    });

    test('keeps the limits for an operation named __schema', async () => {
      const answer = await run(`query __schema { ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: dataVersion`).join(' ')} }`);
      expect(errorCodes(answer.json)).toEqual(['TOO_MANY_ALIASES']);
    });

    test('refuses a batch of operations that would each pass', async () => {
      const answer = await postGraphQL(api.base, Array.from({ length: 20 }, () => ({ query: '{ dataVersion }' })));
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    });

    test('refuses a page size over the maximum as bad input', async () => {
      const answer = await run('{ authorities(first: 1000000) { totalCount } }');
      expect(errorCodes(answer.json)).toEqual(['BAD_USER_INPUT']);
    });

    test('answers a null variable for a non-null argument with a default as bad input, not a server error', async () => {
      // Found by the operation fuzzer (seed 547137821): it was a 500.
      const answer = await run('query ($v0: Int) { authorities(first: $v0) { totalCount } }', { v0: null });
      expect({ status: answer.status, codes: errorCodes(answer.json), message: answer.json.errors[0].message }).toEqual({
        status: 400,
        codes: ['BAD_USER_INPUT'],
        message: 'Argument "first" of non-null type "Int!" must not be null.',
      });
    });

    test('answers a variable of the wrong type as bad input, not a server error', async () => {
      const answer = await run('query ($n: Int!) { authorities(first: $n) { totalCount } }', { n: 'many' });
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
    });
  });
});
