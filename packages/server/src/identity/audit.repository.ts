import type { Db } from '../db/database';
import type { AUDIT_EVENTS } from '../db/migrations/0012-audit-events';
import type { Principal } from './principal';

export type AuditEventKind = (typeof AUDIT_EVENTS)[number];

export interface AuditEventRow {
  id: string;
  at: Date;
  event: AuditEventKind;
  subject: string | null;
  role: string | null;
  laCode: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
}

/**
 * Appends one event to the audit log (the table refuses UPDATE and DELETE).
 *
 * SQL: insert into audit_event (event, subject, role, la_code, request_id, detail) values ($1, …)
 */
export async function appendAuditEvent(db: Db, event: AuditEventKind, principal: Principal | undefined, detail: Record<string, unknown> = {}, requestId?: string): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({ event, subject: principal?.subject ?? null, role: principal?.role ?? null, la_code: principal?.laCode ?? null, request_id: requestId ?? null, detail: JSON.stringify(detail) })
    .execute();
}

/**
 * One page of the audit log, newest first: `first` events with ids below `before` (the previous
 * page's last id), and the total count.
 *
 * SQL: select … from audit_event where id < $before order by id desc limit $first; select count(*) from audit_event
 */
export async function selectAuditEvents(db: Db, page: { first: number; before?: string }): Promise<{ rows: AuditEventRow[]; totalCount: number }> {
  let query = db.selectFrom('audit_event').select(['id', 'at', 'event', 'subject', 'role', 'la_code', 'request_id', 'detail']).orderBy('id', 'desc').limit(page.first);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  const [rows, count] = await Promise.all([query.execute(), db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()]);
  return {
    rows: rows.map((r) => ({ id: String(r.id), at: new Date(r.at), event: r.event as AuditEventKind, subject: r.subject, role: r.role, laCode: r.la_code, requestId: r.request_id, detail: r.detail })),
    totalCount: Number(count.n),
  };
}
