import { type Kysely, sql } from 'kysely';
import { refreshNeighbourSet } from '../../derived/neighbour-set.repository';

/**
 * Each LA's statistical-neighbour set summarised once per metric period (see features/profiles/
 * neighbour-set.repository.ts): the set's statistics and the LA's rank and ascending position in
 * it. Kept by the import with the metric values it derives and the neighbours it loads; filled here
 * from what is already loaded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table neighbour_statistics (
      la_code text not null,
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
      rank integer,
      position integer,
      primary key (la_code, period, metric_id)
    )
  `.execute(db);
  await refreshNeighbourSet(db, null);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table neighbour_statistics`.execute(db);
}
