import type { MetricDefinition } from '@sendbench/schema';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ConfidenceInterval, MetricValue, Period, Significance } from '../../graphql/common.types';
import { Authority } from '../authorities/authority.type';
import { Metric } from '../metrics/metric.type';
import { PeerGroup } from '../peer-groups/peer-group.type';
import type { AuthorityRecord } from '../reference/reference.service';

/** One member of a set as ranked, before it becomes an API object (only the members a response shows do). */
export interface MemberFigures {
  authority: AuthorityRecord;
  value: MetricValue;
  rank: number | null;
  quartileBand: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A peer set\'s own figure: sum of numerators over sum of denominators (or a sum, for counts and £), never an average of rates.' })
export class AggregateValue {
  @Field(() => Float, { nullable: true, description: 'The aggregate, in the metric\'s unit; null when the metric cannot be aggregated (a published rate with no counts) or no member has counts.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sum of numerators.' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sum of denominators.' })
  denominator!: number | null;

  @Field(() => Int, { description: 'Members that contributed (those with published counts).' })
  members!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Distribution of a metric over a set of LAs (members with a value only). Quantiles interpolate linearly between order statistics (R type 7, Excel QUARTILE.INC).' })
export class SetStatistics {
  @Field(() => Int, { description: 'Members in the set.' })
  count!: number;

  @Field(() => Int, { description: 'Members with a value.' })
  withValue!: number;

  @Field(() => Float, { nullable: true, description: 'Median.' })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower quartile (25th percentile).' })
  lowerQuartile!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper quartile (75th percentile).' })
  upperQuartile!: number | null;

  @Field(() => Float, { nullable: true, description: 'Smallest value.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest value.' })
  max!: number | null;

  @Field(() => AggregateValue, { description: 'The set\'s aggregate.' })
  aggregate!: AggregateValue;
}

@ObjectType({ simpleResolvers: true, description: 'One member of a comparison. A member with no value keeps its place and its status (never a zero), with no rank.' })
export class ComparisonMember {
  @Field(() => Authority, { description: 'The LA.' })
  authority!: Authority;

  @Field(() => MetricValue, { description: 'Its value and status.' })
  value!: MetricValue;

  @Field(() => Int, { nullable: true, description: 'Rank in the set, 1 = highest value; ties share the best rank. Null without a value.' })
  rank!: number | null;

  @Field(() => Int, { nullable: true, description: 'Quartile band in the set: 4 = highest quarter, 1 = lowest (ceil(4 × position / n) by ascending position). Null without a value.' })
  quartileBand!: number | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: '95% Wilson score interval, for proportions with published counts.' })
  confidenceInterval!: ConfidenceInterval | null;

  @Field(() => Significance, { nullable: true, description: 'Compared with England at 95% (proportions with counts only).' })
  significance!: Significance | null;

  @Field(() => Boolean, { description: 'True for the focus LA.' })
  isFocus!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'One metric and period over a set of LAs, with the focus LA, England and its region.' })
export class Comparison {
  @Field(() => Metric, { description: 'The metric.' })
  metric!: Metric;

  @Field(() => Period, { description: 'The period compared.' })
  period!: Period;

  @Field(() => Authority, { nullable: true, description: 'The focus LA, if one was given.' })
  focus!: Authority | null;

  @Field(() => PeerGroup, { description: 'The comparator set.' })
  peerGroup!: PeerGroup;

  // `members` and `focusMember` are field resolvers (ComparisonResolver): they turn only the members
  // asked for into API objects, from the figures kept here (not exposed): the first `through`
  // places of the display order (every member when null), as the set was read, and the focus's.
  shown!: readonly MemberFigures[];

  through!: number | null;

  focusFigures!: MemberFigures | null;

  definition!: MetricDefinition;

  @Field(() => SetStatistics, { description: 'Median, quartiles, range and aggregate of the set.' })
  statistics!: SetStatistics;

  @Field(() => MetricValue, { description: 'England\'s published (or summed) value.' })
  england!: MetricValue;

  @Field(() => MetricValue, { nullable: true, description: 'The focus LA\'s region\'s value.' })
  region!: MetricValue | null;
}
