import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RoleName {
  ANONYMOUS = 'anonymous',
  LA_USER = 'la_user',
  DFE_ANALYST = 'dfe_analyst',
  ADMIN = 'admin',
}
registerEnumType(RoleName, {
  name: 'Role',
  description: 'What a caller may see: published data (ANONYMOUS), one LA\'s own figures (LA_USER), every LA\'s (DFE_ANALYST), and the service\'s administration (ADMIN).',
});

export enum SignInMethod {
  NONE = 'none',
  SESSION = 'session',
  BEARER = 'bearer',
  LOCAL = 'local',
}
registerEnumType(SignInMethod, { name: 'SignInMethod', description: 'How the caller proved who they are: not at all, a browser session, a bearer token, or embedded mode\'s local user (no identity provider).' });

@ObjectType({ description: 'The caller, as this request sees them.', simpleResolvers: true })
export class Me {
  @Field(() => RoleName)
  role!: RoleName;

  @Field(() => SignInMethod)
  method!: SignInMethod;

  @Field(() => Boolean, { description: 'False for anonymous callers.' })
  signedIn!: boolean;

  @Field(() => String, { nullable: true, description: "The identity provider's subject." })
  subject!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'The LA (3-digit DfE number) an LA user is bound to.' })
  laCode!: string | null;
}

@ObjectType({ description: 'One entry of the append-only audit log.', simpleResolvers: true })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'When (ISO 8601).' })
  at!: string;

  @Field(() => String, { description: 'sign-in, sign-out, role-change or denied.' })
  event!: string;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  laCode!: string | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field(() => String, { description: 'What happened, as JSON (e.g. the previous role of a role change, the reason of a denial).' })
  detail!: string;
}

@ObjectType({ description: 'A page of the audit log, newest first.', simpleResolvers: true })
export class AuditEventPage {
  @Field(() => [AuditEvent])
  events!: AuditEvent[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => ID, { nullable: true, description: 'Pass as `before` for the next (older) page; null on the last page.' })
  nextBefore!: string | null;
}
