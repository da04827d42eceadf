import { Field, Int, ObjectType } from 'type-graphql';
import { ConfidenceInterval, Direction, MetricValue, Period, Significance } from '../../graphql/common.types';
import { Authority } from '../authorities/authority.type';
import { SetStatistics } from '../comparisons/comparison.type';
import { Metric } from '../metrics/metric.type';
import { PeerGroup } from '../peer-groups/peer-group.type';

@ObjectType({ simpleResolvers: true, description: 'One metric of an LA\'s profile, with its benchmarks.' })
export class ProfileMetric {
  @Field(() => Metric, { description: 'The metric.' })
  metric!: Metric;

  @Field(() => Period, { description: 'The period of the profile year for this metric.' })
  period!: Period;

  @Field(() => MetricValue, { description: 'The LA\'s value (status x when it has none).' })
  value!: MetricValue;

  @Field(() => MetricValue, { description: 'England.' })
  england!: MetricValue;

  @Field(() => MetricValue, { description: 'The LA\'s region.' })
  region!: MetricValue;

  @Field(() => SetStatistics, { description: 'The peer set: median, quartiles, range, aggregate.' })
  peers!: SetStatistics;

  @Field(() => Int, { nullable: true, description: 'The LA\'s rank in the peer set (1 = highest value).' })
  rank!: number | null;

  @Field(() => Int, { description: 'Members of the peer set with a value (the N in "rank n of N").' })
  rankOutOf!: number;

  @Field(() => Int, { nullable: true, description: 'Quartile band in the peer set (4 = highest quarter).' })
  quartileBand!: number | null;

  @Field(() => Int, { description: 'Peers with a higher value than the LA.' })
  peersAbove!: number;

  @Field(() => Int, { description: 'Peers with a lower value than the LA.' })
  peersBelow!: number;

  @Field(() => MetricValue, { description: 'The LA\'s value in the previous period.' })
  previous!: MetricValue;

  @Field(() => Direction, { nullable: true, description: 'Change from the previous period; null when either is missing.' })
  direction!: Direction | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: '95% Wilson interval (proportions with counts).' })
  confidenceInterval!: ConfidenceInterval | null;

  @Field(() => Significance, { nullable: true, description: 'Against England at 95%, where an interval exists.' })
  significance!: Significance | null;

  @Field(() => [MetricValue], { description: 'The LA\'s values in every period (for a sparkline), oldest first.' })
  series!: MetricValue[];

  /** The peer set's members (not exposed here: Profile.peerGroup lists them), for placing a provisional value. */
  peerCodes!: readonly string[];
}

@ObjectType({ simpleResolvers: true, description: 'Every metric for one LA at once, against England, its region and a peer set.' })
export class Profile {
  @Field(() => Authority, { description: 'The LA.' })
  authority!: Authority;

  @Field(() => Int, { description: 'Reporting year: January census counts of that year, the financial year ending in it, and the calendar year before it.' })
  year!: number;

  @Field(() => PeerGroup, { description: 'The peer set.' })
  peerGroup!: PeerGroup;

  @Field(() => [ProfileMetric], { description: 'One entry per catalogue metric, in catalogue order.', complexity: ({ childComplexity }) => 80 * childComplexity })
  metrics!: ProfileMetric[];
}
