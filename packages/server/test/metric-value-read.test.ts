import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import { type MetricValueRow, selectMetricValues, WHOLE_PERIOD_ABOVE } from '../src/derived/metric-value.repository';
import { profileRows, selectProfile } from '../src/features/profiles/profile.repository';
import { ENGINES } from './support/engines';
import { openSharedDatabase } from './support/shared-database';

/**
 * selectMetricValues reads rows as one JSON document of columns and, for large sets, a whole period
 * filtered in JS: both must give exactly the rows a plain select gives (values to the last bit,
 * release ids of different lengths in one metric, nothing for areas outside the set).
 */

const key = (r: MetricValueRow) => `${r.metric_id}|${r.period}|${r.area_code}`;
const sorted = (rows: MetricValueRow[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

for (const engine of ENGINES) {
  describe(`${engine} metric value reads`, () => {
    let handle: DatabaseHandle;
    let areas: string[];

    beforeAll(async () => {
      handle = await openSharedDatabase(engine);
      areas = (await sql<{ code: string }>`select code from area order by code`.execute(handle.db)).rows.map((r) => r.code);
    });

    afterAll(async () => {
      await handle?.close();
    });

    const plain = async (metricIds: string[], codes: string[], periods?: number[]) =>
      (
        await sql<MetricValueRow>`
          select metric_id, area_code, period, value, status, numerator, denominator, aggregated, release_ids from metric_value
          where metric_id = any(${metricIds}::text[]) and area_code = any(${codes}::text[]) ${periods ? sql`and period = any(${periods}::integer[])` : sql``}
        `.execute(handle.db)
      ).rows;

    test('equal a plain select, release ids of different lengths in one metric included', async () => {
      const metricIds = ['ehc_plans_growth', 'hn_spend_per_plan', 'pct_plans_mainstream'];
      const rows = await selectMetricValues(handle.db, { metricIds, areas });
      const expected = await plain(metricIds, areas);
      expect(new Set(rows.map((r) => r.release_ids.length)).size).toBeGreaterThan(1);
      expect(rows.length).toBe(expected.length);
      expect(sorted(rows)).toEqual(sorted(expected));
    });

    test(`a set over ${WHOLE_PERIOD_ABOVE} areas reads the whole period and keeps exactly the set's areas`, async () => {
      const some = areas.filter((code, i) => i % 3 === 0);
      const padded = [...some, ...Array.from({ length: WHOLE_PERIOD_ABOVE }, (_, i) => `Z${i}-NONE`)];
      const periods = [202324, 202425];
      const rows = await selectMetricValues(handle.db, { metricIds: ['ehc_plans'], areas: padded, periods });
      const expected = await plain(['ehc_plans'], some, periods);
      expect(expected.length).toBeGreaterThan(100);
      expect(sorted(rows)).toEqual(sorted(expected));
    });

    test('one metric in one period (neither sent back) keeps the symbol of each row', async () => {
      const rows = await selectMetricValues(handle.db, { metricIds: ['pct_plans_mainstream'], areas, periods: [202425] });
      const expected = await plain(['pct_plans_mainstream'], areas, [202425]);
      expect(expected.filter((r) => r.status !== 'value').map((r) => r.area_code).sort()).toEqual(['812', '873']);
      expect(sorted(rows)).toEqual(sorted(expected));
    });

    // Kent, its 10 neighbours, England and the South East in the 2025 profile's periods.
    const PROFILE_READ = {
      focus: '886',
      areas: ['886', '888', '881', '850', '936', '938', '845', '878', '919', '926', 'E92000001', 'E12000008'],
      periods: [202425, 2025, 202324, 202526, 2024],
    };

    test("the profile's read gives the focus's every row and the others' rows in the periods asked", async () => {
      const { rows } = await selectProfile(handle.db, { ...PROFILE_READ, releaseIds: true });
      const focus = await sql<MetricValueRow>`select * from metric_value where area_code = ${PROFILE_READ.focus}`.execute(handle.db);
      const others = await sql<MetricValueRow>`select * from metric_value where area_code = any(${PROFILE_READ.areas.slice(1)}::text[]) and period = any(${PROFILE_READ.periods}::integer[])`.execute(handle.db);
      expect({ focus: focus.rows.length > 300, others: others.rows.length > 500 }).toEqual({ focus: true, others: true });
      expect(sorted(rows)).toEqual(sorted([...focus.rows, ...others.rows]));
    });

    // By metric_value_area (area, metric, period) the others' half read every period and kept one
    // row in five; by area and period it reads only what it returns (migration 0005).
    test("the profile's read of the other areas walks the area-period index, with no rows to filter", async () => {
      const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${profileRows(PROFILE_READ)}`.execute(handle.db);
      const scans: Record<string, unknown>[] = [];
      const walk = (node: Record<string, unknown>) => {
        if (typeof node['Index Name'] === 'string' || node['Node Type'] === 'Seq Scan') scans.push(node);
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      const document = plan.rows[0]['QUERY PLAN'];
      walk((typeof document === 'string' ? JSON.parse(document) : document)[0].Plan);
      const others = scans.find((n) => String(n['Index Cond'] ?? n.Filter ?? '').includes('ANY'));
      expect({ index: others?.['Index Name'], cond: String(others?.['Index Cond']).includes('period'), filter: others?.Filter ?? null }).toEqual({ index: 'metric_value_area_period', cond: true, filter: null });
    });

    test('no rows for a metric with none', async () => {
      expect(await selectMetricValues(handle.db, { metricIds: ['no_such_metric'], areas })).toEqual([]);
    });
  });
}
