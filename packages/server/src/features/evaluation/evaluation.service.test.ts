import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { metricById } from '@sendbench/schema';
import type { MetricPanel, PanelFigure } from '../../derived/metric-panel.repository';
import { simulatePanel } from '../../statistics/evaluation/simulated-panel';
import { ReferenceSnapshot } from '../reference/reference.service';
import { DEFAULT_EVALUATION_DRAWS, DEFAULT_EVALUATION_SEED, type EvaluationArgs } from './evaluation.args';
import { answerEvaluation } from './evaluation.service';
import { EvaluationComparison, EvaluationComparisonTiming, EvaluationDonorPool, EvaluationTransform } from './evaluation.type';

/**
 * A made-up England with a known answer: January 2010 to January 2025 (16 censuses); DBV tranche 1
 * (12 LAs and a county split into two successors in April 2021, first post period January 2023),
 * tranche 2 (12 LAs, January 2024), six Safety Valve LAs (in a programme, so never comparison
 * authorities) and 30 LAs in no programme. Outcomes come from the core's simulated panel.
 */
const JANUARIES = Array.from({ length: 16 }, (_, i) => (2009 + i) * 100 + ((2010 + i) % 100));
const PROCESS_YEARS = Array.from({ length: 11 }, (_, i) => 2014 + i);
const TRANCHE_1 = Array.from({ length: 12 }, (_, i) => String(101 + i));
const TRANCHE_2 = Array.from({ length: 12 }, (_, i) => String(113 + i));
const SAFETY_VALVE = Array.from({ length: 6 }, (_, i) => String(125 + i));
const NO_PROGRAMME = Array.from({ length: 30 }, (_, i) => String(131 + i));
const PREDECESSOR = '900';
const SUCCESSORS = ['901', '902'];
/** Index of the last January the predecessor reports (January 2021); the successors report from January 2022. */
const LAST_BEFORE_SPLIT = JANUARIES.indexOf(202021);

function reference(neighbours: Record<string, string[]> = {}): ReferenceSnapshot {
  const la = (code: string, isCurrent = true) => ({ la_code: code, name: `Authority ${code}`, ons_code: `E06000${code}`, region_code: 'E12000001', is_current: isCurrent, first_period: null, last_period: null, notes: null, release_id: 1 });
  const current = [...TRANCHE_1, ...SUCCESSORS, ...TRANCHE_2, ...SAFETY_VALVE, ...NO_PROGRAMME];
  const member = (programme: 'dbv' | 'safety_valve', cohort: string) => (code: string) => ({ programme, cohort, la_code: code, source: 'test', list_incomplete: false, note: null, release_id: 1 });
  return new ReferenceSnapshot('7', {
    areas: [{ code: 'E92000001', level: 'national', name: 'England', region_code: null }, ...current.map((code) => ({ code, level: 'local_authority' as const, name: `Authority ${code}`, region_code: 'E12000001' }))],
    authorities: [...current.map((code) => la(code)), la(PREDECESSOR, false)],
    aliases: [],
    predecessors: SUCCESSORS.map((successor) => ({ predecessor_code: PREDECESSOR, successor_code: successor, from_period: 202122, note: 'Authority 900 split in two, April 2021' })),
    programmes: [
      ...[...TRANCHE_1, ...SUCCESSORS].map(member('dbv', '1')),
      ...TRANCHE_2.map(member('dbv', '2')),
      ...SAFETY_VALVE.map(member('safety_valve', '2022-23')),
    ],
    neighbours: Object.entries(neighbours).flatMap(([code, list]) => list.map((n, rank) => ({ model: 'test 2025', la_code: code, rank: rank + 1, neighbour_code: n, proximity: 'Close', release_id: 1 }))),
    periods: [
      { metric_id: 'pct_plans_mainstream', periods: JANUARIES, la_periods: JANUARIES },
      { metric_id: 'pct_pupils_ehc_plan', periods: JANUARIES, la_periods: JANUARIES },
      { metric_id: 'pct_issued_within_20_weeks', periods: PROCESS_YEARS, la_periods: PROCESS_YEARS },
    ],
  });
}

const figure = (value: number, denominator: number | null = 100): PanelFigure => ({ value, status: 'value', numerator: denominator === null ? null : (value * denominator) / 100, denominator });

/**
 * Figures of a simulated panel with `effect` from each tranche's first post period: the split
 * county's value is the predecessor's up to January 2021, then its two successors' (60 and 40
 * plans out of 100), whose numerators over denominators give the same value back.
 */
function figures(effect: number, periods: readonly number[] = JANUARIES, withCounts = true, seed = 2025): MetricPanel {
  const start1 = periods.indexOf(202223) >= 0 ? periods.indexOf(202223) : periods.indexOf(2023);
  const start2 = periods.indexOf(202324) >= 0 ? periods.indexOf(202324) : periods.indexOf(2024);
  const simulated = simulatePanel({ units: 67, periods: periods.length, cohorts: [{ start: start1, units: 13 }, { start: start2, units: 12 }], effect, noise: 0.3, seed });
  const codes = [...TRANCHE_1, PREDECESSOR, ...TRANCHE_2, ...SAFETY_VALVE, ...NO_PROGRAMME];
  const panel = new Map<string, Map<number, PanelFigure>>();
  const put = (code: string, period: number, value: PanelFigure) => panel.set(code, (panel.get(code) ?? new Map()).set(period, value));
  simulated.units.forEach((unit, i) => {
    unit.outcomes.forEach((y, t) => {
      const value = Number(y) + 40;
      if (codes[i] !== PREDECESSOR) put(codes[i], periods[t], figure(value, withCounts ? 100 : null));
      else if (t <= LAST_BEFORE_SPLIT) put(PREDECESSOR, periods[t], figure(value, withCounts ? 100 : null));
      else {
        put(SUCCESSORS[0], periods[t], figure(value, withCounts ? 60 : null));
        put(SUCCESSORS[1], periods[t], figure(value, withCounts ? 40 : null));
      }
    });
  });
  return panel;
}

const args = (overrides: Partial<EvaluationArgs> = {}): EvaluationArgs => ({
  cohort: 'dbv',
  metric: 'pct_plans_mainstream',
  transform: EvaluationTransform.LEVEL,
  comparison: EvaluationComparison.NO_PROGRAMME,
  comparisonTiming: EvaluationComparisonTiming.NEVER_TREATED,
  straddleSeriesBreak: false,
  donors: EvaluationDonorPool.COMPARISON,
  draws: DEFAULT_EVALUATION_DRAWS,
  seed: DEFAULT_EVALUATION_SEED,
  ...overrides,
});

/** The error an evaluation throws: its code and the field it names. */
function errorOf(run: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions: Record<string, unknown>; message: string };
    return { code: extensions.code, field: extensions.field, message };
  }
  throw new Error('expected an error');
}

const world = reference();

/** In how many of the panels simulated with seeds 1–40 the overall 95% interval covers `effect`. */
function coverage(effect: number): number {
  return Array.from({ length: 40 }, (_, i) => answerEvaluation(world, figures(effect, JANUARIES, true, i + 1), args()).overall).filter((o) => o.low! < effect && effect < o.high!).length;
}
const withEffect = answerEvaluation(world, figures(-2), args());
const withoutEffect = answerEvaluation(world, figures(0), args());

describe('answerEvaluation on a simulated panel with a known effect', () => {
  test('recovers an injected effect of −2 within its interval, which excludes 0', () => {
    const { effect, low, high } = withEffect.overall;
    expect({ near: Math.abs(effect + 2) < 0.3, covers: low! < -2 && high! > -2, excludesZero: high! < 0 }).toEqual({ near: true, covers: true, excludesZero: true });
  });

  test('gives a small permutation p-value and the finding LOWER_AFTER under the effect', () => {
    expect({ p: withEffect.permutation.pValue < 0.01, finding: withEffect.verdict.finding }).toEqual({ p: true, finding: 'lower_after' });
  });

  test('covers 0 with a permutation p-value that is not small when there is no effect', () => {
    const { low, high } = withoutEffect.overall;
    expect({ covers: low! < 0 && high! > 0, pNotSmall: withoutEffect.permutation.pValue > 0.05, finding: withoutEffect.verdict.finding }).toEqual({ covers: true, pNotSmall: true, finding: 'no_clear_difference' });
  });

  test('covers the injected effect in at least 34 of 40 simulated panels', () => {
    // 38 expected of a 95% interval; 34 or fewer happens by chance about once in 20 runs of 40,
    // and a systematically narrow interval (80% coverage) would pass only one time in six.
    expect(coverage(-2)).toBeGreaterThanOrEqual(34);
  });

  test('gives the same answer to the last digit for the same seed, and other intervals for another', () => {
    const again = answerEvaluation(world, figures(-2), args());
    const otherSeed = answerEvaluation(world, figures(-2), args({ seed: 19 }));
    expect({ same: JSON.stringify(again) === JSON.stringify(withEffect), sameEffect: otherSeed.overall.effect === withEffect.overall.effect, sameInterval: otherSeed.overall.low === withEffect.overall.low }).toEqual({
      same: true,
      sameEffect: true,
      sameInterval: false,
    });
  });

  test('staggers the two tranches at their own first post periods', () => {
    expect(withEffect.starts.map((s) => [s.id, s.firstPostPeriod?.label, s.authorities])).toEqual([
      ['dbv:1', 'January 2023', 13],
      ['dbv:2', 'January 2024', 12],
      ['dbv:3', 'January 2024', 0],
    ]);
  });

  test('compares with the 30 authorities in no programme, never the Safety Valve ones', () => {
    const comparison = withEffect.authorities.filter((a) => a.role === 'comparison').map((a) => a.code);
    expect(comparison).toEqual([...NO_PROGRAMME].sort());
  });

  test('joins the split county to its successors and says so', () => {
    const joined = withEffect.authorities.find((a) => a.code === PREDECESSOR);
    expect({ codes: joined?.codes, observed: joined?.observedPeriods, noted: withEffect.successions.some((s) => s.startsWith('Joined across a boundary change: Authority 900')) }).toEqual({
      codes: [PREDECESSOR, ...SUCCESSORS],
      observed: 10,
      noted: true,
    });
  });

  test('gives the cohort and comparison means of every period with intervals around them', () => {
    const first = withEffect.groupMeans[0];
    expect({ periods: withEffect.groupMeans.length, cohort: first.cohort.authorities, comparison: first.comparison.authorities, ordered: first.cohort.level!.low! <= first.cohort.level!.value && first.cohort.level!.value <= first.cohort.level!.high!, indexedBase: withEffect.groupMeans.find((g) => g.period.code === 202122)?.cohort.indexed?.value }).toEqual({
      periods: 10,
      cohort: 25,
      comparison: 30,
      ordered: true,
      indexedBase: 100,
    });
  });

  test('fits a synthetic comparison for a cohort authority with weights summing to 1', () => {
    const answer = answerEvaluation(world, figures(-2), args({ cohort: 'dbv:1', focus: '101' }));
    const total = answer.synthetic!.weights.reduce((sum, w) => sum + w.weight, 0);
    expect({ available: answer.synthetic?.available, total: Math.abs(total - 1) < 1e-9, path: answer.synthetic?.path.length, positive: answer.synthetic!.weights.every((w) => w.weight > 0) }).toEqual({ available: true, total: true, path: 10, positive: true });
  });
});

describe('answerEvaluation builds the panel honestly', () => {
  test('starts the window in January 2016 by default and says why', () => {
    expect({ from: withEffect.window.from.label, periods: withEffect.window.periods.length, note: withEffect.window.note }).toEqual({
      from: 'January 2016',
      periods: 10,
      note: 'Starts in January 2016, the default: earlier figures of pct_plans_mainstream (from January 2010) span the change from statements to EHC plans (2014 to 2018). Set from to include them.',
    });
  });

  test('reaches back to the first period when from asks for it', () => {
    const answer = answerEvaluation(world, figures(-2), args({ from: 200910 }));
    expect({ from: answer.window.from.label, periods: answer.window.periods.length, note: answer.window.note }).toEqual({ from: 'January 2010', periods: 16, note: null });
  });

  test('keeps the successors apart, with their own series, when the metric has no counts to sum', () => {
    const answer = answerEvaluation(world, figures(0, JANUARIES, false), args({ cohort: 'dbv:1', metric: 'pct_pupils_ehc_plan' }));
    const used = answer.authorities.filter((a) => [PREDECESSOR, ...SUCCESSORS].includes(a.code)).map((a) => [a.code, a.observedPeriods]);
    expect({ used, noted: answer.successions.some((s) => /cannot be joined/.test(s)) }).toEqual({ used: [['901', 4], ['902', 4]], noted: true });
  });

  test('drops successors as a boundary change when their series starts after the start it cannot be joined across', () => {
    const answer = answerEvaluation(world, figures(0, JANUARIES, false), args({ cohort: 'dbv:1', metric: 'pct_pupils_ehc_plan', starts: [{ id: 'dbv:1', year: 2021, month: 9 }] }));
    expect(answer.dropped.map((d) => [d.code, d.reason])).toEqual([
      ['901', 'boundary_change'],
      ['902', 'boundary_change'],
    ]);
  });

  test('refuses to straddle a series break for a process measure, naming the metric', () => {
    const error = errorOf(() => answerEvaluation(world, figures(0, PROCESS_YEARS), args({ cohort: 'dbv:1', metric: 'pct_issued_within_20_weeks' })));
    expect({ code: error.code, field: error.field, refuses: /Refusing to straddle the break/.test(error.message) }).toEqual({ code: 'BAD_USER_INPUT', field: 'metric', refuses: true });
  });

  test('straddles the break only when asked, and says so', () => {
    const answer = answerEvaluation(world, figures(0, PROCESS_YEARS), args({ cohort: 'dbv:1', metric: 'pct_issued_within_20_weeks', straddleSeriesBreak: true }));
    expect({ straddled: answer.window.straddled, caveat: answer.verdict.caveats.some((c) => c.startsWith('Series break: Straddles')) }).toEqual({ straddled: true, caveat: true });
  });

  test('names the comparison field when no neighbour of the cohort is in no programme', () => {
    const onlyProgrammeNeighbours = reference(Object.fromEntries([...TRANCHE_1, ...SUCCESSORS].map((code) => [code, SAFETY_VALVE])));
    const error = errorOf(() => answerEvaluation(onlyProgrammeNeighbours, figures(0), args({ cohort: 'dbv:1', comparison: EvaluationComparison.NEIGHBOURS_NO_PROGRAMME })));
    expect({ code: error.code, field: error.field, empty: /comparison group is empty/.test(error.message) }).toEqual({ code: 'BAD_USER_INPUT', field: 'comparison', empty: true });
  });

  test.each<[string, Partial<EvaluationArgs>, string]>([
    ['an unknown cohort', { cohort: 'dbv:4' }, 'cohort'],
    ['draws over the limit', { draws: 5000 }, 'draws'],
    ['draws under the floor', { draws: 100 }, 'draws'],
    ['a negative seed', { seed: -1 }, 'seed'],
    ['a start outside the series', { cohort: 'dbv:1', starts: [{ id: 'dbv:1', year: 2009, month: 6 }] }, 'starts[0]'],
    ['the second of two starts outside the series, by its place in the argument', { cohort: 'dbv', starts: [{ id: 'dbv:2', year: 2023, month: 1 }, { id: 'dbv:1', year: 2030, month: 1 }] }, 'starts[1]'],
    ['a start of another cohort', { cohort: 'dbv:1', starts: [{ id: 'dbv:2', year: 2022, month: 6 }] }, 'starts[0].id'],
    ['a month out of range', { cohort: 'dbv:1', starts: [{ id: 'dbv:1', year: 2022, month: 13 }] }, 'starts[0].month'],
    ['an index base outside the series', { indexBase: 200809 }, 'indexBase'],
    ['an index base before the default window', { indexBase: 201213 }, 'indexBase'],
    ['to before from', { from: 202021, to: 201819 }, 'to'],
    ['a window of one period', { from: 202425 }, 'from'],
    ['an unknown metric', { metric: 'no_such_metric' }, 'metric'],
    ['a focus outside the cohort', { focus: '131' }, 'focus'],
  ])('answers %s with BAD_USER_INPUT naming the field', (_, overrides, field) => {
    expect(errorOf(() => answerEvaluation(world, figures(0), args(overrides))).field).toBe(field);
  });
});
