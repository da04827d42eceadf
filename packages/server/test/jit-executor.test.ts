import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pino from 'pino';
import type { DatabaseHandle } from '../src/db/connect';
import { type App, createApp } from '../src/http/app';
import { EXAMPLE_OPERATIONS } from '../src/http/example-operations';
import { ENGINES } from './support/engines';
import { COMPARISON, PROFILE } from './support/operations';
import { openSharedDatabase } from './support/shared-database';

/**
 * graphql-jit (the default executor) against graphql-js's interpreter, on the whole official data
 * set: every operation below must get the same status and the same body, byte for byte once
 * serialised — answers, errors (messages, codes, paths) and nulls alike.
 */

const CASES: [string, { query: string; variables?: Record<string, unknown>; operationName?: string }][] = [
  ...Object.entries(EXAMPLE_OPERATIONS).map(([name, query]) => [`example ${name}`, { query }] as [string, { query: string }]),
  ['comparison over England', { query: COMPARISON, variables: { metric: 'pct_plans_mainstream', focus: '886', peers: { kind: 'ENGLAND' }, period: 202425 } }],
  ['comparison against neighbours, latest period', { query: COMPARISON, variables: { metric: 'hn_spend_per_plan', focus: '886', peers: { kind: 'STATISTICAL_NEIGHBOURS' } } }],
  ['profile of Kent', { query: PROFILE, variables: { code: '886' } }],
  ['trend with breaks', { query: `{ trend(metric: "ehc_plans", areas: ["886", "E12000008", "E92000001"], focus: "886", peers: { kind: STATISTICAL_NEIGHBOURS }) { periods { code } series { id points { period { code } value status } } breaks { period } } }` }],
  ['relationship', { query: `{ relationship(x: "hn_spend_per_plan", y: "pct_plans_mainstream", focus: "886") { pairs pearson spearman line { slope intercept rSquared } points { authority { code } x { value status } y { value status } isFocus } } }` }],
  ['fragments, aliases, directives and __typename', {
    query: `query Q($withName: Boolean!) { a: authority(code: "815") { ...Names __typename } b: authority(code: "E06000065") { code name @skip(if: $withName) } } fragment Names on Authority { code name @include(if: $withName) }`,
    variables: { withName: true },
  }],
  ['paging', { query: `{ authorities(first: 3, filter: { status: ALL }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code name isCurrent } } } }` }],
  ['one of two operations by name', { query: `query A { dataVersion } query B { metric(id: "ehc_plans") { id } }`, operationName: 'B' }],
  // Errors: each must be reported exactly as graphql-js reports it.
  ['an unknown LA (resolver error)', { query: `{ authority(code: "999") { name } }` }],
  ['an unknown LA beside a good field (partial answer)', { query: `{ dataVersion authority(code: "999") { name } }` }],
  ['a period with no data', { query: COMPARISON, variables: { metric: 'ehc_plans_per_1000_aged_0_25', peers: { kind: 'ENGLAND' }, period: 202425 } }],
  ['a malformed period', { query: COMPARISON, variables: { metric: 'pct_plans_mainstream', peers: { kind: 'ENGLAND' }, period: 190001 } }],
  ['a variable of the wrong type', { query: PROFILE, variables: { code: 886.5 } }],
  ['a missing variable', { query: PROFILE, variables: {} }],
  ['null for a non-null argument with a default', { query: `query ($n: Int) { authorities(first: $n) { totalCount } }`, variables: { n: null } }],
  ['a bad scalar literal', { query: `{ metric(id: "no such metric") { id } }` }],
  ['an unknown enum in a variable', { query: COMPARISON, variables: { metric: 'ehc_plans', peers: { kind: 'NOWHERE' } } }],
  ['an operation name that is not in the document', { query: `query A { dataVersion }`, operationName: 'B' }],
  ['a misspelt field (a suggestion, hidden in production)', { query: `{ authority(code: "886") { nme } }` }],
  ['an input object variable that leaves fields to their defaults', { query: `query ($l: ForecastLeversInput) { forecast(area: { laCode: "886" }, levers: $l) { baseTotal } }`, variables: { l: { ceaseRateChange: 0.1 } } }],
];

// Production mode too: its plugins (graphql-armor hiding suggestions) rewrite errors the executor returns.
for (const [engine, production] of ENGINES.flatMap((e) => [false, true].map((p) => [e, p] as const))) {
  describe(`${engine}${production ? ', production' : ''}: graphql-jit answers as graphql-js does`, () => {
    let handle: DatabaseHandle;
    let jit: App;
    let interpreted: App;

    beforeAll(async () => {
      handle = await openSharedDatabase(engine);
      const options = { db: handle.db, logger: pino({ level: 'silent' }), production, responseCache: false } as const;
      [jit, interpreted] = await Promise.all([createApp({ ...options, executor: 'jit' }), createApp({ ...options, executor: 'graphql-js' })]);
    });

    afterAll(async () => {
      await Promise.all([jit?.stop(), interpreted?.stop()]);
      await handle?.close();
    });

    test('the default app executes with graphql-jit, the other with graphql-js', async () => {
      // Apollo keeps a custom executor in its internals (there is no public accessor).
      const executorOf = (app: App) => (app.apollo as unknown as { internals: { gatewayExecutor: unknown } }).internals.gatewayExecutor;
      const byDefault = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production, responseCache: false });
      try {
        expect([typeof executorOf(byDefault), typeof executorOf(jit), executorOf(interpreted)]).toEqual(['function', 'function', null]);
      } finally {
        await byDefault.stop();
      }
    });

    test.each(CASES)('%s', async (_name, operation) => {
      const [compiled, reference] = [await jit.execute(operation), await interpreted.execute(operation)];
      // requestId differs per request; everything else must not.
      const strip = (body: unknown) => JSON.stringify(body).replace(/"requestId":"[^"]+"/g, '"requestId":"…"');
      expect({ status: compiled.status, body: strip(compiled.body), statements: compiled.sqlStatements }).toEqual({ status: reference.status, body: strip(reference.body), statements: reference.sqlStatements });
    });

    test('the cases answer what they are meant to: figures where they should, errors where they should', async () => {
      const outcomes = await Promise.all(CASES.map(async ([name, operation]) => [name, (await jit.execute(operation)).body.errors?.[0]?.extensions?.code ?? 'ok']));
      expect(Object.fromEntries(outcomes)).toMatchObject({
        'comparison over England': 'ok',
        'profile of Kent': 'ok',
        'fragments, aliases, directives and __typename': 'ok',
        'an unknown LA (resolver error)': 'UNKNOWN_AUTHORITY',
        'an unknown LA beside a good field (partial answer)': 'UNKNOWN_AUTHORITY',
        'a period with no data': 'PERIOD_NOT_AVAILABLE',
        'a malformed period': 'BAD_USER_INPUT',
        'a variable of the wrong type': 'BAD_USER_INPUT',
        'a missing variable': 'BAD_USER_INPUT',
        'null for a non-null argument with a default': 'BAD_USER_INPUT',
        'an unknown enum in a variable': 'BAD_USER_INPUT',
        'an input object variable that leaves fields to their defaults': 'ok',
      });
    });
  });
}
