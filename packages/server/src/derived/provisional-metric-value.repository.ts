import { datasetsOfMetric, METRICS } from '@sendbench/schema';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { PROVISIONAL_RELEASE, selectMetric } from './metric-value.repository';

/**
 * Derives the metric values of one provisional upload with the catalogue's formulas, exactly as
 * the import derives published ones, from the upload's observations laid over the LA's published
 * observations (an uploaded figure replaces the published one of the same data set, measure,
 * breakdown and period; any other source, such as a population denominator, stays published).
 * Only values that use at least one uploaded figure are kept. Runs in the upload's transaction.
 *
 * SQL (per metric reading the data set): insert into provisional_metric_value (…)
 * select … from (<the metric's derivation over the overlay>) m where area_code = $la and -1 = any(release_ids)
 */
export async function deriveProvisionalMetricValues(db: Db, upload: { id: string; laCode: string; dataset: string }): Promise<number> {
  const overlay = sql`
    select p.dataset, p.measure, p.breakdown, ${upload.laCode}::text as area_code, p.period, p.value, p.status, ${sql.lit(PROVISIONAL_RELEASE)} as release_id
    from provisional_observation p where p.upload_id = ${upload.id}
    union all
    select s.dataset, s.measure, s.breakdown, o.area_code, o.period, o.value, o.status, o.release_id
    from observation o join series s on s.id = o.series_id
    where o.area_code = ${upload.laCode}
      and not exists (
        select 1 from provisional_observation p
        where p.upload_id = ${upload.id} and p.dataset = s.dataset and p.measure = s.measure and p.breakdown = s.breakdown and p.period = o.period
      )
  `;
  let rows = 0;
  for (const metric of METRICS.filter((m) => datasetsOfMetric(m).has(upload.dataset as never))) {
    const inserted = await sql`
      insert into provisional_metric_value (upload_id, metric_id, period, value, status, numerator, denominator)
      select ${upload.id}, ${metric.id}, m.period, m.value, m.status, m.numerator, m.denominator
      from (${selectMetric(metric, { kind: 'overlay', rows: overlay })}) m
      where m.area_code = ${upload.laCode} and ${sql.lit(PROVISIONAL_RELEASE)} = any(m.release_ids)
    `.execute(db);
    rows += Number(inserted.numAffectedRows ?? 0);
  }
  return rows;
}
