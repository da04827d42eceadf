import { EvaluationInputError } from './evaluation-errors';

/** One observation: a number, or `null` when the authority has no value for the period. */
export type Outcome = number | null;

/** One unit (a local authority) of a panel. */
export interface PanelUnit {
  /** The unit's code, e.g. an LA code; unique within the panel. */
  readonly code: string;
  /**
   * Index of the unit's first treated period (its cohort, `g`), or `undefined` for a unit never
   * treated within the series. The first post period is the first observation on or after the
   * programme start; the caller maps calendar starts to this index.
   */
  readonly firstTreated?: number;
  /** One outcome per period, in period order; `null` where missing (never read as 0). */
  readonly outcomes: readonly Outcome[];
}

/**
 * The input of every estimator here: units observed over periods 0..T−1 (consecutive indices;
 * `periodLabels[t]` says what period t is, e.g. `"2019/20"`). Balanced or not: a missing value is
 * `null`.
 */
export interface Panel {
  readonly periodLabels: readonly string[];
  readonly units: readonly PanelUnit[];
}

/** Internal label of a never-treated unit in {@link PreparedPanel.cohortOf}. */
export const NEVER_TREATED = -1;

/** A validated panel in flat arrays, for the estimators' inner loops. */
export interface PreparedPanel {
  readonly unitCount: number;
  readonly periodCount: number;
  readonly codes: readonly string[];
  /** Outcome of unit i in period t at `i * periodCount + t`; NaN where missing. */
  readonly outcomes: Float64Array;
  /** First treated period of each unit, or {@link NEVER_TREATED}. */
  readonly cohortOf: Int32Array;
  /** The distinct first treated periods, ascending. */
  readonly cohorts: readonly number[];
}

/**
 * Checks a panel and flattens it. Each start must leave at least one period before it in the
 * series (so 1 ≤ g ≤ T−1); a start the series cannot show is an error, not a silent drop.
 *
 * @example
 * preparePanel({ periodLabels: ['2019', '2020'], units: [{ code: '886', firstTreated: 1, outcomes: [3.1, null] }] });
 * // → { unitCount: 1, periodCount: 2, outcomes: Float64Array [3.1, NaN], cohortOf: Int32Array [1], cohorts: [1], … }
 */
export function preparePanel(panel: Panel): PreparedPanel {
  const periodCount = panel.periodLabels.length;
  if (periodCount < 2) throw new EvaluationInputError('INVALID_PANEL', 'periodLabels', `a panel needs at least 2 periods; got ${periodCount}`);
  if (panel.units.length === 0) throw new EvaluationInputError('INVALID_PANEL', 'units', 'a panel needs at least one unit; got none');
  const seen = new Set<string>();
  const outcomes = new Float64Array(panel.units.length * periodCount);
  const cohortOf = new Int32Array(panel.units.length);
  panel.units.forEach((unit, i) => {
    if (seen.has(unit.code)) throw new EvaluationInputError('INVALID_PANEL', 'units', `unit ${unit.code} appears more than once`);
    seen.add(unit.code);
    if (unit.outcomes.length !== periodCount) {
      throw new EvaluationInputError('INVALID_PANEL', 'outcomes', `unit ${unit.code} has ${unit.outcomes.length} outcomes for ${periodCount} periods`);
    }
    unit.outcomes.forEach((value, t) => {
      if (value !== null && !Number.isFinite(value)) {
        throw new EvaluationInputError('INVALID_PANEL', 'outcomes', `unit ${unit.code} has a non-finite outcome (${value}) in period ${panel.periodLabels[t]}; use null for a missing value`);
      }
      outcomes[i * periodCount + t] = value ?? Number.NaN;
    });
    const g = unit.firstTreated;
    if (g !== undefined && (!Number.isInteger(g) || g < 1 || g > periodCount - 1)) {
      throw new EvaluationInputError(
        'START_OUTSIDE_SERIES',
        'firstTreated',
        `unit ${unit.code} starts in period index ${g}, outside the series: a start needs at least one period before it and must be at most ${periodCount - 1} (${panel.periodLabels[periodCount - 1]})`,
      );
    }
    cohortOf[i] = g ?? NEVER_TREATED;
  });
  const cohorts = [...new Set(cohortOf)].filter((g) => g !== NEVER_TREATED).sort((a, b) => a - b);
  return { unitCount: panel.units.length, periodCount, codes: panel.units.map((u) => u.code), outcomes, cohortOf, cohorts };
}

/** Number of units in each cohort, ascending by start, e.g. `[{ cohort: 3, units: 12 }]`. */
export function cohortSizes(panel: Panel): { cohort: number; units: number }[] {
  const counts = new Map<number, number>();
  for (const unit of panel.units) if (unit.firstTreated !== undefined) counts.set(unit.firstTreated, (counts.get(unit.firstTreated) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([cohort, units]) => ({ cohort, units }));
}
