import { sql } from 'kysely';
import type { Db } from '../../src/db/database';

/** What an import can change: row counts of the data tables and the data version. */
export interface TableCounts {
  release: number;
  series: number;
  observation: number;
  metricValue: number;
  laCodeAlias: number;
  dataVersion: number;
}

/** A snapshot to compare before and after an import: equal snapshots mean nothing was written. */
export async function countTables(db: Db): Promise<TableCounts> {
  const { rows } = await sql<TableCounts>`
    select
      (select count(*) from release)::integer as "release",
      (select count(*) from series)::integer as "series",
      (select count(*) from observation)::integer as "observation",
      (select count(*) from metric_value)::integer as "metricValue",
      (select count(*) from la_code_alias)::integer as "laCodeAlias",
      (select version from data_state where id = 1)::integer as "dataVersion"
  `.execute(db);
  return rows[0];
}
