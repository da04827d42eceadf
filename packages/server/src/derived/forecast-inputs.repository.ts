import { sql } from 'kysely';
import type { Db } from '../db/database';

/** One figure a forecast reads: a metric value (`source` 'metric', breakdown '') or an observation of a data set's series. */
export interface ForecastFigureRow {
  /** 'metric', or the data set of the observation. */
  source: string;
  /** Metric id, or the data set's measure. */
  measure: string;
  /** The observation's breakdown ("Child or young persons age | age 5"); '' for a metric value. */
  breakdown: string;
  area_code: string;
  period: number;
  value: number | null;
}

/** Which areas an observation request is read for. */
export type ForecastAreaScope = 'area' | 'area-and-england' | 'every-la';

/** One published series (data set, measure, breakdown) over a range of its periods. */
export interface ForecastSeriesRequest {
  dataset: string;
  measure: string;
  breakdown: string;
  fromPeriod: number;
  toPeriod: number;
  scope: ForecastAreaScope;
}

/** What one forecast request reads. */
export interface ForecastFigureFilter {
  /** Metric ids read for `areas` over every period (ehc_plans, hn_spend_top_up_and_services, ceased_ehc_plans). */
  metricIds: readonly string[];
  /** The area's codes (a set's members and the predecessors that stand in for them; England's code for England). */
  areas: readonly string[];
  /** England's code, added to `areas` for the 'area-and-england' scope (England's placements price the fallback unit costs). */
  englandCode: string;
  /** Every LA code, for the 'every-la' scope (England's S251 outturn is the sum of the LAs). */
  everyLa: readonly string[];
  series: readonly ForecastSeriesRequest[];
}

/**
 * Every figure a forecast needs, in one statement: the metric series of the areas, then each
 * requested published series (placements, caseload and flows by age, S251 lines) for its scope of
 * areas and its periods. One arm per scope, each with its areas as a constant, so that every
 * observation is found through its primary key (series, period range, area) and every series
 * through its unique (dataset, measure, breakdown); a scope with no request is left out.
 *
 * @example SQL:
 * select 'metric', metric_id, '', area_code, period, value from metric_value where metric_id = any($1) and area_code = any($2)
 * union all
 * select s.dataset, s.measure, s.breakdown, o.area_code, o.period, o.value
 * from unnest($3, $4, $5, $6, $7) as w(dataset, measure, breakdown, from_period, to_period)
 * join series s on (s.dataset, s.measure, s.breakdown) = (w.dataset, w.measure, w.breakdown)
 * join observation o on o.series_id = s.id and o.period between w.from_period and w.to_period and o.area_code = any($2)
 * union all … the same for the 'area-and-england' and 'every-la' requests, with their areas
 */
export async function selectForecastFigures(db: Db, filter: ForecastFigureFilter): Promise<ForecastFigureRow[]> {
  const areas = [...filter.areas];
  const areasOf: Record<ForecastAreaScope, string[]> = { area: areas, 'area-and-england': [...new Set([...areas, filter.englandCode])], 'every-la': [...filter.everyLa] };
  const arms = (Object.keys(areasOf) as ForecastAreaScope[]).flatMap((scope) => {
    const requests = filter.series.filter((r) => r.scope === scope);
    if (requests.length === 0) return [];
    const column = <K extends keyof ForecastSeriesRequest>(key: K) => requests.map((r) => r[key]);
    return [
      sql`
    union all
    select s.dataset as source, s.measure, s.breakdown, o.area_code, o.period, o.value
    from unnest(${column('dataset')}::text[], ${column('measure')}::text[], ${column('breakdown')}::text[], ${column('fromPeriod')}::integer[], ${column('toPeriod')}::integer[])
      as w(dataset, measure, breakdown, from_period, to_period)
    join series s on s.dataset = w.dataset and s.measure = w.measure and s.breakdown = w.breakdown
    cross join lateral (
      select o.area_code, o.period, o.value from observation o
      where o.series_id = s.id and o.period >= w.from_period and o.period <= w.to_period and o.area_code = any(${areasOf[scope]}::text[])
      offset 0
    ) o`,
    ];
  });
  const result = await sql<ForecastFigureRow>`
    select 'metric' as source, metric_id as measure, '' as breakdown, area_code, period, value
    from metric_value where metric_id = any(${[...filter.metricIds]}::text[]) and area_code = any(${areas}::text[])${sql.join(arms, sql``)}
  `.execute(db);
  return result.rows.map((r) => ({ ...r, period: Number(r.period), value: r.value === null ? null : Number(r.value) }));
}
