import { type Kysely, sql } from 'kysely';

/**
 * Saved views and named comparator sets (issue 21), one owner (the identity provider's subject)
 * each. `id` is the link id: random and unguessable, so a set or view shared by link is readable by
 * any signed-in user who has the link, and by no one else. Sets only name LAs (1–30 3-digit codes);
 * views only keep a page's path and query string. `version` counts edits of a set, and
 * `saved_set_revision` counts every change to any set: the response cache keys answers for a
 * saved set on it, so an edited, re-shared or deleted set never serves an old answer.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table comparator_set (
      id text primary key,
      owner text not null,
      name text not null check (char_length(name) between 1 and 100),
      codes text[] not null check (cardinality(codes) between 1 and 30),
      visibility text not null default 'private' check (visibility in ('private', 'link')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index comparator_set_owner on comparator_set (owner, name)`.execute(db);
  await sql`
    create table saved_view (
      id text primary key,
      owner text not null,
      name text not null check (char_length(name) between 1 and 100),
      path text not null check (path like '/%' and char_length(path) <= 100),
      search text not null default '' check (char_length(search) <= 2000),
      visibility text not null default 'private' check (visibility in ('private', 'link')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index saved_view_owner on saved_view (owner, name)`.execute(db);
  await sql`create table saved_set_revision (id integer primary key check (id = 1), revision bigint not null)`.execute(db);
  await sql`insert into saved_set_revision (id, revision) values (1, 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table saved_set_revision`.execute(db);
  await sql`drop table saved_view`.execute(db);
  await sql`drop table comparator_set`.execute(db);
}
