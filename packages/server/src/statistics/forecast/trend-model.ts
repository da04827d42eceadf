import { ForecastInputError } from './forecast-input-error';
import { logScaleFactors, type ProjectedValue, withInterval } from './prediction-interval';

/** One January's caseload; `null` when the year is missing or suppressed (skipped, never read as 0). */
export interface AnnualValue {
  year: number;
  value: number | null;
}

/**
 * Fewer observed years than this and the trend model is not fitted: with 4 points the residual error
 * has 2 degrees of freedom and t(0.975, 2) = 4.30 makes the 95% interval uninformative.
 */
export const MIN_TREND_YEARS = 5;

/**
 * The first January the forecast's trend model fits by default. The Children and Families Act 2014
 * extended plans to ages 0–25 and statements were converted to EHC plans from 2014 to 2018; growth
 * changed regime then (England: 1% a year 2010–2014, 10% a year since), and a line through
 * 2010–2022 misses England's 2023–2025 by 16% (MAPE) where one through 2015–2022 misses by 0.6%.
 */
export const DEFAULT_TREND_FROM_YEAR = 2015;

/** Which observed years a fit uses: all of them by default, or those from `fromYear` to `toYear` inclusive. */
export interface TrendWindow {
  fromYear?: number;
  toYear?: number;
}

/**
 * A least-squares line through ln(plans) against the year. Chosen over Holt's or a damped trend for
 * ~16 annual points because it has two parameters (a damped trend has four and cannot estimate its
 * damping from so few points), it has an exact, textbook prediction interval (the t distribution
 * with the residual standard error and the leverage of the new year), its growth is a constant
 * percentage, which is how caseloads have grown since 2014, and on the log scale nothing it
 * projects can be negative.
 */
export interface TrendFit {
  method: 'log-linear';
  /** The observed (year, plans) pairs fitted, ascending. */
  points: readonly { year: number; value: number }[];
  n: number;
  /** Mean of the fitted years: the line is centred there so the two estimates are uncorrelated. */
  centreYear: number;
  /** Mean of ln(plans): the fitted ln(plans) at `centreYear`. */
  intercept: number;
  /** Change in ln(plans) per year; exp(slope) − 1 is the annual growth rate. */
  slope: number;
  /** Σ (year − centreYear)². */
  sxx: number;
  /** √(Σ residual² / (n − 2)) on the log scale. */
  residualStandardError: number;
  degreesOfFreedom: number;
  lastObservedYear: number;
}

/**
 * The observed points of a caseload series in the window, ascending, after checking every entry:
 * years whole and distinct, values finite and > 0 (a zero or negative caseload is an error, a
 * missing one is `null`).
 * @example observedPoints([{ year: 2020, value: 10 }, { year: 2021, value: null }]) // [{ year: 2020, value: 10 }]
 */
export function observedPoints(series: readonly AnnualValue[], window: TrendWindow = {}, field = 'series'): { year: number; value: number }[] {
  const seen = new Set<number>();
  const points: { year: number; value: number }[] = [];
  series.forEach((entry, i) => {
    if (!Number.isInteger(entry.year)) throw new ForecastInputError(`${field}[${i}].year`, `must be a whole year (got ${entry.year})`);
    if (seen.has(entry.year)) throw new ForecastInputError(`${field}[${i}].year`, `${entry.year} appears more than once`);
    seen.add(entry.year);
    if (entry.value === null) return;
    if (!Number.isFinite(entry.value) || entry.value <= 0) {
      throw new ForecastInputError(`${field}[${i}].value`, `must be a finite number of plans > 0, or null when missing (got ${entry.value})`);
    }
    if (window.fromYear !== undefined && entry.year < window.fromYear) return;
    if (window.toYear !== undefined && entry.year > window.toYear) return;
    points.push({ year: entry.year, value: entry.value });
  });
  return points.sort((a, b) => a.year - b.year);
}

/**
 * Why the trend model cannot be fitted to this series in this window, or undefined when it can.
 * @example trendHistoryProblem([{ year: 2021, value: 5 }, { year: 2022, value: 6 }]) // 'only 2 observed years (2021–2022); the trend model needs at least 5'
 */
export function trendHistoryProblem(series: readonly AnnualValue[], window: TrendWindow = {}): string | undefined {
  const points = observedPoints(series, window);
  if (points.length >= MIN_TREND_YEARS) return undefined;
  const span = points.length === 0 ? 'none' : points.length === 1 ? `${points[0].year}` : `${points[0].year}–${points[points.length - 1].year}`;
  return `only ${points.length} observed year${points.length === 1 ? '' : 's'} (${span}); the trend model needs at least ${MIN_TREND_YEARS}`;
}

/**
 * Fits ln(plans_t) = a + b (t − t̄) by ordinary least squares to the observed years in the window.
 * Throws ForecastInputError (field `series`) with fewer than MIN_TREND_YEARS observed years.
 * @example
 * fitLogLinearTrend([2019, 2020, 2021, 2022, 2023].map((year, i) => ({ year, value: 100 * 1.1 ** i }))).slope
 * // ln 1.1 = 0.0953…, residual standard error 0
 */
export function fitLogLinearTrend(series: readonly AnnualValue[], window: TrendWindow = {}): TrendFit {
  const problem = trendHistoryProblem(series, window);
  if (problem) throw new ForecastInputError('series', problem);
  const points = observedPoints(series, window);
  const n = points.length;
  const ys = points.map((p) => Math.log(p.value));
  const centreYear = points.reduce((sum, p) => sum + p.year, 0) / n;
  const intercept = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    const dx = p.year - centreYear;
    sxx += dx * dx;
    sxy += dx * (ys[i] - intercept);
  });
  const slope = sxy / sxx;
  let ssr = 0;
  points.forEach((p, i) => {
    const residual = ys[i] - (intercept + slope * (p.year - centreYear));
    ssr += residual * residual;
  });
  const degreesOfFreedom = n - 2;
  return {
    method: 'log-linear',
    points,
    n,
    centreYear,
    intercept,
    slope,
    sxx,
    residualStandardError: Math.sqrt(ssr / degreesOfFreedom),
    degreesOfFreedom,
    lastObservedYear: points[n - 1].year,
  };
}

/**
 * Standard error of a new observation's ln(plans) in `year`: s √(1 + 1/n + (year − t̄)² / Sxx),
 * the residual error plus the uncertainty of the fitted line there (its leverage).
 * @example trendLogStandardError(fit, fit.centreYear) // s √(1 + 1/n)
 */
export function trendLogStandardError(fit: TrendFit, year: number): number {
  const dx = year - fit.centreYear;
  return fit.residualStandardError * Math.sqrt(1 + 1 / fit.n + (dx * dx) / fit.sxx);
}

/**
 * The fitted median, exp(a + b (year − t̄)), for each year with its 80% and 95% prediction
 * intervals exp(ŷ ± t(n − 2) × se): the back-transformed interval of the log-scale forecast,
 * t the Student-t quantile at 0.9 and 0.975 with n − 2 degrees of freedom. The point
 * is the median, not the mean (the mean would add s²/2 to the log, under 0.1% for a typical LA).
 * @example projectTrend(fit, [2026, 2027]) // [{ year: 2026, horizon: 1, point, lower80, … }, …]
 */
export function projectTrend(fit: TrendFit, years: readonly number[]): ProjectedValue[] {
  return years.map((year) => {
    const point = Math.exp(fit.intercept + fit.slope * (year - fit.centreYear));
    return withInterval(year, year - fit.lastObservedYear, point, logScaleFactors(trendLogStandardError(fit, year), fit.degreesOfFreedom));
  });
}

/**
 * The `count` Januaries after `baseYear`.
 * @example yearsAfter(2025, 3) // [2026, 2027, 2028]
 */
export function yearsAfter(baseYear: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => baseYear + 1 + i);
}
