import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { METRICS } from '@sendbench/schema';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import { statisticsOfKept, summariseSet } from '../src/features/comparisons/comparison.service';
import { bandOfPosition } from '../src/statistics/descriptive';
import { type MetricValueRow, selectMetricValues } from '../src/derived/metric-value.repository';
import { refreshNeighbourSet } from '../src/derived/neighbour-set.repository';
import { selectProfile } from '../src/features/profiles/profile.repository';
import { ReferenceCache } from '../src/features/reference/reference.service';
import { type ApiHarness, openApi } from './support/api';
import { ENGINES } from './support/engines';
import { caseloadAllPlansCopy, removeCopies } from './support/file-copies';
import { openFreshDatabase } from './support/fresh-database';
import { importLaLookup, importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { openSharedDatabase } from './support/shared-database';

/**
 * Each LA's statistical-neighbour set is summarised by the import (neighbour_statistics); a profile
 * over it reads those figures instead of the neighbours' rows. For every LA, metric and period they
 * must be exactly what summarising the set per request gives (summariseSet) — statistics, aggregate
 * to the bit, the LA's rank, band and the peers above and below it — and the API must answer the
 * default profile as it answers the same LAs asked for as a custom set (summarised per request).
 */

const PROFILE_FIGURES = `query ($code: LaCode!, $peers: PeerSelector) { profile(code: $code, peers: $peers) { year metrics {
  metric { id } period { code } value { value status }
  peers { count withValue median lowerQuartile upperQuartile min max aggregate { value numerator denominator members } }
  rank rankOutOf quartileBand peersAbove peersBelow direction significance } } }`;

for (const engine of ENGINES) {
  describe(`${engine} neighbour sets summarised at import`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openSharedDatabase(engine);
    });

    afterAll(async () => {
      await handle?.close();
    });

    test('equal summarising each LA\'s neighbours per request, for every LA, metric and period', async () => {
      const reference = await new ReferenceCache().current(handle.db);
      const focuses = [...reference.authorities.values()].filter((la) => reference.neighboursOf(la.code).length > 0);
      const rows = await selectMetricValues(handle.db, { metricIds: METRICS.map((m) => m.id), areas: [...reference.authorities.keys()], releaseIds: false });
      const byKey = new Map<string, Map<string, MetricValueRow>>();
      for (const row of rows) {
        const key = `${row.metric_id}|${row.period}`;
        const areas = byKey.get(key) ?? new Map<string, MetricValueRow>();
        areas.set(row.area_code, row);
        byKey.set(key, areas);
      }
      const periods = [...new Set(rows.map((r) => r.period))];
      const keysOf = new Map(METRICS.map((m) => [m.id, [...byKey.keys()].filter((key) => key.startsWith(`${m.id}|`))]));
      // Compared by their JSON (exact for finite doubles) and reported together: 67,000 toEqual calls took minutes.
      const mismatches: unknown[] = [];
      let compared = 0;
      let ranked = 0;
      for (const la of focuses) {
        const members = [la, ...reference.neighboursOf(la.code).map((n) => reference.authorities.get(n.code)!)];
        const { neighbourSet } = await selectProfile(handle.db, { areas: [], periods, focus: la.code, neighbourSet: true });
        const expectedKeys: string[] = [];
        for (const metric of METRICS) {
          for (const key of keysOf.get(metric.id)!) {
            const areas = byKey.get(key)!;
            if (!members.some((m) => areas.has(m.code))) continue;
            expectedKeys.push(key);
            const period = Number(key.slice(metric.id.length + 1));
            const summary = summariseSet(metric, period, members, areas);
            const own = summary.members[0];
            const expected = { la: la.code, key, statistics: summary.statistics, rank: own.rank, quartileBand: own.quartileBand };
            const kept = neighbourSet!.get(key);
            const actual = kept && {
              la: la.code,
              key,
              statistics: statisticsOfKept(metric, members.length, kept),
              rank: kept.rank,
              quartileBand: kept.position === null ? null : bandOfPosition(kept.position, kept.withValue),
            };
            if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push({ actual, expected });
            compared++;
            if (own.rank !== null) ranked++;
          }
        }
        // Nothing kept beyond the metric periods in which a member has a row.
        if ([...neighbourSet!.keys()].sort().join() !== expectedKeys.sort().join()) mismatches.push({ la: la.code, kept: neighbourSet!.size, expected: expectedKeys.length });
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect({ focuses: focuses.length, comparedOver60k: compared > 60_000, rankedOver50k: ranked > 50_000 }).toEqual({ focuses: 153, comparedOver60k: true, rankedOver50k: true });
    });
  });

  describe(`${engine} profile over the default neighbours`, () => {
    let api: ApiHarness;

    beforeAll(async () => {
      api = await openApi(engine);
    });

    afterAll(async () => {
      await api?.close();
    });

    // Kent; Barnsley (DBV tranche 2); Cambridgeshire, whose mainstream figure is x in 2025; Rutland; Isles of Scilly, years with and without its data.
    test.each([
      ['886', null],
      ['823', null],
      ['873', null],
      ['857', 2021],
      ['420', 2023],
      ['886', 2019],
    ])('LA %s in %p: the figures kept at import equal those of the same LAs as a custom set', async (code, year) => {
      const reference = await new ReferenceCache().current(api.handle.db);
      const codes = [code, ...reference.neighboursOf(code).map((n) => n.code)];
      const kept = await api.run(PROFILE_FIGURES.replace('peers: $peers', year === null ? 'peers: $peers' : `peers: $peers, year: ${year}`), { code });
      const custom = await api.run(PROFILE_FIGURES.replace('peers: $peers', year === null ? 'peers: $peers' : `peers: $peers, year: ${year}`), { code, peers: { kind: 'CUSTOM', codes } });
      expect(kept.body.errors).toBeUndefined();
      expect(custom.body.errors).toBeUndefined();
      expect(kept.body.data.profile.metrics.filter((m: { rank: number | null }) => m.rank !== null).length).toBeGreaterThan(10);
      expect(kept.body.data).toEqual(custom.body.data);
    });
  });

  describe(`${engine} neighbour sets kept by the import`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openFreshDatabase(engine);
      await importLaLookup(handle.db);
      await importOrThrow(handle.db, caseloadAllPlansCopy());
    }, 120_000);

    afterAll(async () => {
      await handle?.close();
      removeCopies();
    });

    const snapshot = async () => (await sql`select * from neighbour_statistics order by la_code, period, metric_id`.execute(handle.db)).rows;

    test('none before the neighbours are imported; after, every LA with neighbours, and a refresh from nothing (what migration 0006 runs) gives the same', async () => {
      expect(await snapshot()).toEqual([]);
      await importOrThrow(handle.db, OFFICIAL_FILES.statisticalNeighbours);
      const kept = await snapshot();
      const focuses = await sql<{ n: number }>`select count(distinct la_code)::int as n from neighbour_statistics`.execute(handle.db);
      expect({ focuses: focuses.rows[0].n, rows: kept.length > 10_000 }).toEqual({ focuses: 153, rows: true });
      await sql`delete from neighbour_statistics`.execute(handle.db);
      await refreshNeighbourSet(handle.db, null);
      expect(await snapshot()).toEqual(kept);
    });

    test('a data file imported after the neighbours adds its metrics to every LA\'s set', async () => {
      const before = await sql<{ n: number }>`select count(*)::int as n from neighbour_statistics where metric_id = 'hn_spend_top_up_and_services'`.execute(handle.db);
      await importOrThrow(handle.db, OFFICIAL_FILES.s251Outturn);
      const after = await sql<{ n: number; las: number }>`select count(*)::int as n, count(distinct la_code)::int as las from neighbour_statistics where metric_id = 'hn_spend_top_up_and_services'`.execute(handle.db);
      expect({ before: before.rows[0].n, after: after.rows[0].n > 0, las: after.rows[0].las }).toEqual({ before: 0, after: true, las: 153 });
    });
  });
}
