import { ENGLAND_CODE } from '@sendbench/schema';
import { selectForecastFigures } from '../../derived/forecast-inputs.repository';
import type { Db } from '../../db/database';
import { ApiError } from '../../graphql/errors';
import { BACKTEST_CUTOFF, type ForecastMethod, type MethodScore } from '../../statistics/forecast/backtest';
import { runForecast, type ForecastResult } from '../../statistics/forecast/forecast';
import { ForecastInputError, requireInRange } from '../../statistics/forecast/forecast-input-error';
import { type Levers, validateLevers } from '../../statistics/forecast/levers';
import {
  PLACEMENT_GROUP_COLUMNS,
  S251_GROUP_LINES,
  S251_LINES_2021_22,
  SEN2_2022_AGE,
  SEN2_2022_LONG_SERIES,
  SEN2_2025_CASELOAD,
  SEN2_2025_CEASED,
  SEN2_2025_NEW_PLANS,
} from '../../statistics/forecast/mapping';
import { type ByGroup, PLACEMENT_GROUPS } from '../../statistics/forecast/placement-groups';
import { MAX_SEN_SUPPORT_COST, type OutturnLines } from '../../statistics/forecast/spend';
import type { ReferenceSnapshot } from '../reference/reference.service';
import { type ForecastArea, periodOfJanuary, resolveForecastArea } from './forecast-area';
import {
  areaOutturn,
  areaPlacements,
  backtestCohortReading,
  caseloadSeries,
  COST_JANUARY,
  cohortReading,
  englandCostPlans,
  englandOutturn,
  FORECAST_METRICS,
  ForecastFigures,
  OUTTURN_PERIOD,
} from './forecast-figures';
import { type Forecast, type ForecastAreaInput, type ForecastGroups, type ForecastLeversInput, ForecastMethodChoice } from './forecast.type';

/** First January of the long caseload series. */
export const SERIES_FROM_YEAR = 2010;

/** The forecast's settings besides the area and the levers, with their defaults. */
export interface ForecastSettings {
  /** Annual uprating of 2021-22 unit costs (and of the SEN support cost). */
  upratingRate: number;
  /** Annual growth of new plans in the cohort model (its backtest too). */
  newPlansGrowth: number;
  /** Cost a year of meeting one diverted child's needs at SEN support, 2021-22 £. */
  senSupportCost: number;
  method: ForecastMethodChoice | null;
}

/**
 * The default cost of meeting one child's needs at SEN support: £6,000 a year, the most a
 * mainstream school is expected to meet from its notional SEN budget for one pupil before high-needs
 * top-up funding starts (DfE, High needs funding operational guide). An upper figure for a typical
 * pupil at SEN support; 0 shows the saving to the high-needs budget alone.
 */
export const DEFAULT_SEN_SUPPORT_COST = 6_000;
export const DEFAULT_FORECAST_SETTINGS: Readonly<ForecastSettings> = Object.freeze({ upratingRate: 0.03, newPlansGrowth: 0, senSupportCost: DEFAULT_SEN_SUPPORT_COST, method: null });

export const FORECAST_CAVEATS: readonly string[] = [
  'Official published data only: the forecast knows nothing of local policy, sufficiency plans, new special school places or changes in practice that the figures do not yet show.',
  'SEN2 changed from aggregate to person-level returns in 2023: placements and new plans before and after are not directly comparable, and the January series breaks there.',
  'January 2010–2018 counts statements of SEN with EHC plans (the 2022 release); January 2019 onwards comes from the 2025 release, and the years they share agree.',
  'Placement groups are held at the base January\'s shares; levers act only on the flows described in the assumptions.',
  'Unit costs are 2021-22 S251 top-up outturn ÷ plans at January 2022, uprated by the rate you set: projected spend covers the top-up lines only, an order of magnitude beside the 1.2.x series, not a budget.',
  'The mitigated spend charges the cost of meeting diverted needs at SEN support (the cost per child you set) against the saving; that cost falls mostly on schools\' budgets, not on the high-needs lines.',
  'Prediction intervals describe how far the series has wandered from its trend, not the uncertainty in the levers or in the cohort model\'s rates.',
];

/** What the backtest can and cannot do with the published data, in plain words. */
export const BACKTEST_NOTES: readonly string[] = [
  `Each method is fitted to January ${BACKTEST_CUTOFF} or earlier and forecasts January ${BACKTEST_CUTOFF + 1}–${BACKTEST_CUTOFF + 3}; the forecasts are scored against the published Januaries by MAPE (mean absolute percentage error) and MASE (mean absolute error ÷ the mean absolute one-year change of the fitted years; under 1 beats a one-step naive forecast in-sample). The naive drift (last fitted January plus the average annual change) is scored alongside.`,
  `The trend model is backtested exactly as it forecasts: a log-linear trend on the January caseload from 2015.`,
  `The cohort model cannot be backtested as it forecasts: caseload by single year of age and ceased plans by age are published only from 2023. Its backtest uses what the 2022 release publishes — caseload at January ${BACKTEST_CUTOFF - 1} and ${BACKTEST_CUTOFF} in five age bands (under 5, 5–10, 11–15, 16–19, 20–25) and new plans in ${BACKTEST_CUTOFF - 1} by the same bands — with transition ratios net of ceased plans (r = (C′ − N) / A, no separate cease rate). It scores a coarser version of the method, not the one used for the forecast.`,
  `All held-out Januaries are after the 2023 series break (person-level returns), which both methods' fits are before.`,
];

/** A ForecastInputError from the methods as the API's BAD_USER_INPUT, naming the field. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof ForecastInputError)) return error;
  return new ApiError('BAD_USER_INPUT', `${error.field}: ${error.reason}`, { field: error.field });
}

const need = <T>(value: T | null, message: string): T => {
  if (value === null) throw new ForecastInputError('area', message);
  return value;
};

function checkSettings(settings: ForecastSettings): void {
  requireInRange(settings.upratingRate, -0.5, 0.5, 'upratingRate');
  requireInRange(settings.newPlansGrowth, -0.5, 0.5, 'newPlansGrowth');
  requireInRange(settings.senSupportCost, 0, MAX_SEN_SUPPORT_COST, 'senSupportCost');
}

/**
 * The forecast for an area: reads every input in one statement (the metric series and the inputs kept
 * by area, derived/forecast-inputs.repository),
 * maps it as statistics/forecast/mapping.ts says, runs `runForecast` and shapes the answer. Input
 * the methods reject is BAD_USER_INPUT naming the field (`levers.growthCap`, `upratingRate`, `area`, …).
 * @example await forecastFor(db, reference, { laCode: '886' }, { diversionToSenSupport: 0.2, … }, DEFAULT_FORECAST_SETTINGS) // Forecast
 */
export async function forecastFor(db: Db, reference: ReferenceSnapshot, areaInput: ForecastAreaInput, leversInput: ForecastLeversInput, settings: ForecastSettings): Promise<Forecast> {
  const area = resolveForecastArea(reference, areaInput);
  const levers: Levers = { diversionToSenSupport: leversInput.diversionToSenSupport, specialToMainstream: leversInput.specialToMainstream, ceaseRateChange: leversInput.ceaseRateChange, growthCap: leversInput.growthCap ?? null };
  try {
    // Bad settings and levers are answered before anything is read.
    checkSettings(settings);
    validateLevers(levers);
  } catch (error) {
    throw toApiError(error);
  }
  const rows = await selectForecastFigures(db, { metricIds: Object.values(FORECAST_METRICS), areas: area.readCodes });
  try {
    const f = new ForecastFigures(rows, area);
    return shape(area, f, englandOutturn(f, ENGLAND_CODE), levers, settings);
  } catch (error) {
    throw toApiError(error);
  }
}

/** The latest January whose year-before flows are published too (a January 2026 caseload comes before 2025's new and ceased plans). */
function baseYearOf(f: ForecastFigures, observedYears: readonly number[]): number {
  const usable = [...observedYears]
    .reverse()
    .find((year) => f.calendar(FORECAST_METRICS.ceased, year - 1) !== null && f.january(FORECAST_METRICS.plans, year - 1) !== null && areaPlacements(f, 'caseload', year) && areaPlacements(f, 'newPlans', year - 1));
  return usable ?? observedYears[observedYears.length - 1];
}

function shape(area: ForecastArea, f: ForecastFigures, englandLines: OutturnLines, levers: Levers, settings: ForecastSettings): Forecast {
  const planPeriods = f.metricPeriods(FORECAST_METRICS.plans);
  const lastYear = planPeriods.length ? Math.floor(planPeriods[planPeriods.length - 1] / 100) + 1 : SERIES_FROM_YEAR;
  const fullSeries = caseloadSeries(f, SERIES_FROM_YEAR, lastYear);
  const observedYears = fullSeries.filter((p) => p.value !== null).map((p) => p.year);
  if (observedYears.length === 0) throw new ForecastInputError('area', `${area.label} has no January caseload (ehc_plans)`);
  const baseYear = baseYearOf(f, observedYears);
  const series = fullSeries.filter((p) => p.year <= baseYear);
  const later = fullSeries.filter((p) => p.year > baseYear && p.value !== null);

  const latestGroups = need(areaPlacements(f, 'caseload', baseYear), `${area.label} has no caseload by placement at January ${baseYear} (SEN2 caseload.csv)`);
  const latestNewPlans = need(areaPlacements(f, 'newPlans', baseYear - 1), `${area.label} has no new plans by placement in ${baseYear - 1} (SEN2 newplans.csv)`);
  const ceased = need(f.calendar(FORECAST_METRICS.ceased, baseYear - 1), `${area.label} has no ceased plans in ${baseYear - 1} (SEN2 ceased_plans.csv)`);
  const caseloadAtStart = need(f.january(FORECAST_METRICS.plans, baseYear - 1), `${area.label} has no January ${baseYear - 1} caseload`);
  const cohort = cohortReading(f, baseYear - 1);
  const cohortBacktest = backtestCohortReading(f, BACKTEST_CUTOFF);

  const englandPlans = englandCostPlans(f, ENGLAND_CODE);
  const ownCostPlans = areaPlacements(f, 'caseload', COST_JANUARY, 0);
  const england = englandPlans ? { outturn: englandLines, plans: englandPlans } : null;
  const spendInputs = england
    ? {
        unitCosts: { lines: S251_GROUP_LINES, area: area.isEngland ? england : { outturn: areaOutturn(f), plans: ownCostPlans?.groups ?? null }, england },
        upratingRate: settings.upratingRate,
        senSupportCost: settings.senSupportCost,
      }
    : undefined;

  const result = runForecast({
    series,
    latestGroups,
    latestNewPlans,
    latestFlows: { ceased, caseloadAtStart },
    cohort: cohort.inputs,
    cohortUnavailable: cohort.problem,
    cohortBacktest: cohortBacktest.inputs,
    levers,
    spend: spendInputs,
    options: { newPlansGrowth: settings.newPlansGrowth, ...(settings.method ? { method: settings.method as ForecastMethod } : {}) },
  });
  // The methods' notes are clauses; the page lists them as sentences.
  const notes = [...latestGroups.notes, ...latestNewPlans.notes, ...cohort.notes, ...result.notes.map((n) => (/[.!?]$/.test(n) ? n : `${n}.`))];
  if (later.length) notes.push(`January ${later.map((p) => p.year).join(', ')} is published but not used as the base: the new and ceased plans of the year before it are not published yet. It is listed beside the forecast as a check.`);
  for (const join of area.joins) notes.push(`Boundary change joined: ${join}; the predecessor's figures stand in for the area before it.`);
  return toForecast(area, f, series, later, result, { cohortStart: cohort.inputs ? baseYear - 1 : null, backtestCohort: cohortBacktest, notes });
}

const groupsOut = (g: ByGroup): ForecastGroups => ({ mainstream: g.mainstream, stateSpecial: g.stateSpecial, independentSpecial: g.independentSpecial, post16: g.post16, other: g.other });

const ASSUMPTION_SOURCES: Record<string, string> = {
  method: 'Backtest on the January caseload series (this answer\'s backtest table), or the method asked for',
  trendFromYear: 'Choice of the forecasting core: the 2014 reform changed the growth regime (statistics/forecast/trend-model.ts)',
  trendAnnualGrowth: `${SEN2_2025_CASELOAD.publication} and ${SEN2_2022_LONG_SERIES.publication}: metric ehc_plans`,
  trendResidualStandardError: 'Trend model fit to metric ehc_plans',
  newPlanRate: `${SEN2_2025_NEW_PLANS.publication}: ${SEN2_2025_NEW_PLANS.file} (new_ehc_plans) ÷ metric ehc_plans`,
  ceaseRate: `${SEN2_2025_CEASED.publication}: ${SEN2_2025_CEASED.file} (total_ceased) ÷ metric ehc_plans`,
  newPlansGrowth: 'Set by the user (−0.5–0.5; default 0: new plans stay at the latest year\'s number)',
  placementShares: `${SEN2_2025_CASELOAD.publication}: ${SEN2_2025_CASELOAD.file}, "All EHC plans" (placement columns)`,
  newPlacementShares: `${SEN2_2025_NEW_PLANS.publication}: ${SEN2_2025_NEW_PLANS.file}, "New EHC plans" (placement columns)`,
  intervals: 'Residuals of the trend model on ln(plans), t quantiles (or the year-to-year changes of ln(plans) for a short series)',
  diversionToSenSupport: 'Lever set by the user (0–0.65; DBV insight report: 65% could have their needs met more effectively)',
  specialToMainstream: 'Lever set by the user (0–1)',
  ceaseRateChange: 'Lever set by the user (−0.5–0.5)',
  growthCap: 'Lever set by the user (0–1, or none)',
  upratingRate: 'Set by the user (−0.5–0.5; default 0.03)',
  senSupportCost: `Set by the user (0–${MAX_SEN_SUPPORT_COST}; default £${DEFAULT_SEN_SUPPORT_COST.toLocaleString('en-GB')}: the most a mainstream school meets from its notional SEN budget for one pupil before top-up funding, DfE High needs funding operational guide)`,
};

interface ShapeExtras {
  cohortStart: number | null;
  backtestCohort: ReturnType<typeof backtestCohortReading>;
  notes: string[];
}

function toForecast(area: ForecastArea, f: ForecastFigures, series: readonly { year: number; value: number | null }[], later: readonly { year: number; value: number | null }[], r: ForecastResult, extras: ShapeExtras): Forecast {
  let cumulativePlans = 0;
  const spend = r.spend;
  const years = r.unmitigated.map((u, k) => {
    const m = r.mitigated[k];
    cumulativePlans += u.point - m.point;
    const comparison = spend?.comparison[k];
    return {
      year: u.year,
      horizon: u.horizon,
      financialYear: periodOfJanuary(u.year),
      unmitigated: { ...u, groups: groupsOut(u.groups), spend: spend ? spend.unmitigated[k].total : null, spendByGroup: spend ? groupsOut(spend.unmitigated[k].byGroup) : null },
      mitigated: { ...m, groups: groupsOut(m.groups), spend: spend ? spend.mitigated[k].total : null, spendByGroup: spend ? groupsOut(spend.mitigated[k].byGroup) : null },
      plansDifference: u.point - m.point,
      cumulativePlansDifference: cumulativePlans,
      spendDifference: comparison ? comparison.difference : null,
      cumulativeSpendDifference: comparison ? comparison.cumulativeDifference : null,
      senSupportSpend: comparison ? comparison.senSupport : null,
      netSpendDifference: comparison ? comparison.netDifference : null,
      cumulativeNetSpendDifference: comparison ? comparison.cumulativeNetDifference : null,
      divertedNewPlans: r.mitigation[k].divertedNewPlans,
      divertedStock: r.mitigation[k].divertedStock,
      movedToMainstream: r.mitigation[k].movedToMainstream,
      capBinding: r.mitigation[k].capBinding,
    };
  });
  const b = r.backtest;
  const score = (method: string, s: MethodScore | null, notScored: string | undefined) => ({
    method,
    mape: s ? s.mape : null,
    mase: s ? s.mase : null,
    notScored: s ? null : (notScored ?? 'not scored'),
    points: s ? s.pairs.map((p) => ({ ...p })) : [],
  });
  const cohortNotScored = extras.backtestCohort.problem ? `${extras.backtestCohort.problem} (2022 release)` : b.notScored.cohort;
  const spendPeriods = f.metricPeriods(FORECAST_METRICS.spend);
  const toppedUp = spend ? PLACEMENT_GROUPS.every((g) => spend.unitCosts[g].source === 'area') : false;
  const actual2122 = f.sum('metric', FORECAST_METRICS.spend, '', OUTTURN_PERIOD, COST_JANUARY);
  const pricedOutturn = spend ? PLACEMENT_GROUPS.reduce((total, g) => total + spend.unitCosts[g].outturn, 0) : 0;
  return {
    label: area.label,
    areaCodes: [...area.members],
    listIncomplete: area.listIncomplete,
    listNote: area.listNote,
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
      scores: [score('trend', b.trend, b.notScored.trend), score('cohort', b.cohort, cohortNotScored), score('naiveDrift', b.naiveDrift, undefined)],
      notes: [...BACKTEST_NOTES, ...extras.backtestCohort.notes],
    },
    cohortStartYear: extras.cohortStart,
    cohortBands: r.cohortRates
      ? r.cohortRates.bands.map((band, i) => ({ label: band.label, width: band.width, transitionRatio: r.cohortRates!.transitionRatio[i], ceaseRate: r.cohortRates!.ceaseRate[i], newPlans: r.cohortRates!.newPlans[i] }))
      : [],
    unitCosts: spend ? PLACEMENT_GROUPS.map((g) => ({ ...spend.unitCosts[g], label: PLACEMENT_GROUP_COLUMNS[g].label, lines: [...S251_GROUP_LINES[g]] })) : [],
    baseSpend: spend ? spend.base.total : null,
    pricedShareOfActualSpend: toppedUp && actual2122 !== null && actual2122 > 0 ? pricedOutturn / actual2122 : null,
    observedPlans: series.map((p) => ({ period: p.year, value: p.value })),
    laterObservedPlans: later.map((p) => ({ period: p.year, value: p.value })),
    actualSpend: spendPeriods.map((p) => ({ period: p, value: f.sum('metric', FORECAST_METRICS.spend, '', p, Math.floor(p / 100) + 1) })),
    assumptions: [
      ...r.assumptions.map((a) => ({ id: a.id, value: a.value === null ? null : String(a.value), description: a.description, source: ASSUMPTION_SOURCES[a.id] ?? 'Forecasting core (statistics/forecast)' })),
      {
        id: 'unitCostLines',
        value: 'S251 top-up lines 1.2.1–1.2.2 by phase',
        description: 'Unit cost = 2021-22 outturn on the group\'s lines ÷ plans in the group at January 2022; the area\'s own where all lines are present, England\'s otherwise',
        source: `${S251_LINES_2021_22.publication}: ${S251_LINES_2021_22.file}`,
      },
      {
        id: 'cohortInputs',
        value: extras.cohortStart === null ? null : `January ${extras.cohortStart} → ${extras.cohortStart + 1}`,
        description: 'Cohort model: caseload by single year of age at two Januaries, new plans by age when the plan started and ceased plans by age when it ceased in the year between (rates by band in cohortBands)',
        source: `${SEN2_2025_CASELOAD.publication}: caseload.csv ("Child or young persons age"), newplans.csv ("Age when plan started"), ceased_plans.csv ("Age plan ceased")`,
      },
      {
        id: 'cohortBacktestInputs',
        value: `January ${BACKTEST_CUTOFF - 1} → ${BACKTEST_CUTOFF}, five age bands, net of ceasing`,
        description: 'Cohort model in the backtest: the 2022 release\'s caseload and new plans by age band (ceased plans by age were not published before 2023)',
        source: `${SEN2_2022_AGE.publication}: ${SEN2_2022_AGE.file}`,
      },
    ],
    caveats: [...FORECAST_CAVEATS, ...extras.notes],
  };
}
