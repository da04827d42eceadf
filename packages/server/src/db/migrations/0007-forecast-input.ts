import { type Kysely, sql } from 'kysely';
import { refreshForecastInputs } from '../../derived/forecast-inputs.repository';

/**
 * The forecast's inputs kept by area (derived/forecast-inputs.repository.ts): the published series
 * the forecast reads, copied with the area first in the key, and England's S251 line sums. Kept by
 * the import when one of their data sets changes; filled here from what is already loaded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table forecast_input (
      area_code text not null,
      source text not null,
      measure text not null,
      breakdown text not null,
      period integer not null,
      value double precision,
      primary key (area_code, source, measure, breakdown, period)
    )
  `.execute(db);
  await refreshForecastInputs(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table forecast_input`.execute(db);
}
