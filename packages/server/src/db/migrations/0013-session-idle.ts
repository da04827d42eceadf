import { type Kysely, sql } from 'kysely';

/**
 * Sessions end after SESSION_IDLE_SECONDS without a request, not only at their absolute expiry
 * (SESSION_TTL_SECONDS): a browser left signed in on a shared desk stops being a way in to
 * provisional figures. `last_seen_at` is when the session was last used, kept to the minute.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table user_session add column last_seen_at timestamptz not null default now()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table user_session drop column last_seen_at`.execute(db);
}
