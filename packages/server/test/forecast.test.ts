import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type ApiHarness, errorCodes, openApi } from './support/api';
import { ENGINES } from './support/engines';
import { caseloadFromFiles, cohortBacktestFromFiles, cohortFirstYearFromFiles, maseScaleFromFiles, naiveDriftFromFiles, type ScoreFromFiles, trendBacktestFromFiles } from './support/forecast-from-files';

const FORECAST = `query Forecast($area: ForecastAreaInput!, $levers: ForecastLeversInput, $upratingRate: Float, $newPlansGrowth: Float, $senSupportCost: Float, $method: ForecastMethod) {
  forecast(area: $area, levers: $levers, upratingRate: $upratingRate, newPlansGrowth: $newPlansGrowth, senSupportCost: $senSupportCost, method: $method) {
    label areaCodes baseYear baseTotal method methodReason intervalSource cohortStartYear
    base { mainstream stateSpecial independentSpecial post16 other }
    years {
      year horizon financialYear plansDifference cumulativePlansDifference spendDifference cumulativeSpendDifference senSupportSpend netSpendDifference cumulativeNetSpendDifference
      divertedNewPlans divertedStock movedToMainstream capBinding
      unmitigated { point lower80 upper80 lower95 upper95 spend groups { mainstream stateSpecial independentSpecial post16 other } spendByGroup { mainstream stateSpecial independentSpecial post16 other } }
      mitigated { point lower80 upper80 lower95 upper95 spend groups { mainstream stateSpecial independentSpecial post16 other } spendByGroup { mainstream stateSpecial independentSpecial post16 other } }
    }
    backtest { cutoffYear scoredYears maseScale notes scores { method mape mase notScored points { year forecast actual } } }
    cohortBands { label width transitionRatio ceaseRate newPlans }
    unitCosts { group label perPlan source outturn plans lines reason }
    baseSpend pricedShareOfActualSpend
    observedPlans { period value }
    laterObservedPlans { period value }
    actualSpend { period value }
    assumptions { id value description source }
    caveats
  }
}`;

interface Groups { mainstream: number; stateSpecial: number; independentSpecial: number; post16: number; other: number }
interface Projection { point: number; lower80: number; upper80: number; lower95: number; upper95: number; spend: number | null; groups: Groups; spendByGroup: Groups | null }
interface Year {
  year: number;
  unmitigated: Projection;
  mitigated: Projection;
  spendDifference: number | null;
  senSupportSpend: number | null;
  netSpendDifference: number | null;
  divertedStock: number;
}
interface Score { method: string; mape: number | null; mase: number | null; notScored: string | null; points: { year: number; forecast: number; actual: number }[] }
interface ForecastAnswer {
  label: string;
  baseYear: number;
  method: string;
  methodReason: string;
  intervalSource: string;
  years: Year[];
  backtest: { cutoffYear: number; scoredYears: number[]; maseScale: number | null; notes: string[]; scores: Score[] };
  cohortBands: { label: string; transitionRatio: number }[];
  unitCosts: { group: string; perPlan: number; source: string }[];
  observedPlans: { period: number; value: number | null }[];
  laterObservedPlans: { period: number; value: number | null }[];
  assumptions: { id: string; value: string | null; source: string }[];
  caveats: string[];
}

/** Equal to 10 significant figures: the same formula summed in another order differs in the last bits. */
const sig = (x: number | null | undefined) => (x === null || x === undefined ? x : Number(x.toPrecision(10)));
const scoreOf = (answer: ForecastAnswer, method: string) => answer.backtest.scores.find((s) => s.method === method) as Score;
const asScored = (s: Score) => ({ forecasts: s.points.map((p) => sig(p.forecast)), mape: sig(s.mape), mase: sig(s.mase) });
const fromFiles = (s: ScoreFromFiles) => ({ forecasts: s.forecasts.map(sig), mape: sig(s.mape), mase: sig(s.mase) });
const groupSum = (g: Groups) => g.mainstream + g.stateSpecial + g.independentSpecial + g.post16 + g.other;
const projections = (a: ForecastAnswer) => a.years.flatMap((y) => [y.unmitigated, y.mitigated]);

const KENT = { laCode: '886' };
const NO_LEVERS = { diversionToSenSupport: 0, specialToMainstream: 0, ceaseRateChange: 0, growthCap: null };
const DIVERSION = (share: number) => ({ ...NO_LEVERS, diversionToSenSupport: share });
const EVERY_LEVER = { diversionToSenSupport: 0.3, specialToMainstream: 0.5, ceaseRateChange: 0.1, growthCap: 0.05 };
const EXTREME_LEVERS = { diversionToSenSupport: 0.65, specialToMainstream: 1, ceaseRateChange: -0.5, growthCap: 0 };

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

    describe('backtest reproduced from the official CSVs', () => {
      test.each([
        ['England', { england: true }, 'E92000001'],
        ['Kent', KENT, '886'],
      ])('reproduces the backtest table of %s', async (_name, area, code) => {
        const series = caseloadFromFiles(code);
        const answer = await forecast({ area });
        expect({
          observed: answer.observedPlans.filter((p) => p.period >= 2015),
          scoredYears: answer.backtest.scoredYears,
          maseScale: sig(answer.backtest.maseScale),
          trend: asScored(scoreOf(answer, 'trend')),
          cohort: asScored(scoreOf(answer, 'cohort')),
          naiveDrift: asScored(scoreOf(answer, 'naiveDrift')),
        }).toEqual({
          observed: [...series].filter(([year]) => year >= 2015 && year <= 2025).map(([period, value]) => ({ period, value })),
          scoredYears: [2023, 2024, 2025],
          maseScale: sig(maseScaleFromFiles(series)),
          trend: fromFiles(trendBacktestFromFiles(series)),
          cohort: fromFiles(cohortBacktestFromFiles(code, series)),
          naiveDrift: fromFiles(naiveDriftFromFiles(series)),
        });
      });

      test('chooses the trend model for England and the cohort model for Kent by backtest MASE', async () => {
        const [england, kent] = await Promise.all([forecast({ area: { england: true } }), forecast({ area: KENT })]);
        const kentSeries = caseloadFromFiles('886');
        const kentExpected = cohortBacktestFromFiles('886', kentSeries).mase < trendBacktestFromFiles(kentSeries).mase ? 'COHORT' : 'TREND';
        expect([england.method, england.methodReason, kent.method, kent.methodReason]).toEqual([
          'TREND',
          expect.stringMatching(/^trend model: lower backtest MASE/),
          kentExpected,
          expect.stringMatching(/^cohort model: lower backtest MASE/),
        ]);
      });

      test('says what the backtest can and cannot do', async () => {
        const answer = await forecast({ area: KENT });
        expect(answer.backtest.notes.join(' ')).toMatch(/cannot be backtested as it forecasts.*five age bands.*net of ceased plans/);
      });

      test('projects Kent\'s first cohort January as the roll-forward of the published ages', async () => {
        const answer = await forecast({ area: KENT, method: 'COHORT' });
        expect([answer.method, answer.cohortBands.length, sig(answer.years[0].unmitigated.point)]).toEqual(['COHORT', 19, sig(cohortFirstYearFromFiles('886'))]);
      });

      test('prices England with its own unit costs: S251 2021-22 top-up outturn over plans at January 2022', async () => {
        const answer = await forecast({ area: { england: true } });
        expect(Object.fromEntries(answer.unitCosts.map((c) => [c.group, [Math.round(c.perPlan), c.source]]))).toEqual({
          mainstream: [8_082, 'area'],
          stateSpecial: [13_502, 'area'],
          independentSpecial: [55_030, 'area'],
          post16: [6_522, 'area'],
          other: [7_667, 'area'],
        });
      });

      test('lists England\'s published January 2026 beside the forecast without fitting it', async () => {
        const answer = await forecast({ area: { england: true } });
        expect([answer.baseYear, answer.laterObservedPlans, answer.observedPlans.at(-1)]).toEqual([2025, [{ period: 2026, value: 718_838 }], { period: 2025, value: 638_745 }]);
      });
    });

    describe('identities', () => {
      test.each([
        ['England', { england: true }, EVERY_LEVER],
        ['Kent', KENT, EVERY_LEVER],
        ['Kent and its neighbours', { peers: { kind: 'STATISTICAL_NEIGHBOURS', of: '886' } }, EVERY_LEVER],
        ['the North West region (Cumbria joined)', { peers: { kind: 'REGION', of: '942' } }, EVERY_LEVER],
        ['North Northamptonshire (cohort model, short series)', { laCode: '940' }, EVERY_LEVER],
        ['City of London with extreme levers', { laCode: '201' }, EXTREME_LEVERS],
        ['the Isles of Scilly with extreme levers', { laCode: '420' }, EXTREME_LEVERS],
      ])('keeps the identities for %s', async (_label, area, levers) => {
        const answer = await forecast({ area, levers });
        expect({
          years: answer.years.map((y) => y.year),
          groupsSumToTotal: projections(answer).every((p) => Math.abs(groupSum(p.groups) - p.point) <= 1e-9 * Math.max(1, p.point)),
          nested: projections(answer).every((p) => p.lower95 <= p.lower80 && p.lower80 <= p.point && p.point <= p.upper80 && p.upper80 <= p.upper95),
          nonNegative: projections(answer).every((p) => p.lower95 >= 0 && (p.spend ?? 0) >= 0 && Object.values(p.groups).every((v) => v >= 0)),
          finite: projections(answer).every((p) => [p.point, p.lower95, p.upper95, p.spend].every((v) => Number.isFinite(v))),
          assumptionsSourced: answer.assumptions.every((a) => a.source.length > 0),
        }).toEqual({ years: [2026, 2027, 2028, 2029, 2030], groupsSumToTotal: true, nested: true, nonNegative: true, finite: true, assumptionsSourced: true });
      });

      test.each([
        ['Kent', KENT],
        ['England', { england: true }],
        ['North Northamptonshire', { laCode: '940' }],
      ])('gives the unmitigated answer exactly with all levers at 0 for %s', async (_label, area) => {
        const answer = await forecast({ area, levers: NO_LEVERS });
        expect(answer.years.map((y) => y.mitigated)).toEqual(answer.years.map((y) => y.unmitigated));
      });

      test('never gives more plans or high-needs spend with more diversion', async () => {
        const answers = await Promise.all([0, 0.1, 0.3, 0.65].map((s) => forecast({ area: KENT, levers: DIVERSION(s) })));
        const pairs = answers.slice(1).flatMap((a, i) => a.years.map((y, k) => [y.mitigated, answers[i].years[k].mitigated]));
        expect(pairs.every(([more, less]) => more.point <= less.point && (more.spend as number) <= (less.spend as number))).toBe(true);
      });

      test('takes the cost of SEN support for diverted needs off the saving', async () => {
        const answer = await forecast({ area: KENT, levers: DIVERSION(0.3), senSupportCost: 5_000, upratingRate: 0.02 });
        expect(answer.years.map((y) => [sig(y.senSupportSpend), sig(y.netSpendDifference)])).toEqual(
          answer.years.map((y) => [sig(y.divertedStock * 5_000 * 1.02 ** (y.year - 2022)), sig((y.spendDifference as number) - y.divertedStock * 5_000 * 1.02 ** (y.year - 2022))]),
        );
      });

      test('gives the same answer to the same inputs', async () => {
        const variables = { area: { peers: { kind: 'REGION', of: '886' } }, levers: EVERY_LEVER, upratingRate: 0.04, newPlansGrowth: 0.05 };
        expect(await forecast(variables)).toEqual(await forecast(variables));
      });
    });

    describe('methods that cannot run', () => {
      test('falls back to the cohort model for an area too short for the trend and says so', async () => {
        const answer = await forecast({ area: { laCode: '940' } });
        expect([answer.method, answer.methodReason, answer.intervalSource]).toEqual([
          'COHORT',
          'trend model not available (only 4 observed years (2022–2025); the trend model needs at least 5); cohort model used',
          'random walk with drift',
        ]);
      });

      test('falls back to the trend model when the cohort model is asked for without ages and says so', async () => {
        const answer = await forecast({ area: { laCode: '204' }, method: 'COHORT' });
        expect([answer.method, answer.methodReason]).toEqual(['TREND', 'cohort model asked for but it cannot run here (caseload by age at January 2024 is not published for Hackney (204)); trend model used']);
      });

      test('joins Cumbria\'s history to a set holding both its successors and says so', async () => {
        const answer = await forecast({ area: { peers: { kind: 'CUSTOM', codes: ['942', '943'] } } });
        expect([answer.observedPlans.find((p) => p.period === 2022), answer.caveats.some((c) => c.startsWith('Boundary change joined: Cumbria'))]).toEqual([{ period: 2022, value: 4_292 }, true]);
      });
    });

    describe('bad input', () => {
      test.each([
        ['levers.diversionToSenSupport', { area: KENT, levers: DIVERSION(0.8) }, 'BAD_USER_INPUT'],
        ['levers.specialToMainstream', { area: KENT, levers: { ...NO_LEVERS, specialToMainstream: -0.1 } }, 'BAD_USER_INPUT'],
        ['levers.ceaseRateChange', { area: KENT, levers: { ...NO_LEVERS, ceaseRateChange: 248.9 } }, 'BAD_USER_INPUT'],
        ['levers.growthCap', { area: KENT, levers: { ...NO_LEVERS, growthCap: -0.1 } }, 'BAD_USER_INPUT'],
        ['upratingRate', { area: KENT, upratingRate: 386.03 }, 'BAD_USER_INPUT'],
        ['newPlansGrowth', { area: KENT, newPlansGrowth: -0.9 }, 'BAD_USER_INPUT'],
        ['senSupportCost', { area: KENT, senSupportCost: -1 }, 'BAD_USER_INPUT'],
        ['area', { area: {} }, 'BAD_USER_INPUT'],
        ['area', { area: { england: false } }, 'BAD_USER_INPUT'],
        ['area', { area: { laCode: '886', england: true } }, 'BAD_USER_INPUT'],
        ['series', { area: { laCode: '942' } }, 'BAD_USER_INPUT'],
        ['area.laCode', { area: { laCode: '999' } }, 'UNKNOWN_AUTHORITY'],
        ['area.peers', { area: { peers: { kind: 'CUSTOM', codes: ['999'] } } }, 'UNKNOWN_AUTHORITY'],
        ['area.peers', { area: { peers: { kind: 'CUSTOM', codes: [] } } }, 'BAD_PEER_SELECTOR'],
        ['area.peers', { area: { peers: { kind: 'DBV', tranche: 7 } } }, 'BAD_PEER_SELECTOR'],
        ['area.peers', { area: { peers: { kind: 'STATISTICAL_NEIGHBOURS', of: '909' } } }, 'BAD_PEER_SELECTOR'],
      ])('rejects bad input naming %s', async (field, variables, code) => {
        const { body } = await api.run(FORECAST, variables);
        const error = body.errors?.[0];
        expect({ codes: errorCodes(body), field: error?.extensions?.field, named: String(error?.message).startsWith(`${field}: `), data: body.data?.forecast ?? null }).toEqual({ codes: [code], field, named: true, data: null });
      });
    });

    test('answers in at most 3 SQL statements', async () => {
      await api.run(FORECAST, { area: KENT });
      const { sqlStatements } = await api.run(FORECAST, { area: { peers: { kind: 'STATISTICAL_NEIGHBOURS', of: '886' } }, levers: DIVERSION(0.2) });
      expect(sqlStatements).toBeLessThanOrEqual(3);
    });
  });
}
