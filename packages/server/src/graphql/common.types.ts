import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AreaCodeScalar, MetricIdScalar, PeriodCodeScalar } from './scalars';

export enum AreaLevel {
  NATIONAL = 'national',
  REGIONAL = 'regional',
  LOCAL_AUTHORITY = 'local_authority',
}
registerEnumType(AreaLevel, { name: 'AreaLevel', description: 'England, a region, or a local authority.' });

@ObjectType({ simpleResolvers: true, description: 'A period with its code and a human label ("January 2025", "2024-25", "2024").' })
export class Period {
  @Field(() => PeriodCodeScalar, { description: 'The DfE period code (202425, 2024).' })
  code!: number;

  @Field(() => String, { description: 'How the period reads: "January 2025" for census counts, "2024-25" for financial years, "2024" for calendar years.' })
  label!: string;
}

@ObjectType({ simpleResolvers: true, description: 'England, a region, or a local authority.' })
export class Area {
  @Field(() => AreaCodeScalar, { description: 'DfE LA number for LAs; ONS code for regions and England.' })
  code!: string;

  @Field(() => String, { description: 'Name as published.' })
  name!: string;

  @Field(() => AreaLevel, { description: 'National, regional or local authority.' })
  level!: AreaLevel;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'One figure of a metric for an area and period. A published symbol is kept as its status (x, z, c, low, u, k, :) with no number: never a zero.',
})
export class MetricValue {
  @Field(() => MetricIdScalar, { description: 'The metric.' })
  metricId!: string;

  @Field(() => AreaCodeScalar, { description: 'The area the figure is for.' })
  areaCode!: string;

  @Field(() => Period, { description: 'The period the figure is for.' })
  period!: Period;

  @Field(() => Float, { nullable: true, description: 'The value, in the metric\'s unit; null when the status is a symbol.' })
  value!: number | null;

  @Field(() => String, {
    description: '"value" when there is a number; otherwise the DfE symbol: x not available, z not applicable, c confidential, low rounds to 0, u low reliability, k below half the unit, : not available (legacy).',
  })
  status!: string;

  @Field(() => Float, { nullable: true, description: 'Numerator behind a rate (or the count itself for additive measures), where published counts exist.' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Denominator behind a rate, where published counts exist.' })
  denominator!: number | null;

  @Field(() => Boolean, { description: 'True when a region or England value was summed from its LAs because no figure is published for it.' })
  aggregated!: boolean;

  @Field(() => [Int], { description: 'Releases (see the releases query) the figure was derived from: every number can be traced to its file.' })
  releaseIds!: number[];
}

@ObjectType({ simpleResolvers: true, description: 'A 95% confidence interval, in the metric\'s unit.' })
export class ConfidenceInterval {
  @Field(() => Float, { description: 'Lower limit.' })
  lower!: number;

  @Field(() => Float, { description: 'Upper limit.' })
  upper!: number;

  @Field(() => String, { description: 'How it was computed ("Wilson score, 95%").' })
  method!: string;
}

export enum Significance {
  HIGHER = 'higher',
  LOWER = 'lower',
  SIMILAR = 'similar',
}
registerEnumType(Significance, {
  name: 'Significance',
  description: 'Compared with England at 95% confidence: the interval lies wholly above (HIGHER), wholly below (LOWER), or around England\'s value (SIMILAR).',
});

export enum Direction {
  UP = 'up',
  DOWN = 'down',
  SAME = 'same',
}
registerEnumType(Direction, { name: 'Direction', description: 'Change from the previous period.' });
