import {
  FIRST_POST_PERIOD_RULE,
  type MetricDefinition,
  PROGRAMME_COHORTS,
  periodLabel,
  type ProgrammeCohort,
  type ProgrammeStart,
  programmeCohortById,
  programmeStartById,
} from '@sendbench/schema';
import { type MetricPanel, selectMetricPanel } from '../../derived/metric-panel.repository';
import type { ApiContext } from '../../graphql/context';
import { ApiError, badEvaluationInput } from '../../graphql/errors';
import { estimateSimpleDid } from '../../statistics/evaluation/did';
import { EvaluationInputError, type EvaluationInputErrorCode, SolverConvergenceError } from '../../statistics/evaluation/evaluation-errors';
import { groupMeansWithIntervals, type GroupMean } from '../../statistics/evaluation/group-means';
import { BOOTSTRAP_SCHEME, CONFIDENCE_LEVEL, DEFAULT_PLACEBO_SHIFT, type Interval, MIN_DRAWS, runInference } from '../../statistics/evaluation/inference';
import { syntheticControlPlacebo } from '../../statistics/evaluation/synthetic-control';
import { requireAuthority } from '../authorities/authority.service';
import { requireMetric, toMetric, toPeriod } from '../metrics/metric.service';
import type { ReferenceSnapshot } from '../reference/reference.service';
import { type EvaluationArgs, MAX_EVALUATION_DRAWS, MAX_EVALUATION_SEED } from './evaluation.args';
import { buildEvaluationPanel, type ComparisonGroupKind, type EvaluationPanel, type EvaluationUnit, type OutcomeTransform, type StartInUse } from './evaluation-panel';
import {
  type Evaluation,
  EvaluationComparisonTiming,
  EvaluationDonorPool,
  type EvaluationDropReason,
  type EvaluationEffect,
  type EvaluationEstimate,
  type EvaluationFinding,
  EvaluationRole,
  type EvaluationStart,
  type EvaluationSynthetic,
} from './evaluation.type';
import { effectUnitLabel, writeVerdict } from './evaluation-verdict';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthLabel = (year: number, month: number) => `${MONTHS[month - 1]} ${year}`;

const COMPARISON_LABELS: Readonly<Record<ComparisonGroupKind, string>> = {
  no_programme: 'Authorities in no programme (neither DBV in SEND nor Safety Valve, as listed)',
  all_others: 'All other current authorities (including other programmes\' members)',
  neighbours_no_programme: 'The cohort\'s statistical neighbours that are in no programme',
};

/** A number the API can send: NaN and ±Infinity (which JSON cannot carry) become null. */
const finite = (value: number | null | undefined): number | null => (value !== null && value !== undefined && Number.isFinite(value) ? value : null);

function toEffect(effect: number, interval: Interval | null): EvaluationEffect {
  return { effect, low: finite(interval?.low), high: finite(interval?.high), standardError: finite(interval?.standardError), validDraws: interval?.validDraws ?? 0 };
}

function toEstimate(mean: GroupMean): EvaluationEstimate | null {
  return mean.mean === null ? null : { value: mean.mean, low: finite(mean.interval?.low), high: finite(mean.interval?.high) };
}

/** The API field an error of the statistical core is about. */
const FIELD_OF_CODE: Partial<Record<EvaluationInputErrorCode, string>> = {
  START_OUTSIDE_SERIES: 'starts',
  NO_TREATED_UNITS: 'cohort',
  EMPTY_COMPARISON_GROUP: 'comparison',
  NO_ESTIMABLE_EFFECT: 'metric',
  DRAWS_OUT_OF_RANGE: 'draws',
  INVALID_SEED: 'seed',
};

/** Checks the arguments that need no data: cohort, draws, seed and start overrides; BAD_USER_INPUT naming the field. */
export function checkEvaluationArgs(args: Pick<EvaluationArgs, 'cohort' | 'draws' | 'seed' | 'starts'>): { cohort: ProgrammeCohort; starts: StartInUse[] } {
  const cohort = programmeCohortById(args.cohort.trim().toLowerCase());
  if (!cohort) {
    throw badEvaluationInput('cohort', `Unknown cohort "${args.cohort}". Known cohorts: ${PROGRAMME_COHORTS.map((c) => c.id).join(', ')}.`, { value: args.cohort });
  }
  if (!Number.isInteger(args.draws) || args.draws < MIN_DRAWS || args.draws > MAX_EVALUATION_DRAWS) {
    throw badEvaluationInput('draws', `draws must be an integer from ${MIN_DRAWS} to ${MAX_EVALUATION_DRAWS}; got ${args.draws}.`, { value: args.draws, min: MIN_DRAWS, max: MAX_EVALUATION_DRAWS });
  }
  if (!Number.isInteger(args.seed) || args.seed < 0 || args.seed > MAX_EVALUATION_SEED) {
    throw badEvaluationInput('seed', `seed must be an integer from 0 to ${MAX_EVALUATION_SEED}; got ${args.seed}.`, { value: args.seed });
  }
  const overrides = args.starts ?? [];
  const seen = new Set<string>();
  overrides.forEach((o, index) => {
    const field = `starts[${index}]`;
    if (!cohort.starts.includes(o.id)) throw badEvaluationInput(`${field}.id`, `"${o.id}" is not a start of ${cohort.id}; its starts are ${cohort.starts.join(', ')}.`, { value: o.id });
    if (seen.has(o.id)) throw badEvaluationInput(`${field}.id`, `The start ${o.id} is given twice.`, { value: o.id });
    seen.add(o.id);
    if (!Number.isInteger(o.year) || o.year < 2000 || o.year > 2035) throw badEvaluationInput(`${field}.year`, `year must be from 2000 to 2035; got ${o.year}.`, { value: o.year });
    if (!Number.isInteger(o.month) || o.month < 1 || o.month > 12) throw badEvaluationInput(`${field}.month`, `month must be from 1 to 12; got ${o.month}.`, { value: o.month });
  });
  const starts = cohort.starts.map((id): StartInUse => {
    const start = programmeStartOf(id);
    const override = overrides.find((o) => o.id === id);
    return override
      ? { start, at: { year: override.year, month: override.month }, overridden: true, argument: overrides.indexOf(override) }
      : { start, at: { year: start.year, month: start.month }, overridden: false };
  });
  return { cohort, starts };
}

/** A start a cohort names (a missing one is a bug in programme-starts.ts, not the user's error). */
function programmeStartOf(id: string): ProgrammeStart {
  const start = programmeStartById(id);
  if (!start) throw new Error(`programme start ${id} is missing from programme-starts.ts`);
  return start;
}

/** Notes on every incomplete programme list (one per list), from the imported membership. */
function incompleteLists(reference: ReferenceSnapshot): string[] {
  const notes = new Map<string, string>();
  for (const p of reference.programmes) {
    if (!p.listIncomplete) continue;
    const named = reference.programmes.filter((q) => q.programme === p.programme && q.cohort === p.cohort).length;
    const name = p.programme === 'dbv' ? `DBV in SEND tranche ${p.cohort}` : `Safety Valve ${p.cohort}`;
    notes.set(name, p.programme === 'safety_valve' && p.note ? `Safety Valve: ${p.note}.` : `${name}: only ${named} authorities are named in the list.`);
  }
  return [...notes.values()];
}

/** Start ids by first treated period index: two starts can share a first post period (a January 2023 and a September 2023 start both first show in January 2024). */
function startsByIndex(built: EvaluationPanel): Map<number, string> {
  const byIndex = new Map<number, string[]>();
  for (const s of built.starts) {
    if (s.firstPostPeriod === null) continue;
    const index = built.window.periods.indexOf(s.firstPostPeriod);
    byIndex.set(index, [...(byIndex.get(index) ?? []), s.use.start.id]);
  }
  return new Map([...byIndex].map(([index, ids]) => [index, ids.join('+')]));
}

/** The focus authority's statistical neighbours among the comparison units (any of a joined unit's LAs counts). */
function neighbourDonors(reference: ReferenceSnapshot, unit: EvaluationUnit, comparison: readonly EvaluationUnit[]): string[] {
  const neighbours = new Set(unit.codes.flatMap((code) => reference.neighboursOf(code).map((n) => n.code)));
  return comparison.filter((u) => u.codes.some((code) => neighbours.has(code))).map((u) => u.code);
}

/** The focus unit of a synthetic comparison and its donors, checked before any estimate is made. */
interface SyntheticRequest {
  readonly unit: EvaluationUnit;
  readonly donors: readonly string[];
  readonly pool: EvaluationDonorPool;
}

/** Finds the focus authority's unit in the cohort and its donor pool, or BAD_USER_INPUT naming `focus` or `donors`. */
function syntheticRequest(reference: ReferenceSnapshot, metric: MetricDefinition, built: EvaluationPanel, focusCode: string, pool: EvaluationDonorPool): SyntheticRequest {
  const la = requireAuthority(reference, focusCode);
  const unit = built.units.find((u) => u.codes.includes(la.code));
  if (!unit || unit.role !== 'cohort') {
    const dropped = built.dropped.find((d) => d.code === la.code || (unit && d.code === unit.code));
    const why = dropped ? `it was left out (${dropped.detail})` : unit ? 'it is in the comparison group, not the cohort' : 'it is not in the cohort';
    const members = built.units.filter((u) => u.role === 'cohort').map((u) => `${u.name} (${u.code})`);
    throw badEvaluationInput('focus', `${la.name} (${la.code}) cannot have a synthetic comparison here: ${why}. Choose one of the cohort's authorities: ${members.join(', ')}.`, { value: focusCode });
  }
  const comparison = built.units.filter((u) => u.role === 'comparison');
  const donors = pool === EvaluationDonorPool.NEIGHBOURS ? neighbourDonors(reference, unit, comparison) : comparison.map((u) => u.code);
  if (donors.length === 0) {
    throw badEvaluationInput('donors', `${unit.name} has no statistical neighbour among the comparison authorities with figures for ${metric.id}, so no synthetic comparison can be built from its neighbours. Choose the whole comparison group as donors (COMPARISON) or another comparison group.`, { value: pool });
  }
  return { unit, donors, pool };
}

function synthetic(metric: MetricDefinition, built: EvaluationPanel, { unit, donors, pool }: SyntheticRequest): EvaluationSynthetic {
  const period = (index: number) => toPeriod(metric.periodType, built.window.periods[index]);
  const names = new Map(built.units.map((u) => [u.code, u.name]));
  const empty = { code: unit.code, name: unit.name, start: unit.firstPostPeriod === null ? null : toPeriod(metric.periodType, unit.firstPostPeriod), donorPool: pool, weights: [], donors: 0, path: [], fitPeriods: [], preRmspe: null, postRmspe: null, rmspeRatio: null, placeboPValue: null, placeboRank: null, placebos: 0, note: null };
  try {
    const result = syntheticControlPlacebo(built.panel, { treated: unit.code, donors });
    const { fit } = result;
    const size = fit.weights.length;
    const notes: string[] = [];
    if (size > fit.fitPeriods.length) {
      notes.push(`The pool has ${size} donors for ${fit.fitPeriods.length} ${fit.fitPeriods.length === 1 ? 'pre-period' : 'pre-periods'}, so a near-exact pre-period fit is easy and the placebo p-value is unstable: read the pre-period fit error beside it, or build it from the authority's statistical neighbours.`);
    } else if (result.placebos.length < 19) {
      notes.push(`With ${result.placebos.length} placebos the smallest possible p-value is ${(1 / (1 + result.placebos.length)).toFixed(3)}.`);
    }
    if (fit.droppedDonors.length) notes.push(`${fit.droppedDonors.length} comparison authorities were left out of the pool for a missing pre-period figure.`);
    if (result.failedPlacebos.length) notes.push(`${result.failedPlacebos.length} donors could not be refitted as placebos.`);
    return {
      ...empty,
      available: true,
      reason: null,
      weights: fit.weights
        .filter((w) => w.weight > 0)
        .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))
        .map((w) => ({ code: w.code, name: names.get(w.code) ?? w.code, weight: w.weight })),
      donors: size,
      path: fit.actual.map((actual, t) => ({ period: period(t), actual, synthetic: fit.synthetic[t], gap: fit.gap[t] })),
      fitPeriods: fit.fitPeriods.map(period),
      preRmspe: finite(fit.preRmspe),
      postRmspe: finite(fit.postRmspe),
      rmspeRatio: finite(fit.rmspeRatio),
      placeboPValue: result.pValue,
      placeboRank: result.rank,
      placebos: result.placebos.length,
      note: notes.length ? notes.join(' ') : null,
    };
  } catch (error) {
    if (!(error instanceof EvaluationInputError) && !(error instanceof SolverConvergenceError)) throw error;
    return { ...empty, available: false, reason: error.message };
  }
}

/** Runs a lookup that throws an API error for an unknown code, and answers BAD_USER_INPUT naming the argument instead. */
function naming<T>(field: string, lookup: () => T): T {
  try {
    return lookup();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const { code, ...rest } = error.extensions;
    throw badEvaluationInput(field, error.message, { ...rest, reason: code });
  }
}

/**
 * The `evaluation` query: checks the arguments, reads the metric for every current LA and the
 * predecessors their series continue from (one statement), builds the panel, and runs the
 * statistical core (2×2, Callaway–Sant'Anna with bootstrap, permutation test, pre-trend checks,
 * group means, synthetic comparison) with one seed. Two SQL statements with the data-version check.
 */
export async function evaluate(ctx: ApiContext, args: EvaluationArgs): Promise<Evaluation> {
  checkEvaluationArgs(args);
  const metric = naming('metric', () => requireMetric(args.metric));
  const reference = await ctx.reference();
  if (args.focus) naming('focus', () => requireAuthority(reference, args.focus!));
  const areas = [...reference.currentAuthorities().map((a) => a.code), ...new Set(reference.predecessors.map((p) => p.predecessor))];
  return answerEvaluation(reference, await selectMetricPanel(ctx.db, metric.id, areas), args);
}

/**
 * The answer of {@link evaluate} from figures already read: everything but the read, so that it
 * can be tested on a panel with a known answer.
 *
 * @example
 * answerEvaluation(reference, figures, { cohort: 'dbv:1', metric: 'pct_plans_mainstream', … }).overall.effect;
 */
export function answerEvaluation(reference: ReferenceSnapshot, figures: MetricPanel, args: EvaluationArgs): Evaluation {
  const { cohort, starts } = checkEvaluationArgs(args);
  const metric = naming('metric', () => requireMetric(args.metric));
  const focus = args.focus ? naming('focus', () => requireAuthority(reference, args.focus!)) : null;
  const transform = args.transform as OutcomeTransform;
  const built = buildEvaluationPanel(reference, figures, {
    metric,
    cohort,
    starts,
    comparison: args.comparison as ComparisonGroupKind,
    transform,
    indexBase: args.indexBase,
    from: args.from,
    to: args.to,
    straddleSeriesBreak: args.straddleSeriesBreak,
  });
  // The focus and its donors are checked before the estimates, so a bad one costs no resampling.
  const syntheticAsked = focus ? syntheticRequest(reference, metric, built, focus.code, args.donors) : null;
  const period = (code: number) => toPeriod(metric.periodType, code);
  const periodAt = (index: number) => period(built.window.periods[index]);
  const startIds = startsByIndex(built);
  const resampling = { draws: args.draws, seed: args.seed };

  let computed;
  try {
    const simple = estimateSimpleDid(built.panel);
    const inference = runInference(built.panel, {
      ...resampling,
      comparison: args.comparisonTiming === EvaluationComparisonTiming.NOT_YET_TREATED ? 'not-yet-treated' : 'never-treated',
      placeboShift: DEFAULT_PLACEBO_SHIFT,
    });
    const cohortUnits = built.units.filter((u) => u.role === 'cohort');
    const comparisonUnits = built.units.filter((u) => u.role === 'comparison');
    // Levels and indexed values side by side, so one set of draws serves both (half the random numbers).
    const [cohortMeans, comparisonMeans] = groupMeansWithIntervals(
      [cohortUnits.map((u) => [...u.levels, ...u.indexed]), comparisonUnits.map((u) => [...u.levels, ...u.indexed])],
      resampling,
    );
    const periodCount = built.window.periods.length;
    const means = [cohortMeans.slice(0, periodCount), comparisonMeans.slice(0, periodCount), cohortMeans.slice(periodCount), comparisonMeans.slice(periodCount)];
    computed = { simple, inference, means, cohortUnits, comparisonUnits };
  } catch (error) {
    if (!(error instanceof EvaluationInputError)) throw error;
    throw badEvaluationInput(FIELD_OF_CODE[error.code] ?? error.field, error.message, { reason: error.code });
  }
  const { simple, inference, means, cohortUnits, comparisonUnits } = computed;
  const { bootstrap, permutation, preTrends } = inference;

  const indexBaseLabel = periodLabel(metric.periodType, built.indexBase);
  const unitLabel = effectUnitLabel(transform, metric.unit, indexBaseLabel);
  const comparisonKind = args.comparison as ComparisonGroupKind;
  const otherProgramme = cohort.programme === 'dbv' ? 'safety_valve' : 'dbv';
  const placebo = preTrends.placebo;
  const verdict = writeVerdict({
    cohortLabel: cohort.label,
    programme: cohort.programme,
    metricLabel: metric.label,
    unit: metric.unit,
    transform,
    unitLabel,
    comparisonLabel: COMPARISON_LABELS[comparisonKind],
    cohortAuthorities: cohortUnits.length,
    comparisonAuthorities: comparisonUnits.length,
    overall: { effect: bootstrap.overall.effect, low: finite(bootstrap.overall.interval?.low), high: finite(bootstrap.overall.interval?.high) },
    simple: simple.estimate,
    permutationP: permutation.pValue,
    jointPreTrendP: preTrends.joint.available ? preTrends.joint.pValue : null,
    placebo: placebo.available ? { effect: placebo.overall, low: finite(placebo.interval?.low), high: finite(placebo.interval?.high) } : null,
    incompleteLists: incompleteLists(reference),
    seriesBreakHandling: built.window.handling,
    seriesStraddled: built.window.straddled,
    breaksOutsideWindow: (metric.seriesBreaks ?? [])
      .filter((b) => !built.window.breaks.some((w) => w.period === b.period))
      .map((b) => `The metric's series breaks before ${periodLabel(metric.periodType, b.period)}: ${b.note}`),
    uncertainStarts: built.starts
      .filter((s) => s.firstPostPeriod !== null && (s.use.overridden || s.use.start.precision !== 'month'))
      .map((s) =>
        s.use.overridden
          ? `${s.use.start.label} is taken as ${monthLabel(s.use.at.year, s.use.at.month)}, as you set it (the reference start is ${monthLabel(s.use.start.year, s.use.start.month)}).`
          : `${s.use.start.label} is taken as ${monthLabel(s.use.at.year, s.use.at.month)}, an assumption: ${s.use.start.known}`,
      ),
    successionsUsed: built.successions.filter((s) => s.startsWith('Joined')),
    alsoInOtherProgramme: cohortUnits.filter((u) => u.codes.some((code) => reference.programmesOf(code).some((p) => p.programme === otherProgramme))).map((u) => u.name),
    nonPositiveValues: built.nonPositiveValues,
    droppedCohortAuthorities: built.dropped.filter((d) => d.role === 'cohort').length,
  });

  const programmeRows = reference.programmes.filter((p) => p.programme === cohort.programme && cohort.starts.includes(`${p.programme}:${p.cohort}`));
  const incompleteRows = programmeRows.filter((p) => p.listIncomplete);
  const evaluationStarts: EvaluationStart[] = built.starts.map((s) => ({
    id: s.use.start.id,
    label: s.use.start.label,
    year: s.use.at.year,
    month: s.use.at.month,
    monthLabel: monthLabel(s.use.at.year, s.use.at.month),
    precision: s.use.overridden ? 'override' : s.use.start.precision,
    known: s.use.start.known,
    source: s.use.start.source,
    uncertainty: s.use.start.uncertainty,
    overridden: s.use.overridden,
    firstPostPeriod: s.firstPostPeriod === null ? null : period(s.firstPostPeriod),
    authorities: s.units,
    note: s.note,
  }));
  const byName = (a: EvaluationUnit, b: EvaluationUnit) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'cohort' ? -1 : 1);

  return {
    cohort: {
      id: cohort.id,
      label: cohort.label,
      programme: cohort.programme,
      listIncomplete: incompleteRows.length > 0,
      note: incompleteRows.length ? [...new Set(incompleteRows.map((r) => r.note ?? `${r.programme} ${r.cohort} list is incomplete`))].join(' ') : null,
    },
    metric: toMetric(metric, reference),
    transform: args.transform,
    unitLabel,
    comparison: args.comparison,
    comparisonLabel: COMPARISON_LABELS[comparisonKind],
    comparisonTiming: args.comparisonTiming,
    window: {
      from: period(built.window.periods[0]),
      to: period(built.window.periods.at(-1)!),
      periods: built.window.periods.map(period),
      seriesBreaks: built.window.breaks.map((b) => ({ period: period(b.period), note: b.note })),
      straddled: built.window.straddled,
      handling: built.window.handling,
      note: built.window.note,
    },
    starts: evaluationStarts,
    indexBase: period(built.indexBase),
    groupMeans: built.window.periods.map((p, t) => ({
      period: period(p),
      cohort: { authorities: means[0][t].units, level: toEstimate(means[0][t]), indexed: toEstimate(means[2][t]) },
      comparison: { authorities: means[1][t].units, level: toEstimate(means[1][t]), indexed: toEstimate(means[3][t]) },
    })),
    eventStudy: bootstrap.eventTime.map((e) => ({
      eventTime: e.eventTime,
      post: e.eventTime >= 0,
      estimate: toEffect(e.effect, e.interval),
      weights: e.weights.map((w) => ({ startId: startIds.get(w.cohort) ?? String(w.cohort), weight: w.weight })),
    })),
    groupTime: bootstrap.groupTime.map((cell) => ({
      startId: startIds.get(cell.cohort) ?? String(cell.cohort),
      period: periodAt(cell.period),
      basePeriod: periodAt(cell.basePeriod),
      eventTime: cell.eventTime,
      estimate: toEffect(cell.att, cell.interval),
      cohortAuthorities: cell.treatedUnits,
      comparisonAuthorities: cell.comparisonUnits,
    })),
    overall: toEffect(bootstrap.overall.effect, bootstrap.overall.interval),
    simple: {
      estimate: simple.estimate,
      cohorts: simple.cohorts.map((c) => ({
        startId: startIds.get(c.cohort) ?? String(c.cohort),
        beforeFrom: periodAt(c.beforePeriods[0]),
        beforeTo: periodAt(c.beforePeriods[1]),
        afterFrom: periodAt(c.afterPeriods[0]),
        afterTo: periodAt(c.afterPeriods[1]),
        cohortBefore: c.treatedBefore,
        cohortAfter: c.treatedAfter,
        comparisonBefore: c.comparisonBefore,
        comparisonAfter: c.comparisonAfter,
        estimate: c.estimate,
        weight: c.weight,
        cohortAuthorities: c.treatedUnits,
        comparisonAuthorities: c.comparisonUnits,
      })),
      skipped: simple.skippedCohorts.map((c) => `${startIds.get(c.cohort) ?? c.cohort}: ${c.reason}`),
    },
    permutation: {
      pValue: permutation.pValue,
      observed: permutation.observed,
      draws: permutation.draws,
      validDraws: permutation.validDraws,
      exceedances: permutation.exceedances,
      eligibleAuthorities: permutation.eligibleUnits,
    },
    preTrends: {
      joint: preTrends.joint.available
        ? { available: true, reason: null, eventTimes: [...preTrends.joint.eventTimes], statistic: finite(preTrends.joint.statistic), degreesOfFreedom: preTrends.joint.degreesOfFreedom, pValue: finite(preTrends.joint.pValue) }
        : { available: false, reason: preTrends.joint.reason, eventTimes: [], statistic: null, degreesOfFreedom: null, pValue: null },
      placebo: placebo.available
        ? {
            available: true,
            reason: placebo.droppedCohorts.length ? `Leaves out ${placebo.droppedCohorts.map((c) => `${startIds.get(c.cohort) ?? c.cohort} (${c.reason})`).join('; ')}.` : null,
            shift: placebo.shift,
            estimate: toEffect(placebo.overall, placebo.interval),
          }
        : { available: false, reason: placebo.reason, shift: placebo.shift, estimate: null },
    },
    synthetic: syntheticAsked ? synthetic(metric, built, syntheticAsked) : null,
    authorities: [...built.units].sort(byName).map((u) => ({
      code: u.code,
      name: u.name,
      codes: [...u.codes],
      role: u.role === 'cohort' ? EvaluationRole.COHORT : EvaluationRole.COMPARISON,
      startId: u.startId,
      firstPostPeriod: u.firstPostPeriod === null ? null : period(u.firstPostPeriod),
      observedPeriods: u.outcomes.filter((y) => y !== null).length,
      joined: u.joined,
    })),
    dropped: built.dropped.map((d) => ({
      code: d.code,
      name: d.name,
      role: d.role === 'cohort' ? EvaluationRole.COHORT : EvaluationRole.COMPARISON,
      reason: d.reason as EvaluationDropReason,
      detail: d.detail,
    })),
    successions: [...built.successions],
    verdict: { ...verdict, finding: verdict.finding as EvaluationFinding, details: [...verdict.details], caveats: [...verdict.caveats] },
    method: {
      estimator: `${bootstrap.estimate.method}: ATT(g, t) for each start g and period t, the mean change of the start's authorities from the base period minus that of the comparison authorities, aggregated by event time and overall with cohort-size weights. No two-way fixed-effects regression (biased under staggered starts). Outcome: ${metric.id} on the ${transform} scale.`,
      comparisonTiming:
        args.comparisonTiming === EvaluationComparisonTiming.NOT_YET_TREATED
          ? 'Not yet treated: the comparison group plus the cohort\'s own later-starting authorities, in the periods before they start.'
          : 'Never treated: the comparison group only.',
      bootstrap: `${BOOTSTRAP_SCHEME.charAt(0).toUpperCase()}${BOOTSTRAP_SCHEME.slice(1)}; ${args.draws} draws; 95% percentile intervals (R quantile type 7). The intervals are pointwise: each covers its own figure 95% of the time, but the event study's intervals together are not a joint band, so one of several pre-period intervals missing 0 is expected now and then; the joint pre-trend test is the joint check.`,
      permutation: `The cohort labels (each start and "comparison") shuffled among the ${permutation.eligibleUnits} authorities, ${args.draws} draws; two-sided p = (1 + draws with |effect| ≥ |observed|) / (1 + valid draws).`,
      preTrends: `Joint Wald test that every pre-period event-time effect is 0 (χ², bootstrap covariance, same draws); placebo: every start moved ${DEFAULT_PLACEBO_SHIFT} periods earlier, figures from the real start on dropped, effect re-estimated with its bootstrap interval.`,
      synthetic: `Abadie, Diamond and Hainmueller (2010): non-negative donor weights summing to 1 over ${args.donors === EvaluationDonorPool.NEIGHBOURS ? "the focus authority's statistical neighbours among the comparison authorities" : 'the comparison authorities'}, fitted by least squares on the focus authority's pre-start path (the outcome only, no covariates); placebo in space: each donor of the pool refitted as if treated from the others; p = rank of the focus authority's post/pre RMSPE ratio ÷ (1 + placebos). With more donors than pre-periods the pre-period fit is near-exact and the ratios unstable: read the fit error beside p.`,
      groupMeans: `Means over the authorities with a figure in each period; 95% percentile bootstrap intervals over authorities (each group resampled to its size, ${args.draws} draws, the same seed).`,
      firstPostRule: FIRST_POST_PERIOD_RULE[metric.periodType],
      draws: args.draws,
      seed: args.seed,
      confidenceLevel: CONFIDENCE_LEVEL,
      placeboShift: DEFAULT_PLACEBO_SHIFT,
    },
    dataVersion: reference.version,
  };
}
