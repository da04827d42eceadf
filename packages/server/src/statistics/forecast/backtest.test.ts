import { describe, expect, test } from '@jest/globals';
import { type BacktestResult, chooseMethod, mape, mase, maseScale, naiveDrift, runBacktest } from './backtest';
import type { CohortInputs } from './cohort-model';
import { ForecastInputError } from './forecast-input-error';
import type { AnnualValue } from './trend-model';

const series = (start: number, values: readonly (number | null)[]): AnnualValue[] => values.map((value, i) => ({ year: start + i, value }));

// Growing exactly 8% a year from 2015: a straight line in ln(plans), the trend model's own form.
const GEOMETRIC = series(2015, Array.from({ length: 11 }, (_, i) => 1000 * 1.08 ** i));
// One band (ages 0–25) from January 2021 to 2022 with 200 new and 50 ceased plans: the cohort model adds a fixed
// number of plans a year, so it cannot follow a constant percentage growth.
const ONE_BAND: CohortInputs = { bands: [{ label: '0–25', width: 26 }], startYear: 2021, caseloadStart: [1000 * 1.08 ** 6], caseloadEnd: [1000 * 1.08 ** 7], newPlans: [200], ceased: [50] };

// Hand example: 2018–2022 = 100, 110, 125, 135, 150; held out 2023–2025 = 165, 180, 190.
//   MASE scale = mean(|110 − 100|, |125 − 110|, |135 − 125|, |150 − 135|) = (10 + 15 + 10 + 15) / 4 = 12.5
//   naive drift = 150 + (150 − 100) / 4 × h = 162.5, 175, 187.5; errors 2.5, 5, 2.5; MAE = 10 / 3
//   drift MASE = (10 / 3) / 12.5 = 0.2667; drift MAPE = 100 × (2.5 / 165 + 5 / 180 + 2.5 / 190) / 3 = 100 × (0.015152 + 0.027778 + 0.013158) / 3 = 1.8696%
const HAND = series(2018, [100, 110, 125, 135, 150, 165, 180, 190]);

describe('scores', () => {
  test('gives the MASE scale of the hand example', () => {
    expect(maseScale(HAND.slice(0, 5) as { year: number; value: number }[])).toBe(12.5);
  });

  test('breaks the one-step pairs at a missing year', () => {
    // pairs 2018–2019 (10) and 2021–2022 (15); 2019–2021 is not a one-year step
    expect(maseScale([{ year: 2018, value: 100 }, { year: 2019, value: 110 }, { year: 2021, value: 135 }, { year: 2022, value: 150 }])).toBe(12.5);
  });

  test('gives no MASE scale without a one-year step', () => {
    expect(maseScale([{ year: 2018, value: 100 }, { year: 2020, value: 110 }])).toBeNull();
  });

  test('gives the naive drift forecast of the hand example', () => {
    expect(naiveDrift(HAND.slice(0, 5) as { year: number; value: number }[], [2023, 2024, 2025])).toEqual([162.5, 175, 187.5]);
  });

  test('gives MAPE in percent', () => {
    expect(mape([{ year: 2023, forecast: 90, actual: 100 }, { year: 2024, forecast: 220, actual: 200 }])).toBeCloseTo(10, 12);
  });

  test('gives no MASE for a zero scale', () => {
    expect(mase([{ year: 2023, forecast: 90, actual: 100 }], 0)).toBeNull();
  });
});

describe('runBacktest', () => {
  const hand = runBacktest({ series: HAND });

  test('scores the naive drift of the hand example by hand', () => {
    expect([hand.maseScale, hand.naiveDrift?.mase, hand.naiveDrift?.mape].map((v) => Number((v as number).toFixed(4)))).toEqual([12.5, 0.2667, 1.8696]);
  });

  test('forecasts the held-out years from the fit to 2022', () => {
    expect([hand.scoredYears, hand.trend?.pairs.map((p) => p.actual)]).toEqual([
      [2023, 2024, 2025],
      [165, 180, 190],
    ]);
  });

  const geometric = runBacktest({ series: GEOMETRIC, cohort: ONE_BAND });

  test('gives the trend model MAPE 0 and MASE 0 on a series growing at a constant rate', () => {
    expect([geometric.trend?.mape, geometric.trend?.mase].map((v) => Number((v as number).toFixed(9)))).toEqual([0, 0]);
  });

  test('scores the cohort model above 0 on the same series', () => {
    expect(geometric.cohort?.mape).toBeGreaterThan(0.5);
  });

  test('chooses the trend model for a series growing at a constant rate', () => {
    expect(chooseMethod(geometric, {}).method).toBe('trend');
  });

  test('says the cohort model was not backtested without age data', () => {
    expect(runBacktest({ series: GEOMETRIC }).notScored.cohort).toBe('no caseload by age for two consecutive Januaries ending at January 2022');
  });

  test('says the trend model was not backtested with four years to the cutoff', () => {
    expect(runBacktest({ series: series(2019, [100, 110, 120, 130, 140, 150, 160]) }).notScored.trend).toBe('only 4 observed years (2019–2022); the trend model needs at least 5 to January 2022');
  });

  test('scores only held-out years that were observed', () => {
    expect(runBacktest({ series: [...GEOMETRIC.slice(0, 9), { year: 2024, value: null }, GEOMETRIC[10]] }).scoredYears).toEqual([2023, 2025]);
  });

  test('rejects cohort inputs that do not end at the cutoff', () => {
    expect(() => runBacktest({ series: GEOMETRIC, cohort: { ...ONE_BAND, startYear: 2023 } })).toThrow(
      new ForecastInputError('cohortBacktest.startYear', 'must be 2021 so that the transition ends at the cutoff (got 2023)'),
    );
  });

  test('gives the same answer for the same inputs', () => {
    expect(runBacktest({ series: GEOMETRIC, cohort: ONE_BAND })).toEqual(runBacktest({ series: structuredClone(GEOMETRIC), cohort: structuredClone(ONE_BAND) }));
  });
});

const score = (mapeValue: number, maseValue: number | null) => ({ pairs: [], mape: mapeValue, mase: maseValue });
const backtest = (trend: BacktestResult['trend'], cohort: BacktestResult['cohort'], notScored: BacktestResult['notScored'] = {}): BacktestResult => ({
  cutoffYear: 2022,
  testYears: [2023, 2024, 2025],
  scoredYears: [2023, 2024, 2025],
  maseScale: 10,
  trend,
  cohort,
  naiveDrift: null,
  notScored,
});

describe('chooseMethod', () => {
  test('chooses the lower MASE', () => {
    expect(chooseMethod(backtest(score(1, 0.48), score(3, 0.21)), {})).toEqual({ method: 'cohort', reason: 'cohort model: lower backtest MASE (0.210 against 0.480 for the trend model)' });
  });

  test('chooses the trend model on a tie', () => {
    expect(chooseMethod(backtest(score(1, 0.3), score(2, 0.3)), {})).toEqual({ method: 'trend', reason: 'backtest MASE tied (0.300 against 0.300); trend model used as the simpler' });
  });

  test('chooses by MAPE when MASE is undefined', () => {
    expect(chooseMethod(backtest(score(4, null), score(2, null)), {}).reason).toBe('cohort model: lower backtest MAPE (2.00 against 4.00 for the trend model)');
  });

  test('falls back to the trend model when the cohort model has no age data, and says so', () => {
    expect(chooseMethod(backtest(score(1, 0.3), null), { cohort: 'no caseload by age for two consecutive Januaries' })).toEqual({
      method: 'trend',
      reason: 'cohort model not available (no caseload by age for two consecutive Januaries); trend model used',
    });
  });

  test('falls back to the cohort model when the history is too short for the trend, and says so', () => {
    expect(chooseMethod(backtest(null, score(2, 0.5)), { trend: 'only 3 observed years (2023–2025); the trend model needs at least 5' })).toEqual({
      method: 'cohort',
      reason: 'trend model not available (only 3 observed years (2023–2025); the trend model needs at least 5); cohort model used',
    });
  });

  test('prefers a backtested method to one that was not', () => {
    expect(chooseMethod(backtest(score(1, 0.3), null, { cohort: 'no age data ending at January 2022' }), {}).reason).toBe('cohort model not backtested (no age data ending at January 2022); trend model used');
  });

  test('rejects a history too short for both methods, naming the series', () => {
    expect(() => chooseMethod(backtest(null, null), { trend: 'only 2 observed years (2024–2025); the trend model needs at least 5', cohort: 'no caseload by age for two consecutive Januaries' })).toThrow(
      new ForecastInputError('series', 'too short a history for both methods: trend model: only 2 observed years (2024–2025); the trend model needs at least 5; cohort model: no caseload by age for two consecutive Januaries'),
    );
  });
});
