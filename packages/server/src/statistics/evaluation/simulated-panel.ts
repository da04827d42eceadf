import { EvaluationInputError } from './evaluation-errors';
import type { Panel, PanelUnit } from './panel';
import { createRandom } from './random';

export interface SimulatedPanelOptions {
  /** Units in all, treated and never treated. */
  readonly units: number;
  readonly periods: number;
  /** Each cohort's first treated period and size; the units left over are never treated. */
  readonly cohorts: readonly { readonly start: number; readonly units: number }[];
  /** The effect added from the start on: a constant, or a function of event time e = t − g ≥ 0. */
  readonly effect: number | ((eventTime: number) => number);
  /** Standard deviation of the idiosyncratic noise (0 for an exact panel). */
  readonly noise: number;
  readonly seed: number;
}

/**
 * A panel with a known answer for testing estimators: Y_it = 10 + α_i + λ_t + effect(t − g_i)·1{t ≥
 * g_i} + noise·ε_it, with unit effects α_i ~ N(0, 2²), period effects λ_t = 0.3·t + N(0, 0.5²) and
 * ε_it ~ N(0, 1), all drawn from `seed`. Units are coded `U01`, `U02`, …, cohorts first in the
 * order given, then the never-treated units.
 *
 * @example
 * simulatePanel({ units: 60, periods: 10, cohorts: [{ start: 4, units: 12 }], effect: -2, noise: 0.3, seed: 1 });
 */
export function simulatePanel(options: SimulatedPanelOptions): Panel {
  const treatedCount = options.cohorts.reduce((sum, c) => sum + c.units, 0);
  if (treatedCount > options.units) throw new EvaluationInputError('INVALID_OPTION', 'cohorts', `the cohorts hold ${treatedCount} units, more than the ${options.units} simulated`);
  const random = createRandom(options.seed);
  const constant = options.effect;
  const effect = typeof constant === 'number' ? () => constant : constant;
  const periodEffects = Array.from({ length: options.periods }, (_, t) => 0.3 * t + 0.5 * random.nextNormal());
  const starts: (number | undefined)[] = options.cohorts.flatMap((c) => Array.from({ length: c.units }, () => c.start));
  const width = String(options.units).length;
  const units: PanelUnit[] = Array.from({ length: options.units }, (_, i) => {
    const firstTreated = starts[i];
    const unitEffect = 2 * random.nextNormal();
    const outcomes = periodEffects.map((periodEffect, t) => {
      const treated = firstTreated !== undefined && t >= firstTreated ? effect(t - firstTreated) : 0;
      return 10 + unitEffect + periodEffect + treated + options.noise * random.nextNormal();
    });
    const code = `U${String(i + 1).padStart(Math.max(2, width), '0')}`;
    return firstTreated === undefined ? { code, outcomes } : { code, firstTreated, outcomes };
  });
  return { periodLabels: Array.from({ length: options.periods }, (_, t) => `P${t}`), units };
}
