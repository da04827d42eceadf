import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Area } from '../../graphql/common.types';
import { AreaCodeScalar, LaCodeScalar, PeriodCodeScalar } from '../../graphql/scalars';

export enum ProgrammeEnum {
  DBV = 'dbv',
  SAFETY_VALVE = 'safety_valve',
}
registerEnumType(ProgrammeEnum, {
  name: 'Programme',
  description: 'DBV: Delivering Better Value in SEND (three tranches). SAFETY_VALVE: DSG very-high-deficit intervention agreements.',
});

@ObjectType({ simpleResolvers: true, description: 'Membership of a DfE programme, with where the list comes from and whether it is known to be incomplete.' })
export class ProgrammeMembership {
  @Field(() => ProgrammeEnum, { description: 'The programme.' })
  programme!: ProgrammeEnum;

  @Field(() => String, { description: 'DBV tranche ("1", "2", "3") or Safety Valve agreement year ("2022-23").' })
  cohort!: string;

  @Field(() => String, { description: 'Source of the list.' })
  source!: string;

  @Field(() => Boolean, { description: 'True when the published list this comes from is known to be incomplete: anything shown from it must say so.' })
  listIncomplete!: boolean;

  @Field(() => String, { nullable: true, description: 'What is known to be missing.' })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One of an LA\'s statistical neighbours (DfE children\'s services model).' })
export class StatisticalNeighbour {
  @Field(() => Int, { description: 'Rank 1 (closest) to 10.' })
  rank!: number;

  @Field(() => String, { description: 'Proximity band: Extremely close, Very close, Close, Somewhat close, Not close.' })
  proximity!: string;

  @Field(() => String, { description: 'The model, e.g. "LAIT 2025".' })
  model!: string;

  @Field(() => LaCodeScalar, { description: 'The neighbour\'s DfE LA number.' })
  code!: string;

  @Field(() => String, { description: 'The neighbour\'s name.' })
  name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A reorganisation: one LA replaced by others.' })
export class Succession {
  @Field(() => LaCodeScalar, { description: 'The LA before.' })
  predecessorCode!: string;

  @Field(() => LaCodeScalar, { description: 'An LA after.' })
  successorCode!: string;

  @Field(() => PeriodCodeScalar, { description: 'First academic-year period of the successor.' })
  fromPeriod!: number;

  @Field(() => String, { description: 'What happened.' })
  note!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A local authority (keyed by its 3-digit DfE LA number), current or a predecessor.' })
export class Authority {
  @Field(() => LaCodeScalar, { description: 'DfE LA number, e.g. "886".' })
  code!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { description: 'Current ONS code.' })
  onsCode!: string;

  @Field(() => [String], { description: 'Every code the LA is known by: its DfE number and each E-code seen in the data.' })
  codes!: string[];

  @Field(() => Boolean, { description: 'False for predecessor LAs (Cumbria, Northamptonshire, Bournemouth, Poole, old Dorset).' })
  isCurrent!: boolean;

  @Field(() => PeriodCodeScalar, { nullable: true, description: 'First January period in the 2025 EHC plans release.' })
  firstPeriod!: number | null;

  @Field(() => PeriodCodeScalar, { nullable: true, description: 'Last January period in the 2025 EHC plans release.' })
  lastPeriod!: number | null;

  @Field(() => String, { nullable: true, description: 'Notes from the LA lookup.' })
  notes!: string | null;

  regionCode!: string;
}

@ObjectType({ simpleResolvers: true, description: 'An edge of the authorities connection.' })
export class AuthorityEdge {
  @Field(() => String, { description: 'Opaque cursor; pass as `after` to continue.' })
  cursor!: string;

  @Field(() => Authority, { description: 'The authority.' })
  node!: Authority;
}

@ObjectType({ simpleResolvers: true, description: 'Paging information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More results follow.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge.' })
  endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of authorities, ordered by name.' })
export class AuthorityConnection {
  @Field(() => Int, { description: 'How many authorities match the filter in all.' })
  totalCount!: number;

  @Field(() => [AuthorityEdge], { description: 'This page.' })
  edges!: AuthorityEdge[];

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo!: PageInfo;
}

export enum AuthorityStatusFilter {
  CURRENT = 'current',
  PREDECESSOR = 'predecessor',
  ALL = 'all',
}
registerEnumType(AuthorityStatusFilter, { name: 'AuthorityStatus', description: 'Current LAs, predecessors, or both.' });

export enum ProgrammeFilter {
  DBV_ANY = 'dbv',
  DBV_TRANCHE_1 = 'dbv_1',
  DBV_TRANCHE_2 = 'dbv_2',
  DBV_TRANCHE_3 = 'dbv_3',
  SAFETY_VALVE = 'safety_valve',
}
registerEnumType(ProgrammeFilter, { name: 'ProgrammeFilter', description: 'Members of a programme (DBV any tranche or one tranche; Safety Valve).' });

@InputType({ description: 'Which authorities to list.' })
export class AuthorityFilter {
  @Field(() => AreaCodeScalar, { nullable: true, description: 'Only LAs in this region (ONS code, e.g. E12000008).' })
  region?: string | null;

  @Field(() => ProgrammeFilter, { nullable: true, description: 'Only members of this programme.' })
  programme?: ProgrammeFilter | null;

  @Field(() => String, { nullable: true, description: 'Name contains this text, or a code equals it (case-insensitive).' })
  search?: string | null;

  @Field(() => AuthorityStatusFilter, { nullable: true, description: 'Current (default), predecessor or all.' })
  status?: AuthorityStatusFilter | null;
}

export { Area };
