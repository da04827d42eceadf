import { type Kysely, sql } from 'kysely';

/** The audit log's events (issue 20; uploads come with the provisional data). */
export const AUDIT_EVENTS = ['sign-in', 'sign-out', 'role-change', 'denied'] as const;

/**
 * Sign-in: server-side sessions (the cookie holds only a random token; its SHA-256 is stored),
 * the last role of each subject (to notice role changes), and the append-only audit log, whose
 * trigger refuses UPDATE and DELETE (TRUNCATE too) for every role that is not its owner's superuser
 * bypass: rows are only ever added.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table user_session (
      id_hash text primary key,
      subject text,
      name text,
      email text,
      role text check (role in ('anonymous', 'la_user', 'dfe_analyst', 'admin')),
      la_code text,
      pending jsonb,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )
  `.execute(db);
  await sql`create index user_session_expires_at on user_session (expires_at)`.execute(db);
  await sql`
    create table account (
      subject text primary key,
      role text not null,
      la_code text,
      last_sign_in_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`
    create table audit_event (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      event text not null check (event in (${sql.join(AUDIT_EVENTS.map((e) => sql.lit(e)))})),
      subject text,
      role text,
      la_code text,
      request_id text,
      detail jsonb not null default '{}'
    )
  `.execute(db);
  await sql`
    create function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end
    $$
  `.execute(db);
  await sql`create trigger audit_event_no_update_or_delete before update or delete on audit_event for each row execute function audit_event_append_only()`.execute(db);
  await sql`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table audit_event`.execute(db);
  await sql`drop function audit_event_append_only()`.execute(db);
  await sql`drop table account`.execute(db);
  await sql`drop table user_session`.execute(db);
}
