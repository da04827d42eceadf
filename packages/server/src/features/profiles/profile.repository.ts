import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { Db, NeighbourStatisticsTable } from '../../db/database';
import { type ColumnsDocument, columnsDocument, type MetricValueRow, rowsOfColumns } from '../../derived/metric-value.repository';
import { type NeighbourFigures, neighbourFiguresDocument, neighbourFiguresOf } from '../../derived/neighbour-set.repository';

/**
 * What a profile reads, in one statement: every row of the focus LA (every metric and period, for
 * sparklines and the change from the previous period), the given periods of the other areas
 * (England, region, and the peers when their figures are not kept), and — with `neighbourSet` —
 * the focus's peer figures kept at import (`refreshNeighbourSet`), by `${metric}|${period}`.
 *
 * @example SQL: select json_build_object('c', (select json_build_object('a', array_agg(area_code), …) from (… where area_code = any($1) and period = any($2) union all … where area_code = $3) mv), 's', (select json_agg(…) from neighbour_statistics …))
 */
export async function selectProfile(
  db: Db,
  filter: { areas: readonly string[]; periods: readonly number[]; focus: string; releaseIds?: boolean; neighbourSet?: boolean },
): Promise<{ rows: MetricValueRow[]; neighbourSet: Map<string, NeighbourFigures> | null }> {
  const known = { releaseIds: filter.releaseIds };
  const result = await sql<{ doc: string }>`
    select json_build_object(
      'c', (${columnsDocument(profileRows(filter), known)})
      ${filter.neighbourSet ? sql`, 's', (${neighbourFiguresDocument(filter.focus, filter.periods)})` : sql``}
    )::text as doc
  `.execute(db);
  const doc = JSON.parse(result.rows[0].doc) as { c: ColumnsDocument; s?: Selectable<NeighbourStatisticsTable>[] | null };
  return { rows: rowsOfColumns(doc.c, known), neighbourSet: filter.neighbourSet ? neighbourFiguresOf(doc.s ?? null) : null };
}

/**
 * The metric_value rows `selectProfile` reads: the focus's every row by `metric_value_area`, the
 * others' rows in the periods by `metric_value_area_period` (migration 0005), each reading only the
 * rows it returns; no list of metric ids is tested per row (with all 74 catalogue ids that filter
 * cost more than the read itself).
 */
export function profileRows(filter: { areas: readonly string[]; periods: readonly number[]; focus: string }): RawBuilder<unknown> {
  const others = [...new Set(filter.areas)].filter((a) => a !== filter.focus);
  return sql`select * from metric_value where area_code = any(${others}::text[]) and period = any(${[...new Set(filter.periods)]}::integer[])
      union all select * from metric_value where area_code = ${filter.focus}`;
}
