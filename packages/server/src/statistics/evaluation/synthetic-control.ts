import { EvaluationInputError } from './evaluation-errors';
import type { Outcome, Panel, PanelUnit } from './panel';
import { preparePanel } from './panel';
import { solveSimplexLeastSquares } from './simplex-least-squares';

export interface SyntheticControlOptions {
  /** Code of the treated unit. */
  readonly treated: string;
  /** First post period index; the treated unit's `firstTreated` when left out. */
  readonly start?: number;
  /** Codes of the donor pool; every never-treated unit other than the treated one when left out. */
  readonly donors?: readonly string[];
}

export interface SyntheticControlFit {
  readonly treated: string;
  readonly start: number;
  /** Pre-period indices the weights were fitted on: those before `start` where the treated unit is observed. */
  readonly fitPeriods: readonly number[];
  /** One weight per donor used, in panel order; each ≥ 0, summing to 1. */
  readonly weights: readonly { readonly code: string; readonly weight: number }[];
  readonly actual: readonly Outcome[];
  /** Σ w_j Y_jt in every period; null where a donor with positive weight is missing. */
  readonly synthetic: readonly Outcome[];
  /** actual − synthetic; null where either is missing. */
  readonly gap: readonly Outcome[];
  /** √(mean squared gap over `fitPeriods`). */
  readonly preRmspe: number;
  /** √(mean squared gap over the post periods where the gap is observed). */
  readonly postRmspe: number;
  /** postRmspe / preRmspe; with an exact pre-period fit, Infinity (or 1 when the post fit is exact too). */
  readonly rmspeRatio: number;
  readonly droppedDonors: readonly { readonly code: string; readonly reason: string }[];
  readonly iterations: number;
}

const rootMeanSquare = (values: readonly number[]) => Math.sqrt(values.reduce((sum, x) => sum + x * x, 0) / values.length);

const ratioOf = (post: number, pre: number) => (pre > 0 ? post / pre : post > 0 ? Number.POSITIVE_INFINITY : 1);

/** Fits one treated unit against a donor pool of units already checked. */
function fit(periodCount: number, treated: PanelUnit, start: number, pool: readonly PanelUnit[]): SyntheticControlFit {
  const fitPeriods: number[] = [];
  for (let t = 0; t < start; t++) if (treated.outcomes[t] !== null) fitPeriods.push(t);
  if (fitPeriods.length === 0) throw new EvaluationInputError('NO_ESTIMABLE_EFFECT', 'outcomes', `${treated.code} has no observed value before period ${start} to fit on`);
  const droppedDonors: { code: string; reason: string }[] = [];
  const donors = pool.filter((donor) => {
    const gap = fitPeriods.find((t) => donor.outcomes[t] === null);
    if (gap !== undefined) droppedDonors.push({ code: donor.code, reason: `missing in pre-period ${gap}, where ${treated.code} is observed` });
    return gap === undefined;
  });
  if (donors.length === 0) throw new EvaluationInputError('EMPTY_COMPARISON_GROUP', 'donors', `no donor for ${treated.code} is observed in every pre-period it is`);

  const solution = solveSimplexLeastSquares(
    donors.map((donor) => fitPeriods.map((t) => Number(donor.outcomes[t]))),
    fitPeriods.map((t) => Number(treated.outcomes[t])),
  );
  const synthetic: Outcome[] = Array.from({ length: periodCount }, (_, t) => {
    let value = 0;
    for (let j = 0; j < donors.length; j++) {
      const w = solution.weights[j];
      if (w === 0) continue;
      const y = donors[j].outcomes[t];
      if (y === null) return null;
      value += w * y;
    }
    return value;
  });
  const gap = treated.outcomes.map((y, t) => {
    const s = synthetic[t];
    return y === null || s === null ? null : y - s;
  });
  const preGaps = fitPeriods.map((t) => Number(gap[t]));
  const postGaps = gap.slice(start).filter((g): g is number => g !== null);
  if (postGaps.length === 0) throw new EvaluationInputError('NO_ESTIMABLE_EFFECT', 'outcomes', `${treated.code} and its synthetic comparison have no post-period value in common`);
  const preRmspe = rootMeanSquare(preGaps);
  const postRmspe = rootMeanSquare(postGaps);
  return {
    treated: treated.code,
    start,
    fitPeriods,
    weights: donors.map((donor, j) => ({ code: donor.code, weight: solution.weights[j] })),
    actual: treated.outcomes,
    synthetic,
    gap,
    preRmspe,
    postRmspe,
    rmspeRatio: ratioOf(postRmspe, preRmspe),
    droppedDonors,
    iterations: solution.iterations,
  };
}

/** Looks up the treated unit, its start and its donor pool, or says which option is wrong. */
function resolve(panel: Panel, options: SyntheticControlOptions) {
  const { periodCount } = preparePanel(panel);
  const treated = panel.units.find((u) => u.code === options.treated);
  if (!treated) throw new EvaluationInputError('UNKNOWN_UNIT', 'treated', `no unit ${options.treated} in the panel`);
  const start = options.start ?? treated.firstTreated;
  if (start === undefined) throw new EvaluationInputError('INVALID_OPTION', 'start', `${treated.code} has no start; give one`);
  if (!Number.isInteger(start) || start < 1 || start > periodCount - 1) {
    throw new EvaluationInputError('START_OUTSIDE_SERIES', 'start', `start ${start} is outside the series: it needs at least one period before it and must be at most ${periodCount - 1}`);
  }
  let pool: PanelUnit[];
  if (options.donors === undefined) {
    pool = panel.units.filter((u) => u.firstTreated === undefined && u.code !== treated.code);
  } else {
    pool = options.donors.map((code) => {
      const donor = panel.units.find((u) => u.code === code);
      if (!donor) throw new EvaluationInputError('UNKNOWN_UNIT', 'donors', `no unit ${code} in the panel`);
      if (donor.code === treated.code) throw new EvaluationInputError('INVALID_OPTION', 'donors', `${code} is the treated unit and cannot be its own donor`);
      if (donor.firstTreated !== undefined) throw new EvaluationInputError('INVALID_OPTION', 'donors', `${code} is treated from period ${donor.firstTreated}; donors must be untreated`);
      return donor;
    });
  }
  if (pool.length === 0) throw new EvaluationInputError('EMPTY_COMPARISON_GROUP', 'donors', `no untreated unit to build a synthetic ${treated.code} from`);
  return { periodCount, treated, start, pool };
}

/**
 * A synthetic comparison for one treated unit (Abadie, Diamond and Hainmueller, 2010), fitted on
 * the outcome alone: donor weights w ≥ 0 with Σ w = 1 minimising Σ_{t<start} (Y_t − Σ_j w_j
 * Y_jt)² over the pre-periods where the treated unit is observed (see
 * {@link solveSimplexLeastSquares}). A donor missing any of those values is dropped and listed.
 * When donors outnumber pre-periods the minimiser may not be unique; the solver returns a sparse
 * one (at most one more donor than fitting periods). Such a pool can often fit the pre-period
 * exactly, leaving a pre-RMSPE of (nearly) 0 and a huge post/pre ratio that makes the placebo
 * ranking meaningless: keep the pool smaller than the number of pre-periods (e.g. statistical
 * neighbours) or show the pre-period fit beside the p-value.
 *
 * @example
 * const result = fitSyntheticControl(panel, { treated: '886' });
 * result.weights;  // [{ code: '881', weight: 0.3 }, { code: '882', weight: 0.7 }, …]
 * result.preRmspe; // the pre-period fit error
 */
export function fitSyntheticControl(panel: Panel, options: SyntheticControlOptions): SyntheticControlFit {
  const { periodCount, treated, start, pool } = resolve(panel, options);
  return fit(periodCount, treated, start, pool);
}

export interface SyntheticControlPlacebo {
  readonly fit: SyntheticControlFit;
  /** Each donor fitted as if treated at the same start, from the other donors. */
  readonly placebos: readonly { readonly code: string; readonly preRmspe: number; readonly postRmspe: number; readonly rmspeRatio: number }[];
  readonly failedPlacebos: readonly { readonly code: string; readonly reason: string }[];
  /** 1 + the placebos whose post/pre RMSPE ratio is at least the treated unit's. */
  readonly rank: number;
  /** rank / (1 + placebos): the share of all units with a ratio at least the treated one's. */
  readonly pValue: number;
}

/**
 * Placebo in space: the treated unit's fit, then each donor of its fit in turn treated at the same
 * start with the remaining donors (never the treated unit) as its pool. The p-value is the
 * treated unit's rank, from the top, of the post/pre RMSPE ratio among all these units (ties
 * counted against the treated unit), divided by their number. A donor that cannot be fitted is
 * listed in `failedPlacebos` and left out.
 *
 * @example
 * syntheticControlPlacebo(panel, { treated: '886' }).pValue; // 1/21 when it is the most extreme of 21
 */
export function syntheticControlPlacebo(panel: Panel, options: SyntheticControlOptions): SyntheticControlPlacebo {
  const { periodCount, treated, start, pool } = resolve(panel, options);
  const treatedFit = fit(periodCount, treated, start, pool);
  const used = pool.filter((donor) => treatedFit.weights.some((w) => w.code === donor.code));
  const placebos: { code: string; preRmspe: number; postRmspe: number; rmspeRatio: number }[] = [];
  const failedPlacebos: { code: string; reason: string }[] = [];
  for (const donor of used) {
    const others = used.filter((d) => d !== donor);
    if (others.length === 0) {
      failedPlacebos.push({ code: donor.code, reason: 'no other donor to build it from' });
      continue;
    }
    try {
      const { preRmspe, postRmspe, rmspeRatio } = fit(periodCount, donor, start, others);
      placebos.push({ code: donor.code, preRmspe, postRmspe, rmspeRatio });
    } catch (error) {
      if (!(error instanceof EvaluationInputError)) throw error;
      failedPlacebos.push({ code: donor.code, reason: error.message });
    }
  }
  const rank = 1 + placebos.filter((p) => p.rmspeRatio >= treatedFit.rmspeRatio).length;
  return { fit: treatedFit, placebos, failedPlacebos, rank, pValue: rank / (1 + placebos.length) };
}
