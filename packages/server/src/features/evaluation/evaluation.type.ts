import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Period } from '../../graphql/common.types';
import { Metric } from '../metrics/metric.type';

export enum EvaluationComparison {
  NO_PROGRAMME = 'no_programme',
  ALL_OTHERS = 'all_others',
  NEIGHBOURS_NO_PROGRAMME = 'neighbours_no_programme',
}
registerEnumType(EvaluationComparison, {
  name: 'EvaluationComparison',
  description:
    'Who the cohort is compared with. NO_PROGRAMME: every current LA in neither DBV in SEND nor Safety Valve (default). ALL_OTHERS: every current LA not in the cohort, including other programmes\' members. NEIGHBOURS_NO_PROGRAMME: the statistical neighbours of the cohort\'s members that are in no programme.',
});

export enum EvaluationComparisonTiming {
  NEVER_TREATED = 'never_treated',
  NOT_YET_TREATED = 'not_yet_treated',
}
registerEnumType(EvaluationComparisonTiming, {
  name: 'EvaluationComparisonTiming',
  description:
    'Which comparison authorities each group-time effect uses. NEVER_TREATED: the comparison group only (default). NOT_YET_TREATED: also the cohort\'s own later-starting members, until they start (for staggered cohorts: all DBV, all Safety Valve).',
});

export enum EvaluationTransform {
  LEVEL = 'level',
  LOG = 'log',
  INDEXED = 'indexed',
}
registerEnumType(EvaluationTransform, {
  name: 'EvaluationTransform',
  description:
    'The scale effects are estimated on. LEVEL: the metric\'s own unit. LOG: natural logarithm (an effect of 0.05 is about 5%; counts and spend, where authorities differ greatly in size). INDEXED: each authority\'s value ÷ its value in the index base period × 100.',
});

export enum EvaluationDonorPool {
  COMPARISON = 'comparison',
  NEIGHBOURS = 'neighbours',
}
registerEnumType(EvaluationDonorPool, {
  name: 'EvaluationDonorPool',
  description:
    'Who the synthetic comparison is built from. COMPARISON: every authority of the comparison group with the pre-period figures (default). NEIGHBOURS: only the focus authority\'s statistical neighbours among them (with the default comparison group, its neighbours in no programme): fewer donors than pre-periods, so the fit is not near-exact and the placebo p-value means more, though with few donors it cannot be small.',
});

export enum EvaluationRole {
  COHORT = 'cohort',
  COMPARISON = 'comparison',
}
registerEnumType(EvaluationRole, { name: 'EvaluationRole', description: 'In the programme cohort, or in the comparison group.' });

export enum EvaluationDropReason {
  NO_DATA = 'no_data',
  BOUNDARY_CHANGE = 'boundary_change',
  SERIES_BREAK = 'series_break',
  START_OUTSIDE_SERIES = 'start_outside_series',
  NO_INDEX_BASE = 'no_index_base',
}
registerEnumType(EvaluationDropReason, {
  name: 'EvaluationDropReason',
  description:
    'Why an authority was left out. NO_DATA: too few figures in the window. BOUNDARY_CHANGE: its area was reorganised and its series cannot be joined across the change for this metric. SERIES_BREAK: its cohort\'s start lies on the other side of a series break the evaluation will not straddle. START_OUTSIDE_SERIES: the series has no period before and after its cohort\'s start. NO_INDEX_BASE: no value in the index base period (INDEXED transform).',
});

export enum EvaluationFinding {
  HIGHER_AFTER = 'higher_after',
  LOWER_AFTER = 'lower_after',
  NO_CLEAR_DIFFERENCE = 'no_clear_difference',
}
registerEnumType(EvaluationFinding, {
  name: 'EvaluationFinding',
  description:
    'HIGHER_AFTER / LOWER_AFTER: after its start the cohort moved above / below the comparison group\'s path, with a 95% interval excluding 0 and a permutation p-value under 0.05. NO_CLEAR_DIFFERENCE otherwise.',
});

@ObjectType({ simpleResolvers: true, description: 'A programme cohort: a DBV in SEND tranche, a Safety Valve agreement year, or a whole programme.' })
export class EvaluationCohort {
  @Field(() => String, { description: 'Id: "dbv", "dbv:1", "dbv:2", "dbv:3", "safety_valve", "safety_valve:2020-21", …' })
  id!: string;

  @Field(() => String, { description: 'Label.' })
  label!: string;

  @Field(() => String, { description: '"dbv" or "safety_valve".' })
  programme!: string;

  @Field(() => Boolean, { description: 'True when the programme\'s published lists are known to be incomplete, so unnamed members may sit in the comparison group.' })
  listIncomplete!: boolean;

  @Field(() => String, { nullable: true, description: 'What is missing from the lists.' })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One cohort start: when it is taken to be, what is known, its source and how it maps to the metric\'s periods.' })
export class EvaluationStart {
  @Field(() => String, { description: 'Start id, e.g. "dbv:1".' })
  id!: string;

  @Field(() => String, { description: 'Label, e.g. "DBV in SEND tranche 1".' })
  label!: string;

  @Field(() => Int, { description: 'Year of the start used.' })
  year!: number;

  @Field(() => Int, { description: 'Month of the start used (1–12).' })
  month!: number;

  @Field(() => String, { description: 'The start used, in words ("September 2022").' })
  monthLabel!: string;

  @Field(() => String, { description: 'How much is known: "month" (published), "financial_year" or "calendar_year" (only that is known; the month is assumed), "assumed" (neither is published in the sources held); "override" when the user gave it.' })
  precision!: string;

  @Field(() => String, { description: 'What the sources say.' })
  known!: string;

  @Field(() => String, { description: 'Where it comes from.' })
  source!: string;

  @Field(() => String, { description: 'How wrong it could be.' })
  uncertainty!: string;

  @Field(() => Boolean, { description: 'True when the user overrode the reference start.' })
  overridden!: boolean;

  @Field(() => Period, { nullable: true, description: 'The first period counted as after the start (see method.firstPostRule); null when the window cannot show this start.' })
  firstPostPeriod!: Period | null;

  @Field(() => Int, { description: 'Cohort authorities used with this start.' })
  authorities!: number;

  @Field(() => String, { nullable: true, description: 'Why the start is not used, if it is not.' })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The periods analysed and how series breaks were handled.' })
export class EvaluationWindow {
  @Field(() => Period, { description: 'First period.' })
  from!: Period;

  @Field(() => Period, { description: 'Last period.' })
  to!: Period;

  @Field(() => [Period], { description: 'Every period, oldest first.' })
  periods!: Period[];

  @Field(() => [EvaluationSeriesBreak], { description: 'Series breaks inside the requested range.' })
  seriesBreaks!: EvaluationSeriesBreak[];

  @Field(() => Boolean, { description: 'True when the analysis straddles a series break (only when asked).' })
  straddled!: boolean;

  @Field(() => String, { nullable: true, description: 'How a break was handled, in words; null without a break.' })
  handling!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the window starts where it does, when from was not given and the default start (January 2016, 2016 or 2016-17) cut earlier figures; null otherwise.' })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A period after which the series is not comparable with what came before.' })
export class EvaluationSeriesBreak {
  @Field(() => Period, { description: 'First period of the new series.' })
  period!: Period;

  @Field(() => String, { description: 'Why it breaks.' })
  note!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A figure with its 95% interval (percentile bootstrap over authorities).' })
export class EvaluationEstimate {
  @Field(() => Float, { description: 'The figure.' })
  value!: number;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95% interval; null when too few draws estimate it.' })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the 95% interval.' })
  high!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'One group\'s mean in one period.' })
export class EvaluationGroupFigures {
  @Field(() => Int, { description: 'Authorities of the group with a figure in the period.' })
  authorities!: number;

  @Field(() => EvaluationEstimate, { nullable: true, description: 'Mean of the metric\'s values (its own unit), with a 95% interval; null when no authority has a figure.' })
  level!: EvaluationEstimate | null;

  @Field(() => EvaluationEstimate, { nullable: true, description: 'Mean of the values indexed to the index base period (= 100 for each authority), with a 95% interval.' })
  indexed!: EvaluationEstimate | null;
}

@ObjectType({ simpleResolvers: true, description: 'The cohort\'s and the comparison group\'s means in one period.' })
export class EvaluationGroupMean {
  @Field(() => Period, { description: 'Period.' })
  period!: Period;

  @Field(() => EvaluationGroupFigures, { description: 'The cohort.' })
  cohort!: EvaluationGroupFigures;

  @Field(() => EvaluationGroupFigures, { description: 'The comparison group.' })
  comparison!: EvaluationGroupFigures;
}

@ObjectType({ simpleResolvers: true, description: 'An effect with its 95% percentile bootstrap interval.' })
export class EvaluationEffect {
  @Field(() => Float, { description: 'The effect, on the transform\'s scale (see unitLabel).' })
  effect!: number;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95% interval; null when too few draws estimate it.' })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the 95% interval.' })
  high!: number | null;

  @Field(() => Float, { nullable: true, description: 'Standard deviation of the bootstrap draws.' })
  standardError!: number | null;

  @Field(() => Int, { description: 'Bootstrap draws in which it could be estimated.' })
  validDraws!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A cohort start\'s weight in an aggregate.' })
export class EvaluationStartWeight {
  @Field(() => String, { description: 'Start id.' })
  startId!: string;

  @Field(() => Float, { description: 'Weight (its authorities ÷ those of every start contributing).' })
  weight!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The event study at one event time: the effect e periods after the start (e < 0: before it, each a one-period change that should be near 0).' })
export class EvaluationEventTime {
  @Field(() => Int, { description: 'Periods since the first post period (0 is the first post period; −1 the last before it).' })
  eventTime!: number;

  @Field(() => Boolean, { description: 'True from the first post period on.' })
  post!: boolean;

  @Field(() => EvaluationEffect, { description: 'The effect with its 95% interval.' })
  estimate!: EvaluationEffect;

  @Field(() => [EvaluationStartWeight], { description: 'Which starts contribute, by weight.' })
  weights!: EvaluationStartWeight[];
}

@ObjectType({ simpleResolvers: true, description: 'One group-time average effect ATT(g, t): the cohort of start g in period t against its base period.' })
export class EvaluationGroupTime {
  @Field(() => String, { description: 'Start id.' })
  startId!: string;

  @Field(() => Period, { description: 'Period t.' })
  period!: Period;

  @Field(() => Period, { description: 'Base period compared with: the last before the start for post periods, the period before t for pre periods.' })
  basePeriod!: Period;

  @Field(() => Int, { description: 'Event time t − g.' })
  eventTime!: number;

  @Field(() => EvaluationEffect, { description: 'ATT(g, t) with its 95% interval.' })
  estimate!: EvaluationEffect;

  @Field(() => Int, { description: 'Cohort authorities with figures in both periods.' })
  cohortAuthorities!: number;

  @Field(() => Int, { description: 'Comparison authorities with figures in both periods.' })
  comparisonAuthorities!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One start\'s simple 2×2: four means a reader can check by hand.' })
export class EvaluationSimpleCohort {
  @Field(() => String, { description: 'Start id.' })
  startId!: string;

  @Field(() => Period, { description: 'First period of "before".' })
  beforeFrom!: Period;

  @Field(() => Period, { description: 'Last period of "before".' })
  beforeTo!: Period;

  @Field(() => Period, { description: 'First period of "after" (the first post period).' })
  afterFrom!: Period;

  @Field(() => Period, { description: 'Last period of "after".' })
  afterTo!: Period;

  @Field(() => Float, { description: 'Mean of every cohort authority-period value before.' })
  cohortBefore!: number;

  @Field(() => Float, { description: 'Mean of every cohort authority-period value after.' })
  cohortAfter!: number;

  @Field(() => Float, { description: 'Mean of every comparison authority-period value before.' })
  comparisonBefore!: number;

  @Field(() => Float, { description: 'Mean of every comparison authority-period value after.' })
  comparisonAfter!: number;

  @Field(() => Float, { description: '(cohortAfter − cohortBefore) − (comparisonAfter − comparisonBefore).' })
  estimate!: number;

  @Field(() => Float, { description: 'Its weight in the overall 2×2 (its share of the cohort\'s authorities).' })
  weight!: number;

  @Field(() => Int, { description: 'Cohort authorities.' })
  cohortAuthorities!: number;

  @Field(() => Int, { description: 'Comparison authorities (never-treated, with a figure).' })
  comparisonAuthorities!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The simple difference in differences (mean after minus mean before, cohort minus comparison): a check, not the headline.' })
export class EvaluationSimpleDifference {
  @Field(() => Float, { description: 'The weighted 2×2 over the starts; for one start, its 2×2.' })
  estimate!: number;

  @Field(() => [EvaluationSimpleCohort], { description: 'Each start\'s four means.' })
  cohorts!: EvaluationSimpleCohort[];

  @Field(() => [String], { description: 'Starts that could not be estimated, with why.' })
  skipped!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The permutation test of the overall effect: cohort labels reassigned at random among the cohort and comparison authorities.' })
export class EvaluationPermutation {
  @Field(() => Float, { description: 'Two-sided p-value: (1 + draws at least as extreme) ÷ (1 + valid draws).' })
  pValue!: number;

  @Field(() => Float, { description: 'The overall effect it tests.' })
  observed!: number;

  @Field(() => Int, { description: 'Draws.' })
  draws!: number;

  @Field(() => Int, { description: 'Draws in which the effect could be computed.' })
  validDraws!: number;

  @Field(() => Int, { description: 'Draws with an effect at least as far from 0 as the observed one.' })
  exceedances!: number;

  @Field(() => Int, { description: 'Authorities the labels were shuffled among.' })
  eligibleAuthorities!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A joint Wald test that every pre-period event-time effect is 0 (χ², bootstrap covariance).' })
export class EvaluationJointPreTrend {
  @Field(() => Boolean, { description: 'False when it cannot be computed (see reason).' })
  available!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it is not available.' })
  reason!: string | null;

  @Field(() => [Int], { description: 'Event times tested.' })
  eventTimes!: number[];

  @Field(() => Float, { nullable: true, description: 'Wald statistic.' })
  statistic!: number | null;

  @Field(() => Int, { nullable: true, description: 'Degrees of freedom.' })
  degreesOfFreedom!: number | null;

  @Field(() => Float, { nullable: true, description: 'P-value (small: the cohort was already moving differently before its start).' })
  pValue!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'The overall effect re-estimated with every start moved earlier, on figures from before the real start only: it should be near 0.' })
export class EvaluationPlacebo {
  @Field(() => Boolean, { description: 'False when it cannot be computed (see reason).' })
  available!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it is not available, or which starts it leaves out.' })
  reason!: string | null;

  @Field(() => Int, { description: 'Periods each start was moved back.' })
  shift!: number;

  @Field(() => EvaluationEffect, { nullable: true, description: 'The placebo effect with its 95% interval.' })
  estimate!: EvaluationEffect | null;
}

@ObjectType({ simpleResolvers: true, description: 'Checks of parallel trends before the start.' })
export class EvaluationPreTrends {
  @Field(() => EvaluationJointPreTrend, { description: 'Joint test of the pre-period effects.' })
  joint!: EvaluationJointPreTrend;

  @Field(() => EvaluationPlacebo, { description: 'Placebo start two periods early.' })
  placebo!: EvaluationPlacebo;
}

@ObjectType({ simpleResolvers: true, description: 'A donor\'s weight in a synthetic comparison.' })
export class EvaluationSyntheticWeight {
  @Field(() => String, { description: 'DfE number.' })
  code!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => Float, { description: 'Weight (≥ 0; the weights sum to 1).' })
  weight!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The focus authority and its synthetic comparison in one period.' })
export class EvaluationSyntheticPoint {
  @Field(() => Period, { description: 'Period.' })
  period!: Period;

  @Field(() => Float, { nullable: true, description: 'The authority\'s own value (on the transform\'s scale).' })
  actual!: number | null;

  @Field(() => Float, { nullable: true, description: 'The weighted donors\' value.' })
  synthetic!: number | null;

  @Field(() => Float, { nullable: true, description: 'actual − synthetic.' })
  gap!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A synthetic comparison for one cohort authority: non-negative donor weights summing to 1, fitted on its pre-start path.' })
export class EvaluationSynthetic {
  @Field(() => Boolean, { description: 'False when it could not be fitted (see reason).' })
  available!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it could not be fitted.' })
  reason!: string | null;

  @Field(() => String, { description: 'The authority\'s code (a joined unit takes its predecessor\'s).' })
  code!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => Period, { nullable: true, description: 'Its first post period.' })
  start!: Period | null;

  @Field(() => [EvaluationSyntheticWeight], { description: 'Donors with a positive weight, largest first.' })
  weights!: EvaluationSyntheticWeight[];

  @Field(() => EvaluationDonorPool, { description: 'Which authorities the donors were chosen from.' })
  donorPool!: EvaluationDonorPool;

  @Field(() => Int, { description: 'Donors in the pool (the pool\'s authorities with every pre-period figure the focus has).' })
  donors!: number;

  @Field(() => [EvaluationSyntheticPoint], { description: 'Its path against the synthetic one, every period.' })
  path!: EvaluationSyntheticPoint[];

  @Field(() => [Period], { description: 'Pre-periods the weights were fitted on.' })
  fitPeriods!: Period[];

  @Field(() => Float, { nullable: true, description: 'Pre-period fit error: root mean squared gap before the start.' })
  preRmspe!: number | null;

  @Field(() => Float, { nullable: true, description: 'Root mean squared gap after the start.' })
  postRmspe!: number | null;

  @Field(() => Float, { nullable: true, description: 'postRmspe ÷ preRmspe; null when the pre-period fit is exact.' })
  rmspeRatio!: number | null;

  @Field(() => Float, { nullable: true, description: 'Placebo p-value: the share of the authority and its donors (each fitted as if treated from the others) with a post/pre RMSPE ratio at least as large. Read it beside preRmspe: with a near-exact pre-period fit the ratios are unstable.' })
  placeboPValue!: number | null;

  @Field(() => Int, { nullable: true, description: 'The authority\'s rank among them, from the top.' })
  placeboRank!: number | null;

  @Field(() => Int, { description: 'Donors refitted as placebos.' })
  placebos!: number;

  @Field(() => String, { nullable: true, description: 'How to read it (e.g. a near-exact pre-period fit).' })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An authority (or a predecessor joined to its successors) used in the evaluation.' })
export class EvaluationAuthority {
  @Field(() => String, { description: 'DfE number (a joined unit takes its predecessor\'s).' })
  code!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => [String], { description: 'Every LA whose figures make it up.' })
  codes!: string[];

  @Field(() => EvaluationRole, { description: 'Cohort or comparison.' })
  role!: EvaluationRole;

  @Field(() => String, { nullable: true, description: 'Its start (cohort authorities).' })
  startId!: string | null;

  @Field(() => Period, { nullable: true, description: 'Its first post period (cohort authorities).' })
  firstPostPeriod!: Period | null;

  @Field(() => Int, { description: 'Periods with a figure.' })
  observedPeriods!: number;

  @Field(() => String, { nullable: true, description: 'How its series was joined across a boundary change, if it was.' })
  joined!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An authority of the cohort or the comparison group left out, with why.' })
export class EvaluationDropped {
  @Field(() => String, { description: 'DfE number.' })
  code!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => EvaluationRole, { description: 'Cohort or comparison.' })
  role!: EvaluationRole;

  @Field(() => EvaluationDropReason, { description: 'Why.' })
  reason!: EvaluationDropReason;

  @Field(() => String, { description: 'Why, in words.' })
  detail!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The answer in plain English.' })
export class EvaluationVerdict {
  @Field(() => EvaluationFinding, { description: 'What the estimate says.' })
  finding!: EvaluationFinding;

  @Field(() => Boolean, { description: 'False when the pre-trend checks say the comparison is not like for like (the estimate should not be read as an effect).' })
  preTrendsPass!: boolean;

  @Field(() => String, { description: 'One or two sentences.' })
  headline!: string;

  @Field(() => [String], { description: 'What supports or weakens it.' })
  details!: string[];

  @Field(() => [String], { description: 'What to bear in mind: selection, incomplete lists, series breaks, small numbers, associations not causes.' })
  caveats!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'How the answer was computed: enough to repeat it.' })
export class EvaluationMethod {
  @Field(() => String, { description: 'The estimator.' })
  estimator!: string;

  @Field(() => String, { description: 'The comparison units of each group-time effect.' })
  comparisonTiming!: string;

  @Field(() => String, { description: 'The bootstrap.' })
  bootstrap!: string;

  @Field(() => String, { description: 'The permutation test.' })
  permutation!: string;

  @Field(() => String, { description: 'The pre-trend checks.' })
  preTrends!: string;

  @Field(() => String, { description: 'The synthetic comparison.' })
  synthetic!: string;

  @Field(() => String, { description: 'The group means\' intervals.' })
  groupMeans!: string;

  @Field(() => String, { description: 'How a start maps to the first post period for this metric\'s periods.' })
  firstPostRule!: string;

  @Field(() => Int, { description: 'Resampling draws (bootstrap and permutation each).' })
  draws!: number;

  @Field(() => Int, { description: 'Seed of the random stream (xoshiro128**): the same seed gives the same answer.' })
  seed!: number;

  @Field(() => Float, { description: 'Coverage of every interval (0.95).' })
  confidenceLevel!: number;

  @Field(() => Int, { description: 'Periods the placebo moves each start back.' })
  placeboShift!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Did a programme cohort\'s path change after it joined, compared with similar authorities? Group means, an event study, a staggered difference in differences (Callaway and Sant\'Anna), the simple 2×2, a permutation test, pre-trend checks and, for one authority, a synthetic comparison, with the authorities used and dropped and a plain-English verdict.',
})
export class Evaluation {
  @Field(() => EvaluationCohort, { description: 'The cohort evaluated.' })
  cohort!: EvaluationCohort;

  @Field(() => Metric, { description: 'The outcome metric.' })
  metric!: Metric;

  @Field(() => EvaluationTransform, { description: 'The scale effects are estimated on.' })
  transform!: EvaluationTransform;

  @Field(() => String, { description: 'The unit of the effects, in words ("percentage points", "log points (0.01 ≈ 1%)", "index points (January 2022 = 100)").' })
  unitLabel!: string;

  @Field(() => EvaluationComparison, { description: 'The comparison group.' })
  comparison!: EvaluationComparison;

  @Field(() => String, { description: 'The comparison group in words.' })
  comparisonLabel!: string;

  @Field(() => EvaluationComparisonTiming, { description: 'Never-treated or not-yet-treated comparison units.' })
  comparisonTiming!: EvaluationComparisonTiming;

  @Field(() => EvaluationWindow, { description: 'The periods analysed.' })
  window!: EvaluationWindow;

  @Field(() => [EvaluationStart], { description: 'The cohort\'s starts.' })
  starts!: EvaluationStart[];

  @Field(() => Period, { description: 'The base period of the indexed figures (= 100).' })
  indexBase!: Period;

  @Field(() => [EvaluationGroupMean], { description: 'Each group\'s mean by period, in levels and indexed, with 95% intervals.' })
  groupMeans!: EvaluationGroupMean[];

  @Field(() => [EvaluationEventTime], { description: 'The event study: the effect by periods since the start, with 95% intervals.' })
  eventStudy!: EvaluationEventTime[];

  @Field(() => [EvaluationGroupTime], { description: 'Every group-time effect the aggregates are made of.' })
  groupTime!: EvaluationGroupTime[];

  @Field(() => EvaluationEffect, { description: 'The overall difference in differences (Callaway and Sant\'Anna, every post period of every start, weighted by cohort size), with its 95% interval.' })
  overall!: EvaluationEffect;

  @Field(() => EvaluationSimpleDifference, { description: 'The simple 2×2 check.' })
  simple!: EvaluationSimpleDifference;

  @Field(() => EvaluationPermutation, { description: 'The permutation test of the overall effect.' })
  permutation!: EvaluationPermutation;

  @Field(() => EvaluationPreTrends, { description: 'Pre-trend checks.' })
  preTrends!: EvaluationPreTrends;

  @Field(() => EvaluationSynthetic, { nullable: true, description: 'The focus authority\'s synthetic comparison; null without a focus.' })
  synthetic!: EvaluationSynthetic | null;

  @Field(() => [EvaluationAuthority], { description: 'Authorities used: the cohort\'s, then the comparison group\'s, by name.' })
  authorities!: EvaluationAuthority[];

  @Field(() => [EvaluationDropped], { description: 'Authorities of the cohort or the comparison group left out, with why.' })
  dropped!: EvaluationDropped[];

  @Field(() => [String], { description: 'Where the succession mapping was used (split authorities joined to their predecessor), or why it could not be.' })
  successions!: string[];

  @Field(() => EvaluationVerdict, { description: 'The verdict and its caveats.' })
  verdict!: EvaluationVerdict;

  @Field(() => EvaluationMethod, { description: 'Method and parameters.' })
  method!: EvaluationMethod;

  @Field(() => String, { description: 'The data version the answer was computed from (changes at every import).' })
  dataVersion!: string;
}
