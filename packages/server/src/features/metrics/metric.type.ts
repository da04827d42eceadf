import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Period } from '../../graphql/common.types';
import { MetricIdScalar, PeriodCodeScalar } from '../../graphql/scalars';

export enum ThemeEnum {
  PLANS = 'plans',
  INCLUSION = 'inclusion',
  PROCESS = 'process',
  NEEDS = 'needs',
  SPEND = 'spend',
}
registerEnumType(ThemeEnum, { name: 'Theme', description: 'The group a metric belongs to.' });

export enum UnitEnum {
  COUNT = 'count',
  PERCENT = 'percent',
  RATE_PER_1000 = 'rate_per_1000',
  GBP = 'gbp',
  GBP_PER_PLAN = 'gbp_per_plan',
  GBP_PER_HEAD = 'gbp_per_head',
}
registerEnumType(UnitEnum, { name: 'Unit', description: 'What a value counts: a number, a percentage, a rate per 1,000, pounds, pounds per EHC plan, pounds per head.' });

export enum PolarityEnum {
  HIGHER_IS_BETTER = 'higher_is_better',
  LOWER_IS_BETTER = 'lower_is_better',
  NEUTRAL = 'neutral',
}
registerEnumType(PolarityEnum, { name: 'Polarity', description: 'Whether a higher value is better, worse, or neither (most SEND measures are context, not targets).' });

export enum PeriodTypeEnum {
  JANUARY = 'january',
  CALENDAR_YEAR = 'calendar_year',
  FINANCIAL_YEAR = 'financial_year',
}
registerEnumType(PeriodTypeEnum, {
  name: 'PeriodType',
  description: 'JANUARY: a census count at January, coded by academic year (202425 = January 2025); CALENDAR_YEAR: activity in a year (2024); FINANCIAL_YEAR: April–March (202425 = 2024-25).',
});

@ObjectType({ simpleResolvers: true, description: 'A point after which a series is not comparable with what came before.' })
export class SeriesBreak {
  @Field(() => PeriodCodeScalar, { description: 'First period of the new series.' })
  period!: number;

  @Field(() => String, { description: 'Why the series breaks.' })
  note!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A metric of the catalogue: its definition, how it is derived, where it comes from, and the periods with data.' })
export class Metric {
  @Field(() => MetricIdScalar, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'Short label.' })
  label!: string;

  @Field(() => String, { description: 'What the number means, in plain English.' })
  description!: string;

  @Field(() => ThemeEnum, { description: 'Theme.' })
  theme!: ThemeEnum;

  @Field(() => UnitEnum, { description: 'Unit of values.' })
  unit!: UnitEnum;

  @Field(() => Int, { description: 'Decimal places to show.' })
  decimals!: number;

  @Field(() => PolarityEnum, { description: 'Whether higher is better.' })
  polarity!: PolarityEnum;

  @Field(() => PeriodTypeEnum, { description: 'How periods are counted.' })
  periodType!: PeriodTypeEnum;

  @Field(() => String, { description: 'The formula, e.g. "mainstream_total ÷ ehcplans × 100".' })
  formula!: string;

  @Field(() => Boolean, { description: 'True when the value is a proportion of a published count, so a confidence interval and a significance test apply.' })
  isProportion!: boolean;

  @Field(() => Boolean, { description: 'True when a peer group aggregate can be computed (sum of numerators over sum of denominators, or a sum).' })
  aggregatable!: boolean;

  @Field(() => String, { description: 'Publication, file and columns the figures come from.' })
  source!: string;

  @Field(() => [String], { description: 'What to bear in mind when reading it.' })
  caveats!: string[];

  @Field(() => [SeriesBreak], { description: 'Where the series is not comparable over time.' })
  seriesBreaks!: SeriesBreak[];

  @Field(() => [Period], { description: 'Periods in which any area has a value, oldest first.' })
  periods!: Period[];

  @Field(() => Period, { nullable: true, description: 'The latest period in which local authorities have values.' })
  latestPeriod!: Period | null;
}
