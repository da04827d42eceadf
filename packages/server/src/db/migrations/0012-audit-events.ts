import { type Kysely, sql } from 'kysely';
import { AUDIT_EVENTS as PROVISIONAL_EVENTS } from './0010-provisional';

/**
 * The audit log's events from this migration on: an upload refused for what it holds (until now
 * only refusals for the caller's role were logged), and each creation, change and deletion of a
 * saved comparator set or view (a set shared by link is readable by anyone signed in who has the
 * link, so who shared what, and when, belongs in the log).
 */
export const AUDIT_EVENTS = [...PROVISIONAL_EVENTS, 'provisional-refused', 'saved-create', 'saved-change', 'saved-delete'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_event drop constraint audit_event_event_check`.execute(db);
  await sql`alter table audit_event add constraint audit_event_event_check check (event in (${sql.join(AUDIT_EVENTS.map((e) => sql.lit(e)))}))`.execute(db);
}

/** Back to 0010's events: the log is append-only, so events of the newer kinds, once written, keep the older check from being added (it is added NOT VALID: it holds for new rows). */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_event drop constraint audit_event_event_check`.execute(db);
  await sql`alter table audit_event add constraint audit_event_event_check check (event in (${sql.join(PROVISIONAL_EVENTS.map((e) => sql.lit(e)))})) not valid`.execute(db);
}
