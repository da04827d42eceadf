import { type Kysely, sql } from 'kysely';
import { refreshQualityFlags } from '../../derived/quality-flag.repository';

/**
 * The automatic data-quality flags (derived/quality-flag.repository.ts): year-on-year changes far
 * outside the LA's own and England's distribution, marked "check". Kept by the import with the
 * metric values it derives; filled here from the values already loaded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table quality_flag (
      metric_id text not null,
      area_code text not null,
      period integer not null,
      previous_period integer not null,
      value double precision not null,
      previous_value double precision not null,
      log_change double precision not null,
      own_median double precision not null,
      own_scale double precision not null,
      own_changes integer not null,
      england_median double precision not null,
      england_scale double precision not null,
      england_changes integer not null,
      z_own double precision not null,
      z_england double precision not null,
      primary key (metric_id, area_code, period)
    )
  `.execute(db);
  await refreshQualityFlags(db, null);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table quality_flag`.execute(db);
}
