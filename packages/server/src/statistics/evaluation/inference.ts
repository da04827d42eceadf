import { chiSquareSurvival } from './chi-square';
import { type CellEngine, type DidOptions, type EventTimeEffect, engineFor, estimateWithEngine, type GroupTimeEffect, type GroupTimeEstimate } from './did';
import { EvaluationInputError } from './evaluation-errors';
import { sampleCovariance, solveLinearSystem } from './linear-algebra';
import type { Panel, PanelUnit } from './panel';
import { assertSeed, createRandom, shuffleInPlace } from './random';

/** Fewest resampling draws accepted (the floor; with 999, (draws + 1) × 2.5% = 25 is a whole rank). */
export const MIN_DRAWS = 999;
/** Most resampling draws accepted, bounding the work of one request. */
export const MAX_DRAWS = 9999;
/** Coverage of every interval returned. */
export const CONFIDENCE_LEVEL = 0.95;
/** How far back the placebo moves every start, in periods. */
export const DEFAULT_PLACEBO_SHIFT = 2;

export const BOOTSTRAP_SCHEME =
  'nonparametric bootstrap over units, stratified: each cohort and the never-treated units are resampled with replacement, each to its own size' as const;

export interface ResamplingOptions extends DidOptions {
  /** Number of resampling draws, from {@link MIN_DRAWS} to {@link MAX_DRAWS}. */
  readonly draws: number;
  /** Seed of the xoshiro128** stream, an integer from 0 to 2^32 − 1; returned with the answer. */
  readonly seed: number;
}

/** Throws an {@link EvaluationInputError} on `draws` unless it is an integer in [999, 9999]. */
export function assertDraws(draws: number): void {
  if (!Number.isInteger(draws) || draws < MIN_DRAWS || draws > MAX_DRAWS) {
    throw new EvaluationInputError('DRAWS_OUT_OF_RANGE', 'draws', `draws must be an integer from ${MIN_DRAWS} to ${MAX_DRAWS}; got ${draws}`);
  }
}

function checkResampling(options: ResamplingOptions): void {
  assertDraws(options.draws);
  assertSeed(options.seed);
}

/** A percentile interval from resampling draws. */
export interface Interval {
  /** The 2.5% point of the draws (R quantile type 7: linear between order statistics). */
  readonly low: number;
  /** The 97.5% point. */
  readonly high: number;
  /** Standard deviation of the draws (divisor n − 1). */
  readonly standardError: number;
  /** Draws in which the quantity could be estimated (the others are left out). */
  readonly validDraws: number;
}

/** The p-quantile of ascending `sorted` values, interpolating linearly (R type 7). */
function quantileOfSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}

/**
 * The 95% percentile interval of `draws`, ignoring NaN (a draw in which the quantity could not be
 * estimated); `null` with fewer than two valid draws.
 *
 * @example
 * percentileInterval([1, 2, 3, 4, 5]); // { low: 1.1, high: 4.9, standardError: 1.58…, validDraws: 5 }
 */
export function percentileInterval(draws: ArrayLike<number>): Interval | null {
  const kept = new Float64Array(draws.length);
  let count = 0;
  for (let d = 0; d < draws.length; d++) if (!Number.isNaN(draws[d])) kept[count++] = draws[d];
  if (count < 2) return null;
  const valid = kept.subarray(0, count).sort();
  let mean = 0;
  for (let k = 0; k < count; k++) mean += valid[k] / count;
  let squares = 0;
  for (let k = 0; k < count; k++) squares += (valid[k] - mean) ** 2;
  const tail = (1 - CONFIDENCE_LEVEL) / 2;
  return { low: quantileOfSorted(valid, tail), high: quantileOfSorted(valid, 1 - tail), standardError: Math.sqrt(squares / (valid.length - 1)), validDraws: valid.length };
}

/** Every draw's cell, event-time and overall values, draw-major, and the resamples they came from. */
interface BootstrapDraws {
  readonly cells: Float64Array;
  readonly eventTimes: Float64Array;
  readonly overall: Float64Array;
  readonly resamples: Resamples;
}

/** The bootstrap's resamples: each draw's multiplicity of every unit (draw-major), and the seed and strata that gave them. */
interface Resamples {
  readonly seed: number;
  readonly strata: readonly Int32Array[];
  readonly multiplicities: Uint16Array;
}

/** Most multiplicities kept for reuse (16-bit each). */
const MAX_KEPT_MULTIPLICITIES = 4_000_000;

const sameStrata = (a: readonly Int32Array[], b: readonly Int32Array[]) => a.length === b.length && a.every((members, k) => members.length === b[k].length && members.every((unit, i) => unit === b[k][i]));

/** Units grouped into the bootstrap strata: each cohort ascending, then the never-treated units. */
function strata(engine: CellEngine): Int32Array[] {
  const groups = Array.from({ length: engine.layout.cohorts.length + 1 }, () => [] as number[]);
  engine.labels.forEach((label, i) => groups[label].push(i));
  return groups.filter((members) => members.length > 0).map((members) => Int32Array.from(members));
}

/**
 * Runs `draws` bootstrap draws; with `overallOnly`, keeps only the overall effect of each. The
 * resamples depend only on the seed and the strata, so when `reuse` came from the same seed and
 * strata (the placebo start's panel has the same units and cohorts as the estimate's) its
 * multiplicities are copied rather than drawn again: the same draws, without the random numbers.
 */
function drawBootstrap(engine: CellEngine, draws: number, seed: number, { overallOnly = false, reuse }: { overallOnly?: boolean; reuse?: Resamples } = {}): BootstrapDraws {
  const groups = strata(engine);
  const n = engine.unitCount;
  const stored = reuse && reuse.seed === seed && sameStrata(reuse.strata, groups) && reuse.multiplicities.length === draws * n ? reuse.multiplicities : undefined;
  // Kept for reuse only while they are small (8 MB: 999 draws of 4,000 units), and a unit is drawn
  // at most as many times as its stratum has units, which fits 16 bits up to 65,535.
  const keep = !stored && draws * n <= MAX_KEPT_MULTIPLICITIES && n <= 0xffff;
  const multiplicities = stored ?? new Uint16Array(keep ? draws * n : 0);
  const random = stored ? undefined : createRandom(seed);
  const cellCount = engine.layout.cells.length;
  const eventCount = engine.layout.eventTimes.length;
  const kept = overallOnly ? 0 : draws;
  const result = { cells: new Float64Array(kept * cellCount), eventTimes: new Float64Array(kept * eventCount), overall: new Float64Array(draws), resamples: { seed, strata: groups, multiplicities } };
  const multiplicity = new Float64Array(n);
  for (let d = 0; d < draws; d++) {
    const offset = d * n;
    if (random) {
      multiplicity.fill(0);
      for (const members of groups) for (let k = 0; k < members.length; k++) multiplicity[members[random.nextInt(members.length)]] += 1;
      if (keep) for (let i = 0; i < n; i++) multiplicities[offset + i] = multiplicity[i];
    } else {
      for (let i = 0; i < n; i++) multiplicity[i] = multiplicities[offset + i];
    }
    result.overall[d] = engine.run(engine.labels, multiplicity, overallOnly);
    if (overallOnly) continue;
    result.cells.set(engine.att, d * cellCount);
    result.eventTimes.set(engine.eventTime, d * eventCount);
  }
  return result;
}

/** Column `index` of a draw-major matrix with `width` columns. */
function column(matrix: Float64Array, width: number, index: number): Float64Array {
  const values = new Float64Array(matrix.length / width);
  for (let d = 0; d < values.length; d++) values[d] = matrix[d * width + index];
  return values;
}

export interface BootstrapResult {
  readonly seed: number;
  readonly draws: number;
  readonly scheme: typeof BOOTSTRAP_SCHEME;
  readonly confidenceLevel: typeof CONFIDENCE_LEVEL;
  /** The point estimates the intervals belong to. */
  readonly estimate: GroupTimeEstimate;
  readonly groupTime: readonly (GroupTimeEffect & { readonly interval: Interval | null })[];
  readonly eventTime: readonly (EventTimeEffect & { readonly interval: Interval | null })[];
  readonly overall: { readonly effect: number; readonly interval: Interval | null };
}

/**
 * Group-time, event-time and overall effects with 95% percentile bootstrap intervals. Each draw
 * resamples units with replacement within each cohort and within the never-treated units (so
 * cohort sizes, and hence the aggregation weights, are those of the panel), then recomputes every
 * estimate. A cell that cannot be estimated in a draw (no resampled unit observed) is left out of
 * that draw's aggregates and of its own interval. The same seed gives the same draws, bit for bit.
 *
 * @example
 * const result = bootstrapEffects(panel, { draws: 999, seed: 20250101 });
 * result.overall; // e.g. { effect: −2.07, interval: { low: −2.22, high: −1.92, standardError: 0.076, validDraws: 999 } }
 */
export function bootstrapEffects(panel: Panel, options: ResamplingOptions): BootstrapResult {
  checkResampling(options);
  const { estimate, engine } = prepareEstimate(panel, options);
  return bootstrapFrom(estimate, engine, drawBootstrap(engine, options.draws, options.seed), options);
}

/** The validated estimate and the engine it came from, ready for resampling. */
function prepareEstimate(panel: Panel, options: DidOptions): { estimate: GroupTimeEstimate; engine: CellEngine } {
  const engine = engineFor(panel, options);
  return { estimate: estimateWithEngine(engine), engine };
}

function bootstrapFrom(estimate: GroupTimeEstimate, engine: CellEngine, draws: BootstrapDraws, options: ResamplingOptions): BootstrapResult {
  const { layout } = engine;
  const cellIndex = (cohort: number, period: number) => layout.cells.findIndex((c) => c.cohort === cohort && c.period === period);
  return {
    seed: options.seed,
    draws: options.draws,
    scheme: BOOTSTRAP_SCHEME,
    confidenceLevel: CONFIDENCE_LEVEL,
    estimate,
    groupTime: estimate.groupTime.map((cell) => ({ ...cell, interval: percentileInterval(column(draws.cells, layout.cells.length, cellIndex(cell.cohort, cell.period))) })),
    eventTime: estimate.eventTime.map((effect) => ({
      ...effect,
      interval: percentileInterval(column(draws.eventTimes, layout.eventTimes.length, layout.eventTimes.indexOf(effect.eventTime))),
    })),
    overall: { effect: estimate.overall, interval: percentileInterval(draws.overall) },
  };
}

export interface PermutationTestResult {
  readonly statistic: 'overall ATT (cohort-size weighted over post cells)';
  readonly observed: number;
  /** (1 + exceedances) / (1 + validDraws). */
  readonly pValue: number;
  /** Draws with |permuted statistic| ≥ |observed|. */
  readonly exceedances: number;
  readonly draws: number;
  /** Draws in which the statistic could be computed; the p-value counts only these. */
  readonly validDraws: number;
  readonly seed: number;
  /** Units the labels were shuffled among: every unit of the panel. */
  readonly eligibleUnits: number;
}

/**
 * A permutation (randomisation) test of the overall effect: each draw shuffles the units'
 * start labels (cohort starts and "never treated") among all units of the panel, which keeps the
 * number of units with each start, and recomputes the overall effect. Two-sided: p = (1 + #{|θ*| ≥
 * |θ|}) / (1 + draws), a tie counting as an exceedance (within 1e-12 relative). Eligibility is the
 * caller's choice: put in the panel only the units that could have been in the programme.
 *
 * @example
 * permutationTest(panel, { draws: 999, seed: 7 }).pValue; // 0.001 when no shuffle comes close
 */
export function permutationTest(panel: Panel, options: ResamplingOptions): PermutationTestResult {
  checkResampling(options);
  const { estimate, engine } = prepareEstimate(panel, options);
  return permutationFrom(estimate.overall, engine, options);
}

function permutationFrom(observed: number, engine: CellEngine, options: ResamplingOptions): PermutationTestResult {
  const random = createRandom(options.seed);
  const labels = engine.labels.slice();
  const threshold = Math.abs(observed) - 1e-12 * Math.max(1, Math.abs(observed));
  let exceedances = 0;
  let validDraws = 0;
  for (let d = 0; d < options.draws; d++) {
    // Shuffling the previous draw's labels again is as uniform as shuffling the originals.
    const statistic = engine.run(shuffleInPlace(labels, random), engine.once, true);
    if (Number.isNaN(statistic)) continue;
    validDraws++;
    if (Math.abs(statistic) >= threshold) exceedances++;
  }
  return {
    statistic: 'overall ATT (cohort-size weighted over post cells)',
    observed,
    pValue: (1 + exceedances) / (1 + validDraws),
    exceedances,
    draws: options.draws,
    validDraws,
    seed: options.seed,
    eligibleUnits: engine.unitCount,
  };
}

/** The joint Wald test that every pre-period event-time effect is zero. */
export type JointPreTrendTest =
  | {
      readonly available: true;
      /** The negative event times tested, ascending. */
      readonly eventTimes: readonly number[];
      readonly effects: readonly number[];
      /** W = θ′ Σ⁻¹ θ, Σ the bootstrap covariance of the θ(e). */
      readonly statistic: number;
      readonly degreesOfFreedom: number;
      /** P(χ²_k > W). */
      readonly pValue: number;
      /** Bootstrap draws with every θ(e) estimated, from which Σ is computed. */
      readonly validDraws: number;
    }
  | { readonly available: false; readonly reason: string };

/** The overall effect re-estimated with every start moved earlier, on pre-start data only. */
export type PlaceboStartTest =
  | {
      readonly available: true;
      readonly shift: number;
      readonly overall: number;
      readonly interval: Interval | null;
      readonly cohorts: readonly { readonly cohort: number; readonly placeboStart: number }[];
      readonly droppedCohorts: readonly { readonly cohort: number; readonly reason: string }[];
    }
  | { readonly available: false; readonly shift: number; readonly reason: string; readonly droppedCohorts: readonly { readonly cohort: number; readonly reason: string }[] };

export interface PreTrendCheck {
  readonly seed: number;
  readonly draws: number;
  readonly joint: JointPreTrendTest;
  readonly placebo: PlaceboStartTest;
}

export interface PreTrendOptions extends ResamplingOptions {
  /** Periods to move each start back for the placebo; {@link DEFAULT_PLACEBO_SHIFT} by default. */
  readonly placeboShift?: number;
}

function jointPreTrendTest(estimate: GroupTimeEstimate, engine: CellEngine, bootstrap: BootstrapDraws): JointPreTrendTest {
  const pre = estimate.eventTime.filter((e) => e.eventTime < 0);
  if (pre.length === 0) return { available: false, reason: 'no pre-period event-time effect can be estimated' };
  const { layout } = engine;
  const draws = bootstrap.overall.length;
  const columns = pre.map((e) => layout.eventTimes.indexOf(e.eventTime));
  const rows: number[][] = [];
  for (let d = 0; d < draws; d++) {
    const row = columns.map((k) => bootstrap.eventTimes[d * layout.eventTimes.length + k]);
    if (row.every((x) => !Number.isNaN(x))) rows.push(row);
  }
  if (rows.length <= pre.length) return { available: false, reason: `only ${rows.length} bootstrap draws estimate every pre-period effect, too few for a ${pre.length}×${pre.length} covariance` };
  const effects = pre.map((e) => e.effect);
  const solved = solveLinearSystem(sampleCovariance(rows), effects);
  if (solved === null) return { available: false, reason: 'the bootstrap covariance of the pre-period effects is singular' };
  const statistic = effects.reduce((sum, theta, k) => sum + theta * solved[k], 0);
  return {
    available: true,
    eventTimes: pre.map((e) => e.eventTime),
    effects,
    statistic,
    degreesOfFreedom: pre.length,
    pValue: chiSquareSurvival(statistic, pre.length),
    validDraws: rows.length,
  };
}

/**
 * The panel for the placebo: each treated unit's start moved `shift` periods earlier and its
 * values from its real start on removed, so only pre-start data are used; cohorts whose placebo
 * start would leave no earlier period are left out (units and all).
 */
function placeboPanel(panel: Panel, shift: number) {
  const droppedCohorts = new Map<number, string>();
  const cohorts = new Map<number, number>();
  const units: PanelUnit[] = [];
  for (const unit of panel.units) {
    const g = unit.firstTreated;
    if (g === undefined) {
      units.push(unit);
    } else if (g - shift < 1) {
      droppedCohorts.set(g, `a start ${shift} periods before ${g} leaves no earlier period in the series`);
    } else {
      cohorts.set(g, g - shift);
      units.push({ code: unit.code, firstTreated: g - shift, outcomes: unit.outcomes.map((y, t) => (t >= g ? null : y)) });
    }
  }
  return {
    panel: { periodLabels: panel.periodLabels, units },
    cohorts: [...cohorts].sort(([a], [b]) => a - b).map(([cohort, placeboStart]) => ({ cohort, placeboStart })),
    droppedCohorts: [...droppedCohorts].sort(([a], [b]) => a - b).map(([cohort, reason]) => ({ cohort, reason })),
  };
}

/**
 * Two checks of parallel pre-trends.
 * - Joint: a Wald test that every pre-period event-time effect θ(e), e < 0, is zero, W = θ′Σ⁻¹θ
 *   with Σ the covariance of the same stratified bootstrap as {@link bootstrapEffects} (same
 *   seed, same draws), compared with χ² on as many degrees of freedom as effects tested.
 * - Placebo: every start moved `placeboShift` (default 2) periods earlier, each treated unit's
 *   values from its real start on dropped, and the overall effect re-estimated (with its bootstrap
 *   interval). Under parallel trends it should be near 0.
 * Either check reports `available: false` with a reason instead of failing the whole answer.
 *
 * @example
 * const check = checkPreTrends(panel, { draws: 999, seed: 7 });
 * check.joint.available && check.joint.pValue; // large when the pre-periods look parallel
 */
export function checkPreTrends(panel: Panel, options: PreTrendOptions): PreTrendCheck {
  checkResampling(options);
  const shift = checkPlaceboShift(options);
  const { estimate, engine } = prepareEstimate(panel, options);
  return preTrendsFrom(panel, estimate, engine, drawBootstrap(engine, options.draws, options.seed), shift, options);
}

function checkPlaceboShift(options: PreTrendOptions): number {
  const shift = options.placeboShift ?? DEFAULT_PLACEBO_SHIFT;
  if (!Number.isInteger(shift) || shift < 1) throw new EvaluationInputError('INVALID_OPTION', 'placeboShift', `placeboShift must be a positive integer; got ${shift}`);
  return shift;
}

function preTrendsFrom(panel: Panel, estimate: GroupTimeEstimate, engine: CellEngine, draws: BootstrapDraws, shift: number, options: ResamplingOptions): PreTrendCheck {
  const joint = jointPreTrendTest(estimate, engine, draws);
  const shifted = placeboPanel(panel, shift);
  let placebo: PlaceboStartTest;
  if (shifted.cohorts.length === 0) {
    placebo = { available: false, shift, reason: `no cohort starts more than ${shift} periods into the series`, droppedCohorts: shifted.droppedCohorts };
  } else {
    try {
      // Only the overall effect and its interval are wanted: the same estimate and draws as
      // bootstrapEffects on the shifted panel, without the intervals of every cell.
      const { estimate, engine: placeboEngine } = prepareEstimate(shifted.panel, { comparison: engine.comparison });
      const interval = percentileInterval(drawBootstrap(placeboEngine, options.draws, options.seed, { overallOnly: true, reuse: draws.resamples }).overall);
      placebo = { available: true, shift, overall: estimate.overall, interval, cohorts: shifted.cohorts, droppedCohorts: shifted.droppedCohorts };
    } catch (error) {
      if (!(error instanceof EvaluationInputError)) throw error;
      placebo = { available: false, shift, reason: error.message, droppedCohorts: shifted.droppedCohorts };
    }
  }
  return { seed: options.seed, draws: options.draws, joint, placebo };
}

export interface InferenceResult {
  readonly bootstrap: BootstrapResult;
  readonly permutation: PermutationTestResult;
  readonly preTrends: PreTrendCheck;
}

/**
 * {@link bootstrapEffects}, {@link permutationTest} and {@link checkPreTrends} in one pass, with
 * the same answers as calling each with the same options, but one estimate and one set of
 * bootstrap draws shared by the intervals and the joint pre-trend test.
 *
 * @example
 * const { bootstrap, permutation, preTrends } = runInference(panel, { draws: 999, seed: 7 });
 */
export function runInference(panel: Panel, options: PreTrendOptions): InferenceResult {
  checkResampling(options);
  const shift = checkPlaceboShift(options);
  const { estimate, engine } = prepareEstimate(panel, options);
  const draws = drawBootstrap(engine, options.draws, options.seed);
  return {
    bootstrap: bootstrapFrom(estimate, engine, draws, options),
    permutation: permutationFrom(estimate.overall, engine, options),
    preTrends: preTrendsFrom(panel, estimate, engine, draws, shift, options),
  };
}
