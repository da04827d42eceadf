import { type Kysely, sql } from 'kysely';

/**
 * The initial schema, written for PostgreSQL 15 (PGlite, PostgreSQL 18, runs it unchanged).
 * England and the regions are fixed ONS codes and are seeded here; LAs come from the LA lookup file.
 */
const UP: readonly string[] = [
  `
    create table area (
        code text primary key,
        level text not null check (level in ('national', 'regional', 'local_authority')),
        name text not null,
        region_code text references area (code)
      )
  `,
  `
    insert into area (code, level, name, region_code) values
        ('E92000001', 'national', 'England', null),
        ('E12000001', 'regional', 'North East', null),
        ('E12000002', 'regional', 'North West', null),
        ('E12000003', 'regional', 'Yorkshire and The Humber', null),
        ('E12000004', 'regional', 'East Midlands', null),
        ('E12000005', 'regional', 'West Midlands', null),
        ('E12000006', 'regional', 'East of England', null),
        ('E12000007', 'regional', 'London', null),
        ('E12000008', 'regional', 'South East', null),
        ('E12000009', 'regional', 'South West', null),
        ('E13000001', 'regional', 'Inner London', 'E12000007'),
        ('E13000002', 'regional', 'Outer London', 'E12000007')
  `,
  `
    create table release (
        id serial primary key,
        dataset text not null,
        publication text not null,
        file_name text not null,
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        edition integer not null,
        rows_read integer not null,
        rows_loaded integer not null,
        observations integer not null,
        warnings text[] not null default '{}',
        imported_at timestamptz not null default now(),
        duration_ms integer not null,
        status text not null check (status in ('loaded', 'superseded')),
        superseded_by integer references release (id)
      )
  `,
  `
    create unique index release_sha256 on release (sha256)
  `,
  `
    create index release_dataset on release (dataset, edition)
  `,
  `
    create table local_authority (
        la_code text primary key check (la_code ~ '^[0-9]{3}$'),
        name text not null,
        ons_code text not null,
        region_code text not null references area (code),
        is_current boolean not null,
        first_period integer,
        last_period integer,
        notes text,
        release_id integer not null references release (id)
      )
  `,
  `
    create table la_code_alias (
        code text primary key,
        la_code text not null references local_authority (la_code),
        kind text not null check (kind in ('dfe', 'ons_current', 'sen2', 'seen')),
        release_id integer references release (id)
      )
  `,
  `
    create index la_code_alias_la on la_code_alias (la_code)
  `,
  `
    create table la_predecessor (
        predecessor_code text not null references local_authority (la_code),
        successor_code text not null references local_authority (la_code),
        from_period integer not null,
        note text not null,
        primary key (predecessor_code, successor_code)
      )
  `,
  `
    create table programme_membership (
        programme text not null check (programme in ('dbv', 'safety_valve')),
        cohort text not null,
        la_code text not null references local_authority (la_code),
        source text not null,
        list_incomplete boolean not null,
        note text,
        release_id integer not null references release (id),
        primary key (programme, la_code, cohort)
      )
  `,
  `
    create table statistical_neighbour (
        model text not null,
        la_code text not null references local_authority (la_code),
        rank smallint not null check (rank between 1 and 10),
        neighbour_code text not null references local_authority (la_code),
        proximity text not null,
        release_id integer not null references release (id),
        primary key (model, la_code, rank)
      )
  `,
  `
    create table series (
        id serial primary key,
        dataset text not null,
        measure text not null,
        breakdown text not null,
        unique (dataset, measure, breakdown)
      )
  `,
  `
    create table observation (
        series_id integer not null,
        area_code text not null,
        period integer not null,
        value double precision,
        status text not null,
        release_id integer not null,
        primary key (series_id, period, area_code),
        check ((status = 'value') = (value is not null))
      )
  `,
  `
    create table metric_value (
        metric_id text not null,
        area_code text not null,
        period integer not null,
        value double precision,
        status text not null,
        numerator double precision,
        denominator double precision,
        aggregated boolean not null default false,
        release_ids integer[] not null,
        primary key (metric_id, period, area_code),
        check ((status = 'value') = (value is not null))
      )
  `,
  `
    create index metric_value_area on metric_value (area_code, metric_id, period)
  `,
  `
    create table data_state (
        id integer primary key check (id = 1),
        version bigint not null,
        updated_at timestamptz not null default now()
      )
  `,
  `
    insert into data_state (id, version) values (1, 0)
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table data_state, metric_value, observation, series, statistical_neighbour, programme_membership,
      la_predecessor, la_code_alias, local_authority, release, area
  `.execute(db);
}
