import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LaCodeScalar } from '../../graphql/scalars';
import { PeerSelector } from '../peer-groups/peer-group.type';

export enum ForecastMethodChoice {
  TREND = 'trend',
  COHORT = 'cohort',
}
registerEnumType(ForecastMethodChoice, { name: 'ForecastMethod', description: 'TREND: log-linear trend on the January caseload; COHORT: age-cohort roll-forward.' });

@InputType({ description: 'The area to forecast: exactly one of an LA, a peer set (its members summed) or England.' })
export class ForecastAreaInput {
  @Field(() => LaCodeScalar, { nullable: true, description: 'An LA code (886 or E10000016).' })
  laCode?: string | null;

  @Field(() => PeerSelector, { nullable: true, description: 'A set of LAs, forecast as the sum of its members.' })
  peers?: PeerSelector | null;

  @Field(() => Boolean, { nullable: true, description: 'True for England.' })
  england?: boolean | null;
}

@InputType({ description: 'The mitigated case. All at 0 (and no cap) give the unmitigated forecast exactly.' })
export class ForecastLeversInput {
  @Field(() => Float, { defaultValue: 0, description: 'Share of new plans instead met at SEN support, 0–0.65.' })
  diversionToSenSupport!: number;

  @Field(() => Float, { defaultValue: 0, description: 'Share of new special and independent placements met in mainstream or resourced provision instead, 0–1.' })
  specialToMainstream!: number;

  @Field(() => Float, { defaultValue: 0, description: 'Relative change in the rate at which plans cease, −0.5–0.5.' })
  ceaseRateChange!: number;

  @Field(() => Float, { nullable: true, description: 'Cap on the annual growth of plans, 0–1 (null: no cap).' })
  growthCap?: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Plans by placement group (the groups add up to the total).' })
export class ForecastGroups {
  @Field(() => Float, { description: 'Mainstream, incl. resourced provision and SEN units.' })
  mainstream!: number;

  @Field(() => Float, { description: 'State-funded special.' })
  stateSpecial!: number;

  @Field(() => Float, { description: 'Independent and non-maintained special.' })
  independentSpecial!: number;

  @Field(() => Float, { description: 'Post-16 and FE.' })
  post16!: number;

  @Field(() => Float, { description: 'Other or none (the remainder).' })
  other!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Projected plans at one January, with 80% and 95% prediction intervals.' })
export class ForecastProjection {
  @Field(() => Float, { description: 'Point forecast of plans.' })
  point!: number;

  @Field(() => Float, { description: 'Lower bound of the 80% interval.' })
  lower80!: number;

  @Field(() => Float, { description: 'Upper bound of the 80% interval.' })
  upper80!: number;

  @Field(() => Float, { description: 'Lower bound of the 95% interval.' })
  lower95!: number;

  @Field(() => Float, { description: 'Upper bound of the 95% interval.' })
  upper95!: number;

  @Field(() => ForecastGroups, { description: 'The point forecast by placement group.' })
  groups!: ForecastGroups;

  @Field(() => Float, { nullable: true, description: 'Projected spend (£, uprated cash), Σ plans × unit cost; null without unit costs.' })
  spend!: number | null;

  @Field(() => ForecastGroups, { nullable: true, description: 'Projected spend by placement group (£).' })
  spendByGroup!: ForecastGroups | null;
}

@ObjectType({ simpleResolvers: true, description: 'One projected January: unmitigated and mitigated, and the differences.' })
export class ForecastYear {
  @Field(() => Int, { description: 'January of this year.' })
  year!: number;

  @Field(() => Int, { description: 'Years after the base January.' })
  horizon!: number;

  @Field(() => Int, { description: 'The financial year holding this January (202526 = 2025-26), which its spend is set beside.' })
  financialYear!: number;

  @Field(() => ForecastProjection, { description: 'Without the levers.' })
  unmitigated!: ForecastProjection;

  @Field(() => ForecastProjection, { description: 'With the levers.' })
  mitigated!: ForecastProjection;

  @Field(() => Float, { description: 'Unmitigated − mitigated plans.' })
  plansDifference!: number;

  @Field(() => Float, { description: 'Sum of plansDifference up to this year.' })
  cumulativePlansDifference!: number;

  @Field(() => Float, { nullable: true, description: 'Unmitigated − mitigated spend (£).' })
  spendDifference!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sum of spendDifference up to this year (£).' })
  cumulativeSpendDifference!: number | null;

  @Field(() => Float, { nullable: true, description: 'Cost of meeting the diverted needs at SEN support this year (£): divertedStock × the uprated cost per child.' })
  senSupportSpend!: number | null;

  @Field(() => Float, { nullable: true, description: 'spendDifference − senSupportSpend (£): the saving net of meeting diverted needs at SEN support.' })
  netSpendDifference!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sum of netSpendDifference up to this year (£).' })
  cumulativeNetSpendDifference!: number | null;

  @Field(() => Float, { description: 'New plans in the year before met at SEN support instead.' })
  divertedNewPlans!: number;

  @Field(() => Float, { description: 'Children at this January whose needs are met at SEN support instead of a plan (every year\'s diverted new plans, ceasing at the plans\' rate).' })
  divertedStock!: number;

  @Field(() => Float, { description: 'New special placements met in mainstream instead.' })
  movedToMainstream!: number;

  @Field(() => Boolean, { description: 'The growth cap held the total down this year.' })
  capBinding!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A held-out January of the backtest.' })
export class BacktestPoint {
  @Field(() => Int, { description: 'January.' })
  year!: number;

  @Field(() => Float, { description: 'Forecast from data to the cutoff.' })
  forecast!: number;

  @Field(() => Float, { description: 'Observed plans.' })
  actual!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A method\'s backtest scores.' })
export class BacktestScore {
  @Field(() => String, { description: '"trend", "cohort" or "naiveDrift".' })
  method!: string;

  @Field(() => Float, { nullable: true, description: 'Mean absolute percentage error (%); null when not scored.' })
  mape!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean absolute scaled error against the one-step naive change; null when not scored or the scale is 0.' })
  mase!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the method was not scored.' })
  notScored!: string | null;

  @Field(() => [BacktestPoint], { description: 'Forecast and actual per held-out January.' })
  points!: BacktestPoint[];
}

@ObjectType({ simpleResolvers: true, description: 'Fit to January of the cutoff or earlier, forecast the test years, score.' })
export class ForecastBacktest {
  @Field(() => Int, { description: 'Last January fitted.' })
  cutoffYear!: number;

  @Field(() => [Int], { description: 'Held-out Januaries that were scored.' })
  scoredYears!: number[];

  @Field(() => Float, { nullable: true, description: 'MASE scale: mean absolute annual change over the fitting sample.' })
  maseScale!: number | null;

  @Field(() => [BacktestScore], { description: 'Trend, cohort and naive drift.' })
  scores!: BacktestScore[];

  @Field(() => [String], { description: 'What the backtest can and cannot do with the published data, and notes on its inputs.' })
  notes!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'An age band of the cohort model with its rates from the transition year.' })
export class ForecastCohortBand {
  @Field(() => String, { description: 'Band label ("Age 5", "Under 3", "Age 20 to 25").' })
  label!: string;

  @Field(() => Int, { description: 'Single years of age in the band.' })
  width!: number;

  @Field(() => Float, { description: 'Plans of the band at the second January already held, before ceasing, ÷ plans that aged into or stayed in it.' })
  transitionRatio!: number;

  @Field(() => Float, { description: 'Plans ceased in the year ÷ the band\'s plans at the first January.' })
  ceaseRate!: number;

  @Field(() => Float, { description: 'New plans in the year by the age when the plan started.' })
  newPlans!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A placement group\'s cost per plan in 2021-22 £.' })
export class ForecastUnitCost {
  @Field(() => String, { description: 'Placement group id.' })
  group!: string;

  @Field(() => String, { description: 'Placement group label.' })
  label!: string;

  @Field(() => Float, { description: '£ per plan, 2021-22.' })
  perPlan!: number;

  @Field(() => String, { description: '"area" (its own S251 and SEN2 figures) or "england".' })
  source!: string;

  @Field(() => Float, { description: 'S251 2021-22 outturn on the group\'s top-up lines (£).' })
  outturn!: number;

  @Field(() => Float, { description: 'Plans in the group at January 2022.' })
  plans!: number;

  @Field(() => [String], { description: 'The S251 lines summed.' })
  lines!: string[];

  @Field(() => String, { nullable: true, description: 'Why England\'s figure was used; null when the area\'s own was.' })
  reason!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A year of a series.' })
export class ForecastSeriesPoint {
  @Field(() => Int, { description: 'January year, or the period code for financial years (202122 = 2021-22).' })
  period!: number;

  @Field(() => Float, { nullable: true, description: 'Value; null when missing or suppressed.' })
  value!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'An assumption the forecast rests on.' })
export class ForecastAssumption {
  @Field(() => String, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Its value, as text (numbers in full precision).' })
  value!: string | null;

  @Field(() => String, { description: 'What it is.' })
  description!: string;

  @Field(() => String, { description: 'Where it comes from.' })
  source!: string;
}

@ObjectType({ simpleResolvers: true, description: 'EHC plans and high-needs spend five Januaries ahead, unmitigated and mitigated.' })
export class Forecast {
  @Field(() => String, { description: 'The area: LA name, set label or England.' })
  label!: string;

  @Field(() => [String], { description: 'LA codes summed (England: E92000001).' })
  areaCodes!: string[];

  @Field(() => Boolean, { description: 'True when the area is a programme set whose published list is known to be incomplete (DBV tranche 3, Safety Valve).' })
  listIncomplete!: boolean;

  @Field(() => String, { nullable: true, description: 'How the list is incomplete, when it is.' })
  listNote!: string | null;

  @Field(() => Int, { description: 'Last observed January.' })
  baseYear!: number;

  @Field(() => ForecastGroups, { description: 'Plans at the base January by group.' })
  base!: ForecastGroups;

  @Field(() => Float, { description: 'Plans at the base January.' })
  baseTotal!: number;

  @Field(() => ForecastMethodChoice, { description: 'The method used.' })
  method!: ForecastMethodChoice;

  @Field(() => String, { description: 'Why it was used (backtest, fallback or the user\'s choice).' })
  methodReason!: string;

  @Field(() => String, { description: 'Source of the prediction intervals.' })
  intervalSource!: string;

  @Field(() => [ForecastYear], { description: 'The projected Januaries.' })
  years!: ForecastYear[];

  @Field(() => ForecastBacktest, { description: 'The backtest table behind the choice of method.' })
  backtest!: ForecastBacktest;

  @Field(() => Int, { nullable: true, description: 'First January of the cohort model\'s transition year (the base is the next); null when the area has no usable caseload by age.' })
  cohortStartYear!: number | null;

  @Field(() => [ForecastCohortBand], { description: 'The cohort model\'s rates by age band (empty without caseload by age).' })
  cohortBands!: ForecastCohortBand[];

  @Field(() => [ForecastUnitCost], { description: 'Unit costs per placement group, with their source.' })
  unitCosts!: ForecastUnitCost[];

  @Field(() => Float, { nullable: true, description: 'Spend implied by the base January\'s plans (£), to set beside the 1.2.x series.' })
  baseSpend!: number | null;

  @Field(() => Float, { nullable: true, description: 'The priced S251 top-up lines as a share of the area\'s actual 1.2.x spend in 2021-22 (null when a group used England\'s unit cost): how much of the 1.2.x level the projected spend can account for.' })
  pricedShareOfActualSpend!: number | null;

  @Field(() => [ForecastSeriesPoint], { description: 'Observed January caseload up to the base (the series fitted).' })
  observedPlans!: ForecastSeriesPoint[];

  @Field(() => [ForecastSeriesPoint], { description: 'Januaries published after the base but not used (their year-before flows are not yet published), to set beside the forecast.' })
  laterObservedPlans!: ForecastSeriesPoint[];

  @Field(() => [ForecastSeriesPoint], { description: 'Actual S251 1.2.x net outturn (metric hn_spend_top_up_and_services) by financial year.' })
  actualSpend!: ForecastSeriesPoint[];

  @Field(() => [ForecastAssumption], { description: 'Every assumption, with its source.' })
  assumptions!: ForecastAssumption[];

  @Field(() => [String], { description: 'What the forecast can and cannot tell, in plain words, and notes from the methods.' })
  caveats!: string[];
}
