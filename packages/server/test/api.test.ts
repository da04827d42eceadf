import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { METRICS, periodForYear, previousPeriod } from '@sendbench/schema';
import { sql } from 'kysely';
import { buildApiSchema, printApiSchema } from '../src/graphql/schema';
import { SDL_PATH } from '../src/graphql/emit-sdl';
import { EXAMPLE_OPERATIONS } from '../src/http/example-operations';
import { QUERY_LIMITS } from '../src/plugins/query-limits';
import { type ApiHarness, errorCodes, hasStackTrace, mainstreamRanksFromFile, neighboursFromFile, openApi, openColdApp } from './support/api';
import { ENGINES } from './support/engines';
import { COMPARISON, PROFILE } from './support/operations';
import { ENGLAND_CODE, findMetricValue } from './support/queries';

/** SQL statements a warm request may run: the data-version check and one read of metric values. */
const WARM_STATEMENT_BOUND = 3;
/** A cold request also loads the reference snapshot once (7 small reads). */
const COLD_STATEMENT_BOUND = 10;

const KENT_NEIGHBOURS = { metric: 'pct_plans_mainstream', focus: '886', peers: { kind: 'STATISTICAL_NEIGHBOURS' }, period: 202425 };

for (const engine of ENGINES) {
  describe(engine, () => {
    let api: ApiHarness;

    beforeAll(async () => {
      api = await openApi(engine);
    });

    afterAll(async () => {
      await api?.close();
    });

    describe('provenance', () => {
      test.each([
        ['ehc_plans', 202425, 638_745],
        ['hn_spend_per_plan', 202324, undefined],
      ] as const)('traces England %s %i to the releases stored with it, and those to their files', async (metric, period, published) => {
        const { body } = await api.run(`query ($metric: MetricId!, $period: PeriodCode) { comparison(metric: $metric, period: $period, peers: { kind: ENGLAND }) { england { value releaseIds } } releases { id fileName } }`, { metric, period });
        const stored = await findMetricValue(api.handle.db, metric, ENGLAND_CODE, period);
        const { value, releaseIds } = body.data.comparison.england;
        const files = releaseIds.map((id: number) => body.data.releases.find((r: { id: number }) => r.id === id)?.fileName);
        expect({ value, releaseIds, allNamed: files.every((f: unknown) => typeof f === 'string') }).toEqual({ value: published ?? stored!.value, releaseIds: stored!.release_ids, allNamed: true });
        // A derived rate names each file it was computed from (spend and plans): more than one.
        if (metric === 'hn_spend_per_plan') expect(releaseIds.length).toBeGreaterThan(1);
      });

      // Release ids are read only when an operation selects releaseIds: wherever it does (members
      // through a fragment, scatter points, a profile's series), they must be the stored ones.
      test('gives the stored release ids of members, points and series when asked through fragments', async () => {
        const { body } = await api.run(`query {
          comparison(metric: "hn_spend_per_plan", period: 202324, focus: "886", peers: { kind: STATISTICAL_NEIGHBOURS }) { members { authority { code } value { ...Provenance } } }
          relationship(x: "hn_spend_per_plan", y: "pct_plans_mainstream", focus: "886") { points { authority { code } x { period { code } ...Provenance } } }
          profile(code: "886") { metrics { metric { id } series { period { code } ...Provenance } } }
        } fragment Provenance on MetricValue { releaseIds }`);
        expect(body.errors).toBeUndefined();
        const kent = body.data.comparison.members.find((m: { authority: { code: string } }) => m.authority.code === '886');
        const kentPoint = body.data.relationship.points.find((p: { authority: { code: string } }) => p.authority.code === '886');
        const series = body.data.profile.metrics.find((m: { metric: { id: string } }) => m.metric.id === 'ehc_plans').series;
        const latest = series.at(-1);
        const stored = {
          spend: (await findMetricValue(api.handle.db, 'hn_spend_per_plan', '886', 202324))!.release_ids,
          point: (await findMetricValue(api.handle.db, 'hn_spend_per_plan', '886', kentPoint.x.period.code))!.release_ids,
          plans: (await findMetricValue(api.handle.db, 'ehc_plans', '886', latest.period.code))!.release_ids,
        };
        expect({ member: kent.value.releaseIds, point: kentPoint.x.releaseIds, series: latest.releaseIds }).toEqual({ member: stored.spend, point: stored.point, series: stored.plans });
        expect(stored.spend.length).toBeGreaterThan(1);
        expect(body.data.comparison.members.every((m: { value: { releaseIds: number[] } }) => m.value.releaseIds.length > 0)).toBe(true);
      });
    });

    describe('comparison', () => {
      test('returns Kent and its 10 statistical neighbours of the 2025 model for mainstream share', async () => {
        const { body } = await api.run(COMPARISON, KENT_NEIGHBOURS);
        expect(body.data.comparison.members.map((m: { authority: { code: string } }) => m.authority.code).sort()).toEqual(['886', ...neighboursFromFile('886')].sort());
      });

      test('returns England at the published 43.6% in January 2025', async () => {
        const { body } = await api.run(COMPARISON, KENT_NEIGHBOURS);
        expect(body.data.comparison.england).toEqual({ value: 43.6, status: 'value' });
      });

      test('ranks and bands members as an independent calculation from caseload.csv does', async () => {
        const { body } = await api.run(COMPARISON, KENT_NEIGHBOURS);
        const fromApi = Object.fromEntries(
          body.data.comparison.members.map((m: { authority: { code: string }; value: { value: number }; rank: number; quartileBand: number }) => [
            m.authority.code,
            { value: m.value.value, rank: m.rank, quartileBand: m.quartileBand },
          ]),
        );
        expect(fromApi).toEqual(mainstreamRanksFromFile(['886', ...neighboursFromFile('886')]));
      });

      test('places Kent below 9 of its 10 statistical neighbours on mainstream share', async () => {
        const { body } = await api.run(COMPARISON, KENT_NEIGHBOURS);
        expect(body.data.comparison.members.find((m: { isFocus: boolean }) => m.isFocus)).toMatchObject({ authority: { code: '886' }, rank: 10, value: { value: 36.1 } });
      });

      test('aggregates the set as sum of numerators over sum of denominators', async () => {
        const { body } = await api.run(COMPARISON, KENT_NEIGHBOURS);
        const { aggregate } = body.data.comparison.statistics;
        expect(aggregate.value).toBeCloseTo((aggregate.numerator / aggregate.denominator) * 100, 10);
      });

      test('labels Kent significantly lower than England on mainstream share', async () => {
        const { body } = await api.run(COMPARISON, KENT_NEIGHBOURS);
        expect(body.data.comparison.members.find((m: { isFocus: boolean }) => m.isFocus).significance).toBe('LOWER');
      });

      test('labels Devon similar to England and Bedford higher on mainstream share', async () => {
        const { body } = await api.run(COMPARISON, KENT_NEIGHBOURS);
        const byCode = Object.fromEntries(body.data.comparison.members.map((m: { authority: { code: string }; significance: string }) => [m.authority.code, m.significance]));
        expect({ devon: byCode['878'], bedford: byCode['822'] }).toEqual({ devon: 'SIMILAR', bedford: 'HIGHER' });
      });

      test('keeps members without a value in the list with their status and no rank', async () => {
        const { body } = await api.run(COMPARISON, { metric: 'pct_plans_mainstream', peers: { kind: 'ENGLAND' }, period: 202425 });
        const missing = body.data.comparison.members.filter((m: { value: { value: number | null } }) => m.value.value === null);
        expect(missing.map((m: { authority: { code: string }; value: { status: string }; rank: number | null }) => [m.authority.code, m.value.status, m.rank]).sort()).toEqual([
          ['812', 'x', null],
          ['873', 'x', null],
        ]);
      });

      test('pages the ranked members with first and offset, keeping ranks over the whole set and the focus as focusMember', async () => {
        const query = `query ($first: Int, $offset: Int!) { comparison(metric: "pct_plans_mainstream", period: 202425, focus: "886", peers: { kind: ENGLAND }) {
          members(first: $first, offset: $offset) { authority { code } rank isFocus } focusMember { authority { code } rank quartileBand isFocus }
          all: members { authority { code } rank quartileBand } statistics { count withValue } } }`;
        const whole = (await api.run(query, { first: null, offset: 0 })).body.data.comparison;
        const pages = await Promise.all([0, 40, 80, 120].map(async (offset) => (await api.run(query, { first: 40, offset })).body.data.comparison.members));
        const kent = whole.all.find((m: { authority: { code: string } }) => m.authority.code === '886');
        expect({
          wholeLength: whole.members.length,
          pageLengths: pages.map((p) => p.length),
          pagedInOrder: pages.flat().map((m: { authority: { code: string }; rank: number | null }) => [m.authority.code, m.rank]),
          focusMember: whole.focusMember,
          beyond: (await api.run(query, { first: 10, offset: 153 })).body.data.comparison.members,
          statistics: whole.statistics,
        }).toEqual({
          wholeLength: 153,
          pageLengths: [40, 40, 40, 33],
          pagedInOrder: whole.all.map((m: { authority: { code: string }; rank: number | null }) => [m.authority.code, m.rank]),
          focusMember: { authority: { code: '886' }, rank: kent.rank, quartileBand: kent.quartileBand, isFocus: true },
          beyond: [],
          statistics: { count: 153, withValue: 151 },
        });
        expect(kent.rank).toBeGreaterThan(40);
        expect(pages[0].some((m: { isFocus: boolean }) => m.isFocus)).toBe(false);
      });

      test('pages read alone (England is ranked at import; only the 152 places asked are read) equal the same places of the whole list (read whole, ranked per request)', async () => {
        const fragment = 'fragment M on ComparisonMember { authority { code } value { value status numerator denominator } rank quartileBand isFocus significance }';
        const args = 'metric: "pct_plans_mainstream", period: 202425, focus: "886", peers: { kind: ENGLAND }';
        const whole = (await api.run(`{ comparison(${args}) { members { ...M } } } ${fragment}`)).body.data.comparison.members;
        const paged = (
          await api.run(
            `query ($o: Int!) { comparison(${args}) { top: members(first: 10) { ...M } later: members(first: 5, offset: $o) { ...M } ... on Comparison { tail: members(first: 2, offset: 150) { ...M } } focusMember { ...M } statistics { count withValue } } } ${fragment}`,
            { o: 60 },
          )
        ).body.data.comparison;
        const kent = whole.find((m: { authority: { code: string } }) => m.authority.code === '886');
        expect(paged).toEqual({ top: whole.slice(0, 10), later: whole.slice(60, 65), tail: whole.slice(150, 152), focusMember: kent, statistics: { count: 153, withValue: 151 } });
        expect(kent.rank).toBeGreaterThan(10);
        expect(paged.tail.map((m: { rank: number | null }) => m.rank)).toEqual([151, null]);
      });

      test('orders members by value, highest first, ties and members without a value by name', async () => {
        const { body } = await api.run('{ comparison(metric: "pct_plans_mainstream", period: 202425, peers: { kind: ENGLAND }) { members { authority { name } value { value } } } }');
        const members: { authority: { name: string }; value: { value: number | null } }[] = body.data.comparison.members;
        const collator = new Intl.Collator();
        const expected = [...members].sort((a, b) =>
          a.value.value === null || b.value.value === null
            ? (a.value.value === null ? 1 : 0) - (b.value.value === null ? 1 : 0) || collator.compare(a.authority.name, b.authority.name)
            : b.value.value - a.value.value || collator.compare(a.authority.name, b.authority.name),
        );
        expect(members.map((m) => m.authority.name)).toEqual(expected.map((m) => m.authority.name));
        // Published to one decimal, many LAs share a value: the order by name is exercised.
        const values = members.map((m) => m.value.value);
        expect(values.length - new Set(values).size).toBeGreaterThan(10);
      });

      test('sums England from its LAs where only one side of a rate is published', async () => {
        const { body } = await api.run(
          '{ comparison(metric: "hn_spend_per_plan", period: 202425, peers: { kind: ENGLAND }) { england { value status aggregated } statistics { aggregate { value } } } }',
        );
        const { england, statistics } = body.data.comparison;
        expect({ status: england.status, aggregated: england.aggregated, matchesSetAggregate: Math.abs(england.value - statistics.aggregate.value) < 1e-6 }).toEqual({
          status: 'value',
          aggregated: true,
          matchesSetAggregate: true,
        });
      });

      test('compares all 153 LAs in a bounded number of SQL statements', async () => {
        await api.run(COMPARISON, KENT_NEIGHBOURS);
        const { body, sqlStatements } = await api.run(COMPARISON, { metric: 'pct_plans_mainstream', peers: { kind: 'ENGLAND' }, period: 202425 });
        expect({ members: body.data.comparison.members.length, withinBound: sqlStatements <= WARM_STATEMENT_BOUND }).toEqual({ members: 153, withinBound: true });
      });
    });

    describe('profile', () => {
      test('returns every catalogue metric for a DBV tranche 2 LA with England and peer values', async () => {
        const { body } = await api.run(PROFILE, { code: '823' });
        const { profile } = body.data;
        expect({
          programmes: profile.authority.programmes,
          metrics: profile.metrics.map((m: { metric: { id: string } }) => m.metric.id),
          peers: profile.peerGroup.size,
          englandPlans: profile.metrics.find((m: { metric: { id: string } }) => m.metric.id === 'ehc_plans').england.value,
          peerMedianWithValues: profile.metrics.find((m: { metric: { id: string } }) => m.metric.id === 'pct_plans_mainstream').peers.withValue,
        }).toEqual({
          programmes: [{ programme: 'DBV', cohort: '2' }],
          metrics: METRICS.map((m) => m.id),
          peers: 11,
          englandPlans: 638_745,
          // Cambridgeshire (873), one of the 10 neighbours, has only x for placements in January 2025
          peerMedianWithValues: 10,
        });
      });

      // The resolver picks each metric's rows out of one read of every row it needs: for every
      // metric, what it shows must be the stored rows, read here one plain select at a time, and
      // the neighbours' figures computed from those rows (quartiles by linear interpolation).
      test('shows, for every metric, the stored rows of the LA, England and its region, the previous period and the series, and the neighbours\' figures', async () => {
        const { body } = await api.run(
          `query ($code: LaCode!) { profile(code: $code) { year authority { region { code } } metrics {
            metric { id } period { code } value { value status numerator denominator } england { value status } region { value status }
            previous { period { code } value status } peers { count withValue median lowerQuartile upperQuartile min max }
            rank rankOutOf peersAbove peersBelow series { period { code } value status } } } }`,
          { code: '886' },
        );
        const { year, authority, metrics } = body.data.profile;
        const members = ['886', ...neighboursFromFile('886')];
        const rows = (await sql<{ metric_id: string; area_code: string; period: number; value: number | null; status: string; numerator: number | null; denominator: number | null }>`
          select metric_id, area_code, period, value, status, numerator, denominator from metric_value
          where area_code = any(${[...members, ENGLAND_CODE, authority.region.code]}::text[])
        `.execute(api.handle.db)).rows;
        const row = (metric: string, area: string, period: number) => rows.find((r) => r.metric_id === metric && r.area_code === area && r.period === period);
        const shown = (r: { value: number | null; status: string } | undefined) => ({ value: r?.value ?? null, status: r?.status ?? 'x' });
        const quantile = (sorted: number[], p: number) => {
          const h = (sorted.length - 1) * p;
          const lo = Math.floor(h);
          return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
        };
        expect({ year, members: members.length, region: authority.region.code }).toEqual({ year: 2025, members: 11, region: 'E12000008' });
        let withPrevious = 0;
        for (const metric of METRICS) {
          const m = metrics.find((x: { metric: { id: string } }) => x.metric.id === metric.id);
          const period = periodForYear(metric.periodType, year);
          const previous = previousPeriod(metric.periodType, period);
          const own = row(metric.id, '886', period);
          const values = members.map((code) => row(metric.id, code, period)?.value ?? null).filter((v): v is number => v !== null);
          const sorted = [...values].sort((a, b) => a - b);
          const others = members.slice(1).map((code) => row(metric.id, code, period)?.value ?? null).filter((v): v is number => v !== null);
          const ownValue = own?.value ?? null;
          if (row(metric.id, '886', previous)?.value != null) withPrevious++;
          expect({ ...m, metric: metric.id }).toEqual({
            metric: metric.id,
            period: { code: period },
            value: { ...shown(own), numerator: own?.numerator ?? null, denominator: own?.denominator ?? null },
            england: shown(row(metric.id, ENGLAND_CODE, period)),
            region: shown(row(metric.id, 'E12000008', period)),
            previous: { period: { code: previous }, ...shown(row(metric.id, '886', previous)) },
            peers: {
              count: 11,
              withValue: values.length,
              median: sorted.length ? quantile(sorted, 0.5) : null,
              lowerQuartile: sorted.length ? quantile(sorted, 0.25) : null,
              upperQuartile: sorted.length ? quantile(sorted, 0.75) : null,
              min: sorted.length ? sorted[0] : null,
              max: sorted.length ? sorted.at(-1) : null,
            },
            rank: ownValue === null ? null : 1 + values.filter((v) => v > ownValue).length,
            rankOutOf: values.length,
            peersAbove: ownValue === null ? 0 : others.filter((v) => v > ownValue).length,
            peersBelow: ownValue === null ? 0 : others.filter((v) => v < ownValue).length,
            series: rows.filter((r) => r.metric_id === metric.id && r.area_code === '886').sort((a, b) => a.period - b.period).map((r) => ({ period: { code: r.period }, ...shown(r) })),
          });
        }
        // Not a vacuous comparison: most metrics have a previous period and a series to check.
        expect(withPrevious).toBeGreaterThan(METRICS.length / 2);
      });

      test('answers a cold profile in at most the cold statement bound', async () => {
        const cold = await openColdApp(api);
        try {
          const { sqlStatements } = await cold.execute({ query: PROFILE, variables: { code: '823' } });
          expect(sqlStatements).toBeLessThanOrEqual(COLD_STATEMENT_BOUND);
        } finally {
          await cold.stop();
        }
      });

      test('answers a warm profile in at most the warm statement bound', async () => {
        await api.run(PROFILE, { code: '823' });
        const { sqlStatements } = await api.run(PROFILE, { code: '823' });
        expect(sqlStatements).toBeLessThanOrEqual(WARM_STATEMENT_BOUND);
      });
    });

    describe('authorities', () => {
      test('finds North Yorkshire by E06000065 and by 815 as the same authority', async () => {
        const { body } = await api.run('{ a: authority(code: "E06000065") { code name codes } b: authority(code: "815") { code name codes } }');
        expect(body.data.a).toEqual(body.data.b);
      });

      test('filters the DBV tranche 2 cohort to 22 authorities', async () => {
        const { body } = await api.run('{ authorities(filter: { programme: DBV_TRANCHE_2 }, first: 50) { totalCount } }');
        expect(body.data.authorities.totalCount).toBe(22);
      });

      test('pages through all 153 current authorities with cursors', async () => {
        const first = await api.run('{ authorities(first: 100) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }');
        const second = await api.run('query ($after: String) { authorities(first: 100, after: $after) { edges { node { code } } pageInfo { hasNextPage } } }', {
          after: first.body.data.authorities.pageInfo.endCursor,
        });
        expect([first.body.data.authorities.totalCount, first.body.data.authorities.edges.length + second.body.data.authorities.edges.length, second.body.data.authorities.pageInfo.hasNextPage]).toEqual([153, 153, false]);
      });
    });

    describe('bad input', () => {
      test.each([
        ['an unknown LA code', '{ authority(code: "999") { name } }', 'UNKNOWN_AUTHORITY'],
        ['an unknown metric', '{ metric(id: "no_such_metric") { label } }', 'UNKNOWN_METRIC'],
        ['a period with no data', '{ comparison(metric: "ehc_plans_per_1000_aged_0_25", period: 202425, peers: { kind: ENGLAND }) { period { label } } }', 'PERIOD_NOT_AVAILABLE'],
        ['31 custom LAs', `{ comparison(metric: "ehc_plans", peers: { kind: CUSTOM, codes: [${Array.from({ length: 31 }, (_, i) => `"${[886, 887, 888, 889, 890, 891, 892, 893, 894, 895, 896, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320][i]}"`).join(', ')}] }) { period { label } } }`, 'TOO_MANY_AUTHORITIES'],
        ['a selector missing its codes', '{ comparison(metric: "ehc_plans", peers: { kind: CUSTOM }) { period { label } } }', 'BAD_PEER_SELECTOR'],
        ['a page of no members', '{ comparison(metric: "ehc_plans", peers: { kind: ENGLAND }) { members(first: 0) { rank } } }', 'BAD_USER_INPUT'],
        ['a page over 1,000 members', '{ comparison(metric: "ehc_plans", peers: { kind: ENGLAND }) { members(first: 1001) { rank } } }', 'BAD_USER_INPUT'],
        ['a negative offset', '{ comparison(metric: "ehc_plans", peers: { kind: ENGLAND }) { members(offset: -1) { rank } } }', 'BAD_USER_INPUT'],
        ['a malformed LA code', '{ authority(code: "Kent") { name } }', 'GRAPHQL_VALIDATION_FAILED'],
        ['a query over the depth limit', `{ authority(code: "886") { ${'a { '.repeat(QUERY_LIMITS.maxDepth)}b${' }'.repeat(QUERY_LIMITS.maxDepth)} } }`, 'QUERY_TOO_DEEP'],
        ['a query over the cost limit', `{ ${Array.from({ length: 4 }, (_, i) => `c${i}: comparison(metric: "ehc_plans", peers: { kind: ENGLAND }) { members { authority { statisticalNeighbours { code name rank proximity model } } } }`).join(' ')} }`, 'QUERY_TOO_COMPLEX'],
        ['a query over the alias limit', `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: dataVersion`).join(' ')} }`, 'TOO_MANY_ALIASES'],
      ])('answers %s with its error code', async (_label, query, code) => {
        const { body } = await api.run(query);
        expect(errorCodes(body)).toContain(code);
      });

      test('names the accepted periods when a period has no data', async () => {
        const { body } = await api.run('{ comparison(metric: "ehc_plans_per_1000_aged_0_25", period: 202425, peers: { kind: ENGLAND }) { period { label } } }');
        expect(body.errors[0].extensions.available).toEqual([201920, 202021]);
      });

      test('never returns a stack trace for bad input', async () => {
        const { body } = await api.run('{ comparison(metric: "x!", peers: { kind: CUSTOM, codes: [] }) { period { label } } }');
        expect({ errors: body.errors.length > 0, stack: hasStackTrace(body) }).toEqual({ errors: true, stack: false });
      });

      test('accepts a query just under the alias limit', async () => {
        const { body } = await api.run(`{ ${Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => `a${i}: dataVersion`).join(' ')} }`);
        expect(body.errors).toBeUndefined();
      });
    });

    describe('whole schema', () => {
      test.each(Object.entries(EXAMPLE_OPERATIONS))('runs the example operation %s without error', async (_name, query) => {
        const { body } = await api.run(query);
        expect(body.errors).toBeUndefined();
      });

      test('runs an operation over every query field without error', async () => {
        const { body } = await api.run(`{
          authorities(first: 5, filter: { region: "E12000008", status: ALL }) { totalCount edges { node { code name region { name } programmes { programme } statisticalNeighbours { code } successions { note } value(metric: "ehc_plans") { value } series(metric: "ehc_plans") { value } } } }
          authority(code: "909") { name isCurrent successions { successorCode } }
          metrics(theme: SPEND) { id periods { code } latestPeriod { label } }
          metric(id: "tribunal_appeal_rate") { id caveats seriesBreaks { period } }
          peerGroups(of: "886") { id size listIncomplete members { code } }
          comparison(metric: "hn_spend_per_plan", focus: "886", peers: { kind: DBV, tranche: 1 }) { statistics { median } }
          trend(metric: "ehc_plans", areas: ["886", "E12000008", "E92000001"], focus: "886", peers: { kind: STATISTICAL_NEIGHBOURS }) { series { id points { value } } breaks { period } }
          relationship(x: "hn_spend_per_plan", y: "pct_plans_mainstream", focus: "886") { pairs pearson spearman line { slope } }
          profile(code: "886", peers: { kind: REGION }) { year metrics { metric { id } value { value } } }
          releases { id fileName sha256 }
          dataVersion
        }`);
        expect(body.errors).toBeUndefined();
      });
    });
  });
}

describe('schema', () => {
  test('matches the committed SDL in packages/schema/schema.graphql', async () => {
    expect(printApiSchema(await buildApiSchema())).toBe(fs.readFileSync(SDL_PATH, 'utf8'));
  });
});
