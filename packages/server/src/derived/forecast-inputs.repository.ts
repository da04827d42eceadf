import { sql } from 'kysely';
import type { Db } from '../db/database';

/** One figure a forecast reads: a metric value (`source` 'metric') or an observation of a data set's measure. */
export interface ForecastFigureRow {
  source: 'metric' | 'ehcp_caseload' | 'ehcp_new_plans' | 's251_high_needs_lines';
  /** Metric id, or the data set's measure. */
  measure: string;
  area_code: string;
  period: number;
  value: number | null;
}

/** What one forecast request reads: the areas whose figures are summed, and England's fallbacks. */
export interface ForecastFigureFilter {
  /** Metric ids read for `areas` over every period (ehc_plans, hn_spend_top_up_and_services, ceased_ehc_plans). */
  metricIds: readonly string[];
  /** The area (or a set's members) being forecast; England's code for England. */
  areas: readonly string[];
  /** SEN2 caseload ("All EHC plans") and new-plan ("New EHC plans") measures, read for `areas` and England. */
  placementMeasures: readonly string[];
  /** England's code, whose caseload at January 2022 gives the fallback unit costs. */
  englandCode: string;
  /** S251 2021-22 outturn lines, read for `outturnAreas` (every current LA: England is their sum). */
  outturnLines: readonly string[];
  outturnAreas: readonly string[];
  /** The financial year of the outturn (202122). */
  outturnPeriod: number;
}

/**
 * Every figure a forecast needs, in one statement: the metric series of the areas, SEN2 caseload
 * and new plans by placement (observations of `ehcp_caseload` and `ehcp_new_plans`, total
 * breakdown) for the areas and England, and S251 2021-22 outturn lines for every LA. The metric
 * series already join the 2022 and 2025 releases and carry the succession mapping applied at import.
 *
 * @example SQL:
 * select 'metric', metric_id, area_code, period, value from metric_value where metric_id = any($1) and area_code = any($2)
 * union all select s.dataset, s.measure, o.area_code, o.period, o.value from observation o join series s on s.id = o.series_id
 *   where (s.dataset, s.breakdown) in (('ehcp_caseload', 'All EHC plans | All EHC plans'), ('ehcp_new_plans', 'New EHC plans | New EHC plans')) and …
 * union all select … s251_high_needs_lines, breakdown 'Outturn', period 202122, area_code = any($n)
 */
export async function selectForecastFigures(db: Db, filter: ForecastFigureFilter): Promise<ForecastFigureRow[]> {
  const placementAreas = [...new Set([...filter.areas, filter.englandCode])];
  const result = await sql<ForecastFigureRow>`
    select 'metric' as source, metric_id as measure, area_code, period, value
    from metric_value where metric_id = any(${[...filter.metricIds]}::text[]) and area_code = any(${[...filter.areas]}::text[])
    union all
    select s.dataset as source, s.measure, o.area_code, o.period, o.value
    from series s join observation o on o.series_id = s.id
    where ((s.dataset = 'ehcp_caseload' and s.breakdown = 'All EHC plans | All EHC plans')
        or (s.dataset = 'ehcp_new_plans' and s.breakdown = 'New EHC plans | New EHC plans'))
      and s.measure = any(${[...filter.placementMeasures]}::text[]) and o.area_code = any(${placementAreas}::text[])
    union all
    select s.dataset as source, s.measure, o.area_code, o.period, o.value
    from series s join observation o on o.series_id = s.id
    where s.dataset = 's251_high_needs_lines' and s.breakdown = 'Outturn' and s.measure = any(${[...filter.outturnLines]}::text[])
      and o.period = ${filter.outturnPeriod}::integer and o.area_code = any(${[...filter.outturnAreas]}::text[])
  `.execute(db);
  return result.rows.map((r) => ({ ...r, period: Number(r.period), value: r.value === null ? null : Number(r.value) }));
}
