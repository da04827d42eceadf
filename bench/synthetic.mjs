/**
 * A larger data set of the same shape, for benchmarks only: copies every current LA (its metric
 * values with ±20% noise, its statistical neighbours among the copies of its neighbours) `factor - 1`
 * times into a clone of a loaded database. Copies are clearly synthetic: codes "Z<k>-<la>",
 * names "Synthetic <name> #k", and the clone is a throwaway database dropped after the run.
 * The LA code check is dropped in the clone only (real codes are 3-digit DfE numbers).
 * Metric values are written metric by metric, as the importer writes them (one INSERT … SELECT per
 * metric), so a metric's rows lie together on disk as they would after importing a real data set of
 * this size; appended area by area instead, one period of one metric was spread over 15,000 pages.
 * England's set is then ranked again over every current LA, copies included, and every LA's
 * neighbour set summarised, by the import's own code (refreshEnglandSet, refreshNeighbourSet), as an
 * import of this data set would leave it.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { refreshEnglandSet } from '../packages/server/dist/derived/england-set.repository.js';
import { refreshNeighbourSet } from '../packages/server/dist/derived/neighbour-set.repository.js';

export async function scaleUp(url, factor) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('alter table local_authority drop constraint if exists local_authority_la_code_check');
    await client.query(`create temp table copies as select k from generate_series(1, $1::int - 1) k`, [factor]);
    await client.query(`create temp table synth as
      select la.la_code as real_code, k, 'Z' || k || '-' || la.la_code as code, la.name, la.region_code, la.ons_code
      from local_authority la cross join copies where la.is_current`);
    await client.query(`insert into area (code, level, name, region_code) select code, 'local_authority', 'Synthetic ' || name || ' #' || k, region_code from synth`);
    await client.query(`insert into local_authority (la_code, name, ons_code, region_code, is_current, first_period, last_period, notes, release_id)
      select s.code, 'Synthetic ' || s.name || ' #' || s.k, 'Z' || s.k || '-' || s.ons_code, s.region_code, true, la.first_period, la.last_period, 'synthetic (benchmark only)', la.release_id
      from synth s join local_authority la on la.la_code = s.real_code`);
    await client.query(`insert into la_code_alias (code, la_code, kind, release_id) select code, code, 'dfe', null from synth`);
    await client.query(`insert into statistical_neighbour (model, la_code, rank, neighbour_code, proximity, release_id)
      select n.model, s.code, n.rank, 'Z' || s.k || '-' || n.neighbour_code, n.proximity, n.release_id
      from synth s join statistical_neighbour n on n.la_code = s.real_code`);
    const inserted = await client.query(`insert into metric_value (metric_id, area_code, period, value, status, numerator, denominator, aggregated, release_ids)
      select mv.metric_id, s.code, mv.period,
        case when mv.value is null then null else mv.value * (0.8 + 0.4 * random()) end,
        mv.status, mv.numerator, mv.denominator, false, mv.release_ids
      from synth s join metric_value mv on mv.area_code = s.real_code
      order by mv.metric_id, s.code, mv.period`);
    await client.query('commit');
    const db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    try {
      await db.transaction().execute(async (trx) => {
        await refreshEnglandSet(trx, null);
        await refreshNeighbourSet(trx, null);
        await sql`update data_state set version = version + 1, updated_at = now() where id = 1`.execute(trx);
      });
    } finally {
      await db.destroy();
    }
    // Plan reads for the grown tables and leave no vacuum work for autovacuum to do while measuring.
    await client.query('vacuum analyze metric_value, england_rank, england_statistics, neighbour_statistics, area, local_authority, la_code_alias, statistical_neighbour');
    const areas = await client.query('select count(*)::int as n from local_authority where is_current');
    return { areas: areas.rows[0].n, metricValues: inserted.rowCount };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}
