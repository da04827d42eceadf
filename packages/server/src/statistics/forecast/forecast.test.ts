import { describe, expect, test } from '@jest/globals';
import type { CohortInputs } from './cohort-model';
import { type ForecastInputs, type ForecastResult, type ForecastYear, requestedMethod, runForecast } from './forecast';
import { ForecastInputError } from './forecast-input-error';
import { type Levers, NEUTRAL_LEVERS } from './levers';
import { S251_GROUP_LINES } from './mapping';
import { PLACEMENT_GROUPS, sumGroups } from './placement-groups';

// England from the shared data: January caseload 2010–2022 (SEN2 2022 release, statements + EHC plans) and
// 2023–2025 (SEN2 2025); groups at January 2025; new plans of 2024 by placement; plans ceased in 2024 and the
// caseload at January 2024; caseload by age 2024 → 2025 with 2024's new and ceased plans by age.
const SERIES = [228221, 229017, 230156, 233431, 237111, 240183, 256530, 287290, 312626, 353995, 390109, 430697, 473255, 517048, 576474, 638745].map((value, i) => ({
  year: 2010 + i,
  value,
}));
const COHORT: CohortInputs = {
  bands: [{ label: 'Under 3', width: 3 }, ...Array.from({ length: 17 }, (_, i) => ({ label: `Age ${i + 3}`, width: 1 })), { label: 'Age 20 to 25', width: 6 }],
  startYear: 2024,
  caseloadStart: [481, 4576, 21470, 24832, 27548, 30267, 31901, 33986, 38631, 43228, 42652, 42113, 41029, 39587, 36769, 32760, 26263, 19210, 35526],
  caseloadEnd: [533, 4302, 22517, 30847, 31867, 34082, 36412, 38381, 41405, 46775, 47172, 47359, 47125, 44886, 42005, 36484, 28598, 20815, 37180],
  newPlans: [203, 2134, 13245, 13207, 7686, 6865, 6431, 6434, 7594, 8126, 5259, 4663, 5071, 4474, 3468, 1656, 664, 291, 276],
  ceased: [8, 72, 428, 721, 817, 839, 888, 858, 1060, 1011, 976, 1116, 1200, 1356, 1714, 2073, 5113, 6004, 18576],
};
// S251 2021-22 outturn summed over LAs, and England's plans at January 2022 (see spend.test.ts).
const OUTTURN = {
  topup_maintained_early_years: 24207389,
  topup_maintained_primary: 897369703,
  topup_maintained_secondary: 500991592,
  topup_nmss_independent_primary: 56794237,
  topup_nmss_independent_secondary: 67830250,
  topup_maintained_special_schools_and_academies: 1892446890,
  topup_nmss_independent_special_schools_and_academies: 1343387899,
  topup_maintained_post_school: 284844026,
  topup_nmss_independent_post_school: 226265795,
  topup_maintained_prus_and_ap_academies: 210238629,
  topup_nmss_independent_prus_and_ap_academies: 74408830,
  topup_nmss_independent_early_years: 13340255,
};
const PLANS_2022 = { mainstream: 191442, stateSpecial: 140165, independentSpecial: 24412, post16: 78370, other: 38866 };

const ENGLAND: ForecastInputs = {
  series: SERIES,
  latestGroups: { total: 638745, groups: { mainstream: 278236, stateSpecial: 159852, independentSpecial: 34028, post16: 88158, other: 78471 } },
  latestNewPlans: { total: 97747, groups: { mainstream: 73369, stateSpecial: 6576, independentSpecial: 2488, post16: 2784, other: 12530 } },
  latestFlows: { ceased: 44862, caseloadAtStart: 576474 },
  cohort: COHORT,
  levers: NEUTRAL_LEVERS,
  spend: { unitCosts: { lines: S251_GROUP_LINES, area: { outturn: OUTTURN, plans: PLANS_2022 }, england: { outturn: OUTTURN, plans: PLANS_2022 } }, upratingRate: 0.03 },
};

const withLevers = (levers: Partial<Levers>, extra: Partial<ForecastInputs> = {}) => runForecast({ ...ENGLAND, ...extra, levers: { ...NEUTRAL_LEVERS, ...levers } });
const spendTotals = (result: ForecastResult) => result.spend?.mitigated.map((y) => y.total) ?? [];
const nested = (y: ForecastYear) => y.lower95 >= 0 && y.lower95 <= y.lower80 && y.lower80 <= y.point && y.point <= y.upper80 && y.upper80 <= y.upper95;
const allNumbers = (result: ForecastResult) => [
  ...[...result.unmitigated, ...result.mitigated].flatMap((y) => [y.point, y.lower80, y.upper80, y.lower95, y.upper95, ...PLACEMENT_GROUPS.map((g) => y.groups[g])]),
  ...(result.spend ? [...result.spend.unmitigated, ...result.spend.mitigated].flatMap((y) => [y.total, ...PLACEMENT_GROUPS.map((g) => y.byGroup[g])]) : []),
];

describe('runForecast for England', () => {
  const neutral = runForecast(ENGLAND);

  test('reproduces the trend model\'s backtest on the published series', () => {
    // fit 2015–2022, forecast 2023–2025: 523,647, 578,585, 639,287 against 517,048, 576,474, 638,745
    expect([neutral.backtest.trend?.pairs.map((p) => Math.round(p.forecast)), Number(neutral.backtest.trend?.mape.toFixed(3)), Number(neutral.backtest.trend?.mase?.toFixed(4))]).toEqual([
      [523647, 578585, 639287],
      0.576,
      0.0926,
    ]);
  });

  test('uses the trend model and says the cohort model was not backtested', () => {
    expect(neutral.method).toEqual({ method: 'trend', reason: 'cohort model not backtested (no caseload by age for two consecutive Januaries ending at January 2022); trend model used' });
  });

  test('projects the five Januaries after 2025', () => {
    expect(neutral.unmitigated.map((y) => [y.year, y.horizon, Math.round(y.point)])).toEqual([
      [2026, 1, 703069],
      [2027, 2, 776429],
      [2028, 3, 857444],
      [2029, 4, 946913],
      [2030, 5, 1045716],
    ]);
  });

  test('gives the mitigated answer exactly equal to the unmitigated one with neutral levers', () => {
    expect(neutral.mitigated).toEqual(neutral.unmitigated);
  });

  test('gives the same spend for both paths with neutral levers', () => {
    expect([neutral.spend?.mitigated, neutral.spend?.comparison.map((c) => c.cumulativeDifference)]).toEqual([neutral.spend?.unmitigated, [0, 0, 0, 0, 0]]);
  });

  test.each(neutral.unmitigated)('adds the groups up to the total in $year', (y) => {
    expect(Math.abs(sumGroups(y.groups) - y.point)).toBeLessThanOrEqual(1e-9);
  });

  test('gives the same answer for the same inputs', () => {
    expect(runForecast(structuredClone(ENGLAND))).toEqual(neutral);
  });

  test('lists the assumptions with the fitted growth', () => {
    expect(neutral.assumptions.find((a) => a.id === 'trendAnnualGrowth')?.value).toBeCloseTo(0.10434, 5);
  });
});

const MITIGATED = withLevers({ diversionToSenSupport: 0.3, specialToMainstream: 0.5, ceaseRateChange: 0.1, growthCap: 0.08 });

describe('runForecast mitigated', () => {
  test.each(MITIGATED.mitigated)('adds the groups up to the total in $year', (y) => {
    expect(Math.abs(sumGroups(y.groups) - y.point)).toBeLessThanOrEqual(1e-9);
  });

  test.each([...MITIGATED.unmitigated, ...MITIGATED.mitigated])('nests the intervals in $year', (y) => {
    expect(nested(y)).toBe(true);
  });

  test('spends less than the unmitigated path and accumulates the difference', () => {
    const comparison = MITIGATED.spend?.comparison ?? [];
    expect([comparison.every((c) => c.difference > 0), comparison[4].cumulativeDifference]).toEqual([true, comparison.reduce((sum, c) => sum + c.difference, 0)]);
  });

  test.each<[string, Levers]>([
    ['every lever at its maximum and a zero cap', { diversionToSenSupport: 0.65, specialToMainstream: 1, ceaseRateChange: 0.5, growthCap: 0 }],
    ['fewest ceasing', { diversionToSenSupport: 0.65, specialToMainstream: 1, ceaseRateChange: -0.5, growthCap: null }],
  ])('never gives a negative figure with %s', (_, levers) => {
    expect(allNumbers(withLevers(levers)).filter((v) => !(v >= 0))).toEqual([]);
  });
});

const GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65];
const byDiversion = GRID.map((d) => withLevers({ diversionToSenSupport: d, specialToMainstream: 0.5, ceaseRateChange: -0.2, growthCap: 0.07 }));
const byDiversionCohort = GRID.map((d) => withLevers({ diversionToSenSupport: d }, { options: { method: 'cohort' } }));
const steps = (results: ForecastResult[]) => results.slice(1).map((after, i) => ({ from: GRID[i], to: GRID[i + 1], before: results[i], after }));

describe('runForecast with more diversion', () => {
  test.each(steps(byDiversion))('never gives more plans from $from to $to', ({ before, after }) => {
    expect(after.mitigated.map((y, k) => y.point <= before.mitigated[k].point)).toEqual([true, true, true, true, true]);
  });

  test.each(steps(byDiversion))('never gives more spend from $from to $to', ({ before, after }) => {
    expect(spendTotals(after).map((s, k) => s <= spendTotals(before)[k] * (1 + 1e-12))).toEqual([true, true, true, true, true]);
  });

  test.each(steps(byDiversionCohort))('never gives more cohort-model spend from $from to $to', ({ before, after }) => {
    expect(spendTotals(after).map((s, k) => s < spendTotals(before)[k])).toEqual([true, true, true, true, true]);
  });
});

describe('runForecast with the cohort model', () => {
  const cohort = runForecast({ ...ENGLAND, options: { method: 'cohort' } });

  test('projects from the roll-forward and borrows the trend model\'s intervals', () => {
    expect([cohort.method.method, cohort.intervalSource, Math.round(cohort.unmitigated[0].point)]).toEqual(['cohort', 'trend model', 701859]);
  });

  test('gives the mitigated answer exactly equal to the unmitigated one with neutral levers', () => {
    expect(cohort.mitigated).toEqual(cohort.unmitigated);
  });

  test('falls back to the cohort model for a history too short for the trend, with drift intervals', () => {
    const short = runForecast({ ...ENGLAND, series: SERIES.slice(13) });
    expect([short.method.method, short.intervalSource, short.method.reason]).toEqual([
      'cohort',
      'random walk with drift',
      'trend model not available (only 3 observed years (2023–2025); the trend model needs at least 5); cohort model used',
    ]);
  });
});

describe('runForecast input errors', () => {
  test('names a lever out of range', () => {
    expect(() => withLevers({ diversionToSenSupport: 0.9 })).toThrow(new ForecastInputError('levers.diversionToSenSupport', 'must be a number from 0 to 0.65 (got 0.9)'));
  });

  test('names the series when the history is too short for both methods', () => {
    expect(() => runForecast({ ...ENGLAND, series: SERIES.slice(14), cohort: undefined })).toThrow(
      'series: too short a history for both methods: trend model: only 2 observed years (2024–2025); the trend model needs at least 5; cohort model: no caseload by age for two consecutive Januaries',
    );
  });

  test('names a negative caseload', () => {
    expect(() => runForecast({ ...ENGLAND, series: [...SERIES.slice(0, 15), { year: 2025, value: -1 }] })).toThrow('series[15].value');
  });

  test('names cohort inputs that do not end at the base year', () => {
    expect(() => runForecast({ ...ENGLAND, cohort: { ...COHORT, startYear: 2023 } })).toThrow('cohort.startYear: must be 2024, the January before the base (got 2023)');
  });

  test('names an uprating rate out of range', () => {
    expect(() => runForecast({ ...ENGLAND, spend: { unitCosts: ENGLAND.spend!.unitCosts, upratingRate: 2 } })).toThrow('upratingRate: must be a number from -0.5 to 0.5 (got 2)');
  });
});

describe('requestedMethod', () => {
  const chosen = { method: 'trend' as const, reason: 'trend model: lower backtest MASE (0.1 against 0.5)' };

  test('keeps the backtest\'s choice when nothing else is asked for', () => {
    expect(requestedMethod(undefined, chosen, {})).toBe(chosen);
  });

  test('uses the method asked for when it can run, with the backtest\'s reason beside it', () => {
    expect(requestedMethod('cohort', chosen, {})).toEqual({ method: 'cohort', reason: 'cohort model chosen by the user (backtest: trend model: lower backtest MASE (0.1 against 0.5))' });
  });

  test('falls back to the backtest\'s choice when the method asked for cannot run, and says why', () => {
    expect(requestedMethod('cohort', chosen, { cohort: 'no caseload by age for two consecutive Januaries' })).toEqual({
      method: 'trend',
      reason: 'cohort model asked for but it cannot run here (no caseload by age for two consecutive Januaries); trend model used',
    });
  });
});
