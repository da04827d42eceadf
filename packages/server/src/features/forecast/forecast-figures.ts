import { ENGLAND_OUTTURN_BREAKDOWN, type ForecastFigureRow, OUTTURN_SERIES, PLACEMENT_SOURCES } from '../../derived/forecast-inputs.repository';
import { BACKTEST_CUTOFF } from '../../statistics/forecast/backtest';
import type { CohortInputs } from '../../statistics/forecast/cohort-model';
import {
  type AgeBandMapping,
  ageBreakdown,
  type AgeSeries,
  CEASED_AGE_UNKNOWN,
  S251_GROUP_LINES,
  SEN2_2022_AGE_BANDS,
  SEN2_2022_AGE_SERIES,
  SEN2_2025_AGE_BANDS,
  SEN2_2025_AGE_SERIES,
} from '../../statistics/forecast/mapping';
import type { ByGroup } from '../../statistics/forecast/placement-groups';
import type { OutturnLines } from '../../statistics/forecast/spend';
import type { AnnualValue } from '../../statistics/forecast/trend-model';
import { type ForecastArea, periodOfJanuary } from './forecast-area';

/** The metrics a forecast reads for its area over every period. */
export const FORECAST_METRICS = { plans: 'ehc_plans', spend: 'hn_spend_top_up_and_services', ceased: 'ceased_ehc_plans' } as const;

export type PlacementSource = keyof typeof PLACEMENT_SOURCES;

/** The financial year of the S251 lines (2021-22), whose plans are those of January 2022. */
export const OUTTURN_PERIOD = 202122;
export const COST_JANUARY = 2022;

/** How many Januaries (or calendar years) back an authority's placement shares may come from when its base year's are suppressed. */
const PLACEMENT_LOOKBACK = 2;
/** The cohort model needs caseload by age for authorities holding at least this share of the area's plans (the rest are scaled in). */
const MIN_AGE_COVERAGE = 0.9;

/** The figures read for one forecast, by series (source, measure, breakdown), code and period, summed over the area's geography. */
export class ForecastFigures {
  private readonly bySeries = new Map<string, Map<string, Map<number, number | null>>>();

  constructor(
    rows: readonly ForecastFigureRow[],
    readonly area: ForecastArea,
  ) {
    for (const r of rows) {
      const key = ForecastFigures.key(r.source, r.measure, r.breakdown);
      let byCode = this.bySeries.get(key);
      if (!byCode) this.bySeries.set(key, (byCode = new Map()));
      let byPeriod = byCode.get(r.area_code);
      if (!byPeriod) byCode.set(r.area_code, (byPeriod = new Map()));
      byPeriod.set(r.period, r.value);
    }
  }

  private static key(source: string, measure: string, breakdown: string): string {
    return `${source}\u0000${measure}\u0000${breakdown}`;
  }

  /** One code's figure: undefined when there is no row, null when it is a symbol (suppressed or not available). */
  of(source: string, measure: string, breakdown: string, code: string, period: number): number | null | undefined {
    return this.bySeries.get(ForecastFigures.key(source, measure, breakdown))?.get(code)?.get(period);
  }

  /** One code's figure, or null when it has none. */
  value(source: string, measure: string, breakdown: string, code: string, period: number): number | null {
    return this.of(source, measure, breakdown, code, period) ?? null;
  }

  /** The area's figure: the sum over its geography at January `january`; null when that cannot be formed or any code has no figure (never a zero). */
  sum(source: string, measure: string, breakdown: string, period: number, january: number): number | null {
    const codes = this.area.codesAt(january);
    const byCode = this.bySeries.get(ForecastFigures.key(source, measure, breakdown));
    if (!codes || !byCode) return null;
    let total = 0;
    for (const code of codes) {
      const v = byCode.get(code)?.get(period);
      if (v === null || v === undefined) return null;
      total += v;
    }
    return total;
  }

  /** A metric of the area at a January (academic-year period). */
  january(metric: string, year: number): number | null {
    return this.sum('metric', metric, '', periodOfJanuary(year), year);
  }

  /** A flow metric of the area in a calendar year (collected the January after, so the geography is that January's). */
  calendar(metric: string, year: number): number | null {
    return this.sum('metric', metric, '', year, year + 1);
  }

  /** The periods a metric has a figure in for any of the read codes, ascending. */
  metricPeriods(metric: string): number[] {
    const periods = new Set<number>();
    for (const byPeriod of this.bySeries.get(ForecastFigures.key('metric', metric, ''))?.values() ?? []) for (const period of byPeriod.keys()) periods.add(period);
    return [...periods].sort((a, b) => a - b);
  }
}

/** The January caseload from `from` to `to`: null where the area has no figure (skipped by the methods, never read as 0). */
export function caseloadSeries(f: ForecastFigures, from: number, to: number): AnnualValue[] {
  const series: AnnualValue[] = [];
  for (let year = from; year <= to; year++) series.push({ year, value: f.january(FORECAST_METRICS.plans, year) });
  return series;
}

/** One code's plans by group at one period of a placement source, or null when a column is missing or suppressed. */
function codeGroups(f: ForecastFigures, source: PlacementSource, code: string, period: number): { total: number; groups: ByGroup } | null {
  const { dataset, total: totalMeasure, breakdown } = PLACEMENT_SOURCES[source];
  const v = (measure: string) => f.value(dataset, measure, breakdown, code, period);
  const total = v(totalMeasure);
  const mainstream = v('mainstream_total');
  const split = v('special_academy') !== null && v('special_free_school') !== null ? (v('special_academy') as number) + (v('special_free_school') as number) : null;
  const academyFree = v('special_academy_free') ?? split;
  const laSpecial = v('special_la_maintained');
  const independent = v('special_independent');
  const nonMaintained = v('special_non_maintained');
  const post16 = v('fe_total');
  if (total === null || mainstream === null || academyFree === null || laSpecial === null || independent === null || nonMaintained === null || post16 === null) return null;
  const groups = { mainstream, stateSpecial: laSpecial + academyFree, independentSpecial: independent + nonMaintained, post16, other: 0 };
  groups.other = Math.max(0, total - groups.mainstream - groups.stateSpecial - groups.independentSpecial - groups.post16);
  return { total, groups };
}

/** An academic-year period (caseload) or a calendar year (new plans) `back` years before `year`'s. */
const placementPeriod = (source: PlacementSource, year: number) => (source === 'caseload' ? periodOfJanuary(year) : year);

/**
 * The area's plans by placement group at January `year` (caseload) or in calendar year `year` (new
 * plans). An authority whose placements are suppressed that year ("x": Cambridgeshire and North East
 * Lincolnshire in January 2025) takes its shares from its latest earlier year with placements (up to
 * two back), applied to its own total, and a note says so; the total is always the published one.
 * Null when a total is missing or an authority has no placements in reach (`lookback` 0: no borrowing).
 * @example areaPlacements(f, 'caseload', 2025) // { total: 20635, groups: { mainstream: …, … }, notes: [] }
 */
export function areaPlacements(f: ForecastFigures, source: PlacementSource, year: number, lookback = PLACEMENT_LOOKBACK): { total: number; groups: ByGroup; notes: string[] } | null {
  const january = source === 'caseload' ? year : year + 1;
  const codes = f.area.codesAt(january);
  if (!codes) return null;
  const { dataset, total: totalMeasure, breakdown } = PLACEMENT_SOURCES[source];
  const sum: ByGroup = { mainstream: 0, stateSpecial: 0, independentSpecial: 0, post16: 0, other: 0 };
  let total = 0;
  const notes: string[] = [];
  for (const code of codes) {
    const own = f.value(dataset, totalMeasure, breakdown, code, placementPeriod(source, year));
    if (own === null) return null;
    let found = codeGroups(f, source, code, placementPeriod(source, year));
    for (let back = 1; !found && back <= lookback; back++) {
      const earlier = codeGroups(f, source, code, placementPeriod(source, year - back));
      if (!earlier || !(earlier.total > 0)) continue;
      const scale = own / earlier.total;
      found = { total: own, groups: { mainstream: earlier.groups.mainstream * scale, stateSpecial: earlier.groups.stateSpecial * scale, independentSpecial: earlier.groups.independentSpecial * scale, post16: earlier.groups.post16 * scale, other: earlier.groups.other * scale } };
      notes.push(`${f.area.nameOf(code)}: placements ${source === 'caseload' ? `at January ${year}` : `of new plans in ${year}`} are suppressed (x); its shares from ${source === 'caseload' ? `January ${year - back}` : year - back} are applied to its published total of ${own}.`);
    }
    if (!found) return null;
    total += own;
    for (const group of Object.keys(sum) as (keyof ByGroup)[]) sum[group] += found.groups[group];
  }
  return { total, groups: sum, notes };
}

/** Cohort inputs read from the files, or why they cannot be, with notes on what was estimated. */
export interface CohortReading {
  inputs?: CohortInputs;
  problem?: string;
  notes: string[];
}

/**
 * One code's figures by band for one age series and period, each band the sum of its categories.
 * The files leave out the row of an age with no plans (City of London publishes 12 of 24 ages, and
 * the ages it has add up to its total), so a category without a row is 0 when the code has rows for
 * other ages of the same series and period; with no row at all, or a suppressed one, null.
 */
function bandSums(f: ForecastFigures, series: AgeSeries, categoriesOf: (band: AgeBandMapping) => readonly string[], bands: readonly AgeBandMapping[], code: string, period: number): number[] | null {
  const sums: number[] = [];
  let published = false;
  for (const band of bands) {
    let total = 0;
    for (const category of categoriesOf(band)) {
      const v = f.of(series.dataset, series.measure, ageBreakdown(series, category), code, period);
      if (v === null) return null;
      if (v === undefined) continue;
      published = true;
      total += v;
    }
    sums.push(total);
  }
  return published ? sums : null;
}

const addInto = (into: number[], values: readonly number[]) => values.forEach((v, i) => (into[i] += v));

/**
 * The area's caseload by band at January `year`, scaled to its published total (ehc_plans) where the
 * ages do not add up to it: Hackney and Peterborough returned totals only in January 2024, so
 * England's ages add up to 572,829 of 576,474 plans. Scaling assumes the plans without an age are
 * spread over the ages as the others are; it needs ages for at least 90% of the plans.
 */
function caseloadByBand(f: ForecastFigures, series: AgeSeries, bands: readonly AgeBandMapping[], year: number, period: number, notes: string[]): number[] | string {
  const codes = f.area.codesAt(year);
  if (!codes) return `the area cannot be formed at January ${year}`;
  const byBand = bands.map(() => 0);
  let total = 0;
  let covered = 0;
  let ageSum = 0;
  const without: string[] = [];
  for (const code of codes) {
    const plans = f.value('metric', FORECAST_METRICS.plans, '', code, periodOfJanuary(year));
    if (plans === null) return `no January ${year} caseload for ${f.area.nameOf(code)}`;
    total += plans;
    const ages = bandSums(f, series, (b) => b.caseload, bands, code, period);
    if (!ages) {
      without.push(f.area.nameOf(code));
      continue;
    }
    covered += plans;
    ageSum += ages.reduce((a, b) => a + b, 0);
    addInto(byBand, ages);
  }
  if (!(total > 0)) return `no plans at January ${year}`;
  if (covered < MIN_AGE_COVERAGE * total || !(ageSum > 0)) {
    return `caseload by age at January ${year} is not published for ${without.length ? without.join(', ') : 'the area'}${without.length < codes.length ? ` (${Math.round((100 * (total - covered)) / total)}% of its plans)` : ''}`;
  }
  if (Math.abs(ageSum - total) > 0.5) {
    notes.push(
      `Caseload by age at January ${year} adds up to ${ageSum.toLocaleString('en-GB')} against the published total of ${total.toLocaleString('en-GB')}${without.length ? ` (no ages for ${without.join(', ')})` : ''}; the ages are scaled to the total.`,
    );
    return byBand.map((v) => (v * total) / ageSum);
  }
  return byBand;
}

/** A flow by band (new or ceased plans in calendar `year`), summed over the area's geography at the January after. */
function flowByBand(f: ForecastFigures, series: AgeSeries, categoriesOf: (band: AgeBandMapping) => readonly string[], bands: readonly AgeBandMapping[], year: number, period: number): number[] | null {
  const codes = f.area.codesAt(year + 1);
  if (!codes) return null;
  const byBand = bands.map(() => 0);
  for (const code of codes) {
    const values = bandSums(f, series, categoriesOf, bands, code, period);
    if (!values) return null;
    addInto(byBand, values);
  }
  return byBand;
}

/**
 * The cohort model's inputs for the transition from January `startYear` to `startYear` + 1 (the
 * 2025 release: single years of age, new plans by age when the plan started and ceased plans by age
 * when it ceased, in calendar `startYear`). Ceased plans of unknown age are spread over the bands in
 * proportion to those of known age.
 */
export function cohortReading(f: ForecastFigures, startYear: number): CohortReading {
  const notes: string[] = [];
  const bands = SEN2_2025_AGE_BANDS;
  const { caseload, newPlans, ceased } = SEN2_2025_AGE_SERIES;
  const start = caseloadByBand(f, caseload, bands, startYear, periodOfJanuary(startYear), notes);
  if (typeof start === 'string') return { problem: start, notes };
  const end = caseloadByBand(f, caseload, bands, startYear + 1, periodOfJanuary(startYear + 1), notes);
  if (typeof end === 'string') return { problem: end, notes };
  const made = flowByBand(f, newPlans, (b) => b.newPlans, bands, startYear, startYear);
  if (!made) return { problem: `new plans by age in ${startYear} are not published for the area`, notes };
  // The unknown age read as one more band, so that its row missing counts as none like any other age's.
  const withUnknown = [...bands, { label: CEASED_AGE_UNKNOWN, width: 1, caseload: [], newPlans: [], ceased: [CEASED_AGE_UNKNOWN] }];
  const byAge = flowByBand(f, ceased, (b) => b.ceased, withUnknown, startYear, startYear);
  if (!byAge) return { problem: `ceased plans by age in ${startYear} are not published for the area`, notes };
  const known = byAge.slice(0, bands.length);
  const unknown = byAge[bands.length];
  const knownTotal = known.reduce((a, b) => a + b, 0);
  const spread = knownTotal > 0 ? known.map((v) => v + (unknown * v) / knownTotal) : known;
  if (unknown > 0) notes.push(`${unknown} plans ceased in ${startYear} at an unknown age; they are spread over the ages as the others are${knownTotal > 0 ? '' : ' (none had a known age, so they are left out)'}.`);
  return { inputs: { bands, startYear, caseloadStart: start, caseloadEnd: end, newPlans: made, ceased: spread }, notes };
}

/**
 * The cohort model's inputs for the backtest: January `cutoff` − 1 → `cutoff` from the 2022 release
 * (five age bands; new plans in calendar `cutoff` − 1). Ceased plans by age were not published
 * before 2023, so they are zero here and the transition ratios are net of ceasing: the roll-forward
 * is then the same identity with r_b = (C'_b − N_b) / A_b and no separate cease rate.
 */
export function backtestCohortReading(f: ForecastFigures, cutoff: number): CohortReading {
  const notes: string[] = [];
  const bands = SEN2_2022_AGE_BANDS;
  const { caseload, newPlans } = SEN2_2022_AGE_SERIES;
  const start = caseloadByBand(f, caseload, bands, cutoff - 1, cutoff - 1, notes);
  if (typeof start === 'string') return { problem: start, notes };
  const end = caseloadByBand(f, caseload, bands, cutoff, cutoff, notes);
  if (typeof end === 'string') return { problem: end, notes };
  const made = flowByBand(f, newPlans, (b) => b.newPlans, bands, cutoff - 1, cutoff - 1);
  if (!made) return { problem: `new plans by age in ${cutoff - 1} are not published for the area (2022 release)`, notes };
  return { inputs: { bands, startYear: cutoff - 1, caseloadStart: start, caseloadEnd: end, newPlans: made, ceased: bands.map(() => 0) }, notes };
}

/** The area's S251 2021-22 outturn by line (summed over its geography at January 2022), or null when it has none at all. */
export function areaOutturn(f: ForecastFigures): OutturnLines | null {
  const lines: Record<string, number | null> = {};
  let any = false;
  for (const line of Object.values(S251_GROUP_LINES).flat()) {
    lines[line] = f.sum(OUTTURN_SERIES.dataset, line, OUTTURN_SERIES.breakdown, OUTTURN_PERIOD, COST_JANUARY);
    if (lines[line] !== null) any = true;
  }
  return any ? lines : null;
}

/** England's S251 2021-22 outturn by line: the sums of the LAs kept with the inputs (the file has no England row; a line no LA reports is 0). */
export function englandOutturn(f: ForecastFigures, englandCode: string): OutturnLines {
  const lines: Record<string, number> = {};
  for (const line of Object.values(S251_GROUP_LINES).flat()) lines[line] = f.value(OUTTURN_SERIES.dataset, line, ENGLAND_OUTTURN_BREAKDOWN, englandCode, OUTTURN_PERIOD) ?? 0;
  return lines;
}

/** England's plans by group at January 2022 (the national row), for the fallback unit costs. */
export function englandCostPlans(f: ForecastFigures, englandCode: string): ByGroup | null {
  return codeGroups(f, 'caseload', englandCode, periodOfJanuary(COST_JANUARY))?.groups ?? null;
}
