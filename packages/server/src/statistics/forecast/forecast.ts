import { type BacktestResult, chooseMethod, type ForecastMethod, type MethodChoice, runBacktest } from './backtest';
import { type CohortInputs, type CohortRates, cohortDataProblem, cohortRates, projectCohort } from './cohort-model';
import { ForecastInputError, requireCount, requireInRange } from './forecast-input-error';
import { applyLevers, type Levers, type MitigatedYear, type PlansYear, type UnmitigatedYear, validateLevers } from './levers';
import { type ByGroup, groupShares, type PlacementGroup, splitByShares } from './placement-groups';
import { driftLogStandardError, type IntervalFactors, logScaleFactors, type ProjectedValue, withInterval } from './prediction-interval';
import { compareSpend, projectSpend, senSupportSpend, type SpendComparison, type SpendYear, type UnitCost, type UnitCostInputs, unitCosts } from './spend';
import { type AnnualValue, DEFAULT_TREND_FROM_YEAR, fitLogLinearTrend, observedPoints, projectTrend, type TrendFit, trendHistoryProblem, trendLogStandardError, yearsAfter } from './trend-model';

/** Everything one area's forecast needs, already read and mapped (mapping.ts) by the data layer. */
export interface ForecastInputs {
  /** January caseload, 2010–2025 with the 2022 and 2025 releases joined; the last observed year is the base. */
  series: readonly AnnualValue[];
  /** Plans by placement group at the base January, and the total they are shares of. */
  latestGroups: { total: number; groups: ByGroup };
  /** New plans by placement group in the calendar year before the base January, and their total. */
  latestNewPlans: { total: number; groups: ByGroup };
  /** For the trend model's flows: plans ceased in that calendar year and the caseload at its start (the January before the base). */
  latestFlows: { ceased: number; caseloadAtStart: number };
  /** Caseload by age at the January before the base and the base, with the year's flows (cohort model). */
  cohort?: CohortInputs;
  /** Why `cohort` is missing, in words (default: 'no caseload by age for two consecutive Januaries'). */
  cohortUnavailable?: string;
  /** The same, for the two Januaries ending at the backtest cutoff (2021 → 2022). */
  cohortBacktest?: CohortInputs;
  levers: Levers;
  /**
   * Spend: what unit costs are computed from, the annual uprating rate from 2021-22, and the cost of
   * meeting one child's needs at SEN support a year (2021-22 £; default 0), charged for diverted needs.
   */
  spend?: { unitCosts: UnitCostInputs; upratingRate: number; senSupportCost?: number };
  options?: ForecastOptions;
}

export interface ForecastOptions {
  /** Januaries to project after the base (default 5). */
  horizon?: number;
  /** First year the trend model (and the backtest's MASE scale and naive drift) fits: DEFAULT_TREND_FROM_YEAR (2015) by default, null for every observed year. */
  fromYear?: number | null;
  /** Annual growth of new plans in the cohort model (default 0). */
  newPlansGrowth?: number;
  /** Ask for a method instead of the backtest's choice; when it cannot run here the other is used and the reason says so. */
  method?: ForecastMethod;
}

/** A projected January: total with intervals, and the groups (adding up to `point`). */
export interface ForecastYear extends ProjectedValue {
  groups: ByGroup;
}

/** An assumption the forecast rests on, for the page's list (sources are in mapping.ts). */
export interface Assumption {
  id: string;
  value: number | string | null;
  description: string;
}

export interface ForecastResult {
  baseYear: number;
  base: PlansYear;
  method: MethodChoice;
  backtest: BacktestResult;
  unmitigated: ForecastYear[];
  mitigated: ForecastYear[];
  /** Per projected year: what the levers did. */
  mitigation: Omit<MitigatedYear, 'total' | 'groups'>[];
  /** How the intervals were made for the method used. */
  intervalSource: 'trend model' | 'random walk with drift';
  spend: {
    unitCosts: Record<PlacementGroup, UnitCost>;
    /** Spend implied by the base January's plans, to set beside the 1.2.x series. */
    base: SpendYear;
    unmitigated: SpendYear[];
    mitigated: SpendYear[];
    comparison: SpendComparison[];
  } | null;
  assumptions: Assumption[];
  /** The cohort model's rates by age band from the forecast's transition year, when it has age data (used or not). */
  cohortRates: CohortRates | null;
  /** Rates that fell back to neutral values, and similar caveats from the methods. */
  notes: string[];
}

interface MethodPath {
  totals: number[];
  newPlans: number[];
  ceaseRates: number[];
}

function trendPath(fit: TrendFit, years: readonly number[], baseTotal: number, newPlanRate: number, ceaseRate: number): MethodPath {
  const totals = projectTrend(fit, years).map((p) => p.point);
  return { totals, newPlans: totals.map((_, k) => newPlanRate * (k === 0 ? baseTotal : totals[k - 1])), ceaseRates: totals.map(() => ceaseRate) };
}

/**
 * One area's forecast: backtests both methods, projects with the chosen one (or `options.method`),
 * splits into placement groups by the base January's shares, applies the levers and prices both
 * paths. With NEUTRAL_LEVERS the mitigated years equal the unmitigated ones exactly.
 *
 * The trend model's flows for the levers: new plans in year k = (new plans ÷ caseload at the start
 * of the latest year) × unmitigated plans at January k − 1; the cease rate is ceased ÷ that caseload.
 * The cohort model supplies both from its own bands. Cohort intervals borrow the trend model's
 * log-scale prediction error at each year (same series, same t quantiles), because one transition
 * year gives the cohort model no residuals of its own and three backtest errors per area are too few
 * to estimate a spread; with no trend fit they are those of a random walk with drift on ln(plans).
 * @example runForecast({ series, latestGroups, latestNewPlans, latestFlows, levers: NEUTRAL_LEVERS }).unmitigated[0]
 * // { year: 2026, horizon: 1, point, lower80, upper80, lower95, upper95, groups }
 */
export function runForecast(inputs: ForecastInputs): ForecastResult {
  const levers = validateLevers(inputs.levers);
  const options = inputs.options ?? {};
  const horizon = options.horizon ?? 5;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 10) throw new ForecastInputError('options.horizon', `must be a whole number from 1 to 10 (got ${horizon})`);
  const observed = observedPoints(inputs.series);
  if (observed.length === 0) throw new ForecastInputError('series', 'has no observed January');
  const baseYear = observed[observed.length - 1].year;
  const baseTotal = observed[observed.length - 1].value;
  const years = yearsAfter(baseYear, horizon);
  const fromYear = options.fromYear === undefined ? DEFAULT_TREND_FROM_YEAR : (options.fromYear ?? undefined);
  const window = { fromYear };
  const newPlansGrowth = requireInRange(options.newPlansGrowth ?? 0, -0.5, 0.5, 'options.newPlansGrowth');

  requireCount(inputs.latestGroups.total, 'latestGroups.total');
  const stockShares = groupShares(inputs.latestGroups.groups, inputs.latestGroups.total, 'latestGroups');
  const newPlacementShares = groupShares(inputs.latestNewPlans.groups, inputs.latestNewPlans.total, 'latestNewPlans');
  const caseloadAtStart = requireCount(inputs.latestFlows.caseloadAtStart, 'latestFlows.caseloadAtStart');
  if (!(caseloadAtStart > 0)) throw new ForecastInputError('latestFlows.caseloadAtStart', 'must be > 0');
  const newPlanRate = inputs.latestNewPlans.total / caseloadAtStart;
  const ceaseRate = requireCount(inputs.latestFlows.ceased, 'latestFlows.ceased') / caseloadAtStart;
  if (ceaseRate > 1) throw new ForecastInputError('latestFlows.ceased', 'more plans ceased than were held at the start of the year');

  const trendProblem = trendHistoryProblem(inputs.series, window);
  let cohortProblem = !inputs.cohort && inputs.cohortUnavailable ? inputs.cohortUnavailable : cohortDataProblem(inputs.cohort);
  if (!cohortProblem && inputs.cohort && inputs.cohort.startYear + 1 !== baseYear) {
    throw new ForecastInputError('cohort.startYear', `must be ${baseYear - 1}, the January before the base (got ${inputs.cohort.startYear})`);
  }
  if (!cohortProblem && trendProblem) {
    try {
      driftLogStandardError(observedPoints(inputs.series, window), 1);
    } catch (error) {
      if (!(error instanceof ForecastInputError)) throw error;
      cohortProblem = `no prediction intervals: ${error.reason}`;
    }
  }

  const backtest = runBacktest({ series: inputs.series, fromYear, cohort: inputs.cohortBacktest, newPlansGrowth });
  const chosen = chooseMethod(backtest, { trend: trendProblem, cohort: cohortProblem });
  const method = requestedMethod(options.method, chosen, { trend: trendProblem, cohort: cohortProblem });

  const fit = trendProblem ? null : fitLogLinearTrend(inputs.series, window);
  const notes: string[] = [];
  let path: MethodPath;
  if (method.method === 'trend') path = trendPath(fit as TrendFit, years, baseTotal, newPlanRate, ceaseRate);
  else {
    const projection = projectCohort(inputs.cohort as CohortInputs, { years: horizon, newPlansGrowth });
    notes.push(...projection.rates.notes);
    path = { totals: projection.years.map((y) => y.total), newPlans: projection.years.map((y) => y.newPlans), ceaseRates: projection.years.map((y) => Math.min(1, y.ceaseRate)) };
  }
  const intervalSource = fit ? 'trend model' : 'random walk with drift';
  const factors: IntervalFactors[] = years.map((year, k) => {
    if (fit) return logScaleFactors(trendLogStandardError(fit, year), fit.degreesOfFreedom);
    const drift = driftLogStandardError(observedPoints(inputs.series, window), k + 1);
    return logScaleFactors(drift.logSe, drift.degreesOfFreedom);
  });

  const base: PlansYear = { year: baseYear, total: baseTotal, groups: splitByShares(baseTotal, stockShares) };
  const unmitigatedYears: UnmitigatedYear[] = years.map((year, k) => ({
    year,
    total: path.totals[k],
    groups: splitByShares(path.totals[k], stockShares),
    newPlans: path.newPlans[k],
    ceaseRate: path.ceaseRates[k],
  }));
  const mitigatedYears = applyLevers({ base, years: unmitigatedYears, newPlacementShares }, levers);
  const unmitigated = unmitigatedYears.map((y, k) => ({ ...withInterval(y.year, k + 1, y.total, factors[k]), groups: y.groups }));
  const mitigated = mitigatedYears.map((y, k) => ({ ...withInterval(y.year, k + 1, y.total, factors[k]), groups: y.groups }));

  let spend: ForecastResult['spend'] = null;
  if (inputs.spend) {
    const costs = unitCosts(inputs.spend.unitCosts);
    const rate = inputs.spend.upratingRate;
    const unmitigatedSpend = projectSpend(unmitigatedYears, costs, rate);
    const mitigatedSpend = projectSpend(mitigatedYears, costs, rate);
    const senSupport = senSupportSpend(mitigatedYears, inputs.spend.senSupportCost ?? 0, rate).map((y) => y.total);
    spend = { unitCosts: costs, base: projectSpend([base], costs, rate)[0], unmitigated: unmitigatedSpend, mitigated: mitigatedSpend, comparison: compareSpend(unmitigatedSpend, mitigatedSpend, senSupport) };
  }

  return {
    baseYear,
    base,
    method,
    backtest,
    unmitigated,
    mitigated,
    mitigation: mitigatedYears.map(({ year, divertedNewPlans, divertedStock, movedToMainstream, capBinding, capMet }) => ({ year, divertedNewPlans, divertedStock, movedToMainstream, capBinding, capMet })),
    intervalSource,
    spend,
    cohortRates: cohortDataProblem(inputs.cohort) || !inputs.cohort ? null : cohortRates(inputs.cohort),
    assumptions: assumptions({ inputs, levers, fit, fromYear, newPlansGrowth, method: method.method, newPlanRate, ceaseRate, intervalSource }),
    notes,
  };
}

/**
 * The method used: the backtest's choice, or the one asked for when it can run; when it cannot,
 * the other, saying why.
 * @example requestedMethod('cohort', { method: 'trend', reason: '…' }, { cohort: 'no caseload by age …' })
 * // { method: 'trend', reason: 'cohort model asked for but it cannot run here (no caseload by age …); trend model used' }
 */
export function requestedMethod(asked: ForecastMethod | undefined, chosen: MethodChoice, cannotForecast: { trend?: string; cohort?: string }): MethodChoice {
  if (!asked || asked === chosen.method) return chosen;
  const problem = cannotForecast[asked];
  if (problem) return { method: chosen.method, reason: `${asked} model asked for but it cannot run here (${problem}); ${chosen.method} model used` };
  return { method: asked, reason: `${asked} model chosen by the user (backtest: ${chosen.reason})` };
}

function assumptions(context: {
  inputs: ForecastInputs;
  levers: Levers;
  fit: TrendFit | null;
  fromYear: number | undefined;
  newPlansGrowth: number;
  method: ForecastMethod;
  newPlanRate: number;
  ceaseRate: number;
  intervalSource: string;
}): Assumption[] {
  const { inputs, levers, fit } = context;
  const list: Assumption[] = [
    { id: 'method', value: context.method, description: 'Forecasting method, chosen by the backtest (fit to January 2022 or earlier, score 2023–2025)' },
    { id: 'trendFromYear', value: context.fromYear ?? null, description: 'First January the trend model fits (null: every observed year)' },
    { id: 'trendAnnualGrowth', value: fit ? Math.exp(fit.slope) - 1 : null, description: 'Annual growth of plans fitted by the trend model (log-linear least squares)' },
    { id: 'trendResidualStandardError', value: fit ? fit.residualStandardError : null, description: 'Residual standard error of ln(plans) about the trend' },
    { id: 'newPlanRate', value: context.newPlanRate, description: 'New plans in the latest year ÷ plans at its start (the trend model\'s new plans for the levers)' },
    { id: 'ceaseRate', value: context.ceaseRate, description: 'Plans ceased in the latest year ÷ plans at its start' },
    { id: 'newPlansGrowth', value: context.newPlansGrowth, description: 'Annual growth of new plans in the cohort model' },
    { id: 'placementShares', value: 'base January', description: 'Placement groups split by their shares at the base January, held constant' },
    { id: 'newPlacementShares', value: 'latest year', description: 'New plans placed as in the latest calendar year (where diverted and moved plans come from)' },
    { id: 'intervals', value: context.intervalSource, description: 'Source of the 80% and 95% prediction intervals' },
    { id: 'diversionToSenSupport', value: levers.diversionToSenSupport, description: 'Share of new plans instead met at SEN support' },
    { id: 'specialToMainstream', value: levers.specialToMainstream, description: 'Share of new special placements met in mainstream instead' },
    { id: 'ceaseRateChange', value: levers.ceaseRateChange, description: 'Relative change in the cease rate' },
    { id: 'growthCap', value: levers.growthCap, description: 'Cap on the annual growth of plans (null: none)' },
  ];
  if (inputs.spend) {
    list.push({ id: 'upratingRate', value: inputs.spend.upratingRate, description: 'Annual uprating of 2021-22 unit costs' });
    list.push({ id: 'senSupportCost', value: inputs.spend.senSupportCost ?? 0, description: 'Cost a year of meeting one diverted child\'s needs at SEN support instead (2021-22 £, uprated like the unit costs); taken off the saving' });
  }
  return list;
}
