import { ENGLAND_CODE } from '@sendbench/schema';
import { selectForecastFigures, type ForecastFigureRow } from '../../derived/forecast-inputs.repository';
import type { Db } from '../../db/database';
import { ApiError } from '../../graphql/errors';
import type { ForecastMethod } from '../../statistics/forecast/backtest';
import { runForecast, type ForecastResult } from '../../statistics/forecast/forecast';
import { ForecastInputError } from '../../statistics/forecast/forecast-input-error';
import type { Levers } from '../../statistics/forecast/levers';
import { PLACEMENT_GROUP_COLUMNS, S251_GROUP_LINES, S251_LINES_2021_22, SEN2_2022_LONG_SERIES, SEN2_2025_CASELOAD, SEN2_2025_CEASED, SEN2_2025_NEW_PLANS } from '../../statistics/forecast/mapping';
import { type ByGroup, PLACEMENT_GROUPS } from '../../statistics/forecast/placement-groups';
import type { OutturnLines } from '../../statistics/forecast/spend';
import type { AnnualValue } from '../../statistics/forecast/trend-model';
import { requireAuthority } from '../authorities/authority.service';
import { resolvePeers } from '../peer-groups/peer-group.service';
import type { ReferenceSnapshot } from '../reference/reference.service';
import { type Forecast, ForecastMethodChoice, type ForecastGroups, type ForecastAreaInput, type ForecastLeversInput } from './forecast.type';

/** First January of the long caseload series. */
export const SERIES_FROM_YEAR = 2010;
/** The financial year of the S251 lines and the January whose plans they are divided by. */
const OUTTURN_PERIOD = 202122;
const COST_JANUARY_PERIOD = 202122;
const PLACEMENT_MEASURES = [
  'ehcplans',
  'new_ehc_plans',
  'mainstream_total',
  'special_la_maintained',
  'special_academy_free',
  'special_academy',
  'special_free_school',
  'special_independent',
  'special_non_maintained',
  'fe_total',
];
const METRICS = { plans: 'ehc_plans', spend: 'hn_spend_top_up_and_services', ceased: 'ceased_ehc_plans' } as const;

export const FORECAST_CAVEATS: readonly string[] = [
  'Official published data only: the forecast knows nothing of local policy, sufficiency plans, new special school places or changes in practice that the figures do not yet show.',
  'SEN2 changed from aggregate to person-level returns in 2023: placements and new plans before and after are not directly comparable, and the January series breaks there.',
  'January 2010–2018 counts statements of SEN with EHC plans (the 2022 release); January 2019 onwards comes from the 2025 release, and the years they share agree.',
  'Placement groups are held at the base January\'s shares; levers act only on the flows described in the assumptions.',
  'Unit costs are 2021-22 S251 top-up outturn ÷ plans at January 2022, uprated by the rate you set: projected spend is an order of magnitude beside the 1.2.x series, not a budget.',
  'Prediction intervals describe how far the series has wandered from its trend, not the uncertainty in the levers.',
];

/** An academic-year period code (202425) as the year of its January (2025). */
export const januaryOf = (period: number): number => Math.floor(period / 100) + 1;
const periodOfJanuary = (year: number): number => (year - 1) * 100 + (year % 100);

interface ResolvedArea {
  label: string;
  codes: string[];
}

/**
 * The area a forecast is for: exactly one of an LA, a peer set (its members are summed) or England.
 * Unknown LAs and sets are the peer and authority errors; none or several is BAD_USER_INPUT on `area`.
 * @example resolveForecastArea(reference, { laCode: '886' }) // { label: 'Kent', codes: ['886'] }
 */
export function resolveForecastArea(reference: ReferenceSnapshot, area: ForecastAreaInput): ResolvedArea {
  const given = [area.laCode != null, area.peers != null, area.england === true].filter(Boolean).length;
  if (given !== 1) throw new ApiError('BAD_USER_INPUT', 'area: give exactly one of laCode, peers or england: true.', { field: 'area' });
  if (area.laCode != null) {
    const la = requireAuthority(reference, area.laCode);
    return { label: la.name, codes: [la.code] };
  }
  if (area.peers != null) {
    const set = resolvePeers(reference, area.peers);
    return { label: set.label, codes: set.members.map((m) => m.code) };
  }
  return { label: 'England', codes: [ENGLAND_CODE] };
}

/** Figures by source, measure, area and period. */
class Figures {
  private readonly map = new Map<string, number | null>();
  constructor(rows: readonly ForecastFigureRow[]) {
    for (const r of rows) this.map.set(`${r.source}|${r.measure}|${r.area_code}|${r.period}`, r.value);
  }
  get(source: ForecastFigureRow['source'], measure: string, area: string, period: number): number | null {
    return this.map.get(`${source}|${measure}|${area}|${period}`) ?? null;
  }
  /** The members' sum, or null when any member has no figure. */
  sum(source: ForecastFigureRow['source'], measure: string, areas: readonly string[], period: number): number | null {
    let total = 0;
    for (const area of areas) {
      const v = this.get(source, measure, area, period);
      if (v === null) return null;
      total += v;
    }
    return total;
  }
  periods(source: ForecastFigureRow['source'], measure: string): number[] {
    const out = new Set<number>();
    for (const key of this.map.keys()) {
      const [s, m, , p] = key.split('|');
      if (s === source && m === measure) out.add(Number(p));
    }
    return [...out].sort((a, b) => a - b);
  }
}

/** Plans by placement group in one area, or null when a column is missing. */
function groupsOf(f: Figures, source: 'ehcp_caseload' | 'ehcp_new_plans', areas: readonly string[], period: number): { total: number; groups: ByGroup } | null {
  const totalMeasure = source === 'ehcp_caseload' ? 'ehcplans' : 'new_ehc_plans';
  const s = (m: string) => f.sum(source, m, areas, period);
  const total = s(totalMeasure);
  const mainstream = s('mainstream_total');
  const academyFree = s('special_academy_free') ?? (s('special_academy') !== null && s('special_free_school') !== null ? (s('special_academy') as number) + (s('special_free_school') as number) : null);
  const laSpecial = s('special_la_maintained');
  const independent = s('special_independent');
  const nonMaintained = s('special_non_maintained');
  const post16 = s('fe_total');
  if (total === null || mainstream === null || academyFree === null || laSpecial === null || independent === null || nonMaintained === null || post16 === null) return null;
  const groups = { mainstream, stateSpecial: laSpecial + academyFree, independentSpecial: independent + nonMaintained, post16, other: 0 };
  groups.other = Math.max(0, total - groups.mainstream - groups.stateSpecial - groups.independentSpecial - groups.post16);
  return { total, groups };
}

function outturnOf(f: Figures, areas: readonly string[]): OutturnLines | null {
  const lines: Record<string, number | null> = {};
  let any = false;
  for (const line of Object.values(S251_GROUP_LINES).flat()) {
    lines[line] = f.sum('s251_high_needs_lines', line, areas, OUTTURN_PERIOD);
    if (lines[line] !== null) any = true;
  }
  return any ? lines : null;
}

/** England's outturn: the sum of the LAs that report each line (there is no England row). */
function englandOutturn(f: Figures, laCodes: readonly string[]): OutturnLines {
  const lines: Record<string, number> = {};
  for (const line of Object.values(S251_GROUP_LINES).flat()) {
    lines[line] = laCodes.reduce((total, code) => total + (f.get('s251_high_needs_lines', line, code, OUTTURN_PERIOD) ?? 0), 0);
  }
  return lines;
}

const need = <T>(value: T | null, message: string): T => {
  if (value === null) throw new ForecastInputError('area', message);
  return value;
};

/** A ForecastInputError from the methods as the API's BAD_USER_INPUT, naming the field. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof ForecastInputError)) return error;
  return new ApiError('BAD_USER_INPUT', `${error.field}: ${error.reason}`, { field: error.field });
}

const text = (value: number | string | null): string | null => (value === null ? null : String(value));

/**
 * The forecast for an area: reads every input in one statement (derived/forecast-inputs.repository),
 * maps it as statistics/forecast/mapping.ts proposes, runs `runForecast` and shapes the answer.
 * Input the methods reject is BAD_USER_INPUT naming the field (`levers.growthCap`, `upratingRate`, `area`, …).
 * @example await forecastFor(db, reference, { laCode: '886' }, { diversionToSenSupport: 0.2, … }, 0.03) // Forecast
 */
export async function forecastFor(
  db: Db,
  reference: ReferenceSnapshot,
  areaInput: ForecastAreaInput,
  leversInput: ForecastLeversInput,
  upratingRate: number,
  method: ForecastMethodChoice | null,
): Promise<Forecast> {
  const area = resolveForecastArea(reference, areaInput);
  // Every LA ever reported, not only current ones: the 2021-22 outturn has Cumbria, which England's sum needs.
  const laCodes = [...reference.authorities.keys()];
  const rows = await selectForecastFigures(db, {
    metricIds: Object.values(METRICS),
    areas: area.codes,
    placementMeasures: PLACEMENT_MEASURES,
    englandCode: ENGLAND_CODE,
    outturnLines: Object.values(S251_GROUP_LINES).flat(),
    outturnAreas: laCodes,
    outturnPeriod: OUTTURN_PERIOD,
  });
  try {
    return shape(area, new Figures(rows), laCodes, { diversionToSenSupport: leversInput.diversionToSenSupport, specialToMainstream: leversInput.specialToMainstream, ceaseRateChange: leversInput.ceaseRateChange, growthCap: leversInput.growthCap ?? null }, upratingRate, method);
  } catch (error) {
    throw toApiError(error);
  }
}

function shape(area: ResolvedArea, f: Figures, laCodes: readonly string[], levers: Levers, upratingRate: number, method: ForecastMethodChoice | null): Forecast {
  const planPeriods = f.periods('metric', METRICS.plans);
  const lastYear = planPeriods.length ? januaryOf(planPeriods[planPeriods.length - 1]) : SERIES_FROM_YEAR;
  const fullSeries: AnnualValue[] = [];
  for (let year = SERIES_FROM_YEAR; year <= lastYear; year++) fullSeries.push({ year, value: f.sum('metric', METRICS.plans, area.codes, periodOfJanuary(year)) });
  const observed = fullSeries.filter((p) => p.value !== null);
  need(observed.length ? observed[observed.length - 1].year : null, 'has no January caseload (ehc_plans)');
  // The base is the latest January whose year-before flows are published too (a January 2026
  // caseload comes before the 2025 new and ceased plans are released): later Januaries are listed, not fitted.
  const usable = observed.filter((p) => groupsOf(f, 'ehcp_caseload', area.codes, periodOfJanuary(p.year)) && groupsOf(f, 'ehcp_new_plans', area.codes, p.year - 1) && f.sum('metric', METRICS.ceased, area.codes, p.year - 1) !== null && f.sum('metric', METRICS.plans, area.codes, periodOfJanuary(p.year - 1)) !== null);
  const baseYear = usable.length ? usable[usable.length - 1].year : observed[observed.length - 1].year;
  const series = fullSeries.filter((p) => p.year <= baseYear);
  const laterJanuaries = observed.filter((p) => p.year > baseYear).map((p) => p.year);
  const basePeriod = periodOfJanuary(baseYear);
  const latestGroups = need(groupsOf(f, 'ehcp_caseload', area.codes, basePeriod), `has no caseload by placement at January ${baseYear} (SEN2 caseload.csv)`);
  const latestNewPlans = need(groupsOf(f, 'ehcp_new_plans', area.codes, baseYear - 1), `has no new plans by placement in ${baseYear - 1} (SEN2 newplans.csv)`);
  const ceased = need(f.sum('metric', METRICS.ceased, area.codes, baseYear - 1), `has no ceased plans in ${baseYear - 1} (SEN2 ceased_plans.csv)`);
  const caseloadAtStart = need(f.sum('metric', METRICS.plans, area.codes, periodOfJanuary(baseYear - 1)), `has no January ${baseYear - 1} caseload`);

  const englandCost = groupsOf(f, 'ehcp_caseload', [ENGLAND_CODE], COST_JANUARY_PERIOD);
  const areaCost = groupsOf(f, 'ehcp_caseload', area.codes, COST_JANUARY_PERIOD);
  const isEngland = area.codes.length === 1 && area.codes[0] === ENGLAND_CODE;
  const spendInputs = englandCost
    ? {
        unitCosts: {
          lines: S251_GROUP_LINES,
          area: isEngland ? { outturn: englandOutturn(f, laCodes), plans: englandCost.groups } : { outturn: outturnOf(f, area.codes), plans: areaCost?.groups ?? null },
          england: { outturn: englandOutturn(f, laCodes), plans: englandCost.groups },
        },
        upratingRate,
      }
    : undefined;

  const result = runForecast({
    series,
    latestGroups,
    latestNewPlans,
    latestFlows: { ceased, caseloadAtStart },
    levers,
    spend: spendInputs,
    // No caseload by age is served yet, so a requested cohort model cannot run: fall back and say so.
    options: method === ForecastMethodChoice.TREND ? { method: method as ForecastMethod } : {},
  });
  if (method === ForecastMethodChoice.COHORT && result.method.method !== 'cohort') {
    result.method = { method: result.method.method, reason: `cohort model requested but it cannot run (caseload by age is not served by this API); fell back to the trend model (${result.method.reason})` };
  }
  if (laterJanuaries.length) result.notes.push(`January ${laterJanuaries.join(', ')} is published but not used as the base: the new and ceased plans of the year before it are not published yet.`);
  return toForecast(area, series, f, result, upratingRate);
}

const groupsOut = (g: ByGroup): ForecastGroups => ({ mainstream: g.mainstream, stateSpecial: g.stateSpecial, independentSpecial: g.independentSpecial, post16: g.post16, other: g.other });

const ASSUMPTION_SOURCES: Record<string, string> = {
  method: 'Backtest on the January caseload series (this answer\'s backtest table)',
  trendFromYear: 'Choice of the forecasting core (statistics/forecast/trend-model.ts)',
  trendAnnualGrowth: `${SEN2_2025_CASELOAD.publication} and ${SEN2_2022_LONG_SERIES.publication}: metric ehc_plans`,
  trendResidualStandardError: 'Trend model fit to metric ehc_plans',
  newPlanRate: `${SEN2_2025_NEW_PLANS.publication}: ${SEN2_2025_NEW_PLANS.file} (new_ehc_plans) ÷ metric ehc_plans`,
  ceaseRate: `${SEN2_2025_CEASED.publication}: ${SEN2_2025_CEASED.file} (total_ceased) ÷ metric ehc_plans`,
  newPlansGrowth: 'Default of the forecasting core',
  placementShares: `${SEN2_2025_CASELOAD.publication}: ${SEN2_2025_CASELOAD.file}, "All EHC plans" (placement columns)`,
  newPlacementShares: `${SEN2_2025_NEW_PLANS.publication}: ${SEN2_2025_NEW_PLANS.file}, "New EHC plans" (placement columns)`,
  intervals: 'Residuals of the trend model on ln(plans), t quantiles',
  diversionToSenSupport: 'Lever set by the user (0–0.65; DBV insight report: 65% could have needs met more effectively)',
  specialToMainstream: 'Lever set by the user (0–1)',
  ceaseRateChange: 'Lever set by the user (−0.5–0.5)',
  growthCap: 'Lever set by the user (0–1, or none)',
  upratingRate: 'Set by the user (−0.5–0.5)',
};

function toForecast(area: ResolvedArea, series: readonly AnnualValue[], f: Figures, r: ForecastResult, upratingRate: number): Forecast {
  let cumulativePlans = 0;
  const spend = r.spend;
  const years = r.unmitigated.map((u, k) => {
    const m = r.mitigated[k];
    cumulativePlans += u.point - m.point;
    const comparison = spend?.comparison[k];
    return {
      year: u.year,
      horizon: u.horizon,
      unmitigated: { ...u, groups: groupsOut(u.groups), spend: spend ? spend.unmitigated[k].total : null, spendByGroup: spend ? groupsOut(spend.unmitigated[k].byGroup) : null },
      mitigated: { ...m, groups: groupsOut(m.groups), spend: spend ? spend.mitigated[k].total : null, spendByGroup: spend ? groupsOut(spend.mitigated[k].byGroup) : null },
      plansDifference: u.point - m.point,
      cumulativePlansDifference: cumulativePlans,
      spendDifference: comparison ? comparison.difference : null,
      cumulativeSpendDifference: comparison ? comparison.cumulativeDifference : null,
      divertedNewPlans: r.mitigation[k].divertedNewPlans,
      movedToMainstream: r.mitigation[k].movedToMainstream,
      capBinding: r.mitigation[k].capBinding,
    };
  });
  const b = r.backtest;
  const score = (method: string, s: typeof b.trend, notScored: string | undefined) => ({
    method,
    mape: s ? s.mape : null,
    mase: s ? s.mase : null,
    notScored: s ? null : (notScored ?? 'not scored'),
    points: s ? s.pairs.map((p) => ({ ...p })) : [],
  });
  const spendPeriods = f.periods('metric', METRICS.spend);
  return {
    label: area.label,
    areaCodes: area.codes,
    baseYear: r.baseYear,
    base: groupsOut(r.base.groups),
    baseTotal: r.base.total,
    method: r.method.method === 'cohort' ? ForecastMethodChoice.COHORT : ForecastMethodChoice.TREND,
    methodReason: r.method.reason,
    intervalSource: r.intervalSource,
    years,
    backtest: {
      cutoffYear: b.cutoffYear,
      scoredYears: [...b.scoredYears],
      maseScale: b.maseScale,
      scores: [score('trend', b.trend, b.notScored.trend), score('cohort', b.cohort, b.notScored.cohort), score('naiveDrift', b.naiveDrift, undefined)],
    },
    unitCosts: spend
      ? PLACEMENT_GROUPS.map((g) => ({ ...spend.unitCosts[g], label: PLACEMENT_GROUP_COLUMNS[g].label, lines: [...S251_GROUP_LINES[g]] }))
      : [],
    baseSpend: spend ? spend.base.total : null,
    observedPlans: series.map((p) => ({ period: p.year, value: p.value })),
    actualSpend: spendPeriods.map((p) => ({ period: p, value: f.sum('metric', METRICS.spend, area.codes, p) })),
    assumptions: [
      ...r.assumptions.map((a) => ({ id: a.id, value: text(a.value), description: a.description, source: ASSUMPTION_SOURCES[a.id] ?? 'Forecasting core (statistics/forecast)' })),
      ...(spend ? [] : [{ id: 'upratingRate', value: String(upratingRate), description: 'Annual uprating of 2021-22 unit costs (not used: no unit costs)', source: ASSUMPTION_SOURCES.upratingRate }]),
      { id: 'unitCostLines', value: 'S251 top-up lines 1.2.1–1.2.2 by phase', description: 'Unit cost = 2021-22 outturn on the group\'s lines ÷ plans in the group at January 2022; the area\'s own where all lines are present, England\'s otherwise', source: `${S251_LINES_2021_22.publication}: ${S251_LINES_2021_22.file}` },
      { id: 'cohortInputs', value: null, description: 'Caseload by single year of age is not read by this API yet, so the cohort model has no inputs here and the trend model is used', source: 'Not yet served (see the backtest table)' },
    ],
    caveats: [...FORECAST_CAVEATS, ...r.notes],
  };
}
