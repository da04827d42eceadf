import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'One imported file: where every figure comes from.' })
export class Release {
  @Field(() => Int, { description: 'Release id (MetricValue.releaseIds point here).' })
  id!: number;

  @Field(() => String, { description: 'Data set (e.g. ehcp_caseload) or reference kind (la_lookup, statistical_neighbours, programmes).' })
  dataset!: string;

  @Field(() => String, { description: 'Publication.' })
  publication!: string;

  @Field(() => String, { description: 'File name as imported.' })
  fileName!: string;

  @Field(() => String, { description: 'SHA-256 of the file\'s bytes.' })
  sha256!: string;

  @Field(() => Int, { description: 'Latest period in the file (a newer edition of a data set replaces older figures).' })
  edition!: number;

  @Field(() => Int, { description: 'Data rows read.' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Rows loaded.' })
  rowsLoaded!: number;

  @Field(() => Int, { description: 'Figures (cells) loaded.' })
  observations!: number;

  @Field(() => [String], { description: 'What the import noted about the file (quirks handled).' })
  warnings!: string[];

  @Field(() => String, { description: 'When it was imported (ISO 8601).' })
  importedAt!: string;

  @Field(() => Int, { description: 'Import time in milliseconds.' })
  durationMs!: number;

  @Field(() => String, { description: '"loaded", or "superseded" when a newer release of the data set replaced all its figures.' })
  status!: string;

  @Field(() => Int, { nullable: true, description: 'The release that superseded it.' })
  supersededBy!: number | null;
}
