import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Authority } from '../authorities/authority.type';

/** At most this many comparator sets, and this many views, per user. */
export const MAX_SAVED_PER_USER = 100;

@ObjectType({ simpleResolvers: true, description: 'A named comparator set of 1–30 LAs, saved by a signed-in user. Use it as a peer set with `peers: { savedSetId: id }`.' })
export class ComparatorSet {
  @Field(() => ID, { description: 'The link id: whoever signed in has it may read a shared set.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'The members\' 3-digit DfE LA codes, in the order saved.' })
  codes!: string[];

  @Field(() => [Authority], { description: 'The members, in the order saved.', complexity: ({ childComplexity }) => 30 * childComplexity })
  members!: Authority[];

  @Field(() => Boolean, { description: 'True when any signed-in user with the link id may read and use it; false when only its owner may.' })
  shared!: boolean;

  @Field(() => Boolean, { description: 'True when the caller owns it (only the owner may change or delete it).' })
  mine!: boolean;

  @Field(() => Int, { description: '1 when created, one more after each change.' })
  version!: number;

  @Field(() => String, { description: 'ISO 8601.' })
  updatedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: "A page's URL state (its path and query string) with a name, saved by a signed-in user." })
export class SavedView {
  @Field(() => ID, { description: 'The link id: whoever signed in has it may open a shared view.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The page, e.g. "/compare".' })
  path!: string;

  @Field(() => String, { description: 'The query string ("" or starting with "?"), e.g. "?la=886&peers=region".' })
  search!: string;

  @Field(() => Boolean, { description: 'True when any signed-in user with the link id may open it.' })
  shared!: boolean;

  @Field(() => Boolean, { description: 'True when the caller owns it.' })
  mine!: boolean;

  @Field(() => String, { description: 'ISO 8601.' })
  updatedAt!: string;
}

@InputType({ description: 'A new comparator set.' })
export class ComparatorSetInput {
  @Field(() => String, { description: '1 to 100 characters.' })
  name!: string;

  @Field(() => [String], { description: '1 to 30 LA codes (3-digit DfE numbers or ONS E-codes); kept as DfE numbers, duplicates dropped.' })
  codes!: string[];

  @Field(() => Boolean, { defaultValue: false, description: 'Share by link with signed-in users.' })
  shared!: boolean;
}

@InputType({ description: 'Changes to a comparator set: only the fields given change.' })
export class ComparatorSetChanges {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  codes?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  shared?: boolean | null;
}

@InputType({ description: 'A view to save: a page path and its query string.' })
export class SavedViewInput {
  @Field(() => String, { description: '1 to 100 characters.' })
  name!: string;

  @Field(() => String, { description: 'The page, e.g. "/compare".' })
  path!: string;

  @Field(() => String, { defaultValue: '', description: 'The query string, "" or starting with "?".' })
  search!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Share by link with signed-in users.' })
  shared!: boolean;
}

@InputType({ description: 'Changes to a saved view: only the fields given change.' })
export class SavedViewChanges {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  shared?: boolean | null;
}
