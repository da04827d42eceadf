import { type Kysely, sql } from 'kysely';

/**
 * The periods in which each metric has a figure, and whether an LA has one: what the API lists as
 * a metric's periods and checks a requested period against. Kept by the import (with the metric
 * values it derives) so that reading it is a few hundred rows, not a scan of every metric value —
 * which at 100× the areas no longer fitted in a statement timeout.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table metric_period (
      metric_id text not null,
      period integer not null,
      la_value boolean not null,
      primary key (metric_id, period)
    )
  `.execute(db);
  await sql`
    insert into metric_period (metric_id, period, la_value)
    select metric_id, period, bool_or(area_code ~ '^[0-9]{3}$') from metric_value where status = 'value' group by metric_id, period
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table metric_period`.execute(db);
}
