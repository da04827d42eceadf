/**
 * The statistics behind comparisons, as small pure functions so they can be checked against
 * worked values. Conventions (stated in the API's descriptions too):
 * - quantiles use linear interpolation between order statistics (R type 7, Excel QUARTILE.INC);
 * - rank 1 is the highest value; tied values share the best rank (1, 2, 2, 4);
 * - quartile band 4 holds the highest quarter of the set, band 1 the lowest;
 * - confidence intervals for proportions are Wilson score intervals (as Fingertips uses).
 */

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/** Quantile q (0..1) of values, by linear interpolation (R type 7). Undefined for an empty list. */
export function quantile(values: readonly number[], q: number): number | undefined {
  return quantileOfSorted(Float64Array.from(values).sort(), q);
}

/** Quantile q of values already sorted ascending (as `quantile`, without sorting again). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Ranks and quartile bands of every value, and the values sorted ascending for quantiles — from one
 * sort, in O(n log n). Ranks are competition ranks, highest first: [5, 9, 9, 1] → [3, 1, 1, 4];
 * bands follow `quartileBand`.
 */
export function orderStatistics(values: readonly number[]): { sorted: Float64Array; ranks: number[]; bands: number[] } {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const ranks = new Array<number>(n);
  const bands = new Array<number>(n);
  // runEnd[k]: one past the last index holding sorted[k] (the end of its run of ties).
  const runEnd = new Uint32Array(n);
  for (let k = n - 1; k >= 0; k--) runEnd[k] = k + 1 < n && sorted[k + 1] === sorted[k] ? runEnd[k + 1] : k + 1;
  for (let i = 0; i < n; i++) {
    const below = firstAtLeast(sorted, values[i]); // values strictly below
    const atOrBelow = runEnd[below];
    ranks[i] = n - atOrBelow + 1;
    bands[i] = bandOfPosition(below + 1, n);
  }
  return { sorted, ranks, bands };
}

/** Binary search in an ascending array: the first index whose value is ≥ v. */
function firstAtLeast(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Quartile band of a value within the set: 4 = highest quarter, 1 = lowest, by position in the
 * ascending order (ties take the lower position): band = ceil(4 × position / n).
 */
export function quartileBand(value: number, values: readonly number[]): number {
  return bandOfPosition(1 + values.filter((v) => v < value).length, values.length);
}

/** Quartile band of the value at 1-based ascending `position` (ties take the lowest) among n values. */
export function bandOfPosition(position: number, n: number): number {
  return Math.min(4, Math.max(1, Math.ceil((4 * position) / n)));
}

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for x successes out of n, as proportions (0..1).
 * @example wilson(40, 100) // { lower: 0.3094, upper: 0.4980 } (to 4 d.p.)
 */
export function wilson(x: number, n: number, z = Z_95): Interval | undefined {
  if (!(n > 0) || x < 0 || x > n) return undefined;
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

export type Significance = 'higher' | 'lower' | 'similar';

/** Compared with a benchmark: significantly higher when the whole interval lies above it, and so on. */
export function compareWithBenchmark(interval: Interval, benchmark: number): Significance {
  if (interval.lower > benchmark) return 'higher';
  if (interval.upper < benchmark) return 'lower';
  return 'similar';
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Pearson's r; undefined with fewer than 3 pairs or no variation. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | undefined {
  if (xs.length < 3 || xs.length !== ys.length) return undefined;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks 1..n ascending, ties given the average of their positions (for Spearman). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].v === order[start].v) end++;
    const average = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k].i] = average;
    start = end + 1;
  }
  return ranks;
}

/** Spearman's rho: Pearson's r of the average ranks. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | undefined {
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** Ordinary least-squares line y = intercept + slope × x, with r². */
export function leastSquares(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number; rSquared: number } | undefined {
  const r = pearson(xs, ys);
  if (r === undefined) return undefined;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, rSquared: r * r };
}
