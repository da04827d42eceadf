import { ENGLAND_CODE } from '@sendbench/schema';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database';

export { ENGLAND_CODE };

/** One derived metric value (or undefined where the metric is not available). */
export function findMetricValue(db: Db, metricId: string, areaCode: string, period: number) {
  return db
    .selectFrom('metric_value')
    .select(['value', 'status', 'numerator', 'denominator', 'aggregated', 'release_ids'])
    .where('metric_id', '=', metricId)
    .where('area_code', '=', areaCode)
    .where('period', '=', period)
    .executeTakeFirst();
}

/** The periods for which a metric has a value for an area, in order. */
export async function metricPeriods(db: Db, metricId: string, areaCode: string): Promise<number[]> {
  const rows = await db
    .selectFrom('metric_value')
    .select('period')
    .where('metric_id', '=', metricId)
    .where('area_code', '=', areaCode)
    .orderBy('period')
    .execute();
  return rows.map((r) => r.period);
}

/** One published figure as stored: value and status, with the file it came from. */
export function findObservation(db: Db, where: { dataset: string; measure: string; breakdown?: string; areaCode: string; period: number }) {
  let query = db
    .selectFrom('observation as o')
    .innerJoin('series as s', 's.id', 'o.series_id')
    .innerJoin('release as r', 'r.id', 'o.release_id')
    .select(['o.value', 'o.status', 'o.release_id', 'r.file_name'])
    .where('s.dataset', '=', where.dataset)
    .where('s.measure', '=', where.measure)
    .where('o.area_code', '=', where.areaCode)
    .where('o.period', '=', where.period);
  if (where.breakdown !== undefined) query = query.where('s.breakdown', '=', where.breakdown);
  return query.executeTakeFirst();
}

/**
 * For one metric and period: how many LAs have a value, the sum of their values, and England's
 * value — to check that the LA rows add up to the published national figure.
 */
export async function sumOfAuthorities(db: Db, metricId: string, period: number) {
  const { rows } = await sql<{ authorities: number; total: number; england: number }>`
    select count(*)::integer as authorities, sum(mv.value) as total,
      (select e.value from metric_value e where e.metric_id = ${metricId} and e.period = ${period} and e.area_code = ${ENGLAND_CODE}) as england
    from metric_value mv
    join local_authority la on la.la_code = mv.area_code
    where mv.metric_id = ${metricId} and mv.period = ${period} and mv.status = 'value'
  `.execute(db);
  return rows[0];
}

/** Observations of one imported file (by file name) with a given status. */
export async function countObservationsOfFile(db: Db, fileName: string, status: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::integer as n from observation o
    where o.status = ${status} and o.release_id in (select id from release where file_name = ${fileName})
  `.execute(db);
  return rows[0].n;
}

/** Stored figures that carry a symbol and also a number (must be none). */
export async function countSymbolsWithNumbers(db: Db): Promise<{ observation: number; metricValue: number }> {
  const { rows } = await sql<{ observation: number; metricValue: number }>`
    select
      (select count(*) from observation where status <> 'value' and value is not null)::integer as "observation",
      (select count(*) from metric_value where status <> 'value' and value is not null)::integer as "metricValue"
  `.execute(db);
  return rows[0];
}
