import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../../db/database';
import { selectQualityFlags } from '../../derived/quality-flag.repository';

/**
 * The current data version (bumped by every import) and a stamp that also holds when it was
 * bumped: a database restored from a backup, or rebuilt, reaches the same version numbers again
 * with other data, so caches that outlive a process (Redis) key on the stamp. One indexed read.
 */
export async function selectDataState(db: Db): Promise<{ version: string; stamp: string }> {
  const { rows } = await db.executeQuery(DATA_STATE);
  const row = rows[0];
  if (!row) throw new Error('data_state has no row: the database is not migrated');
  return { version: String(row.version), stamp: `${row.version}@${new Date(row.updated_at).getTime()}` };
}

/**
 * Every request reads the data version (the response cache keys on it), so its statement is
 * written once, not built by Kysely's query builder each time: building and compiling it was
 * ~14 µs of the ~240 µs a cached answer costs (CPU profile, docs/benchmarks.md).
 */
const DATA_STATE = CompiledQuery.raw('select "version", "updated_at" from "data_state" where "id" = 1') as CompiledQuery<{ version: number | string; updated_at: Date | string }>;

/** Everything small that describes places and programmes, read together when the data version changes. */
export async function selectReferenceRows(db: Db) {
  const [areas, authorities, aliases, predecessors, programmes, neighbours, periods, qualityFlags] = await Promise.all([
    db.selectFrom('area').selectAll().orderBy('code').execute(),
    db.selectFrom('local_authority').selectAll().orderBy('name').orderBy('la_code').execute(),
    db.selectFrom('la_code_alias').selectAll().execute(),
    db.selectFrom('la_predecessor').selectAll().execute(),
    db.selectFrom('programme_membership').selectAll().orderBy('programme').orderBy('cohort').orderBy('la_code').execute(),
    db.selectFrom('statistical_neighbour').selectAll().orderBy('model').orderBy('la_code').orderBy('rank').execute(),
    sql<{ metric_id: string; periods: number[]; la_periods: number[] }>`
      select metric_id,
        array_agg(period order by period) as periods,
        coalesce(array_agg(period order by period) filter (where la_value), '{}') as la_periods
      from metric_period group by metric_id
    `.execute(db),
    selectQualityFlags(db),
  ]);
  return { areas, authorities, aliases, predecessors, programmes, neighbours, periods: periods.rows, qualityFlags };
}
