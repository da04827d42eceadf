import { type Kysely, sql } from 'kysely';
import { refreshEnglandSet } from '../../derived/england-set.repository';

/**
 * England's comparator set ranked once per metric period (see features/comparisons/
 * england-set.repository.ts): each current LA's rank and ascending position among the LAs with a
 * value, and the set's statistics. Kept by the import with the metric values it derives; filled
 * here from the values already loaded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table england_rank (
      metric_id text not null,
      period integer not null,
      rank integer not null,
      area_code text not null,
      position integer not null,
      primary key (metric_id, period, rank, area_code)
    )
  `.execute(db);
  await sql`create unique index england_rank_area on england_rank (metric_id, period, area_code)`.execute(db);
  await sql`
    create table england_statistics (
      metric_id text not null,
      period integer not null,
      with_value integer not null,
      quartiles double precision[],
      min double precision,
      max double precision,
      numerators integer not null,
      numerator_sum double precision,
      pairs integer not null,
      pair_numerator double precision,
      pair_denominator double precision,
      primary key (metric_id, period)
    )
  `.execute(db);
  await refreshEnglandSet(db, null);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table england_statistics`.execute(db);
  await sql`drop table england_rank`.execute(db);
}
