import { EvaluationInputError } from './evaluation-errors';
import { NEVER_TREATED, type Panel, type PreparedPanel, preparePanel } from './panel';

/**
 * Which units an effect is measured against.
 * - `never-treated`: units with no start in the series (the `did` R package's `"nevertreated"`).
 * - `not-yet-treated`: for cell (g, t), never-treated units plus units of other cohorts whose
 *   start g′ is later than max(t, base period) — so they are untreated in both periods compared
 *   (`did`'s `"notyettreated"`, which also excludes g′ = g).
 */
export type ComparisonGroup = 'never-treated' | 'not-yet-treated';

/** The comparison group used when none is asked for, as in the `did` package. */
export const DEFAULT_COMPARISON: ComparisonGroup = 'never-treated';

export interface DidOptions {
  readonly comparison?: ComparisonGroup;
}

// ---------------------------------------------------------------------------------------------
// The simple 2×2 estimate
// ---------------------------------------------------------------------------------------------

/** The four means of one cohort's 2×2 and their difference in differences. */
export interface SimpleDidCohort {
  /** The cohort's first treated period g. */
  readonly cohort: number;
  /** Units in the cohort (its weight in the overall 2×2). */
  readonly treatedUnits: number;
  /** Never-treated units with at least one observed value. */
  readonly comparisonUnits: number;
  /** Before = periods 0..g−1; after = periods g..T−1 (inclusive ranges of period indices). */
  readonly beforePeriods: readonly [number, number];
  readonly afterPeriods: readonly [number, number];
  readonly treatedBefore: number;
  readonly treatedAfter: number;
  readonly comparisonBefore: number;
  readonly comparisonAfter: number;
  /** (treatedAfter − treatedBefore) − (comparisonAfter − comparisonBefore). */
  readonly estimate: number;
  /** treatedUnits / Σ treatedUnits over the cohorts estimated. */
  readonly weight: number;
}

export interface SimpleDid {
  readonly comparison: 'never-treated';
  readonly cohorts: readonly SimpleDidCohort[];
  /** Σ weight × estimate over the cohorts; for a single cohort, that cohort's 2×2. */
  readonly estimate: number;
  readonly skippedCohorts: readonly { readonly cohort: number; readonly reason: string }[];
}

/** Mean of the observed values of `units` over periods [from, to]; NaN when none is observed. */
function pooledMean(prepared: PreparedPanel, units: readonly number[], from: number, to: number): number {
  let sum = 0;
  let count = 0;
  for (const i of units) {
    for (let t = from; t <= to; t++) {
      const y = prepared.outcomes[i * prepared.periodCount + t];
      if (!Number.isNaN(y)) {
        sum += y;
        count++;
      }
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

const hasObservation = (prepared: PreparedPanel, i: number) => {
  for (let t = 0; t < prepared.periodCount; t++) if (!Number.isNaN(prepared.outcomes[i * prepared.periodCount + t])) return true;
  return false;
};

/**
 * The simple difference in differences a reader can check by hand: for each cohort g,
 * (mean treated after − mean treated before) − (mean comparison after − mean comparison before),
 * where before is periods 0..g−1 and after is g..T−1, each mean is over every observed
 * authority-period value of the group in those periods (missing values are skipped, never read as
 * 0), and the comparison is the never-treated units. Staggered starts are handled cohort by cohort,
 * so every unit is split at its own start; the overall figure averages the cohorts' 2×2s weighted
 * by cohort size. It is a check, not the headline: it ignores dynamics and compositional change
 * in an unbalanced panel.
 *
 * @example
 * // treated A = [1, 4, 6], B = [3, 5, 9] from period 1; comparison C = [2, 3, 4], D = [4, 4, 7]
 * estimateSimpleDid(panel).estimate; // (6 − 2) − (4.5 − 3) = 2.5
 */
export function estimateSimpleDid(panel: Panel): SimpleDid {
  const prepared = preparePanel(panel);
  if (prepared.cohorts.length === 0) throw new EvaluationInputError('NO_TREATED_UNITS', 'firstTreated', 'the panel has no treated unit');
  const comparisonUnits: number[] = [];
  for (let i = 0; i < prepared.unitCount; i++) if (prepared.cohortOf[i] === NEVER_TREATED && hasObservation(prepared, i)) comparisonUnits.push(i);
  if (comparisonUnits.length === 0) throw new EvaluationInputError('EMPTY_COMPARISON_GROUP', 'comparison', 'the panel has no never-treated unit with data to compare against');

  const last = prepared.periodCount - 1;
  const estimated: Omit<SimpleDidCohort, 'weight'>[] = [];
  const skippedCohorts: { cohort: number; reason: string }[] = [];
  for (const g of prepared.cohorts) {
    const treated: number[] = [];
    for (let i = 0; i < prepared.unitCount; i++) if (prepared.cohortOf[i] === g) treated.push(i);
    const means = {
      treatedBefore: pooledMean(prepared, treated, 0, g - 1),
      treatedAfter: pooledMean(prepared, treated, g, last),
      comparisonBefore: pooledMean(prepared, comparisonUnits, 0, g - 1),
      comparisonAfter: pooledMean(prepared, comparisonUnits, g, last),
    };
    const missing = Object.entries(means).find(([, value]) => Number.isNaN(value));
    if (missing) {
      skippedCohorts.push({ cohort: g, reason: `no observed value for ${missing[0]}` });
      continue;
    }
    estimated.push({
      cohort: g,
      treatedUnits: treated.length,
      comparisonUnits: comparisonUnits.length,
      beforePeriods: [0, g - 1],
      afterPeriods: [g, last],
      ...means,
      estimate: means.treatedAfter - means.treatedBefore - (means.comparisonAfter - means.comparisonBefore),
    });
  }
  if (estimated.length === 0) throw new EvaluationInputError('NO_ESTIMABLE_EFFECT', 'outcomes', 'no cohort has observed values before and after its start in both groups');
  const totalUnits = estimated.reduce((sum, c) => sum + c.treatedUnits, 0);
  const cohorts = estimated.map((c) => ({ ...c, weight: c.treatedUnits / totalUnits }));
  const estimate = cohorts.reduce((sum, c) => sum + c.weight * c.estimate, 0);
  return { comparison: 'never-treated', cohorts, estimate, skippedCohorts };
}

// ---------------------------------------------------------------------------------------------
// Callaway & Sant'Anna group-time effects: the engine (shared with the resampling in inference)
// ---------------------------------------------------------------------------------------------

/** One (g, t) cell of the group-time layout. */
export interface CellKey {
  readonly cohort: number;
  /** Index of g in {@link CellLayout.cohorts}. */
  readonly cohortIndex: number;
  readonly period: number;
  /** g − 1 when t ≥ g; t − 1 when t < g (the "varying" base of the `did` package). */
  readonly basePeriod: number;
  /** e = t − g. */
  readonly eventTime: number;
  /** Index of e in {@link CellLayout.eventTimes}. */
  readonly eventTimeIndex: number;
  /** t ≥ g. */
  readonly post: boolean;
}

/** The fixed order of cells and event times for a set of cohorts over T periods. */
export interface CellLayout {
  readonly cohorts: readonly number[];
  readonly cells: readonly CellKey[];
  /** Every event time some cell has, ascending. */
  readonly eventTimes: readonly number[];
}

/**
 * Lays out every cell (g, t) for t = 1..T−1 (period 0 has no base period), cohorts ascending,
 * then periods ascending.
 */
export function cellLayout(cohorts: readonly number[], periodCount: number): CellLayout {
  const eventTimeSet = new Set<number>();
  for (const g of cohorts) for (let t = 1; t < periodCount; t++) eventTimeSet.add(t - g);
  const eventTimes = [...eventTimeSet].sort((a, b) => a - b);
  const cells: CellKey[] = [];
  cohorts.forEach((g, cohortIndex) => {
    for (let t = 1; t < periodCount; t++) {
      const post = t >= g;
      cells.push({ cohort: g, cohortIndex, period: t, basePeriod: post ? g - 1 : t - 1, eventTime: t - g, eventTimeIndex: eventTimes.indexOf(t - g), post });
    }
  });
  return { cohorts, cells, eventTimes };
}

/**
 * Precomputed state for evaluating every cell of a layout many times over (once for the estimate,
 * once per bootstrap or permutation draw). Its output buffers are overwritten by each `run`.
 */
export interface CellEngine {
  readonly layout: CellLayout;
  readonly comparison: ComparisonGroup;
  readonly unitCount: number;
  /** The panel's own label of each unit: the index of its cohort in `layout.cohorts`, or `layout.cohorts.length` if never treated. */
  readonly labels: Int32Array;
  /** 1 for every unit: the multiplicities of the panel itself. */
  readonly once: Float64Array;
  /** ATT(g, t) per cell from the last run; NaN where not estimable. */
  readonly att: Float64Array;
  /** Treated and comparison units (multiplicity-weighted) observed in both periods of each cell. */
  readonly treatedUnits: Float64Array;
  readonly comparisonUnits: Float64Array;
  /** Cohort sizes n_g from the last run. */
  readonly cohortSizes: Float64Array;
  /** θ(e) per event time of the layout from the last run; NaN where no cell. */
  readonly eventTime: Float64Array;
  /**
   * Recomputes every cell for units labelled `labels` (same coding as {@link labels}; a
   * permutation relabels) drawn `multiplicity` times each (a bootstrap draw), then aggregates
   * (see {@link aggregateCells}) and returns the overall effect (NaN when no post cell). With
   * `overallOnly`, only the post cells the overall effect is made of are computed, from the
   * periods they compare (the others are NaN): the same overall effect, to the last bit, for the
   * permutation test and the placebo, which need no other figure.
   */
  run(labels: Int32Array, multiplicity: Float64Array, overallOnly?: boolean): number;
}

/**
 * Builds the engine: ATT(g, t) is the mean over units of cohort g of (Y_t − Y_base) minus the same
 * mean over the comparison units, each unit entering a cell only when both of its values are
 * observed, each counted as many times as it was drawn.
 */
export function createCellEngine(prepared: PreparedPanel, comparison: ComparisonGroup): CellEngine {
  const layout = cellLayout(prepared.cohorts, prepared.periodCount);
  const n = prepared.unitCount;
  const T = prepared.periodCount;
  const cellCount = layout.cells.length;
  const groupCount = layout.cohorts.length;
  const never = groupCount;
  const labels = Int32Array.from(prepared.cohortOf, (g) => (g === NEVER_TREATED ? never : layout.cohorts.indexOf(g)));
  const y = prepared.outcomes;
  // A unit observed in every period adds its levels to per-label period totals once per run, and
  // a cell's sum of changes is then a difference of two totals. Only the units with a gap are
  // visited cell by cell, entering a cell only when both of its periods are observed.
  const complete: number[] = [];
  const gappy: number[] = [];
  for (let i = 0; i < n; i++) (y.subarray(i * T, (i + 1) * T).some(Number.isNaN) ? gappy : complete).push(i);
  const completeUnits = Int32Array.from(complete);
  const gappyUnits = Int32Array.from(gappy);
  const gappyChanges = new Float64Array(cellCount * gappy.length);
  layout.cells.forEach((cell, c) => {
    gappy.forEach((i, k) => (gappyChanges[c * gappy.length + k] = y[i * T + cell.period] - y[i * T + cell.basePeriod]));
  });
  // Not-yet-treated comparison: other cohorts starting after t (= max(t, base), since base < t).
  const laterCohorts = layout.cells.map((cell) =>
    comparison === 'not-yet-treated' ? layout.cohorts.flatMap((g, k) => (g > cell.period && k !== cell.cohortIndex ? [k] : [])) : [],
  );
  const labelCount = groupCount + 1;
  const periodTotals = new Float64Array(labelCount * T);
  const completeCounts = new Float64Array(labelCount);
  const sums = new Float64Array(labelCount);
  const counts = new Float64Array(labelCount);
  const eventSum = new Float64Array(layout.eventTimes.length);
  const eventWeight = new Float64Array(layout.eventTimes.length);
  const engine: CellEngine = {
    layout,
    comparison,
    unitCount: n,
    labels,
    once: new Float64Array(n).fill(1),
    att: new Float64Array(cellCount),
    treatedUnits: new Float64Array(cellCount),
    comparisonUnits: new Float64Array(cellCount),
    cohortSizes: new Float64Array(groupCount),
    eventTime: new Float64Array(layout.eventTimes.length),
    run(unitLabels, multiplicity, overallOnly = false) {
      // Post cells compare periods from the earliest base period (g − 1 of the first cohort) on.
      const from = overallOnly ? layout.cohorts[0] - 1 : 0;
      const sizes = engine.cohortSizes;
      sizes.fill(0);
      for (let i = 0; i < n; i++) if (unitLabels[i] !== never) sizes[unitLabels[i]] += multiplicity[i];
      periodTotals.fill(0);
      completeCounts.fill(0);
      for (let k = 0; k < completeUnits.length; k++) {
        const i = completeUnits[k];
        const m = multiplicity[i];
        if (m === 0) continue;
        const label = unitLabels[i];
        completeCounts[label] += m;
        const row = i * T;
        const totals = label * T;
        for (let t = from; t < T; t++) periodTotals[totals + t] += m * y[row + t];
      }
      for (let c = 0; c < cellCount; c++) {
        const { period, basePeriod, cohortIndex: g, post } = layout.cells[c];
        if (overallOnly && !post) {
          engine.att[c] = Number.NaN;
          continue;
        }
        for (let label = 0; label < labelCount; label++) {
          sums[label] = periodTotals[label * T + period] - periodTotals[label * T + basePeriod];
          counts[label] = completeCounts[label];
        }
        const offset = c * gappyUnits.length;
        for (let k = 0; k < gappyUnits.length; k++) {
          const i = gappyUnits[k];
          const m = multiplicity[i];
          const change = gappyChanges[offset + k];
          if (m === 0 || change !== change) continue; // change !== change: NaN, a missing value
          const label = unitLabels[i];
          sums[label] += m * change;
          counts[label] += m;
        }
        let comparisonSum = sums[never];
        let comparisonCount = counts[never];
        for (const k of laterCohorts[c]) {
          comparisonSum += sums[k];
          comparisonCount += counts[k];
        }
        engine.treatedUnits[c] = counts[g];
        engine.comparisonUnits[c] = comparisonCount;
        engine.att[c] = counts[g] > 0 && comparisonCount > 0 ? sums[g] / counts[g] - comparisonSum / comparisonCount : Number.NaN;
      }
      return aggregateCells(layout, engine.att, sizes, engine.eventTime, eventSum, eventWeight);
    },
  };
  return engine;
}

/**
 * Aggregates cell ATTs, skipping NaN cells:
 * - event time e: θ(e) = Σ_g n_g ATT(g, g+e) / Σ_g n_g over cohorts with an estimated cell at e
 *   (`aggte(type = "dynamic")`);
 * - overall: θ = Σ n_g ATT(g, t) / Σ n_g over every estimated post cell t ≥ g (`aggte(type =
 *   "simple")`, so a cohort counts once per post period it is observed in).
 * Writes θ(e) into `eventTimeOut` (NaN where no cell) and returns θ (NaN when no post cell).
 * `sizes` holds n_g by cohort index; the last two arguments are scratch space.
 */
export function aggregateCells(
  layout: CellLayout,
  att: Float64Array,
  sizes: Float64Array,
  eventTimeOut: Float64Array,
  eventSum = new Float64Array(layout.eventTimes.length),
  eventWeight = new Float64Array(layout.eventTimes.length),
): number {
  eventSum.fill(0);
  eventWeight.fill(0);
  let overallSum = 0;
  let overallWeight = 0;
  for (let c = 0; c < layout.cells.length; c++) {
    const value = att[c];
    if (Number.isNaN(value)) continue;
    const cell = layout.cells[c];
    const w = sizes[cell.cohortIndex];
    eventSum[cell.eventTimeIndex] += w * value;
    eventWeight[cell.eventTimeIndex] += w;
    if (cell.post) {
      overallSum += w * value;
      overallWeight += w;
    }
  }
  for (let k = 0; k < eventTimeOut.length; k++) eventTimeOut[k] = eventWeight[k] > 0 ? eventSum[k] / eventWeight[k] : Number.NaN;
  return overallWeight > 0 ? overallSum / overallWeight : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Callaway & Sant'Anna group-time effects: the answer
// ---------------------------------------------------------------------------------------------

export interface GroupTimeEffect {
  readonly cohort: number;
  readonly period: number;
  readonly basePeriod: number;
  readonly eventTime: number;
  readonly post: boolean;
  /** ATT(g, t). */
  readonly att: number;
  /** Units of cohort g observed in both t and the base period. */
  readonly treatedUnits: number;
  /** Comparison units observed in both periods. */
  readonly comparisonUnits: number;
}

export interface SkippedCell {
  readonly cohort: number;
  readonly period: number;
  readonly reason: 'no treated unit observed in both periods' | 'no comparison unit observed in both periods';
}

export interface EventTimeEffect {
  /** e = t − g; negative e are pre-period (placebo) effects, each a one-period change. */
  readonly eventTime: number;
  /** θ(e). */
  readonly effect: number;
  /** n_g / Σ n_g over the cohorts with a cell at e. */
  readonly weights: readonly { readonly cohort: number; readonly weight: number }[];
}

export interface GroupTimeEstimate {
  readonly method: 'Callaway & Sant’Anna (2021), unconditional, base period varying';
  readonly comparison: ComparisonGroup;
  readonly cohortSizes: readonly { readonly cohort: number; readonly units: number }[];
  readonly groupTime: readonly GroupTimeEffect[];
  readonly skippedCells: readonly SkippedCell[];
  readonly eventTime: readonly EventTimeEffect[];
  /** Σ n_g ATT(g, t) / Σ n_g over the estimated post cells. */
  readonly overall: number;
}

/**
 * Callaway and Sant'Anna (2021) group-time average treatment effects with the unconditional
 * estimator (no covariates), as the `did` R package computes them with `base_period = "varying"`:
 * for t ≥ g, ATT(g, t) compares t with g − 1; for t < g it compares t with t − 1, so pre-period
 * cells are one-period changes. Aggregated by event time and overall with cohort-size weights
 * (see {@link aggregateCells}). Cohort size n_g is the number of units in cohort g in the panel.
 * No two-way fixed-effects regression is run: under staggered starts with effects that change over
 * time it weights some comparisons negatively.
 *
 * @example
 * const estimate = estimateGroupTimeEffects(panel, { comparison: 'not-yet-treated' });
 * estimate.overall;                    // the headline difference in differences
 * estimate.eventTime.map((e) => e.effect); // the event study
 */
export function estimateGroupTimeEffects(panel: Panel, options: DidOptions = {}): GroupTimeEstimate {
  return estimateWithEngine(engineFor(panel, options));
}

/** Checks the options and the panel (it must have a treated unit) and builds their cell engine. */
export function engineFor(panel: Panel, options: DidOptions = {}): CellEngine {
  const comparison = options.comparison ?? DEFAULT_COMPARISON;
  if (comparison !== 'never-treated' && comparison !== 'not-yet-treated') {
    throw new EvaluationInputError('INVALID_OPTION', 'comparison', `comparison must be never-treated or not-yet-treated; got ${String(comparison)}`);
  }
  const prepared = preparePanel(panel);
  if (prepared.cohorts.length === 0) throw new EvaluationInputError('NO_TREATED_UNITS', 'firstTreated', 'the panel has no treated unit');
  return createCellEngine(prepared, comparison);
}

/**
 * The estimate of {@link estimateGroupTimeEffects} from an engine already built (so that resampling
 * can reuse it); runs the engine on the panel's own labels, once each.
 */
export function estimateWithEngine(engine: CellEngine): GroupTimeEstimate {
  const { comparison } = engine;
  const overall = engine.run(engine.labels, engine.once);
  // Copies, since the engine's buffers are overwritten by its next run.
  const { layout } = engine;
  const [att, treatedUnits, comparisonUnits, sizes, eventTimeValues] = [engine.att, engine.treatedUnits, engine.comparisonUnits, engine.cohortSizes, engine.eventTime].map((a) => a.slice());
  if (comparisonUnits.every((count) => count === 0)) {
    throw new EvaluationInputError(
      'EMPTY_COMPARISON_GROUP',
      'comparison',
      comparison === 'never-treated' ? 'no never-treated unit has data in two periods to compare against' : 'no never-treated or not-yet-treated unit has data in two periods to compare against',
    );
  }
  if (Number.isNaN(overall)) throw new EvaluationInputError('NO_ESTIMABLE_EFFECT', 'outcomes', 'no post-start period has observed values for both the treated and the comparison units');

  const groupTime: GroupTimeEffect[] = [];
  const skippedCells: SkippedCell[] = [];
  layout.cells.forEach((cell, c) => {
    if (Number.isNaN(att[c])) {
      const reason = treatedUnits[c] === 0 ? 'no treated unit observed in both periods' : 'no comparison unit observed in both periods';
      skippedCells.push({ cohort: cell.cohort, period: cell.period, reason });
      return;
    }
    groupTime.push({
      cohort: cell.cohort,
      period: cell.period,
      basePeriod: cell.basePeriod,
      eventTime: cell.eventTime,
      post: cell.post,
      att: att[c],
      treatedUnits: treatedUnits[c],
      comparisonUnits: comparisonUnits[c],
    });
  });
  const eventTime: EventTimeEffect[] = [];
  layout.eventTimes.forEach((e, k) => {
    if (Number.isNaN(eventTimeValues[k])) return;
    const contributing = groupTime.filter((cell) => cell.eventTime === e);
    const total = contributing.reduce((sum, cell) => sum + sizes[layout.cohorts.indexOf(cell.cohort)], 0);
    const weights = contributing.map((cell) => ({ cohort: cell.cohort, weight: sizes[layout.cohorts.indexOf(cell.cohort)] / total }));
    eventTime.push({ eventTime: e, effect: eventTimeValues[k], weights });
  });
  return {
    method: 'Callaway & Sant’Anna (2021), unconditional, base period varying',
    comparison,
    cohortSizes: layout.cohorts.map((cohort, k) => ({ cohort, units: sizes[k] })),
    groupTime,
    skippedCells,
    eventTime,
    overall,
  };
}
