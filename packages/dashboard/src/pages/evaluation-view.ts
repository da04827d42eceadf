/**
 * The Evaluation page's pure parts: the request from the URL state, the state from the form, and
 * every table, summary and CSV line the page shows (the charts draw the same figures).
 */
import { programmeCohortById, programmeStartById } from '@sendbench/schema';
import { EvaluationPageQuery as EvaluationPageQueryDocument } from '../api/operations';
import type { TableSpec } from '../components/DataTable';
import { formatValue, ordinal, roundTo, type UnitCode } from '../format/format-value';
import type { EvaluationComparison, EvaluationPageQuery, EvaluationPageQueryVariables, EvaluationTransform } from '../gql/graphql';
import {
  DEFAULT_EVALUATION_SEED,
  EVALUATION_COMPARISONS,
  EVALUATION_DRAWS,
  EVALUATION_TRANSFORMS,
  type EvaluationComparisonChoice,
  type EvaluationState,
  type EvaluationTransformChoice,
  type StartOverride,
  type UrlState,
} from '../routing/url-state';

export type EvaluationData = EvaluationPageQuery['evaluation'];

/** What the page shows before anything is chosen. */
export const EVALUATION_DEFAULTS = { cohort: 'dbv:1', metric: 'pct_plans_mainstream' } as const;

/** The outcomes issue 18 asks for, offered first. */
export const SUGGESTED_METRICS = ['pct_pupils_ehc_plan', 'ehc_plans', 'new_ehc_plans', 'pct_plans_mainstream', 'hn_spend_top_up_and_services', 'pct_issued_within_20_weeks'] as const;

const TRANSFORM_TO_API: Readonly<Record<EvaluationTransformChoice, EvaluationTransform>> = { level: 'LEVEL', log: 'LOG', indexed: 'INDEXED' };
const COMPARISON_TO_API: Readonly<Record<EvaluationComparisonChoice, EvaluationComparison>> = { 'no-programme': 'NO_PROGRAMME', 'all-others': 'ALL_OTHERS', neighbours: 'NEIGHBOURS_NO_PROGRAMME' };

export const TRANSFORM_LABELS: Readonly<Record<EvaluationTransformChoice, { label: string; hint: string }>> = {
  level: { label: 'Levels', hint: 'The metric in its own unit.' },
  log: { label: 'Logarithm', hint: 'Proportional change: 0.01 is about 1%. For counts and spend, where authorities differ greatly in size.' },
  indexed: { label: 'Indexed', hint: "Each authority's value as a share of its value in the base period (= 100)." },
};

export const COMPARISON_LABELS: Readonly<Record<EvaluationComparisonChoice, { label: string; hint: string }>> = {
  'no-programme': { label: 'Authorities in no programme', hint: 'Neither DBV in SEND nor Safety Valve, as far as the lists go.' },
  'all-others': { label: 'All other authorities', hint: "Including other programmes' members." },
  neighbours: { label: 'Statistical neighbours in no programme', hint: "The cohort members' statistical neighbours that are in neither programme." },
};

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** The API variables of the page's one request. */
export function evaluationVariables(state: Pick<UrlState, 'metric' | 'evaluation'>): EvaluationPageQueryVariables {
  const e = state.evaluation;
  return {
    cohort: e.cohort ?? EVALUATION_DEFAULTS.cohort,
    metric: state.metric ?? EVALUATION_DEFAULTS.metric,
    transform: TRANSFORM_TO_API[e.transform],
    comparison: COMPARISON_TO_API[e.comparison],
    comparisonTiming: e.notYetTreated ? 'NOT_YET_TREATED' : 'NEVER_TREATED',
    starts: e.starts.length ? e.starts.map((s) => ({ id: s.id, year: s.year, month: s.month })) : null,
    from: e.from ?? null,
    to: e.to ?? null,
    indexBase: e.base ?? null,
    straddleSeriesBreak: e.straddle,
    draws: e.draws ?? EVALUATION_DRAWS.default,
    seed: e.seed ?? DEFAULT_EVALUATION_SEED,
    focus: e.focus ?? null,
    donors: e.focus && e.neighbourDonors ? 'NEIGHBOURS' : 'COMPARISON',
  };
}

/** The page's one request. It is not started with the route (api/page-requests.ts): building it here keeps the programme catalogue out of the first page's code. */
export function evaluationPageRequest(state: Pick<UrlState, 'metric' | 'evaluation'>) {
  return { query: EvaluationPageQueryDocument, variables: evaluationVariables(state) };
}

const optionalInt = (value: FormDataEntryValue | null, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
};

/**
 * The state a submitted form asks for. A start equal to its reference start is not an override;
 * starts of another cohort than the chosen one are dropped. Draws and seed outside their range are
 * kept as typed, so the API can say what is wrong with them.
 */
export function stateFromForm(form: FormData): { metric: string; evaluation: EvaluationState } {
  const cohortId = String(form.get('cohort') ?? EVALUATION_DEFAULTS.cohort);
  const cohort = programmeCohortById(cohortId);
  const starts: StartOverride[] = [];
  for (const id of cohort?.starts ?? []) {
    const reference = programmeStartById(id);
    const year = optionalInt(form.get(`start-${id}-year`), 2000, 2035);
    const month = optionalInt(form.get(`start-${id}-month`), 1, 12);
    if (!reference || year === undefined || month === undefined) continue;
    if (year !== reference.year || month !== reference.month) starts.push({ id, year, month });
  }
  const transform = String(form.get('transform'));
  const comparison = String(form.get('comparison'));
  const focus = String(form.get('focus') ?? '');
  const draws = optionalInt(form.get('draws'));
  const seed = optionalInt(form.get('seed'));
  return {
    metric: String(form.get('metric') ?? EVALUATION_DEFAULTS.metric),
    evaluation: {
      cohort: cohortId === EVALUATION_DEFAULTS.cohort ? undefined : cohortId,
      transform: (EVALUATION_TRANSFORMS as readonly string[]).includes(transform) ? (transform as EvaluationTransformChoice) : 'level',
      comparison: (EVALUATION_COMPARISONS as readonly string[]).includes(comparison) ? (comparison as EvaluationComparisonChoice) : 'no-programme',
      notYetTreated: form.get('timing') === 'not-yet-treated',
      starts,
      from: optionalInt(form.get('from')),
      to: optionalInt(form.get('to')),
      base: optionalInt(form.get('base')),
      straddle: form.get('straddle') === 'yes',
      draws: draws === EVALUATION_DRAWS.default ? undefined : draws,
      seed: seed === DEFAULT_EVALUATION_SEED ? undefined : seed,
      focus: /^\d{3}$/.test(focus) ? focus : undefined,
      neighbourDonors: form.get('donors') === 'neighbours',
    },
  };
}

/** The id of the form control an API error's `field` names ("starts[0].month" → the first start's month). */
export function controlOfField(field: string | undefined, startIds: readonly string[]): string | undefined {
  if (!field) return undefined;
  const start = /^starts\[(\d+)\](?:\.(id|year|month))?$/.exec(field);
  if (start) {
    const id = startIds[Number(start[1])];
    return id ? `evaluation-start-${id.replace(/[^\w-]/g, '-')}-${start[2] === 'year' ? 'year' : 'month'}` : undefined;
  }
  const controls: Record<string, string> = {
    cohort: 'evaluation-cohort',
    metric: 'evaluation-metric',
    transform: 'evaluation-transform',
    comparison: 'evaluation-comparison',
    indexBase: 'evaluation-base',
    from: 'evaluation-from',
    to: 'evaluation-to',
    draws: 'evaluation-draws',
    seed: 'evaluation-seed',
    focus: 'evaluation-focus',
    donors: 'evaluation-donors',
    starts: startIds[0] ? `evaluation-start-${startIds[0].replace(/[^\w-]/g, '-')}-month` : 'evaluation-cohort',
  };
  return controls[field];
}

/** Decimals of an effect (and of values on the estimation scale): 3 for logs, 1 for index points, one more than the metric's for levels. */
export function effectDecimals(e: Pick<EvaluationData, 'transform' | 'metric'>): number {
  return e.transform === 'LOG' ? 3 : e.transform === 'INDEXED' ? 1 : Math.min(2, e.metric.decimals + 1);
}

/** An effect as text: "−0.74", "0.012", "−£1,200" (levels of money carry the pound sign). */
export function formatEffect(value: number | null | undefined, e: Pick<EvaluationData, 'transform' | 'metric'>): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'not available';
  const decimals = effectDecimals(e);
  const unit: UnitCode = e.transform === 'LEVEL' && (e.metric.unit === 'GBP' || e.metric.unit === 'GBP_PER_PLAN' || e.metric.unit === 'GBP_PER_HEAD') ? e.metric.unit : 'COUNT';
  return formatValue(value, 'value', { unit, decimals });
}

const csvNumber = (value: number | null | undefined, decimals: number) => (value === null || value === undefined || !Number.isFinite(value) ? '' : roundTo(value, decimals));

const interval = (low: number | null | undefined, high: number | null | undefined, format: (v: number) => string) =>
  low === null || low === undefined || high === null || high === undefined ? 'not available' : `${format(low)} to ${format(high)}`;

/** A mean in the metric's own unit or as an index (base = 100). */
function meanFormat(e: EvaluationData, scale: 'level' | 'indexed') {
  const unit = e.metric.unit as UnitCode;
  return scale === 'indexed' ? (v: number) => formatValue(v, 'value', { unit: 'COUNT', decimals: 1 }) : (v: number) => formatValue(v, 'value', { unit, decimals: e.metric.decimals + (unit === 'PERCENT' ? 1 : 0) });
}

/** The group means by period (levels or indexed) as a table. */
export function groupMeansTable(e: EvaluationData, scale: 'level' | 'indexed'): TableSpec {
  const format = meanFormat(e, scale);
  const decimals = scale === 'indexed' ? 1 : e.metric.decimals + 1;
  const cells = (g: EvaluationData['groupMeans'][number]['cohort']) => {
    const figure = scale === 'level' ? g.level : g.indexed;
    return [
      { text: figure ? format(figure.value) : 'x', csv: figure ? csvNumber(figure.value, decimals) : 'x' },
      { text: figure ? interval(figure.low, figure.high, format) : 'not available', csv: figure ? `${csvNumber(figure.low, decimals)} to ${csvNumber(figure.high, decimals)}` : '' },
      { text: String(g.authorities), csv: g.authorities },
    ];
  };
  const what = scale === 'level' ? e.metric.label : `${e.metric.label}, indexed (${e.indexBase.label} = 100)`;
  return {
    caption: `${what}: mean of the cohort and of the comparison group by period, with 95% intervals`,
    columns: [
      { header: 'Period' },
      { header: 'Cohort mean', numeric: true },
      { header: 'Cohort 95% interval', numeric: true },
      { header: 'Cohort authorities', numeric: true },
      { header: 'Comparison mean', numeric: true },
      { header: 'Comparison 95% interval', numeric: true },
      { header: 'Comparison authorities', numeric: true },
    ],
    rows: e.groupMeans.map((g) => ({ key: String(g.period.code), cells: [{ text: g.period.label, csv: g.period.label }, ...cells(g.cohort), ...cells(g.comparison)] })),
  };
}

/** "−2" → "2 periods before the start"; "0" → "first period after the start". */
export function eventTimeLabel(eventTime: number): string {
  if (eventTime < 0) return `${-eventTime} ${eventTime === -1 ? 'period' : 'periods'} before the start`;
  if (eventTime === 0) return 'first period after the start';
  return `${ordinal(eventTime + 1)} period after the start`;
}

/** The event study as a table. */
export function eventStudyTable(e: EvaluationData): TableSpec {
  const decimals = effectDecimals(e);
  const f = (v: number) => formatEffect(v, e);
  return {
    caption: `Event study: effect on ${e.metric.label} by periods since the start (${e.unitLabel}), with 95% intervals`,
    columns: [{ header: 'Periods since the start', numeric: true }, { header: 'When' }, { header: 'Effect', numeric: true }, { header: '95% interval', numeric: true }],
    rows: e.eventStudy.map((p) => ({
      key: String(p.eventTime),
      cells: [
        { text: String(p.eventTime).replace('-', '−'), csv: p.eventTime },
        { text: eventTimeLabel(p.eventTime), csv: eventTimeLabel(p.eventTime) },
        { text: f(p.estimate.effect), csv: csvNumber(p.estimate.effect, decimals + 2) },
        { text: interval(p.estimate.low, p.estimate.high, f), csv: `${csvNumber(p.estimate.low, decimals + 2)} to ${csvNumber(p.estimate.high, decimals + 2)}` },
      ],
    })),
  };
}

/** The simple 2×2 as a table: the four means of each start and its difference in differences. */
export function simpleTable(e: EvaluationData): TableSpec {
  const decimals = effectDecimals(e) + 2;
  const f = (v: number) => formatEffect(v, e);
  const labels = new Map(e.starts.map((s) => [s.id, s.label]));
  return {
    caption: `The simple 2×2 for ${e.metric.label}: mean after minus mean before, cohort minus comparison`,
    columns: [
      { header: 'Start' },
      { header: 'Before' },
      { header: 'After' },
      { header: 'Cohort before', numeric: true },
      { header: 'Cohort after', numeric: true },
      { header: 'Comparison before', numeric: true },
      { header: 'Comparison after', numeric: true },
      { header: 'Difference in differences', numeric: true },
    ],
    rows: e.simple.cohorts.map((c) => {
      const label = c.startId.split('+').map((id) => labels.get(id) ?? id).join(' and ');
      return {
        key: c.startId,
        cells: [
          { text: label, csv: label },
          { text: `${c.beforeFrom.label} to ${c.beforeTo.label}`, csv: `${c.beforeFrom.label} to ${c.beforeTo.label}` },
          { text: `${c.afterFrom.label} to ${c.afterTo.label}`, csv: `${c.afterFrom.label} to ${c.afterTo.label}` },
          ...[c.cohortBefore, c.cohortAfter, c.comparisonBefore, c.comparisonAfter, c.estimate].map((v) => ({ text: f(v), csv: csvNumber(v, decimals) })),
        ],
      };
    }),
  };
}

/** The synthetic comparison's paths as a table. */
export function syntheticTable(e: EvaluationData): TableSpec | undefined {
  const s = e.synthetic;
  if (!s?.available) return undefined;
  const decimals = effectDecimals(e) + 1;
  const f = (v: number | null | undefined) => (v === null || v === undefined ? 'x' : formatEffect(v, e));
  return {
    caption: `${s.name} and its synthetic comparison (${e.transform === 'LEVEL' ? e.metric.label : e.unitLabel}) by period`,
    columns: [{ header: 'Period' }, { header: s.name, numeric: true }, { header: 'Synthetic comparison', numeric: true }, { header: 'Gap', numeric: true }],
    rows: s.path.map((p) => ({
      key: String(p.period.code),
      cells: [
        { text: p.period.label, csv: p.period.label },
        { text: f(p.actual), csv: csvNumber(p.actual, decimals) },
        { text: f(p.synthetic), csv: csvNumber(p.synthetic, decimals) },
        { text: f(p.gap), csv: csvNumber(p.gap, decimals) },
      ],
    })),
  };
}

/** A p-value in words: "0.351", "below 0.001". */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined) return 'not available';
  return p < 0.001 ? 'below 0.001' : p.toFixed(3);
}

/** What the event study shows, in a sentence (the chart's text alternative). */
export function eventStudySummary(e: EvaluationData): string {
  const post = e.eventStudy.filter((p) => p.post);
  const pre = e.eventStudy.filter((p) => !p.post);
  const excluding = (points: typeof post) => points.filter((p) => p.estimate.low !== null && p.estimate.high !== null && (p.estimate.low > 0 || p.estimate.high < 0)).length;
  return `${pre.length} periods before the start and ${post.length} from it. Before the start, ${excluding(pre)} of ${pre.length} one-period changes have an interval that excludes 0 (they should be near 0 if the groups moved alike); from the start, ${excluding(post)} of ${post.length} effects do. Overall effect ${formatEffect(e.overall.effect, e)} ${e.unitLabel} (95% interval ${interval(e.overall.low, e.overall.high, (v) => formatEffect(v, e))}).`;
}

/** What the group means chart shows, in a sentence. */
export function groupMeansSummary(e: EvaluationData, scale: 'level' | 'indexed'): string {
  const format = meanFormat(e, scale);
  const first = e.groupMeans.find((g) => (scale === 'level' ? g.cohort.level : g.cohort.indexed) && (scale === 'level' ? g.comparison.level : g.comparison.indexed));
  const last = [...e.groupMeans].reverse().find((g) => (scale === 'level' ? g.cohort.level : g.cohort.indexed) && (scale === 'level' ? g.comparison.level : g.comparison.indexed));
  if (!first || !last) return 'No period has figures for both groups.';
  const value = (g: typeof first, group: 'cohort' | 'comparison') => format((scale === 'level' ? g[group].level : g[group].indexed)!.value);
  const starts = [...new Set(e.starts.flatMap((s) => (s.firstPostPeriod ? [s.firstPostPeriod.label] : [])))].join(' and ');
  return `Cohort mean ${value(first, 'cohort')} in ${first.period.label} and ${value(last, 'cohort')} in ${last.period.label}; comparison group mean ${value(first, 'comparison')} and ${value(last, 'comparison')}. The first period after the start: ${starts}.`;
}

/** What the synthetic comparison chart shows, in a sentence. */
export function syntheticSummary(e: EvaluationData): string {
  const s = e.synthetic;
  if (!s) return '';
  if (!s.available) return `No synthetic comparison for ${s.name}: ${s.reason}`;
  const top = s.weights.slice(0, 3).map((w) => `${w.name} ${(w.weight * 100).toFixed(0)}%`).join(', ');
  return `${s.name} against a weighted mix of ${s.weights.length} comparison authorities (largest weights: ${top}), fitted on ${s.path.length - s.path.filter((p) => s.start && p.period.code >= s.start.code).length} periods before ${s.start?.label}. Pre-period fit error ${formatEffect(s.preRmspe, e)}; placebo p-value ${formatP(s.placeboPValue)} (rank ${s.placeboRank} of ${s.placebos + 1}).`;
}

/** The method, parameters, seed and data version, for the CSV files and the page. */
export function evaluationCsvNotes(e: EvaluationData): string[] {
  const starts = e.starts.map((s) => `${s.label}: ${s.monthLabel} (${s.overridden ? 'set by the user' : `precision: ${s.precision}`}; first post period ${s.firstPostPeriod?.label ?? 'not in the window'})`).join('; ');
  return [
    `Evaluation of ${e.cohort.label} (${e.cohort.id}) on ${e.metric.label} (${e.metric.id}), ${e.transform.toLowerCase()} scale; effects in ${e.unitLabel}.`,
    `Comparison group: ${e.comparisonLabel}; ${e.method.comparisonTiming}`,
    `Window: ${e.window.from.label} to ${e.window.to.label}${e.window.handling ? `. ${e.window.handling}` : ''}. Index base: ${e.indexBase.label}.`,
    `Starts: ${starts}. ${e.method.firstPostRule}`,
    `Method: ${e.method.estimator}`,
    `Bootstrap: ${e.method.bootstrap} Permutation: ${e.method.permutation}`,
    `Pre-trends: ${e.method.preTrends}`,
    `Draws: ${e.method.draws}. Seed: ${e.method.seed}. Confidence level: ${e.method.confidenceLevel}. Data version: ${e.dataVersion}.`,
    `Verdict: ${e.verdict.headline}`,
    ...e.verdict.caveats.map((c) => `Caveat: ${c}`),
    `Source: ${e.metric.source}`,
  ];
}

/** The synthetic comparison's donors with a weight, largest first. */
export function syntheticWeightsTable(e: EvaluationData): TableSpec {
  const s = e.synthetic;
  return {
    caption: `Donor weights of the synthetic ${s?.name ?? ''} (non-negative, summing to 100%)`,
    columns: [{ header: 'Authority' }, { header: 'Code' }, { header: 'Weight', numeric: true }],
    rows: (s?.weights ?? []).map((w) => ({
      key: w.code,
      cells: [
        { text: w.name, csv: w.name },
        { text: w.code, csv: w.code },
        { text: `${(w.weight * 100).toFixed(1)}%`, csv: roundTo(w.weight, 6) },
      ],
    })),
  };
}

/** Each start: when it is taken to be, what is known, its source and its first post period. */
export function startsTable(e: EvaluationData): TableSpec {
  return {
    caption: `Starts of ${e.cohort.label} and their first post periods`,
    columns: [{ header: 'Start' }, { header: 'Taken as' }, { header: 'How it is known' }, { header: 'First post period' }, { header: 'Authorities', numeric: true }, { header: 'Source' }],
    rows: e.starts.map((s) => {
      const known = s.overridden ? `Set on this page (reference: ${s.known})` : `${s.known} ${s.uncertainty}`;
      const first = s.firstPostPeriod?.label ?? s.note ?? 'Not in the window';
      return {
        key: s.id,
        cells: [
          { text: s.label, csv: s.label },
          { text: s.monthLabel, csv: s.monthLabel },
          { text: known, csv: known },
          { text: first, csv: first },
          { text: String(s.authorities), csv: s.authorities },
          { text: s.source, csv: s.source },
        ],
      };
    }),
  };
}

const ROLE_LABELS = { COHORT: 'Cohort', COMPARISON: 'Comparison' } as const;

/** Every authority used, cohort first, with its start and how many periods it has figures for. */
export function authoritiesTable(e: EvaluationData): TableSpec {
  const labels = new Map(e.starts.map((s) => [s.id, s.label]));
  return {
    caption: `Authorities used: ${e.authorities.filter((a) => a.role === 'COHORT').length} in the cohort and ${e.authorities.filter((a) => a.role === 'COMPARISON').length} in the comparison group`,
    columns: [{ header: 'Authority' }, { header: 'Codes' }, { header: 'Group' }, { header: 'Start' }, { header: 'First post period' }, { header: 'Periods with a figure', numeric: true }, { header: 'Series joined' }],
    rows: e.authorities.map((a) => {
      const start = a.startId ? (labels.get(a.startId) ?? a.startId) : '';
      return {
        key: a.code,
        cells: [
          { text: a.name, csv: a.name },
          { text: a.codes.join(', '), csv: a.codes.join(' ') },
          { text: ROLE_LABELS[a.role], csv: ROLE_LABELS[a.role] },
          { text: start, csv: start },
          { text: a.firstPostPeriod?.label ?? '', csv: a.firstPostPeriod?.label ?? '' },
          { text: String(a.observedPeriods), csv: a.observedPeriods },
          { text: a.joined ?? '', csv: a.joined ?? '' },
        ],
      };
    }),
  };
}

const DROP_LABELS: Readonly<Record<EvaluationData['dropped'][number]['reason'], string>> = {
  NO_DATA: 'No data',
  BOUNDARY_CHANGE: 'Boundary change',
  SERIES_BREAK: 'Series break',
  START_OUTSIDE_SERIES: 'Start outside the series',
  NO_INDEX_BASE: 'No index base',
};

/** Every authority of the cohort or the comparison group left out, with why. */
export function droppedTable(e: EvaluationData): TableSpec {
  return {
    caption: `Authorities left out (${e.dropped.length}), and why`,
    columns: [{ header: 'Authority' }, { header: 'Code' }, { header: 'Group' }, { header: 'Reason' }, { header: 'Detail' }],
    rows: e.dropped.map((d) => ({
      key: d.code,
      cells: [
        { text: d.name, csv: d.name },
        { text: d.code, csv: d.code },
        { text: ROLE_LABELS[d.role], csv: ROLE_LABELS[d.role] },
        { text: DROP_LABELS[d.reason], csv: DROP_LABELS[d.reason] },
        { text: d.detail, csv: d.detail },
      ],
    })),
  };
}
