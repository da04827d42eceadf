import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Period } from '../../graphql/common.types';
import { AreaCodeScalar, MetricIdScalar } from '../../graphql/scalars';
import { Authority } from '../authorities/authority.type';
import { Metric } from '../metrics/metric.type';

export enum NoteKind {
  NOTE = 'note',
  CHECK = 'check',
}
registerEnumType(NoteKind, {
  name: 'NoteKind',
  description: 'NOTE: a curated note on a known problem (shipped with SENDbench, with its source). CHECK: the automatic rule found a year-on-year change far outside the authority\'s own and England\'s; the value is shown as published.',
});

@ObjectType({ simpleResolvers: true, description: 'A data-quality note on one value. A noted value is never hidden or altered.' })
export class ValueNote {
  @Field(() => String, { description: 'Stable id ("note:<line>" for a curated note, "check:<metric>:<area>:<period>" for a flag), for numbering footnotes once per page.' })
  id!: string;

  @Field(() => NoteKind, { description: 'Curated note or automatic check.' })
  kind!: NoteKind;

  @Field(() => String, { description: 'What to bear in mind, in plain words.' })
  text!: string;

  @Field(() => String, { description: 'Where the note comes from.' })
  source!: string;

  @Field(() => MetricIdScalar, { description: 'The metric of the value.' })
  metricId!: string;

  @Field(() => AreaCodeScalar, { description: 'The area of the value.' })
  areaCode!: string;

  @Field(() => Period, { description: 'The period of the value.' })
  period!: Period;
}

@ObjectType({ simpleResolvers: true, description: 'A curated note as written in the notes file: which values it applies to, what it says and where it comes from.' })
export class CuratedNote {
  @Field(() => String, { description: 'Stable id ("note:<line>").' })
  id!: string;

  @Field(() => Authority, { nullable: true, description: 'The LA; null when the note applies to every area.' })
  authority!: Authority | null;

  @Field(() => String, { description: 'The metrics as the file names them: a metric id, dataset:<id>, series-break or *.' })
  selector!: string;

  @Field(() => [MetricIdScalar], { description: 'The metrics it applies to.' })
  metricIds!: string[];

  @Field(() => [Period], { description: 'The period, as each kind of metric it applies to reads it.' })
  periods!: Period[];

  @Field(() => String, { description: 'The note.' })
  text!: string;

  @Field(() => String, { description: 'Its source.' })
  source!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A value the automatic rule marks "check": its change from the period before lies far outside the LA\'s own changes and every LA\'s changes that period (robust z-scores of the log change, |z| ≥ 3.5 on the same side of both).' })
export class QualityFlag {
  @Field(() => String, { description: 'Stable id ("check:<metric>:<area>:<period>").' })
  id!: string;

  @Field(() => Metric, { description: 'The metric.' })
  metric!: Metric;

  @Field(() => Authority, { description: 'The LA.' })
  authority!: Authority;

  @Field(() => Period, { description: 'The period of the flagged value.' })
  period!: Period;

  @Field(() => Period, { description: 'The period before it.' })
  previousPeriod!: Period;

  @Field(() => Float, { description: 'The value, as published (or derived), unchanged.' })
  value!: number;

  @Field(() => Float, { description: 'The value in the period before.' })
  previousValue!: number;

  @Field(() => Float, { description: 'The change, in percent: (value ÷ previous − 1) × 100.' })
  changePercent!: number;

  @Field(() => Float, { description: 'The LA\'s median change, in percent (over its changes in every period).' })
  ownMedianChangePercent!: number;

  @Field(() => Float, { description: 'Every LA\'s median change that period, in percent.' })
  englandMedianChangePercent!: number;

  @Field(() => Float, { description: 'Robust z-score of the log change against the LA\'s own changes.' })
  zOwn!: number;

  @Field(() => Float, { description: 'Robust z-score of the log change against every LA\'s changes that period.' })
  zEngland!: number;

  @Field(() => Int, { description: 'Changes in the LA\'s own distribution.' })
  ownChanges!: number;

  @Field(() => Int, { description: 'LAs in England\'s distribution that period.' })
  englandChanges!: number;

  @Field(() => String, { description: 'What the flag says, in plain words.' })
  text!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Every data-quality note: the curated ones and the automatic flags.' })
export class DataQuality {
  @Field(() => String, { description: 'The automatic rule, in plain words.' })
  rule!: string;

  @Field(() => [CuratedNote], { description: 'The curated notes, in file order.' })
  curated!: CuratedNote[];

  @Field(() => [QualityFlag], { description: 'The automatic flags (filtered by the query\'s arguments), by metric, LA and period.', complexity: ({ childComplexity }) => 50 * childComplexity })
  flags!: QualityFlag[];
}
