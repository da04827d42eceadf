import { EvaluationInputError } from './evaluation-errors';
import { assertDraws, type Interval, percentileInterval } from './inference';
import type { Outcome } from './panel';
import { assertSeed, createRandom, type RandomSource } from './random';

/** One group's mean in one period, with its bootstrap interval. */
export interface GroupMean {
  /** Mean of the observed values of the group's units in the period; null when none is observed. */
  readonly mean: number | null;
  /** Units observed in the period. */
  readonly units: number;
  /** 95% percentile interval over the bootstrap draws; null when fewer than two draws estimate it. */
  readonly interval: Interval | null;
}

export interface GroupMeansOptions {
  readonly draws: number;
  readonly seed: number;
}

/**
 * The mean of each group in each period, with a 95% percentile bootstrap interval over units: each
 * draw resamples every group's units with replacement, to the group's size, and takes each
 * period's mean over the drawn units observed in it (missing values are skipped, never read as 0).
 * Groups are drawn in the order given from one xoshiro128** stream seeded with `seed`, so the same
 * seed gives the same intervals bit for bit. A group with no unit gets null means.
 *
 * @example
 * // two groups of units × periods
 * groupMeansWithIntervals([[[1, 2], [3, null]], [[0, 1]]], { draws: 999, seed: 18 });
 * // → [[{ mean: 2, units: 2, interval: {…} }, { mean: 2, units: 1, … }], [{ mean: 0, units: 1, … }, …]]
 */
export function groupMeansWithIntervals(groups: readonly (readonly (readonly Outcome[])[])[], options: GroupMeansOptions): GroupMean[][] {
  assertDraws(options.draws);
  assertSeed(options.seed);
  const random = createRandom(options.seed);
  return groups.map((units) => groupMeans(units, options.draws, random));
}

function groupMeans(units: readonly (readonly Outcome[])[], draws: number, random: RandomSource): GroupMean[] {
  const periodCount = units[0]?.length ?? 0;
  if (units.some((u) => u.length !== periodCount)) throw new EvaluationInputError('INVALID_PANEL', 'outcomes', 'every unit of a group needs one outcome per period');
  const n = units.length;
  const values = new Float64Array(n * periodCount);
  units.forEach((unit, i) => unit.forEach((y, t) => (values[i * periodCount + t] = y ?? Number.NaN)));
  // A unit observed in every period needs no test per value and adds 1 to every count: count it once.
  const complete = Uint8Array.from(units, (unit) => (unit.every((y) => y !== null) ? 1 : 0));
  const sums = new Float64Array(periodCount);
  const counts = new Float64Array(periodCount);
  /** Writes into `out` (at `at`, `stride` apart) each period's mean over the units `drawn` (NaN where none is observed). */
  const meansOf = (drawn: Int32Array, out: Float64Array, at: number, stride: number) => {
    sums.fill(0);
    counts.fill(0);
    let completeDrawn = 0;
    for (let k = 0; k < n; k++) {
      const unit = drawn[k];
      const offset = unit * periodCount;
      if (complete[unit]) {
        completeDrawn++;
        for (let t = 0; t < periodCount; t++) sums[t] += values[offset + t];
        continue;
      }
      for (let t = 0; t < periodCount; t++) {
        const y = values[offset + t];
        if (y !== y) continue; // NaN: not observed
        sums[t] += y;
        counts[t] += 1;
      }
    }
    for (let t = 0; t < periodCount; t++) {
      counts[t] += completeDrawn;
      out[at + t * stride] = counts[t] > 0 ? sums[t] / counts[t] : Number.NaN;
    }
  };
  const observed = new Float64Array(periodCount);
  meansOf(Int32Array.from({ length: n }, (_, k) => k), observed, 0, 1);
  const observedCounts = counts.slice();
  // Period-major, so that each period's draws are one contiguous run for its interval.
  const drawn = new Float64Array(draws * periodCount);
  const picks = new Int32Array(n);
  if (n > 0) {
    for (let d = 0; d < draws; d++) {
      for (let k = 0; k < n; k++) picks[k] = random.nextInt(n);
      meansOf(picks, drawn, d, draws);
    }
  }
  return Array.from({ length: periodCount }, (_, t) => {
    if (Number.isNaN(observed[t])) return { mean: null, units: 0, interval: null };
    return { mean: observed[t], units: observedCounts[t], interval: percentileInterval(drawn.subarray(t * draws, (t + 1) * draws)) };
  });
}
