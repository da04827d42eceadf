import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LaCodeScalar } from '../../graphql/scalars';
import { Authority } from '../authorities/authority.type';

export enum PeerKind {
  STATISTICAL_NEIGHBOURS = 'statistical_neighbours',
  REGION = 'region',
  DBV = 'dbv',
  SAFETY_VALVE = 'safety_valve',
  ENGLAND = 'england',
  CUSTOM = 'custom',
}
registerEnumType(PeerKind, {
  name: 'PeerKind',
  description:
    'STATISTICAL_NEIGHBOURS: an LA and its 10 neighbours; REGION: current LAs of a region; DBV: the DBV in SEND cohort (or one tranche); SAFETY_VALVE: LAs with an agreement; ENGLAND: all current LAs; CUSTOM: a list of 1–30 LAs.',
});

export const MAX_CUSTOM_PEERS = 30;

@InputType({ description: 'A comparator set, as the URL and the API both carry it.' })
export class PeerSelector {
  @Field(() => PeerKind, { nullable: true, description: 'Which kind of set; leave out when giving savedSetId.' })
  kind?: PeerKind | null;

  @Field(() => LaCodeScalar, { nullable: true, description: 'For STATISTICAL_NEIGHBOURS and REGION: whose neighbours or region (default: the focus LA).' })
  of?: string | null;

  @Field(() => Int, { nullable: true, description: 'For DBV: tranche 1, 2 or 3 (omit for the whole cohort).' })
  tranche?: number | null;

  @Field(() => [LaCodeScalar], { nullable: true, description: `For CUSTOM: 1 to ${MAX_CUSTOM_PEERS} LA codes.` })
  codes?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A saved comparator set (the caller\'s own, or one shared by link), instead of kind: answered exactly as the same list given as CUSTOM codes. Needs sign-in.' })
  savedSetId?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A named set of LAs to compare with.' })
export class PeerGroup {
  @Field(() => String, { description: 'Stable id, e.g. "statistical_neighbours:886", "region:E12000008", "dbv:2", "safety_valve", "england".' })
  id!: string;

  @Field(() => PeerKind, { description: 'Kind of set.' })
  kind!: PeerKind;

  @Field(() => String, { description: 'Label, e.g. "Kent and its 10 statistical neighbours (LAIT 2025)".' })
  label!: string;

  @Field(() => Int, { description: 'Number of members.' })
  size!: number;

  @Field(() => Boolean, { description: 'True when the published list behind this set is known to be incomplete (DBV tranche 3, Safety Valve 2022-23).' })
  listIncomplete!: boolean;

  @Field(() => String, { nullable: true, description: 'Where the list comes from and what is missing.' })
  note!: string | null;

  @Field(() => [Authority], { description: 'Members, by name.', complexity: ({ childComplexity }) => 153 * childComplexity })
  members!: Authority[];
}
