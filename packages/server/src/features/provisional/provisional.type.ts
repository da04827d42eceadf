import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Period } from '../../graphql/common.types';
import { LaCodeScalar, MetricIdScalar } from '../../graphql/scalars';

export enum UploadStatus {
  ACTIVE = 'active',
  SUPERSEDED = 'superseded',
  WITHDRAWN = 'withdrawn',
}

registerEnumType(UploadStatus, { name: 'UploadStatus', description: 'An upload is active until a newer one of the same data set supersedes it or its LA withdraws it; every upload is kept.' });

@ObjectType({ simpleResolvers: true, description: 'One provisional upload: an LA\'s own figures for one data set, before publication. Visible to its LA\'s users, and to DfE analysts and admins once shared.' })
export class ProvisionalUpload {
  @Field(() => ID, { description: 'The upload.' })
  id!: string;

  @Field(() => LaCodeScalar, { description: 'The LA whose figures these are.' })
  laCode!: string;

  @Field(() => String, { description: 'The data set (as the official files\' data sets are named, e.g. dsg_deficit_pct).' })
  dataset!: string;

  @Field(() => Int, { description: '1, 2, … per LA and data set.' })
  version!: number;

  @Field(() => String, { description: 'The identity provider\'s subject of the LA user who uploaded it.' })
  uploader!: string;

  @Field(() => String, { description: 'When it was uploaded (ISO 8601).' })
  uploadedAt!: string;

  @Field(() => String, { description: 'SHA-256 of the file as received.' })
  sha256!: string;

  @Field(() => UploadStatus, { description: 'Active, superseded by a newer upload, or withdrawn.' })
  status!: UploadStatus;

  @Field(() => Boolean, { description: 'Whether its LA shared it with DfE.' })
  sharedWithDfe!: boolean;

  @Field(() => String, { nullable: true, description: 'When it was shared (ISO 8601).' })
  sharedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was withdrawn (ISO 8601).' })
  withdrawnAt!: string | null;

  @Field(() => String, { description: 'The file\'s name as uploaded.' })
  fileName!: string;

  @Field(() => Int, { description: 'Data rows read.' })
  rowCount!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'An LA\'s provisional figure for a metric and period, placed against its peers\' published figures: the peer statistics never include it. Always marked as provisional where shown.',
})
export class ProvisionalFigure {
  @Field(() => MetricIdScalar, { description: 'The metric.' })
  metricId!: string;

  @Field(() => LaCodeScalar, { description: 'The LA.' })
  laCode!: string;

  @Field(() => Period, { description: 'The period.' })
  period!: Period;

  @Field(() => Float, { nullable: true, description: 'The provisional value, in the metric\'s unit; null when its status is a symbol.' })
  value!: number | null;

  @Field(() => String, { description: '"value", or the symbol the upload gave (never read as zero).' })
  status!: string;

  @Field(() => Float, { nullable: true, description: 'Numerator behind the value, where the upload gives counts.' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Denominator behind the value.' })
  denominator!: number | null;

  @Field(() => Int, { nullable: true, description: 'The rank it would have among the peers\' published values (1 = highest): "would rank 12 of 153". Null without a value.' })
  wouldRank!: number | null;

  @Field(() => Int, { description: 'Peers with a published value, plus this LA (the N of "would rank n of N").' })
  rankOutOf!: number;

  @Field(() => Int, { nullable: true, description: 'Quartile band it would fall in among the peers\' published values (4 = highest quarter).' })
  quartileBand!: number | null;

  @Field(() => ProvisionalUpload, { description: 'The upload it comes from (its date, version and whether it is shared).' })
  upload!: ProvisionalUpload;
}

@ObjectType({ simpleResolvers: true, description: 'An LA\'s provisional figure in one period of a trend (not published; drawn dashed, marked P).' })
export class ProvisionalPoint {
  @Field(() => LaCodeScalar, { description: 'The LA.' })
  laCode!: string;

  @Field(() => Period, { description: 'The period.' })
  period!: Period;

  @Field(() => Float, { nullable: true, description: 'The provisional value; null when its status is a symbol.' })
  value!: number | null;

  @Field(() => String, { description: '"value", or the symbol the upload gave.' })
  status!: string;

  @Field(() => ProvisionalUpload, { description: 'The upload it comes from.' })
  upload!: ProvisionalUpload;
}
