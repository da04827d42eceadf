import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { LaCodeScalar, MetricIdScalar, PeriodCodeScalar } from '../../graphql/scalars';
import { EvaluationComparison, EvaluationComparisonTiming, EvaluationDonorPool, EvaluationTransform } from './evaluation.type';

/** Resampling draws when none are asked for (the floor). */
export const DEFAULT_EVALUATION_DRAWS = 999;
/** Most draws one request may ask for: bootstrap, permutation and placebo each run this many. */
export const MAX_EVALUATION_DRAWS = 4999;
/** The seed when none is given (issue 18). */
export const DEFAULT_EVALUATION_SEED = 18;
/** Largest seed: GraphQL's Int is a signed 32-bit integer. */
export const MAX_EVALUATION_SEED = 2_147_483_647;

@InputType({ description: 'A cohort start to use instead of the reference one (packages/schema/src/programmes/programme-starts.ts).' })
export class EvaluationStartInput {
  @Field(() => String, { description: 'Start id: "dbv:1", "dbv:2", "dbv:3", "safety_valve:2020-21", … (one of the cohort\'s).' })
  id!: string;

  @Field(() => Int, { description: 'Year (2000–2035).' })
  year!: number;

  @Field(() => Int, { description: 'Month (1–12).' })
  month!: number;
}

@ArgsType()
export class EvaluationArgs {
  @Field(() => String, { description: 'The cohort: "dbv" (every tranche, staggered), "dbv:1", "dbv:2", "dbv:3", "safety_valve" (every agreement year, staggered), "safety_valve:2020-21", "safety_valve:2021-22", "safety_valve:2022-23", "safety_valve:2023-24".' })
  cohort!: string;

  @Field(() => MetricIdScalar, { description: 'The outcome: a metric with local authority figures over several periods (e.g. pct_pupils_ehc_plan, ehc_plans, new_ehc_plans, pct_plans_mainstream, hn_spend_top_up_and_services, pct_issued_within_20_weeks).' })
  metric!: string;

  @Field(() => EvaluationTransform, { defaultValue: EvaluationTransform.LEVEL, description: 'The scale of the effects: LEVEL (default), LOG or INDEXED.' })
  transform!: EvaluationTransform;

  @Field(() => PeriodCodeScalar, { nullable: true, description: 'Base period of the indexed figures; the last period before the earliest start when omitted.' })
  indexBase?: number | null;

  @Field(() => EvaluationComparison, { defaultValue: EvaluationComparison.NO_PROGRAMME, description: 'The comparison group (NO_PROGRAMME by default).' })
  comparison!: EvaluationComparison;

  @Field(() => EvaluationComparisonTiming, { defaultValue: EvaluationComparisonTiming.NEVER_TREATED, description: 'Never-treated (default) or not-yet-treated comparison units.' })
  comparisonTiming!: EvaluationComparisonTiming;

  @Field(() => [EvaluationStartInput], { nullable: true, description: 'Starts to use instead of the reference ones, by start id.' })
  starts?: EvaluationStartInput[] | null;

  @Field(() => PeriodCodeScalar, { nullable: true, description: 'First period to use. Default: January 2016, 2016 or 2016-17 (after most statements had become EHC plans), or the first period with local authority figures if later; window.note says when the default cut earlier figures.' })
  from?: number | null;

  @Field(() => PeriodCodeScalar, { nullable: true, description: 'Last period to use (default: the last with local authority figures).' })
  to?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Use periods on both sides of a series break (the 2023 person-level SEN2 return for process measures). Refused by default: the window is cut to one side.' })
  straddleSeriesBreak!: boolean;

  @Field(() => Int, { defaultValue: DEFAULT_EVALUATION_DRAWS, description: `Bootstrap and permutation draws, ${DEFAULT_EVALUATION_DRAWS} to ${MAX_EVALUATION_DRAWS}.` })
  draws!: number;

  @Field(() => Int, { defaultValue: DEFAULT_EVALUATION_SEED, description: `Seed of the random stream, 0 to ${MAX_EVALUATION_SEED}: the same seed gives the same answer.` })
  seed!: number;

  @Field(() => LaCodeScalar, { nullable: true, description: 'A cohort authority for the synthetic comparison.' })
  focus?: string | null;

  @Field(() => EvaluationDonorPool, { defaultValue: EvaluationDonorPool.COMPARISON, description: 'The synthetic comparison\'s donors: the comparison group (default) or the focus authority\'s statistical neighbours in it.' })
  donors!: EvaluationDonorPool;
}
