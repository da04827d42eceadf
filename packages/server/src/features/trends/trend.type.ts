import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Area, Period } from '../../graphql/common.types';
import { Metric, SeriesBreak } from '../metrics/metric.type';

export enum TrendSeriesKind {
  AREA = 'area',
  PEER_AGGREGATE = 'peer_aggregate',
  PEER_MEDIAN = 'peer_median',
}
registerEnumType(TrendSeriesKind, { name: 'TrendSeriesKind', description: 'An area\'s own series, the peer set\'s aggregate (sum over sum), or the peer set\'s median.' });

@ObjectType({ simpleResolvers: true, description: 'One point of a series.' })
export class TrendPoint {
  @Field(() => Period, { description: 'Period.' })
  period!: Period;

  @Field(() => Float, { nullable: true, description: 'Value; null with a symbol status.' })
  value!: number | null;

  @Field(() => String, { description: '"value" or the DfE symbol (x when the area has no figure for the period).' })
  status!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A line of a trend chart.' })
export class TrendSeries {
  @Field(() => String, { description: 'Stable id: the area code, or "aggregate:<peer group id>" / "median:<peer group id>".' })
  id!: string;

  @Field(() => String, { description: 'Legend label.' })
  label!: string;

  @Field(() => TrendSeriesKind, { description: 'What the line is.' })
  kind!: TrendSeriesKind;

  @Field(() => Area, { nullable: true, description: 'The area, for AREA series.' })
  area!: Area | null;

  @Field(() => [TrendPoint], { description: 'One point per period of the trend, oldest first.' })
  points!: TrendPoint[];
}

@ObjectType({ simpleResolvers: true, description: 'A metric over time for several areas and, optionally, a peer set\'s aggregate and median.' })
export class Trend {
  @Field(() => Metric, { description: 'The metric.' })
  metric!: Metric;

  @Field(() => [Period], { description: 'The periods covered, oldest first.' })
  periods!: Period[];

  @Field(() => [TrendSeries], { description: 'The lines.' })
  series!: TrendSeries[];

  @Field(() => [SeriesBreak], { description: 'Breaks inside the range: values either side are not comparable.' })
  breaks!: SeriesBreak[];
}
