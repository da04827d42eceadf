import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { METRICS, previousPeriod } from '@sendbench/schema';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { JUDGED_METRIC_IDS, selectQualityFlags } from '../src/derived/quality-flag.repository';
import { type ChangeInput, flagUnusualChanges } from '../src/statistics/unusual-change';
import { type ApiHarness, errorCodes, openApi } from './support/api';
import { ENGINES } from './support/engines';
import { OFFICIAL_FILES } from './support/official-data';

/**
 * The automatic data-quality flags are kept at import (derived/quality-flag.repository.ts, in SQL);
 * they must be the flags the rule gives when computed per request from the metric values
 * (statistics/unusual-change.ts). Newham's January 2025 caseload is flagged both ways: by the
 * curated note and by the rule, with the figures of caseload.csv.
 */

interface ValueRow {
  metric_id: string;
  area_code: string;
  period: number;
  value: number;
}

/** Every LA's positive values of the judged metrics, as the rule reads them. */
async function judgedValues(api: ApiHarness): Promise<ValueRow[]> {
  const rows = await sql<ValueRow>`
    select metric_id, area_code, period, value from metric_value
    where metric_id = any(${[...JUDGED_METRIC_IDS]}::text[]) and status = 'value' and value > 0 and area_code ~ '^[0-9]{3}$'
  `.execute(api.handle.db);
  return rows.rows;
}

/** The rule computed per request: each metric's changes (not into a series break), judged in JS. */
function flagsPerRequest(rows: readonly ValueRow[]): Map<string, { zOwn: number; zEngland: number }> {
  const byKey = new Map(rows.map((r) => [`${r.metric_id}|${r.area_code}|${r.period}`, r]));
  const flags = new Map<string, { zOwn: number; zEngland: number }>();
  for (const metric of METRICS.filter((m) => JUDGED_METRIC_IDS.includes(m.id))) {
    const breaks = new Set((metric.seriesBreaks ?? []).map((b) => b.period));
    const changes: ChangeInput[] = [];
    for (const r of rows) {
      if (r.metric_id !== metric.id || breaks.has(r.period)) continue;
      const before = byKey.get(`${metric.id}|${r.area_code}|${previousPeriod(metric.periodType, r.period)}`);
      if (before) changes.push({ area: r.area_code, period: r.period, previousPeriod: before.period, value: r.value, previous: before.value });
    }
    for (const f of flagUnusualChanges(changes)) flags.set(`${metric.id}|${f.area}|${f.period}`, { zOwn: f.zOwn, zEngland: f.zEngland });
  }
  return flags;
}

/** Newham's EHC plans at January 2024 and 2025 in caseload.csv ("All EHC plans" rows). */
function newhamPlansFromFile(): { jan2024: number; jan2025: number } {
  const rows = parse(fs.readFileSync(OFFICIAL_FILES.caseload), { bom: true, columns: true }) as Record<string, string>[];
  const plans = (period: string) => Number(rows.find((r) => r.old_la_code === '316' && r.time_period === period && r.breakdown_topic === 'All EHC plans')!.ehcplans);
  return { jan2024: plans('202324'), jan2025: plans('202425') };
}

const NEWHAM_PLANS = `
  query {
    comparison(metric: "ehc_plans", peers: { kind: ENGLAND }, focus: "316", period: 202425) {
      focusMember { value { value notes { id kind text source period { code } } } }
    }
  }
`;

for (const engine of ENGINES) {
  describe(`${engine} data-quality flags`, () => {
    let api: ApiHarness;

    beforeAll(async () => {
      api = await openApi(engine);
    });

    afterAll(async () => {
      await api?.close();
    });

    test('keeps the flags that computing the rule per request gives', async () => {
      const expected = flagsPerRequest(await judgedValues(api));
      const kept = await selectQualityFlags(api.handle.db);
      const keys = kept.map((f) => `${f.metric_id}|${f.area_code}|${f.period}`);
      const zDifferences = kept.filter((f) => {
        const e = expected.get(`${f.metric_id}|${f.area_code}|${f.period}`);
        return !e || Math.abs(e.zOwn - f.z_own) > 1e-9 * Math.abs(f.z_own) || Math.abs(e.zEngland - f.z_england) > 1e-9 * Math.abs(f.z_england);
      });
      expect(keys.sort()).toEqual([...expected.keys()].sort());
      expect(zDifferences).toEqual([]);
      expect(kept.length).toBeGreaterThan(0);
    });

    test('flags Newham january 2025 both by the curated note and by the rule', async () => {
      const { body } = await api.run(NEWHAM_PLANS);
      const value = body.data.comparison.focusMember.value;
      expect(value.value).toBe(newhamPlansFromFile().jan2025);
      expect(value.notes.map((n: { kind: string }) => n.kind)).toEqual(['NOTE', 'CHECK']);
      expect(value.notes[0].text).toContain('1,199');
      expect(value.notes[1].id).toBe('check:ehc_plans:316:202425');
    });

    test('lists the Newham flag with the figures of caseload.csv', async () => {
      const { body } = await api.run(`query { dataQuality(metric: "ehc_plans", la: "316") { flags { id value previousValue period { label } previousPeriod { label } text } } }`);
      const file = newhamPlansFromFile();
      expect(body.data.dataQuality.flags).toEqual([
        {
          id: 'check:ehc_plans:316:202425',
          value: file.jan2025,
          previousValue: file.jan2024,
          period: { label: 'January 2025' },
          previousPeriod: { label: 'January 2024' },
          text: expect.stringContaining("Newham's 1,199 in January 2025 against 2,705 in January 2024 (−55.7%)"),
        },
      ]);
    });

    test('leaves every value of Kent\'s smooth plans series unflagged', async () => {
      const { body } = await api.run(`query { trend(metric: "ehc_plans", areas: ["886"]) { notes { id } series { points { value } } } }`);
      expect(body.data.trend.notes).toEqual([]);
      expect(body.data.trend.series[0].points.length).toBeGreaterThanOrEqual(7);
    });

    test('never alters a flagged value: it equals the published figure beside its flag', async () => {
      const { body } = await api.run(`query { dataQuality { flags { metric { id } authority { code } period { code } value } } }`);
      const flags = body.data.dataQuality.flags as { metric: { id: string }; authority: { code: string }; period: { code: number }; value: number }[];
      const stored = await sql<{ key: string; value: number }>`select metric_id || '|' || area_code || '|' || period as key, value from metric_value`.execute(api.handle.db);
      const values = new Map(stored.rows.map((r) => [r.key, r.value]));
      expect(flags.filter((f) => values.get(`${f.metric.id}|${f.authority.code}|${f.period.code}`) !== f.value)).toEqual([]);
    });

    // Spend per plan in 2024-25 divides by January 2025's plans: the Newham note is on it too.
  test('lists the curated notes with their sources and periods', async () => {
      const { body } = await api.run(`query { dataQuality { rule curated { id authority { name } selector periods { label } text source } } }`);
      const newham = body.data.dataQuality.curated.find((n: { authority: { name: string } | null }) => n.authority?.name === 'Newham');
      expect(newham).toEqual({ id: 'note:2', authority: { name: 'Newham' }, selector: 'dataset:ehcp_caseload', periods: [{ label: 'January 2025' }, { label: '2024-25' }], text: expect.stringContaining('2,705'), source: expect.stringContaining('caseload.csv') });
      expect(body.data.dataQuality.rule).toContain('median absolute deviation');
    });

    test('answers an unknown authority with UNKNOWN_AUTHORITY', async () => {
      const { body } = await api.run(`query { dataQuality(la: "999") { rule } }`);
      expect(errorCodes(body)).toEqual(['UNKNOWN_AUTHORITY']);
    });
  });
}
