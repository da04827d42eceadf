import {
  firstPeriodAfterStart,
  type MetricDefinition,
  periodLabel,
  type PeriodType,
  type ProgrammeCohort,
  type ProgrammeStart,
  type YearMonth,
} from '@sendbench/schema';
import type { MetricPanel, PanelFigure } from '../../derived/metric-panel.repository';
import { badEvaluationInput } from '../../graphql/errors';
import type { Outcome, Panel } from '../../statistics/evaluation/panel';
import type { AuthorityRecord, ReferenceSnapshot } from '../reference/reference.service';

/** Which authorities the cohort is compared with. */
export type ComparisonGroupKind = 'no_programme' | 'all_others' | 'neighbours_no_programme';

/** The scale the effects are estimated on. */
export type OutcomeTransform = 'level' | 'log' | 'indexed';

/** Why an authority of the cohort or the comparison group is left out. */
export type DropReason = 'no_data' | 'boundary_change' | 'series_break' | 'start_outside_series' | 'no_index_base';

/** A start as the evaluation uses it: the reference file's, or the user's override. */
export interface StartInUse {
  readonly start: ProgrammeStart;
  readonly at: YearMonth;
  readonly overridden: boolean;
  /** Where an override is in the `starts` argument, for an error that names it. */
  readonly argument?: number;
}

export interface PanelRequest {
  readonly metric: MetricDefinition;
  readonly cohort: ProgrammeCohort;
  readonly starts: readonly StartInUse[];
  readonly comparison: ComparisonGroupKind;
  readonly transform: OutcomeTransform;
  /** Base period of the indexed figures (and of the INDEXED transform); the period before the earliest first post period when omitted. */
  readonly indexBase?: number | null;
  readonly from?: number | null;
  readonly to?: number | null;
  /** Use periods on both sides of a series break (refused by default). */
  readonly straddleSeriesBreak: boolean;
}

/** An authority (or a predecessor joined to its successors) in the panel. */
export interface EvaluationUnit {
  /** Its DfE number; for a joined unit, the predecessor's. */
  readonly code: string;
  readonly name: string;
  /** Every current or predecessor LA whose figures make up the unit. */
  readonly codes: readonly string[];
  readonly role: 'cohort' | 'comparison';
  /** The start of its cohort (cohort units only). */
  readonly startId: string | null;
  readonly firstPostPeriod: number | null;
  /** How its series was joined across a boundary change, if it was. */
  readonly joined: string | null;
  /** The metric's values, one per window period. */
  readonly levels: readonly Outcome[];
  /** Levels indexed to the base period (= 100); null where the base or the value is missing. */
  readonly indexed: readonly Outcome[];
  /** What the effects are estimated on (levels, their logarithm, or indexed). */
  readonly outcomes: readonly Outcome[];
}

export interface DroppedUnit {
  readonly code: string;
  readonly name: string;
  readonly role: 'cohort' | 'comparison';
  readonly reason: DropReason;
  readonly detail: string;
}

export interface StartOutcome {
  readonly use: StartInUse;
  /** Its first post period in the window, or null when the window cannot show it. */
  readonly firstPostPeriod: number | null;
  /** Cohort authorities used with this start. */
  readonly units: number;
  /** Why the start is not used, if it is not. */
  readonly note: string | null;
}

export interface EvaluationWindow {
  readonly periods: readonly number[];
  /** Breaks inside the requested range, and how they were handled. */
  readonly breaks: readonly { readonly period: number; readonly note: string }[];
  readonly straddled: boolean;
  /** How the window was chosen, in words. */
  readonly handling: string | null;
  /** Why the window starts where it does when `from` was not given and the default cut it; null otherwise. */
  readonly note: string | null;
}

export interface EvaluationPanel {
  readonly window: EvaluationWindow;
  readonly starts: readonly StartOutcome[];
  readonly indexBase: number;
  readonly units: readonly EvaluationUnit[];
  readonly dropped: readonly DroppedUnit[];
  /** Where the succession mapping was used, or why it could not be, in words. */
  readonly successions: readonly string[];
  /** Values left out of the LOG transform because they were 0 or negative. */
  readonly nonPositiveValues: number;
  /** The core's input: cohort units with their first treated period index, comparison units never treated. */
  readonly panel: Panel;
}

/** A predecessor whose successors together cover exactly its area, so their figures can be summed back onto it. */
interface SplitSuccession {
  readonly predecessor: AuthorityRecord;
  readonly successors: readonly AuthorityRecord[];
  readonly note: string;
}

/** Candidate member of the panel before its figures are checked. */
interface Candidate {
  readonly code: string;
  readonly name: string;
  readonly codes: readonly string[];
  readonly role: 'cohort' | 'comparison';
  readonly joined: string | null;
  /** True when a boundary change touches it (so missing figures are explained by it). */
  readonly reorganised: boolean;
  readonly figure: (period: number) => PanelFigure | undefined;
}

/** A note ready to go inside brackets or after a colon: without its own full stop. */
const clause = (note: string) => note.replace(/\.\s*$/, '');

const listNames = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * Whether an area's figures can be combined into its predecessor's geography: an additive value
 * (a count, £) is summed; a ratio with published counts is the sum of numerators over the sum of
 * denominators; a published percentage or a growth rate cannot be combined.
 */
function combinable(metric: MetricDefinition): boolean {
  return (metric.formula.kind === 'value' && metric.formula.additive) || metric.formula.kind === 'ratio';
}

/** The figure of the successors summed onto their predecessor's geography, or undefined if any is missing. */
function combineFigures(metric: MetricDefinition, figures: readonly (PanelFigure | undefined)[]): PanelFigure | undefined {
  let numerator = 0;
  let denominator = 0;
  for (const figure of figures) {
    if (!figure || figure.status !== 'value' || figure.numerator === null) return undefined;
    numerator += figure.numerator;
    if (metric.formula.kind === 'ratio') {
      if (figure.denominator === null) return undefined;
      denominator += figure.denominator;
    }
  }
  if (metric.formula.kind !== 'ratio') return { value: numerator, status: 'value', numerator, denominator: null };
  if (denominator === 0) return undefined;
  return { value: (numerator / denominator) * metric.formula.scale, status: 'value', numerator, denominator };
}

/** The splits whose successors came only from that predecessor (Cumbria, Northamptonshire); merges such as BCP's cannot be joined. */
function splitSuccessions(reference: ReferenceSnapshot): SplitSuccession[] {
  const predecessorsOf = new Map<string, Set<string>>();
  const successorsOf = new Map<string, { codes: Set<string>; notes: Set<string> }>();
  for (const p of reference.predecessors) {
    predecessorsOf.set(p.successor, (predecessorsOf.get(p.successor) ?? new Set()).add(p.predecessor));
    const entry = successorsOf.get(p.predecessor) ?? { codes: new Set(), notes: new Set() };
    entry.codes.add(p.successor);
    entry.notes.add(p.note);
    successorsOf.set(p.predecessor, entry);
  }
  const splits: SplitSuccession[] = [];
  for (const [predecessorCode, { codes, notes }] of successorsOf) {
    const successorCodes = [...codes].sort();
    if (successorCodes.length < 2 || !successorCodes.every((s) => predecessorsOf.get(s)?.size === 1)) continue;
    const predecessor = reference.authorities.get(predecessorCode);
    const successors = successorCodes.map((c) => reference.authorities.get(c));
    if (!predecessor || successors.some((s) => !s?.isCurrent)) continue;
    splits.push({ predecessor, successors: successors as AuthorityRecord[], note: [...notes].join('; ') });
  }
  return splits;
}

/**
 * Where the window starts when `from` is not given: January 2016, 2016 or 2016-17, or the metric's
 * first period if later. The SEND reforms of September 2014 replaced statements with EHC plans over
 * a transition that ended in March 2018, and SEN2's older series counts both; a window from 2010
 * would compare the programmes' authorities across that change, and the simple 2×2 would pool
 * six years of it into "before". From 2016 the earliest start (March 2021) still has five or more
 * periods before it for the pre-trend checks. `from` reaches further back when asked.
 */
export const DEFAULT_EVALUATION_FROM: Readonly<Record<PeriodType, number>> = { january: 201516, calendar_year: 2016, financial_year: 201617 };

/** The analysis periods: the metric's LA periods within from–to, or BAD_USER_INPUT naming the bound. */
function requestedPeriods(reference: ReferenceSnapshot, request: PanelRequest): { periods: number[]; defaultFrom: number | null } {
  const { metric } = request;
  const available = reference.laPeriodsOf(metric.id);
  if (available.length < 2) {
    throw badEvaluationInput('metric', `Metric ${metric.id} has ${available.length === 0 ? 'no local authority figures' : 'local authority figures for one period only'}: an evaluation needs a time series. Choose a metric with figures over several periods (e.g. pct_plans_mainstream, pct_pupils_ehc_plan, ehc_plans).`);
  }
  const label = (code: number) => periodLabel(metric.periodType, code);
  for (const [field, bound] of [['from', request.from], ['to', request.to]] as const) {
    if (bound != null && !available.includes(bound)) {
      throw badEvaluationInput(field, `${field} ${bound} is not a period of ${metric.id}; its local authority figures cover ${label(available[0])} to ${label(available.at(-1)!)} (${available.join(', ')}).`, { value: bound });
    }
  }
  if (request.from != null && request.to != null && request.from > request.to) {
    throw badEvaluationInput('to', `to (${label(request.to)}) is before from (${label(request.from)}).`, { value: request.to });
  }
  const standard = DEFAULT_EVALUATION_FROM[metric.periodType];
  const defaultFrom = request.from == null && available[0] < standard && available.filter((p) => p >= standard && (request.to == null || p <= request.to)).length >= 2 ? standard : null;
  const from = request.from ?? defaultFrom;
  const periods = available.filter((p) => (from == null || p >= from) && (request.to == null || p <= request.to));
  if (periods.length < 2) {
    throw badEvaluationInput(request.to != null ? 'to' : 'from', `${label(periods[0] ?? from ?? available[0])} to ${label(request.to ?? available.at(-1)!)} leaves ${periods.length} ${periods.length === 1 ? 'period' : 'periods'} of ${metric.id}: an evaluation needs at least two.`);
  }
  return { periods, defaultFrom: defaultFrom === null ? null : periods[0] };
}

/** Where a start's first post period falls in `periods`, or null when `periods` cannot show a before and an after. */
function firstPostIn(metric: MetricDefinition, periods: readonly number[], at: YearMonth): number | null {
  const first = firstPeriodAfterStart(metric.periodType, periods, at);
  return first === undefined || first === periods[0] ? null : first;
}

/**
 * Builds the panel of an evaluation: the cohort's authorities (by programme membership, each with
 * its cohort's first post period) and the comparison group's, over the metric's periods, with
 * split authorities (Cumbria, Northamptonshire) joined to their successors where the metric's counts
 * allow it, the window cut at a series break (unless asked to straddle it), the outcome
 * transformed, and every authority that cannot be used listed with the reason.
 * Throws BAD_USER_INPUT naming the field for a start outside the series, an empty cohort or
 * comparison group, or a series break that no window can avoid.
 */
export function buildEvaluationPanel(reference: ReferenceSnapshot, figures: MetricPanel, request: PanelRequest): EvaluationPanel {
  const { metric } = request;
  const label = (code: number) => periodLabel(metric.periodType, code);
  const { periods: requested, defaultFrom } = requestedPeriods(reference, request);

  // Starts the requested range cannot show: an override is the user's error; a reference start is left out.
  const starts = new Map(request.starts.map((use) => [use.start.id, { use, firstPost: firstPostIn(metric, requested, use.at) }]));
  request.starts.forEach((use) => {
    if (use.overridden && starts.get(use.start.id)!.firstPost === null) {
      throw badEvaluationInput(
        `starts[${use.argument ?? 0}]`,
        `The start ${use.at.year}-${String(use.at.month).padStart(2, '0')} for ${use.start.id} is outside the series of ${metric.id} (${label(requested[0])} to ${label(requested.at(-1)!)}): it needs at least one period before its first post period and one on or after it.`,
        { reason: 'START_OUTSIDE_SERIES' },
      );
    }
  });
  if ([...starts.values()].every((s) => s.firstPost === null)) {
    throw badEvaluationInput(
      'cohort',
      `${request.cohort.label} cannot be evaluated on ${metric.id}: its series (${label(requested[0])} to ${label(requested.at(-1)!)}) has no period before and after ${request.starts.length === 1 ? 'the start' : 'any of the starts'} (${request.starts.map((s) => `${s.start.id} ${s.at.year}-${String(s.at.month).padStart(2, '0')}`).join(', ')}).`,
      { reason: 'START_OUTSIDE_SERIES' },
    );
  }

  // Who is in the cohort, who in the comparison group.
  const selected = new Set(request.starts.map((s) => s.start.id));
  const startOf = (laCode: string) =>
    reference
      .programmesOf(laCode)
      .map((p) => `${p.programme}:${p.cohort}`)
      .filter((id) => selected.has(id))
      .sort((a, b) => request.starts.findIndex((s) => s.start.id === a) - request.starts.findIndex((s) => s.start.id === b))[0];
  const current = reference.currentAuthoritiesByName();
  const inCohort = new Map(current.flatMap((la) => (startOf(la.code) ? [[la.code, startOf(la.code)!] as const] : [])));
  if (inCohort.size === 0) throw badEvaluationInput('cohort', `No authority is listed in ${request.cohort.label} in the imported programme membership.`);
  const inAnyProgramme = (code: string) => reference.programmesOf(code).length > 0;
  const neighbourUnion = new Set([...inCohort.keys()].flatMap((code) => reference.neighboursOf(code).map((n) => n.code)));
  const inComparison = (code: string) => {
    if (inCohort.has(code)) return false;
    if (request.comparison === 'all_others') return true;
    if (inAnyProgramme(code)) return false;
    return request.comparison === 'no_programme' || neighbourUnion.has(code);
  };
  const roleOf = (code: string): 'cohort' | 'comparison' | null => (inCohort.has(code) ? 'cohort' : inComparison(code) ? 'comparison' : null);

  // Candidates: current LAs, with splits joined onto their predecessor where the metric allows it.
  const successions: string[] = [];
  const reorganised = new Set(reference.predecessors.flatMap((p) => [p.predecessor, p.successor]));
  const joinedAway = new Set<string>();
  const candidates: Candidate[] = [];
  const ownFigures = (code: string) => (period: number) => figures.get(code)?.get(period);
  const splits = splitSuccessions(reference);
  for (const split of splits) {
    const roles = split.successors.map((s) => roleOf(s.code));
    const starts = split.successors.map((s) => inCohort.get(s.code) ?? null);
    if (roles.every((r) => r === null)) continue;
    const names = listNames(split.successors.map((s) => s.name));
    if (!combinable(metric)) {
      successions.push(`${names} (${split.note}): ${split.predecessor.name}'s figures cannot be joined to theirs for ${metric.id}, which has no counts to sum (a published percentage or a growth rate), so each enters with its own, shorter series.`);
      continue;
    }
    if (new Set(roles).size > 1 || new Set(starts).size > 1) {
      successions.push(`${names} (${split.note}): not joined to ${split.predecessor.name}, as they are not in the same group of this evaluation; each enters with its own, shorter series.`);
      continue;
    }
    const joined = `${split.predecessor.name} (${split.predecessor.code}) up to the split, then ${names} (${split.successors.map((s) => s.code).join(' + ')}) summed (${metric.formula.kind === 'ratio' ? 'numerators over denominators' : 'counts'}): ${split.note}.`;
    successions.push(`Joined across a boundary change: ${joined}`);
    for (const s of split.successors) joinedAway.add(s.code);
    candidates.push({
      code: split.predecessor.code,
      name: `${split.predecessor.name} (${names})`,
      codes: [split.predecessor.code, ...split.successors.map((s) => s.code)],
      role: roles[0]!,
      joined,
      reorganised: true,
      figure: (period) => {
        const own = figures.get(split.predecessor.code)?.get(period);
        if (own && own.status === 'value') return own;
        return combineFigures(metric, split.successors.map((s) => figures.get(s.code)?.get(period)));
      },
    });
  }
  for (const la of current) {
    const role = roleOf(la.code);
    if (role === null || joinedAway.has(la.code)) continue;
    candidates.push({ code: la.code, name: la.name, codes: [la.code], role, joined: null, reorganised: reorganised.has(la.code), figure: ownFigures(la.code) });
  }
  const splitSuccessors = new Set(splits.flatMap((split) => split.successors.map((s) => s.code)));
  const mergedSuccessors = [...new Set(reference.predecessors.map((p) => p.successor))].filter((code) => !splitSuccessors.has(code) && candidates.some((c) => c.code === code));
  if (mergedSuccessors.length > 0) {
    const notes = [...new Set(reference.predecessors.filter((p) => mergedSuccessors.includes(p.successor)).map((p) => p.note))];
    const names = listNames(mergedSuccessors.map((code) => reference.authorities.get(code)?.name ?? code));
    successions.push(`${names}: not joined to their predecessors, because an area moved between them at the reorganisation (${notes.join('; ')}); each series starts in its own first period.`);
  }
  // A joined unit's codes end with its successors, whose cohort it takes.
  const startIdOf = (candidate: Candidate): string | null => (candidate.role === 'cohort' ? (inCohort.get(candidate.codes.at(-1)!) ?? null) : null);

  // The window: the requested range, cut at a series break unless asked to straddle it.
  const breaks = (metric.seriesBreaks ?? []).filter((b) => b.period > requested[0] && b.period <= requested.at(-1)!).map((b) => ({ period: b.period, note: b.note }));
  let periods = requested;
  let handling: string | null = null;
  const unitsPerStart = (window: readonly number[]) => {
    const counts = new Map<string, number>();
    for (const c of candidates) {
      const id = startIdOf(c);
      if (id && firstPostIn(metric, window, starts.get(id)!.use.at) !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  if (breaks.length > 0 && request.straddleSeriesBreak) {
    handling = `Straddles the series break${breaks.length > 1 ? 's' : ''} before ${breaks.map((b) => label(b.period)).join(' and ')}, as asked. A difference in differences removes a shift that is the same for every authority; it is biased if the break moved some authorities more than others, which the person-level return may well have done.`;
  } else if (breaks.length > 0) {
    const segments: number[][] = [];
    for (const p of requested) {
      if (segments.length === 0 || breaks.some((b) => b.period === p)) segments.push([]);
      segments.at(-1)!.push(p);
    }
    const scored = segments.map((segment) => ({ segment, units: [...unitsPerStart(segment).values()].reduce((a, b) => a + b, 0) }));
    const best = scored.reduce((a, b) => (b.units >= a.units ? b : a));
    const starting = request.starts.map((s) => `${s.start.label}: first post period ${starts.get(s.start.id)!.firstPost === null ? 'outside the series' : label(starts.get(s.start.id)!.firstPost!)}`).join('; ');
    if (best.units === 0 || best.segment.length < 2) {
      throw badEvaluationInput(
        'metric',
        `${metric.id} breaks before ${breaks.map((b) => label(b.period)).join(' and ')} (${clause(breaks[0].note)}) and no stretch of the series on one side of the break has periods both before and after the start (${starting}). Refusing to straddle the break: choose another metric or cohort, or set straddleSeriesBreak to true if a shift common to every authority is all the break did.`,
        { reason: 'SERIES_BREAK' },
      );
    }
    periods = best.segment;
    handling = `The series breaks before ${breaks.map((b) => label(b.period)).join(' and ')} (${breaks.map((b) => clause(b.note)).join('; ')}). The evaluation does not straddle it: it uses ${label(periods[0])} to ${label(periods.at(-1)!)} only, the side of the break where most of the cohort has figures before and after its start.`;
  }

  const startOutcomes = new Map<string, StartOutcome>();
  const perStart = unitsPerStart(periods);
  for (const use of request.starts) {
    const firstPost = firstPostIn(metric, periods, use.at);
    const inRange = starts.get(use.start.id)!.firstPost !== null;
    const note = firstPost !== null ? null : inRange ? `Not used: its first post period lies on the other side of the series break.` : `Not used: the series (${label(requested[0])} to ${label(requested.at(-1)!)}) has no period before and after this start.`;
    startOutcomes.set(use.start.id, { use, firstPostPeriod: firstPost, units: firstPost === null ? 0 : (perStart.get(use.start.id) ?? 0), note });
  }

  // Index base: the period before the earliest first post period, unless given.
  const firstPosts = [...startOutcomes.values()].flatMap((s) => (s.firstPostPeriod === null ? [] : [s.firstPostPeriod]));
  const earliest = Math.min(...firstPosts);
  const defaultBase = periods[Math.max(0, periods.indexOf(earliest) - 1)];
  const indexBase = request.indexBase ?? defaultBase;
  if (!periods.includes(indexBase)) {
    throw badEvaluationInput('indexBase', `indexBase ${indexBase} is not a period of the evaluation (${label(periods[0])} to ${label(periods.at(-1)!)}: ${periods.join(', ')}).`, { value: indexBase });
  }
  const baseIndex = periods.indexOf(indexBase);

  // Figures, transform, and the checks each authority must pass.
  const units: EvaluationUnit[] = [];
  const dropped: DroppedUnit[] = [];
  let nonPositiveValues = 0;
  for (const candidate of candidates) {
    const startId = startIdOf(candidate);
    const drop = (reason: DropReason, detail: string) => dropped.push({ code: candidate.code, name: candidate.name, role: candidate.role, reason, detail });
    const outcome = startId ? startOutcomes.get(startId)! : null;
    if (outcome && outcome.firstPostPeriod === null) {
      const afterBreak = starts.get(startId!)!.firstPost !== null;
      drop(afterBreak ? 'series_break' : 'start_outside_series', `${outcome.use.start.label}: ${outcome.note}`);
      continue;
    }
    const levels: Outcome[] = periods.map((p) => {
      const figure = candidate.figure(p);
      return figure && figure.status === 'value' && figure.value !== null ? figure.value : null;
    });
    const base = levels[baseIndex];
    const indexed = levels.map((y) => (y === null || base === null || base <= 0 ? null : (y / base) * 100));
    if (request.transform === 'indexed' && (base === null || base <= 0)) {
      drop('no_index_base', `No positive value in the index base period ${label(indexBase)}${candidate.reorganised ? ' (its area was reorganised, so its series starts later)' : ''}.`);
      continue;
    }
    const outcomes =
      request.transform === 'level'
        ? levels
        : request.transform === 'indexed'
          ? indexed
          : levels.map((y) => {
              if (y === null) return null;
              if (y > 0) return Math.log(y);
              nonPositiveValues++;
              return null;
            });
    const firstPostPeriod = outcome?.firstPostPeriod ?? null;
    const observed = outcomes.filter((y) => y !== null).length;
    const split = firstPostPeriod === null ? -1 : periods.indexOf(firstPostPeriod);
    const observedBefore = split < 0 ? 0 : outcomes.slice(0, split).filter((y) => y !== null).length;
    const usable = candidate.role === 'cohort' ? observedBefore > 0 && observed > observedBefore : observed >= 2;
    if (!usable) {
      const what =
        candidate.role === 'cohort'
          ? `no figure ${observedBefore === 0 ? `before its first post period (${label(firstPostPeriod!)})` : `from its first post period (${label(firstPostPeriod!)}) on`}`
          : `${observed === 0 ? 'no figure' : 'a figure in one period only'} in ${label(periods[0])} to ${label(periods.at(-1)!)}`;
      const sentence = `${what[0].toUpperCase()}${what.slice(1)}`;
      if (candidate.reorganised) drop('boundary_change', `${sentence}: its area was reorganised and its series cannot be joined across the change for this metric.`);
      else drop('no_data', `${sentence}.`);
      continue;
    }
    units.push({ code: candidate.code, name: candidate.name, codes: candidate.codes, role: candidate.role, startId, firstPostPeriod, joined: candidate.joined, levels, indexed, outcomes });
  }

  const cohortUnits = units.filter((u) => u.role === 'cohort');
  if (cohortUnits.length === 0) {
    throw badEvaluationInput('cohort', `No authority of ${request.cohort.label} has figures for ${metric.id} both before and after its start (${dropped.filter((d) => d.role === 'cohort').map((d) => `${d.name}: ${d.detail}`).join(' ')}).`);
  }
  if (!units.some((u) => u.role === 'comparison')) {
    throw badEvaluationInput(
      'comparison',
      `The comparison group is empty: ${request.comparison === 'neighbours_no_programme' ? "none of the cohort's statistical neighbours is in no programme and has figures" : 'no authority of the comparison group has figures'} for ${metric.id} in ${label(periods[0])} to ${label(periods.at(-1)!)}. Choose another comparison group.`,
    );
  }
  const used = new Map([...startOutcomes].map(([id, s]) => [id, { ...s, units: cohortUnits.filter((u) => u.startId === id).length }]));
  return {
    window: {
      periods,
      breaks,
      straddled: breaks.length > 0 && request.straddleSeriesBreak,
      handling,
      note:
        defaultFrom === null
          ? null
          : `Starts in ${label(defaultFrom)}, the default: earlier figures of ${metric.id} (from ${label(reference.laPeriodsOf(metric.id)[0])}) span the change from statements to EHC plans (2014 to 2018). Set from to include them.`,
    },
    starts: request.starts.map((s) => used.get(s.start.id)!),
    indexBase,
    units,
    dropped,
    successions,
    nonPositiveValues,
    panel: {
      periodLabels: periods.map(label),
      units: units.map((u) => (u.firstPostPeriod === null ? { code: u.code, outcomes: u.outcomes } : { code: u.code, firstTreated: periods.indexOf(u.firstPostPeriod), outcomes: u.outcomes })),
    },
  };
}
