import { type Kysely, sql } from 'kysely';
import { AUDIT_EVENTS as IDENTITY_EVENTS } from './0009-identity';

/** The audit log's events from this migration on: sign-in's, and the provisional data's. */
export const AUDIT_EVENTS = [...IDENTITY_EVENTS, 'provisional-upload', 'provisional-share', 'provisional-withdraw', 'provisional-view'] as const;

/** The role provisional figures are read as (`SET LOCAL ROLE`): not their owner, so row-level security applies to it. */
export const PROVISIONAL_READER = 'sendbench_reader';

/**
 * Provisional data (issue 21): an LA's own upload of a data set, in the official tidy format, kept
 * with who sent it, when, its SHA-256 and a version per LA and data set; its observations as read
 * and the metric values derived from them (published figures for whatever the upload does not
 * cover). Published tables are untouched.
 *
 * Row-level security, enabled and forced, is the second wall behind the services' checks. Reads
 * run as `sendbench_reader` inside a transaction that has set `sendbench.role` and `sendbench.la`
 * (set_config(…, true)): an LA user sees its LA's uploads; a DfE analyst or an admin sees uploads
 * shared with DfE that are still active; nobody else sees a row. Writes run as the owner with
 * `sendbench.writer` on in their transaction; without it the owner sees nothing either (a
 * superuser, as in development, bypasses row-level security as PostgreSQL always lets it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    begin
      if not exists (select from pg_roles where rolname = ${sql.lit(PROVISIONAL_READER)}) then
        create role ${sql.id(PROVISIONAL_READER)} nologin;
      end if;
    exception
      when duplicate_object or unique_violation then null; -- another database of the cluster made it meanwhile
      when insufficient_privilege then
        raise exception 'Provisional data are read as the role %, which does not exist, and the database user % may not create roles (it needs CREATEROLE). As an administrator, run: CREATE ROLE % NOLOGIN; GRANT % TO %; then start again (docs/provisional-data.md).',
          ${sql.lit(PROVISIONAL_READER)}, current_user, ${sql.lit(PROVISIONAL_READER)}, ${sql.lit(PROVISIONAL_READER)}, quote_ident(current_user);
    end
    $$
  `.execute(db);
  // The connecting role must be able to become the reader (a superuser always can): granted here
  // unless an administrator has granted it already.
  await sql`
    do $$
    begin
      if not (select rolsuper from pg_roles where rolname = current_user) and not pg_has_role(current_user, ${sql.lit(PROVISIONAL_READER)}, 'MEMBER') then
        execute format('grant %I to %I', ${sql.lit(PROVISIONAL_READER)}, current_user);
      end if;
    exception when insufficient_privilege then
      raise exception 'Provisional data are read as the role %, and the database user % may not grant it to itself (it needs CREATEROLE, or the role granted by an administrator). As an administrator, run: GRANT % TO %; then start again (docs/provisional-data.md).',
        ${sql.lit(PROVISIONAL_READER)}, current_user, ${sql.lit(PROVISIONAL_READER)}, quote_ident(current_user);
    end
    $$
  `.execute(db);

  await sql`
    create table provisional_upload (
      id bigint generated always as identity primary key,
      la_code text not null,
      dataset text not null,
      version integer not null check (version > 0),
      uploader_subject text not null,
      uploaded_at timestamptz not null default now(),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      status text not null default 'active' check (status in ('active', 'superseded', 'withdrawn')),
      shared_with_dfe boolean not null default false,
      shared_at timestamptz,
      withdrawn_at timestamptz,
      file_name text not null,
      row_count integer not null check (row_count >= 0),
      unique (la_code, dataset, version)
    )
  `.execute(db);
  // At most one active upload per LA and data set: a new one supersedes it in the same transaction.
  await sql`create unique index provisional_upload_active on provisional_upload (la_code, dataset) where status = 'active'`.execute(db);
  await sql`
    create table provisional_observation (
      upload_id bigint not null references provisional_upload (id),
      dataset text not null,
      measure text not null,
      breakdown text not null,
      period integer not null,
      value double precision,
      status text not null,
      primary key (upload_id, measure, breakdown, period)
    )
  `.execute(db);
  await sql`
    create table provisional_metric_value (
      upload_id bigint not null references provisional_upload (id),
      metric_id text not null,
      period integer not null,
      value double precision,
      status text not null,
      numerator double precision,
      denominator double precision,
      primary key (upload_id, metric_id, period)
    )
  `.execute(db);
  // Response caches of signed-in callers key on this (every upload, share and withdrawal bumps it).
  await sql`create table provisional_state (id integer primary key check (id = 1), version bigint not null)`.execute(db);
  await sql`insert into provisional_state (id, version) values (1, 0)`.execute(db);

  for (const table of ['provisional_upload', 'provisional_observation', 'provisional_metric_value']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`create policy writer on ${sql.table(table)} for all using (current_setting('sendbench.writer', true) = 'on') with check (current_setting('sendbench.writer', true) = 'on')`.execute(db);
    await sql`grant select on ${sql.table(table)} to ${sql.id(PROVISIONAL_READER)}`.execute(db);
  }
  await sql`
    create policy reader on provisional_upload for select to ${sql.id(PROVISIONAL_READER)} using (
      (current_setting('sendbench.role', true) = 'la_user' and la_code = current_setting('sendbench.la', true))
      or (current_setting('sendbench.role', true) in ('dfe_analyst', 'admin') and shared_with_dfe and status = 'active')
    )
  `.execute(db);
  // A figure is visible when its upload is: the subquery is itself filtered by the policy above.
  for (const table of ['provisional_observation', 'provisional_metric_value']) {
    await sql`create policy reader on ${sql.table(table)} for select to ${sql.id(PROVISIONAL_READER)} using (upload_id in (select id from provisional_upload))`.execute(db);
  }

  await sql`alter table audit_event drop constraint audit_event_event_check`.execute(db);
  await sql`alter table audit_event add constraint audit_event_event_check check (event in (${sql.join(AUDIT_EVENTS.map((e) => sql.lit(e)))}))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_event drop constraint audit_event_event_check`.execute(db);
  await sql`alter table audit_event add constraint audit_event_event_check check (event in (${sql.join(IDENTITY_EVENTS.map((e) => sql.lit(e)))}))`.execute(db);
  await sql`drop table provisional_metric_value, provisional_observation, provisional_upload, provisional_state`.execute(db);
}
