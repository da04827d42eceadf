import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MetricValue, Period } from '../../graphql/common.types';
import { Authority } from '../authorities/authority.type';
import { Metric } from '../metrics/metric.type';
import { PeerGroup } from '../peer-groups/peer-group.type';

@ObjectType({ simpleResolvers: true, description: 'One LA on a scatter.' })
export class RelationshipPoint {
  @Field(() => Authority, { description: 'The LA.' })
  authority!: Authority;

  @Field(() => MetricValue, { description: 'Its x value.' })
  x!: MetricValue;

  @Field(() => MetricValue, { description: 'Its y value.' })
  y!: MetricValue;

  @Field(() => Boolean, { description: 'True for the focus LA.' })
  isFocus!: boolean;

  @Field(() => Boolean, { description: 'True for members of the `highlight` set.' })
  highlighted!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Least-squares line y = intercept + slope × x.' })
export class FittedLine {
  @Field(() => Float, { description: 'Slope.' })
  slope!: number;

  @Field(() => Float, { description: 'Intercept.' })
  intercept!: number;

  @Field(() => Float, { description: 'Share of variance explained (r²).' })
  rSquared!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Two metrics paired per LA over a set, with correlation and a fitted line over the LAs that have both values.' })
export class Relationship {
  @Field(() => Metric, { description: 'Horizontal metric.' })
  x!: Metric;

  @Field(() => Metric, { description: 'Vertical metric.' })
  y!: Metric;

  @Field(() => Period, { description: 'Period of x.' })
  xPeriod!: Period;

  @Field(() => Period, { description: 'Period of y.' })
  yPeriod!: Period;

  @Field(() => PeerGroup, { description: 'The set.' })
  peerGroup!: PeerGroup;

  @Field(() => [RelationshipPoint], { description: 'Every member, with both values and statuses (members missing either are kept, and not used in the statistics).', complexity: ({ childComplexity }) => 153 * childComplexity })
  points!: RelationshipPoint[];

  @Field(() => Int, { description: 'Members with both values: the n of the statistics.' })
  pairs!: number;

  @Field(() => Float, { nullable: true, description: 'Pearson\'s r (null with fewer than 3 pairs).' })
  pearson!: number | null;

  @Field(() => Float, { nullable: true, description: 'Spearman\'s rho (ranks, ties averaged).' })
  spearman!: number | null;

  @Field(() => FittedLine, { nullable: true, description: 'Least-squares line.' })
  line!: FittedLine | null;
}
