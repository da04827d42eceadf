import { ForecastInputError } from './forecast-input-error';
import { studentTQuantile } from './student-t';

/** A projected January figure with its 80% and 95% prediction intervals (lower95 ≤ lower80 ≤ point ≤ upper80 ≤ upper95, all ≥ 0). */
export interface ProjectedValue {
  year: number;
  /** Years after the base year (the last observed January). */
  horizon: number;
  point: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/** An interval as factors of its point (lower95 ≤ lower80 ≤ 1 ≤ upper80 ≤ upper95), so any point can carry it. */
export interface IntervalFactors {
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/**
 * Factors exp(± t × logSe) of a multiplicative prediction interval, t the Student-t quantile with
 * `df` degrees of freedom (0.9 for 80%, 0.975 for 95%). t(0.9) < t(0.975) and logSe ≥ 0, so the
 * 80% interval is always inside the 95% one.
 * @example logScaleFactors(0.1, 10) // { lower80: 0.87178, upper80: 1.14708, lower95: 0.80026, upper95: 1.24959 } (to 5 d.p.)
 */
export function logScaleFactors(logSe: number, df: number): IntervalFactors {
  const t80 = studentTQuantile(0.9, df);
  const t95 = studentTQuantile(0.975, df);
  return { lower80: Math.exp(-t80 * logSe), upper80: Math.exp(t80 * logSe), lower95: Math.exp(-t95 * logSe), upper95: Math.exp(t95 * logSe) };
}

/**
 * The interval of `point` with the given factors. Multiplying every bound by the same point ≥ 0
 * keeps the order, so a point ≥ 0 gives bounds ≥ 0 that nest.
 * @example withInterval(2026, 1, 1000, logScaleFactors(0.1, 10)).lower95 // 800.26 (to 2 d.p.)
 */
export function withInterval(year: number, horizon: number, point: number, factors: IntervalFactors): ProjectedValue {
  return {
    year,
    horizon,
    point,
    lower80: point * factors.lower80,
    upper80: point * factors.upper80,
    lower95: point * factors.lower95,
    upper95: point * factors.upper95,
  };
}

/** The log-scale standard error of a random walk with drift h years ahead, and its degrees of freedom. */
export interface DriftError {
  logSe: number;
  degreesOfFreedom: number;
}

/**
 * Log-scale forecast error of a random walk with drift on ln(plans), for an area too short for
 * the trend model: with d the m one-year changes of ln(plans) between consecutive observed years and
 * σ their standard deviation, se_h = σ √(h (1 + h/m)) (the step error plus the drift's), m − 1
 * degrees of freedom. Needs at least 2 changes (3 consecutive observed years): ForecastInputError
 * on `series` otherwise.
 * @example driftLogStandardError([{ year: 2023, value: 100 }, { year: 2024, value: 110 }, { year: 2025, value: 115 }], 1)
 * // changes ln 1.1, ln(115/110); σ = 0.0359; se = σ √(1 × 1.5) = 0.0440, 1 degree of freedom
 */
export function driftLogStandardError(points: readonly { year: number; value: number }[], horizon: number): DriftError {
  const changes: number[] = [];
  for (let i = 1; i < points.length; i++) {
    if (points[i].year - points[i - 1].year === 1) changes.push(Math.log(points[i].value / points[i - 1].value));
  }
  const m = changes.length;
  if (m < 2) throw new ForecastInputError('series', `needs at least 3 consecutive observed years for prediction intervals (got ${m + (m > 0 ? 1 : 0)})`);
  const mean = changes.reduce((a, b) => a + b, 0) / m;
  const variance = changes.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (m - 1);
  return { logSe: Math.sqrt(variance * horizon * (1 + horizon / m)), degreesOfFreedom: m - 1 };
}
