import { type CohortInputs, cohortDataProblem, projectCohort } from './cohort-model';
import { ForecastInputError } from './forecast-input-error';
import { type AnnualValue, fitLogLinearTrend, observedPoints, projectTrend, trendHistoryProblem } from './trend-model';

export type ForecastMethod = 'trend' | 'cohort';

/** Fit to January 2022 or earlier, forecast 2023–2025: the last three Januaries are held out. */
export const BACKTEST_CUTOFF = 2022;
export const BACKTEST_YEARS: readonly number[] = [2023, 2024, 2025];

/** Relative difference within which two scores are a tie (then the trend model is chosen). */
export const TIE_TOLERANCE = 1e-9;

/** One held-out January: what a method forecast and what was observed. */
export interface BacktestPair {
  year: number;
  forecast: number;
  actual: number;
}

/** A method's backtest: its forecasts and their scores. */
export interface MethodScore {
  pairs: BacktestPair[];
  /** Mean absolute percentage error, in percent: 100 × mean |actual − forecast| / actual. */
  mape: number;
  /** Mean absolute error ÷ the MASE scale; null when the scale is 0 or cannot be computed. */
  mase: number | null;
}

export interface BacktestInputs {
  /** The whole caseload series (held-out years included: they are the actuals). */
  series: readonly AnnualValue[];
  cutoffYear?: number;
  testYears?: readonly number[];
  /** First year the trend model fits (and the MASE scale and naive drift use); all years by default. */
  fromYear?: number;
  /** Caseload by age at the two Januaries ending at the cutoff (startYear = cutoff − 1), with that year's flows. */
  cohort?: CohortInputs;
  newPlansGrowth?: number;
}

export interface BacktestResult {
  cutoffYear: number;
  testYears: readonly number[];
  /** The held-out years that had an observed January, which the scores are over. */
  scoredYears: number[];
  /** mean |y_t − y_{t−1}| over consecutive observed Januaries of the fitting sample; null with none. */
  maseScale: number | null;
  trend: MethodScore | null;
  cohort: MethodScore | null;
  /** The naive drift forecast (last fitted January plus the average annual change), for comparison. */
  naiveDrift: MethodScore | null;
  /** Why a method has no score. */
  notScored: { trend?: string; cohort?: string };
}

/**
 * MAPE in percent over the pairs: 100 × mean |actual − forecast| / actual (actuals are > 0).
 * @example mape([{ year: 2023, forecast: 90, actual: 100 }, { year: 2024, forecast: 220, actual: 200 }]) // 10
 */
export function mape(pairs: readonly BacktestPair[]): number {
  return (100 * pairs.reduce((sum, p) => sum + Math.abs(p.actual - p.forecast) / p.actual, 0)) / pairs.length;
}

/**
 * MASE: mean |actual − forecast| ÷ scale; null when the scale is null or 0.
 * @example mase([{ year: 2023, forecast: 90, actual: 100 }], 20) // 0.5
 */
export function mase(pairs: readonly BacktestPair[], scale: number | null): number | null {
  if (scale === null || !(scale > 0)) return null;
  return pairs.reduce((sum, p) => sum + Math.abs(p.actual - p.forecast), 0) / pairs.length / scale;
}

/**
 * The MASE denominator: the in-sample mean absolute error of the naive one-step (random walk)
 * forecast, mean |y_t − y_{t−1}| over pairs of consecutive years both observed in the fitting sample
 * (a gap breaks the pair). Null when there is no such pair.
 * @example maseScale([{ year: 2020, value: 100 }, { year: 2021, value: 110 }, { year: 2022, value: 125 }]) // 12.5
 */
export function maseScale(points: readonly { year: number; value: number }[]): number | null {
  let sum = 0;
  let count = 0;
  for (let i = 1; i < points.length; i++) {
    if (points[i].year - points[i - 1].year !== 1) continue;
    sum += Math.abs(points[i].value - points[i - 1].value);
    count++;
  }
  return count === 0 ? null : sum / count;
}

/**
 * The naive drift forecast: the last observed value plus the average annual change between the
 * first and last observed years, y_T + (y_T − y_1) / (T − 1) × (year − T), floored at 0.
 * @example naiveDrift([{ year: 2020, value: 100 }, { year: 2022, value: 120 }], [2023, 2024]) // [130, 140]
 */
export function naiveDrift(points: readonly { year: number; value: number }[], years: readonly number[]): number[] {
  const first = points[0];
  const last = points[points.length - 1];
  const slope = (last.value - first.value) / (last.year - first.year);
  return years.map((year) => Math.max(0, last.value + slope * (year - last.year)));
}

function score(forecasts: ReadonlyMap<number, number>, actuals: ReadonlyMap<number, number>, scoredYears: readonly number[], scale: number | null): MethodScore {
  const pairs = scoredYears.map((year) => ({ year, forecast: forecasts.get(year) as number, actual: actuals.get(year) as number }));
  return { pairs, mape: mape(pairs), mase: mase(pairs, scale) };
}

/**
 * Fits each method to data up to the cutoff, forecasts the held-out years and scores them against
 * the observed Januaries. A method that cannot be fitted (fewer than 5 observed years to the cutoff
 * for the trend, no age data ending at the cutoff for the cohort) is not scored, with the reason.
 * @example runBacktest({ series }).trend?.mape // e.g. 0 for a series growing at a constant rate
 */
export function runBacktest(inputs: BacktestInputs): BacktestResult {
  const cutoffYear = inputs.cutoffYear ?? BACKTEST_CUTOFF;
  const testYears = inputs.testYears ?? BACKTEST_YEARS;
  if (testYears.some((year) => !Number.isInteger(year) || year <= cutoffYear)) throw new ForecastInputError('testYears', `must be whole years after ${cutoffYear}`);
  const window = { fromYear: inputs.fromYear, toYear: cutoffYear };
  const fitting = observedPoints(inputs.series, window);
  const actuals = new Map(observedPoints(inputs.series).filter((p) => testYears.includes(p.year)).map((p) => [p.year, p.value]));
  const scoredYears = testYears.filter((year) => actuals.has(year));
  const scale = maseScale(fitting);
  const notScored: BacktestResult['notScored'] = {};
  const result: BacktestResult = { cutoffYear, testYears, scoredYears, maseScale: scale, trend: null, cohort: null, naiveDrift: null, notScored };
  if (scoredYears.length === 0) {
    const why = `no observed January in ${testYears[0]}–${testYears[testYears.length - 1]} to score against`;
    notScored.trend = why;
    notScored.cohort = why;
    return result;
  }
  if (fitting.length >= 2) {
    const drift = naiveDrift(fitting, scoredYears);
    result.naiveDrift = score(new Map(scoredYears.map((year, i) => [year, drift[i]])), actuals, scoredYears, scale);
  }

  const trendProblem = trendHistoryProblem(inputs.series, window);
  if (trendProblem) notScored.trend = `${trendProblem} to January ${cutoffYear}`;
  else {
    const projected = projectTrend(fitLogLinearTrend(inputs.series, window), scoredYears);
    result.trend = score(new Map(projected.map((p) => [p.year, p.point])), actuals, scoredYears, scale);
  }

  const cohortProblem = cohortDataProblem(inputs.cohort);
  if (cohortProblem || !inputs.cohort) notScored.cohort = `${cohortProblem ?? 'no age data'} ending at January ${cutoffYear}`;
  else {
    if (inputs.cohort.startYear + 1 !== cutoffYear) {
      throw new ForecastInputError('cohortBacktest.startYear', `must be ${cutoffYear - 1} so that the transition ends at the cutoff (got ${inputs.cohort.startYear})`);
    }
    const last = scoredYears[scoredYears.length - 1];
    const projection = projectCohort(inputs.cohort, { years: last - cutoffYear, newPlansGrowth: inputs.newPlansGrowth }, 'cohortBacktest');
    result.cohort = score(new Map(projection.years.map((y) => [y.year, y.total])), actuals, scoredYears, scale);
  }
  return result;
}

/** The method the forecast uses, and why, in a sentence. */
export interface MethodChoice {
  method: ForecastMethod;
  reason: string;
}

function lower(a: number, b: number): 'a' | 'b' | 'tie' {
  if (Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) return 'tie';
  return a < b ? 'a' : 'b';
}

const LABEL: Record<ForecastMethod, string> = { trend: 'trend model', cohort: 'cohort model' };

/**
 * Chooses the method: of those that can forecast (`cannotForecast` gives why a method cannot), the
 * one with the lower backtest MASE; by MAPE when MASE is undefined for either; a tie (equal to 9
 * significant figures) goes to the trend model, which is simpler and has its own intervals. A
 * method that can forecast but was not backtested loses to one that was. With neither able to
 * forecast, a ForecastInputError on `series`.
 * @example chooseMethod(backtest, {}) // { method: 'trend', reason: 'trend model: lower backtest MASE (0.21 against 0.48)' }
 */
export function chooseMethod(backtest: BacktestResult, cannotForecast: { trend?: string; cohort?: string }): MethodChoice {
  if (cannotForecast.trend && cannotForecast.cohort) {
    throw new ForecastInputError('series', `too short a history for both methods: trend model: ${cannotForecast.trend}; cohort model: ${cannotForecast.cohort}`);
  }
  if (cannotForecast.cohort) return { method: 'trend', reason: `cohort model not available (${cannotForecast.cohort}); trend model used` };
  if (cannotForecast.trend) return { method: 'cohort', reason: `trend model not available (${cannotForecast.trend}); cohort model used` };
  const { trend, cohort } = backtest;
  if (!trend && !cohort) return { method: 'trend', reason: `neither method could be backtested (trend: ${backtest.notScored.trend}; cohort: ${backtest.notScored.cohort}); trend model used as the simpler` };
  if (!cohort) return { method: 'trend', reason: `cohort model not backtested (${backtest.notScored.cohort}); trend model used` };
  if (!trend) return { method: 'cohort', reason: `trend model not backtested (${backtest.notScored.trend}); cohort model used` };
  const byMase = trend.mase !== null && cohort.mase !== null;
  const [a, b, measure] = byMase ? [trend.mase as number, cohort.mase as number, 'MASE'] : [trend.mape, cohort.mape, 'MAPE'];
  const winner = lower(a, b);
  const figures = `${a.toPrecision(3)} against ${b.toPrecision(3)}`;
  if (winner === 'tie') return { method: 'trend', reason: `backtest ${measure} tied (${figures}); trend model used as the simpler` };
  if (winner === 'a') return { method: 'trend', reason: `trend model: lower backtest ${measure} (${figures})` };
  return { method: 'cohort', reason: `cohort model: lower backtest ${measure} (${b.toPrecision(3)} against ${a.toPrecision(3)} for the trend model)` };
}
