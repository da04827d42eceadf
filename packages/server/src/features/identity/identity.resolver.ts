import { Max, Min } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { ApiError, forbidden } from '../../graphql/errors';
import { appendAuditEvent, selectAuditEvents } from '../../identity/audit.repository';
import { hasRole } from '../../identity/principal';
import { AuditEventPage, Me, type RoleName, type SignInMethod } from './identity.type';

@ArgsType()
class AuditEventsArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Events per page (1–200).' })
  @Min(1)
  @Max(200)
  first!: number;

  @Field(() => ID, { nullable: true, description: "The previous page's nextBefore." })
  before?: string;
}

@Resolver()
export class IdentityResolver {
  @Query(() => Me, { description: 'Who this request is from: role, how they signed in, and the LA an LA user is bound to.' })
  me(@Ctx() ctx: ApiContext): Me {
    const p = ctx.principal;
    return { role: p.role as RoleName, method: p.source as SignInMethod, signedIn: p.role !== 'anonymous' || p.source !== 'none', subject: p.subject ?? null, name: p.name ?? null, email: p.email ?? null, laCode: p.laCode ?? null };
  }

  @Query(() => AuditEventPage, { description: 'The audit log (sign-ins, sign-outs, role changes, denied requests), newest first. Admins only.' })
  async auditEvents(@Args(() => AuditEventsArgs) { first, before }: AuditEventsArgs, @Ctx() ctx: ApiContext): Promise<AuditEventPage> {
    ctx.store.uncacheable = true;
    if (!hasRole(ctx.principal, 'admin')) {
      await appendAuditEvent(ctx.writeDb, 'denied', ctx.principal, { what: 'auditEvents', needed: 'admin' }, ctx.requestId);
      throw forbidden('The audit log', 'admin', ctx.principal.role);
    }
    if (before !== undefined && !/^\d{1,18}$/.test(before)) throw new ApiError('BAD_USER_INPUT', `before must be an event id from a previous page's nextBefore (digits); got ${JSON.stringify(before)}.`, { field: 'before', value: before });
    const { rows, totalCount } = await selectAuditEvents(ctx.writeDb, { first, before });
    return {
      events: rows.map((r) => ({ ...r, at: r.at.toISOString(), detail: JSON.stringify(r.detail) })),
      totalCount,
      nextBefore: rows.length === first ? rows[rows.length - 1].id : null,
    };
  }
}
