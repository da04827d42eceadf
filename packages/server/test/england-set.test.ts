import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { METRICS } from '@sendbench/schema';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import { orderForDisplay, summariseEnglandSet, summariseSet } from '../src/features/comparisons/comparison.service';
import type { MemberFigures } from '../src/features/comparisons/comparison.type';
import type { AggregateValue } from '../src/features/comparisons/comparison.type';
import { refreshEnglandSet, selectEnglandSet } from '../src/derived/england-set.repository';
import { selectMetricValues } from '../src/derived/metric-value.repository';
import { ReferenceCache, type ReferenceSnapshot } from '../src/features/reference/reference.service';
import { ENGINES } from './support/engines';
import { caseloadAllPlansCopy, removeCopies } from './support/file-copies';
import { openFreshDatabase } from './support/fresh-database';
import { importLaLookup, importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { openSharedDatabase } from './support/shared-database';

/**
 * England's set is ranked by the import (england_rank, england_statistics); a comparison over it
 * reads only the places it shows. For every metric in every period with LA values, its figures must
 * be the ones ranking every current LA per request gives (summariseSet + orderForDisplay): the same
 * members in the same order with the same values, ranks and bands — for a page of 10, a page that
 * reaches the members without a value, and every member — the same focus, and the same statistics
 * (aggregate sums: exact in PostgreSQL, added in order in JS, so equal to 1e-12).
 */

const FOCUS = '886'; // Kent

const member = (m: MemberFigures) => ({ code: m.authority.code, value: m.value, rank: m.rank, quartileBand: m.quartileBand });

function expectSameAggregate(actual: AggregateValue, expected: AggregateValue): void {
  expect(actual.members).toBe(expected.members);
  for (const key of ['value', 'numerator', 'denominator'] as const) {
    const a = actual[key];
    const e = expected[key];
    if (a === null || e === null) expect(a).toBe(e);
    else expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-12 * Math.abs(e));
  }
}

for (const engine of ENGINES) {
  describe(`${engine} England's set ranked at import`, () => {
    let handle: DatabaseHandle;
    let reference: ReferenceSnapshot;

    beforeAll(async () => {
      handle = await openSharedDatabase(engine);
      reference = await new ReferenceCache().current(handle.db);
    });

    afterAll(async () => {
      await handle?.close();
    });

    test('every metric and LA period: the figures ranking every LA per request gives', async () => {
      const members = reference.currentAuthoritiesByName();
      const focus = reference.authority(FOCUS)!;
      let periods = 0;
      let partial = 0;
      // Compared by their JSON (exact for finite doubles) and reported together: ~2,000 toEqual
      // calls on 153-member lists took most of this test's time.
      const mismatches: unknown[] = [];
      const differ = (what: string, actual: unknown, expected: unknown) => {
        if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push({ what, actual, expected });
      };
      for (const metric of METRICS) {
        for (const period of reference.laPeriodsOf(metric.id)) {
          periods++;
          const rows = await selectMetricValues(handle.db, { metricIds: [metric.id], areas: members.map((m) => m.code), periods: [period] });
          const expected = summariseSet(metric, period, members, new Map(rows.map((r) => [r.area_code, r])));
          const order = orderForDisplay(expected.members).map(member);
          const own = member(expected.members.find((m) => m.authority === focus)!);
          for (const through of [10, expected.statistics.withValue + 1, null]) {
            const at = `${metric.id} ${period} through ${through}`;
            const read = await selectEnglandSet(handle.db, { metricId: metric.id, period, through, focus: FOCUS, others: [FOCUS], releaseIds: true });
            const actual = summariseEnglandSet(metric, period, members, read, focus, (code) => reference.authority(code));
            const { aggregate, ...statistics } = actual.statistics;
            const { aggregate: expectedAggregate, ...expectedStatistics } = expected.statistics;
            differ(`${at}: statistics`, statistics, expectedStatistics);
            expectSameAggregate(aggregate, expectedAggregate);
            // Whole tie groups at the edge of the places: at least `through` members, a prefix of the order.
            const shown = actual.shown.map(member);
            if (shown.length < Math.min(through ?? members.length, members.length)) mismatches.push({ what: `${at}: only ${shown.length} shown` });
            differ(`${at}: shown`, shown, order.slice(0, shown.length));
            if (through !== null && shown.length < members.length) partial++;
            differ(`${at}: focus`, member(actual.focus!), own);
          }
        }
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect(periods).toBeGreaterThan(300);
      expect(partial).toBeGreaterThan(300);
    });

    test('the page past the members with a value lists those without, with their status', async () => {
      // ehc_plans_growth has no value where the previous year is missing; pick a period where some LA lacks one.
      const members = reference.currentAuthoritiesByName();
      const metric = METRICS.find((m) => m.id === 'hn_spend_per_plan')!;
      const candidates = reference.laPeriodsOf(metric.id);
      let checked = 0;
      for (const period of candidates) {
        const read = await selectEnglandSet(handle.db, { metricId: metric.id, period, through: 1000, focus: null, others: [], releaseIds: false });
        if (read.withValue === members.length) continue;
        const actual = summariseEnglandSet(metric, period, members, read, null, (code) => reference.authority(code));
        expect(actual.shown).toHaveLength(members.length);
        const missing = actual.shown.slice(read.withValue);
        expect(missing.every((m) => m.rank === null && m.value.value === null && m.value.status !== 'value')).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  });
}

for (const engine of ENGINES) {
  describe(`${engine} England's set kept by the import`, () => {
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

    const snapshot = async () => ({
      ranks: (await sql<{ key: string }>`select metric_id || '|' || period || '|' || rank || '|' || area_code || '|' || position as key from england_rank order by 1`.execute(handle.db)).rows.map((r) => r.key),
      statistics: (await sql`select * from england_statistics order by metric_id, period`.execute(handle.db)).rows,
    });

    test('ranks every current LA with a value, and a refresh from nothing (what migration 0004 runs) gives the same', async () => {
      const kept = await snapshot();
      const valued = await sql<{ n: number }>`
        select count(*)::int as n from metric_value mv join local_authority la on la.la_code = mv.area_code and la.is_current where mv.value is not null
      `.execute(handle.db);
      expect(kept.ranks.length).toBe(valued.rows[0].n);
      expect(kept.ranks.length).toBeGreaterThan(1000);
      await sql`delete from england_rank`.execute(handle.db);
      await sql`delete from england_statistics`.execute(handle.db);
      await refreshEnglandSet(handle.db, null);
      expect(await snapshot()).toEqual(kept);
    });

    // The import re-derives every metric when the LA lookup changes (an LA's currency decides the
    // sets it is in), and with them England's ranking: shown here by importing the lookup again
    // with Kent marked as a predecessor LA.
    test('an LA the lookup no longer marks current leaves the set when the lookup is imported, and the others close ranks', async () => {
      const before = await selectEnglandSet(handle.db, { metricId: 'ehc_plans', period: 202425, through: null, focus: '886', others: [], releaseIds: false });
      expect(before.focus).not.toBeNull();
      const lookup = fs.readFileSync(OFFICIAL_FILES.laLookup, 'utf8');
      const kent = /^886,Kent,.*$/m.exec(lookup)![0];
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-lookup-'));
      try {
        const changed = path.join(dir, path.basename(OFFICIAL_FILES.laLookup));
        fs.writeFileSync(changed, lookup.replace(kent, kent.replace(',yes,', ',no (predecessor LA),')));
        await importOrThrow(handle.db, changed);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const after = await selectEnglandSet(handle.db, { metricId: 'ehc_plans', period: 202425, through: null, focus: '886', others: [], releaseIds: false });
      expect({ focus: after.focus, withValue: after.withValue, ranks: after.ranked.map((r) => r.rank).sort((a, b) => a - b) }).toEqual({
        focus: null,
        withValue: before.withValue - 1,
        ranks: before.ranked.filter((r) => r.row.area_code !== '886').map((r) => r.rank - (r.rank > before.focus!.rank ? 1 : 0)).sort((a, b) => a - b),
      });
    });
  });
}
