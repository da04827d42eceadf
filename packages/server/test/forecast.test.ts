import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { runBacktest } from '../src/statistics/forecast/backtest';
import { DEFAULT_TREND_FROM_YEAR } from '../src/statistics/forecast/trend-model';
import { type ApiHarness, errorCodes, openApi } from './support/api';
import { ENGINES } from './support/engines';
import { OFFICIAL_DATA_DIR } from './support/official-data';

const FORECAST = `query Forecast($area: ForecastAreaInput!, $levers: ForecastLeversInput, $upratingRate: Float, $method: ForecastMethod) {
  forecast(area: $area, levers: $levers, upratingRate: $upratingRate, method: $method) {
    label areaCodes baseYear baseTotal method methodReason intervalSource
    base { mainstream stateSpecial independentSpecial post16 other }
    years {
      year horizon plansDifference cumulativePlansDifference spendDifference cumulativeSpendDifference divertedNewPlans movedToMainstream capBinding
      unmitigated { point lower80 upper80 lower95 upper95 spend groups { mainstream stateSpecial independentSpecial post16 other } spendByGroup { mainstream stateSpecial independentSpecial post16 other } }
      mitigated { point lower80 upper80 lower95 upper95 spend groups { mainstream stateSpecial independentSpecial post16 other } spendByGroup { mainstream stateSpecial independentSpecial post16 other } }
    }
    backtest { cutoffYear scoredYears maseScale scores { method mape mase notScored points { year forecast actual } } }
    unitCosts { group label perPlan source outturn plans lines reason }
    baseSpend
    observedPlans { period value }
    actualSpend { period value }
    assumptions { id value description source }
    caveats
  }
}`;

interface Groups { mainstream: number; stateSpecial: number; independentSpecial: number; post16: number; other: number }
interface Projection { point: number; lower80: number; upper80: number; lower95: number; upper95: number; spend: number | null; groups: Groups }
interface Year { year: number; unmitigated: Projection; mitigated: Projection; spendDifference: number | null }
interface ForecastAnswer {
  baseYear: number;
  method: string;
  methodReason: string;
  years: Year[];
  backtest: { cutoffYear: number; scoredYears: number[]; maseScale: number | null; scores: { method: string; mape: number | null; mase: number | null }[] };
  unitCosts: { group: string; perPlan: number; source: string }[];
  observedPlans: { period: number; value: number | null }[];
  actualSpend: { period: number; value: number | null }[];
  assumptions: { id: string; source: string }[];
  caveats: string[];
}

const EHCP_2025_CASELOAD = path.join(OFFICIAL_DATA_DIR, 'ees', 'education-health-and-care-plans_2025', 'data', 'caseload.csv');
const EHCP_2022_CASELOAD = path.join(OFFICIAL_DATA_DIR, 'ees', 'education-health-and-care-plans_2022', 'data', 'sen2_estab_caseload.csv');

/** England's January caseload read straight from the two releases: 2010–2018 from 2022 (Total_all), 2019–2025 from 2025 (ehcplans). */
function englandSeriesFromFiles(): { year: number; value: number }[] {
  const rows2025 = parse(fs.readFileSync(EHCP_2025_CASELOAD), { bom: true, columns: true }) as Record<string, string>[];
  const rows2022 = parse(fs.readFileSync(EHCP_2022_CASELOAD), { bom: true, columns: true }) as Record<string, string>[];
  const recent = rows2025
    .filter((r) => r.geographic_level === 'National' && r.breakdown_topic === 'All EHC plans')
    .map((r) => ({ year: Math.floor(Number(r.time_period) / 100) + 1, value: Number(r.ehcplans) }));
  const early = rows2022
    .filter((r) => r.geographic_level === 'National' && r.establishment_type === 'Total' && r.establishment_group === 'Total' && Number(r.time_period) < 2019)
    .map((r) => ({ year: Number(r.time_period), value: Number(r.Total_all) }));
  return [...early, ...recent].sort((a, b) => a.year - b.year);
}

const groupSum = (g: Groups) => g.mainstream + g.stateSpecial + g.independentSpecial + g.post16 + g.other;
const KENT = { laCode: '886' };
const DIVERSION = (share: number) => ({ diversionToSenSupport: share, specialToMainstream: 0, ceaseRateChange: 0 });

for (const engine of ENGINES) {
  describe(engine, () => {
    let api: ApiHarness;
    const forecast = async (variables: Record<string, unknown>): Promise<ForecastAnswer> => {
      const { body } = await api.run(FORECAST, variables);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data.forecast as ForecastAnswer;
    };

    beforeAll(async () => {
      api = await openApi(engine);
    });

    afterAll(async () => {
      await api?.close();
    });

    test('reproduces the England series and backtest from the official CSVs', async () => {
      const series = englandSeriesFromFiles();
      const expected = runBacktest({ series, fromYear: DEFAULT_TREND_FROM_YEAR });
      const answer = await forecast({ area: { england: true } });
      const trend = answer.backtest.scores.find((s) => s.method === 'trend');
      const naive = answer.backtest.scores.find((s) => s.method === 'naiveDrift');
      expect({
        series: answer.observedPlans,
        scoredYears: answer.backtest.scoredYears,
        maseScale: answer.backtest.maseScale,
        trend: { mape: trend?.mape, mase: trend?.mase },
        naive: { mape: naive?.mape, mase: naive?.mase },
      }).toEqual({
        series: series.map((p) => ({ period: p.year, value: p.value })),
        scoredYears: [2023, 2024, 2025],
        maseScale: expected.maseScale,
        trend: { mape: expected.trend?.mape, mase: expected.trend?.mase },
        naive: { mape: expected.naiveDrift?.mape, mase: expected.naiveDrift?.mase },
      });
    });

    test.each([
      ['England', { england: true }],
      ['Kent', KENT],
      ['Kent and its neighbours', { peers: { kind: 'STATISTICAL_NEIGHBOURS', of: '886' } }],
    ])('keeps the identities for %s', async (_label, area) => {
      const levers = { diversionToSenSupport: 0.3, specialToMainstream: 0.5, ceaseRateChange: 0.1, growthCap: 0.05 };
      const answer = await forecast({ area, levers });
      const projections = answer.years.flatMap((y) => [y.unmitigated, y.mitigated]);
      expect({
        years: answer.years.length,
        groupsSumToTotal: projections.every((p) => Math.abs(groupSum(p.groups) - p.point) <= 1e-6 * p.point),
        nested: projections.every((p) => p.lower95 <= p.lower80 && p.lower80 <= p.point && p.point <= p.upper80 && p.upper80 <= p.upper95),
        nonNegative: projections.every((p) => p.lower95 >= 0 && (p.spend ?? 0) >= 0 && Object.values(p.groups).every((v) => v >= 0)),
        spend: projections.every((p) => p.spend !== null),
        assumptionsSourced: answer.assumptions.every((a) => a.source.length > 0),
      }).toEqual({ years: 5, groupsSumToTotal: true, nested: true, nonNegative: true, spend: true, assumptionsSourced: true });
    });

    test('prices England with its own unit costs as mapping.ts computes them', async () => {
      const answer = await forecast({ area: { england: true } });
      const costs = Object.fromEntries(answer.unitCosts.map((c) => [c.group, { perPlan: Math.round(c.perPlan), source: c.source }]));
      expect(costs).toEqual({
        mainstream: { perPlan: 8_082, source: 'area' },
        stateSpecial: { perPlan: 13_502, source: 'area' },
        independentSpecial: { perPlan: 55_030, source: 'area' },
        post16: { perPlan: 6_522, source: 'area' },
        other: { perPlan: 7_667, source: 'area' },
      });
    });

    test('gives the unmitigated answer exactly with all levers at 0', async () => {
      const answer = await forecast({ area: KENT, levers: { diversionToSenSupport: 0, specialToMainstream: 0, ceaseRateChange: 0, growthCap: null } });
      expect(answer.years.map((y) => y.mitigated)).toEqual(answer.years.map((y) => y.unmitigated));
    });

    test('never gives more plans or spend with more diversion', async () => {
      const shares = [0, 0.1, 0.3, 0.65];
      const answers = await Promise.all(shares.map((s) => forecast({ area: KENT, levers: DIVERSION(s) })));
      const monotone = answers.slice(1).every((a, i) => a.years.every((y, k) => y.mitigated.point <= answers[i].years[k].mitigated.point && (y.mitigated.spend ?? 0) <= (answers[i].years[k].mitigated.spend ?? 0)));
      expect(monotone).toBe(true);
    });

    test('gives the same answer to the same inputs', async () => {
      const variables = { area: { peers: { kind: 'REGION', of: '886' } }, levers: DIVERSION(0.2), upratingRate: 0.04 };
      expect(await forecast(variables)).toEqual(await forecast(variables));
    });

    test('falls back to the trend model when the cohort model is asked for and says so', async () => {
      const answer = await forecast({ area: KENT, method: 'COHORT' });
      expect({ method: answer.method, says: /cohort model requested.*fell back to the trend model/.test(answer.methodReason) }).toEqual({ method: 'TREND', says: true });
    });

    test.each([
      ['levers.diversionToSenSupport', { area: KENT, levers: DIVERSION(0.8) }, 'BAD_USER_INPUT'],
      ['levers.growthCap', { area: KENT, levers: { ...DIVERSION(0), growthCap: -0.1 } }, 'BAD_USER_INPUT'],
      ['upratingRate', { area: KENT, upratingRate: 0.9 }, 'BAD_USER_INPUT'],
      ['area', { area: {} }, 'BAD_USER_INPUT'],
      ['area', { area: { laCode: '886', england: true } }, 'BAD_USER_INPUT'],
      ['series', { area: { laCode: '942' } }, 'BAD_USER_INPUT'],
      ['999', { area: { laCode: '999' } }, 'UNKNOWN_AUTHORITY'],
      ['999', { area: { peers: { kind: 'CUSTOM', codes: ['999'] } } }, 'UNKNOWN_AUTHORITY'],
    ])('rejects bad input naming %s', async (field, variables, code) => {
      const { body } = await api.run(FORECAST, variables);
      expect({ codes: errorCodes(body), named: String(body.errors?.[0]?.message).includes(field), data: body.data?.forecast ?? null }).toEqual({ codes: [code], named: true, data: null });
    });

    test('answers in at most 3 SQL statements', async () => {
      await api.run(FORECAST, { area: KENT });
      const { sqlStatements } = await api.run(FORECAST, { area: { peers: { kind: 'STATISTICAL_NEIGHBOURS', of: '886' } }, levers: DIVERSION(0.2) });
      expect(sqlStatements).toBeLessThanOrEqual(3);
    });
  });
}
