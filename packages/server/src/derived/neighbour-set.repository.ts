import { type Selectable, sql } from 'kysely';
import type { Db, NeighbourStatisticsTable } from '../db/database';
import { type KeptFigures, keptFigures } from './england-set.repository';

/**
 * Each LA's default peer set — itself and its statistical neighbours in the latest model, as
 * `resolvePeers` makes it — summarised once per metric period when the metric's values are derived
 * or the neighbours are imported (`refreshNeighbourSet`), so that a profile reads 74 rows of
 * figures instead of its 10 neighbours' ~900 rows and summarising them (`selectProfile`).
 *
 * The figures are those `summariseSet` computes for the profile, to the bit: quartiles by linear
 * interpolation (percentile_cont does the same arithmetic as `quantileOfSorted`), range, the sums
 * behind the aggregate added in member order as the JS adds them (a float8 sum adds in its ORDER
 * BY), and the LA's competition rank (highest first) and ascending position (which gives its
 * quartile band). A row exists for every LA, metric and period in which any member has a row; where
 * none has, the set is empty and the profile summarises it as such.
 */
export async function refreshNeighbourSet(db: Db, metricIds: readonly string[] | null): Promise<void> {
  const only = (alias: string) => (metricIds === null ? sql`true` : sql`${sql.ref(`${alias}.metric_id`)} = any(${[...metricIds]}::text[])`);
  await sql`delete from neighbour_statistics s where ${only('s')}`.execute(db);
  await sql`
    insert into neighbour_statistics (la_code, metric_id, period, with_value, quartiles, min, max, numerators, numerator_sum, pairs, pair_numerator, pair_denominator, rank, position)
    with model as (
      -- the latest model, as ReferenceSnapshot picks it (the last in code-unit order)
      select model from statistical_neighbour order by model collate "C" desc limit 1
    ),
    member as (
      -- the LA first, then its neighbours by rank: the members' order in resolvePeers
      select distinct la_code as focus, la_code as code, 0 as ord from statistical_neighbour where model = (select model from model)
      union all
      select la_code, neighbour_code, rank from statistical_neighbour where model = (select model from model)
    ),
    value as (
      select m.focus, m.ord, mv.metric_id, mv.period, mv.value, mv.numerator, mv.denominator,
        -- the LA's own value beside each member's (a window, not a self-join: without statistics
        -- on a new database the planner nested-looped a join of the CTE with itself, ~40 s)
        max(mv.value) filter (where m.ord = 0) over (partition by m.focus, mv.metric_id, mv.period) as own
      from member m join metric_value mv on mv.area_code = m.code
      where ${only('mv')}
    )
    select v.focus, v.metric_id, v.period,
      count(v.value),
      percentile_cont(array[0.25, 0.5, 0.75]::float8[]) within group (order by v.value),
      min(v.value), max(v.value),
      count(v.numerator),
      sum(v.numerator order by v.ord),
      count(*) filter (where v.numerator is not null and v.denominator is not null),
      sum(v.numerator order by v.ord) filter (where v.denominator is not null),
      sum(v.denominator order by v.ord) filter (where v.numerator is not null),
      case when min(v.own) is not null then 1 + count(*) filter (where v.value > v.own) end,
      case when min(v.own) is not null then 1 + count(*) filter (where v.value < v.own) end
    from value v
    group by v.focus, v.metric_id, v.period
  `.execute(db);
}

/** One LA's peer figures in one metric period, as kept by `refreshNeighbourSet`. */
export interface NeighbourFigures extends KeptFigures {
  /** The LA's competition rank (1 = highest) and ascending position; null when it has no value. */
  rank: number | null;
  position: number | null;
}

/** The figures of a set in which no member has a row (none kept for it). */
export const EMPTY_NEIGHBOUR_SET: NeighbourFigures = { ...keptFigures(null), rank: null, position: null };

/** One LA's kept rows in some periods (a JSON array), as a scalar subquery another select can embed. */
export function neighbourFiguresDocument(laCode: string, periods: readonly number[]) {
  return sql`select json_agg(s) from neighbour_statistics s where s.la_code = ${laCode} and s.period = any(${[...new Set(periods)]}::integer[])`;
}

/** Kept figures by metric id and period (`${metric}|${period}`), from `neighbourFiguresDocument`'s rows. */
export function neighbourFiguresOf(rows: readonly Selectable<NeighbourStatisticsTable>[] | null): Map<string, NeighbourFigures> {
  return new Map((rows ?? []).map((row) => [`${row.metric_id}|${row.period}`, { ...keptFigures(row), rank: row.rank, position: row.position }]));
}
