import { ENGLAND_CODE } from '@sendbench/schema';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { ageBreakdown, type AgeSeries, CEASED_AGE_UNKNOWN, S251_GROUP_LINES, SEN2_2022_AGE_BANDS, SEN2_2022_AGE_SERIES, SEN2_2025_AGE_BANDS, SEN2_2025_AGE_SERIES } from '../statistics/forecast/mapping';

/** One figure a forecast reads: a metric value (`source` 'metric', breakdown '') or a kept observation (`source` its data set). */
export interface ForecastFigureRow {
  source: string;
  /** Metric id, or the data set's measure. */
  measure: string;
  /** The observation's breakdown ("Child or young persons age | age 5"); '' for a metric value. */
  breakdown: string;
  area_code: string;
  period: number;
  value: number | null;
}

/** A published series the forecast reads: data set, measure and breakdown. */
export interface ForecastSeries {
  dataset: string;
  measure: string;
  breakdown: string;
}

/** SEN2 placement columns of caseload.csv and newplans.csv that make the placement groups (statistics/forecast/mapping.ts). */
export const PLACEMENT_MEASURES = ['mainstream_total', 'special_la_maintained', 'special_academy_free', 'special_academy', 'special_free_school', 'special_independent', 'special_non_maintained', 'fe_total'] as const;
export const PLACEMENT_SOURCES = {
  caseload: { dataset: 'ehcp_caseload', total: 'ehcplans', breakdown: 'All EHC plans | All EHC plans' },
  newPlans: { dataset: 'ehcp_new_plans', total: 'new_ehc_plans', breakdown: 'New EHC plans | New EHC plans' },
} as const;

/** The S251 high-needs lines' data set and breakdown; England's sums of the LAs are kept under `ENGLAND_OUTTURN_BREAKDOWN`. */
export const OUTTURN_SERIES = { dataset: 's251_high_needs_lines', breakdown: 'Outturn' } as const;
/** The breakdown of England's S251 line sums: the file has no England row, so this is a derived figure, not a published one. */
export const ENGLAND_OUTTURN_BREAKDOWN = 'Outturn, sum of the LAs';

const ages = (series: AgeSeries, categories: readonly string[]): ForecastSeries[] => categories.map((category) => ({ dataset: series.dataset, measure: series.measure, breakdown: ageBreakdown(series, category) }));

/**
 * Every published series the forecast reads, whole (every area and period): placements of the
 * caseload and of new plans (totals and groups), the S251 2021-22 top-up lines, and caseload, new
 * and ceased plans by age (the 2025 release for the forecast, the 2022 release for the backtest).
 */
export const FORECAST_SERIES: readonly ForecastSeries[] = [
  ...Object.values(PLACEMENT_SOURCES).flatMap((source) => [source.total, ...PLACEMENT_MEASURES].map((measure) => ({ dataset: source.dataset, measure, breakdown: source.breakdown }))),
  ...Object.values(S251_GROUP_LINES)
    .flat()
    .map((measure) => ({ dataset: OUTTURN_SERIES.dataset, measure, breakdown: OUTTURN_SERIES.breakdown })),
  ...ages(SEN2_2025_AGE_SERIES.caseload, SEN2_2025_AGE_BANDS.flatMap((b) => b.caseload)),
  ...ages(SEN2_2025_AGE_SERIES.newPlans, SEN2_2025_AGE_BANDS.flatMap((b) => b.newPlans)),
  ...ages(SEN2_2025_AGE_SERIES.ceased, [...SEN2_2025_AGE_BANDS.flatMap((b) => b.ceased), CEASED_AGE_UNKNOWN]),
  ...ages(SEN2_2022_AGE_SERIES.caseload, SEN2_2022_AGE_BANDS.flatMap((b) => b.caseload)),
  ...ages(SEN2_2022_AGE_SERIES.newPlans, SEN2_2022_AGE_BANDS.flatMap((b) => b.newPlans)),
];

/** The data sets whose import changes the kept forecast inputs. */
export const FORECAST_DATASETS: ReadonlySet<string> = new Set(FORECAST_SERIES.map((s) => s.dataset));

const column = <K extends keyof ForecastSeries>(key: K) => FORECAST_SERIES.map((s) => s[key]);

/**
 * Keeps the forecast's inputs by area (table forecast_input, keyed by area first): a copy of the
 * FORECAST_SERIES observations, and England's S251 line sums over the LAs' rows (3-digit codes; breakdown
 * ENGLAND_OUTTURN_BREAKDOWN). Written in key order, so an area's few hundred rows sit on a few
 * pages: a forecast reads them in one index range per area, instead of one index scan per series
 * over every area's figures. Run by the import
 * (derived/refresh.ts) in its transaction and by migration 0007.
 *
 * @example await refreshForecastInputs(trx) // rows kept
 * // SQL: delete from forecast_input; insert into forecast_input select … from unnest($1, $2, $3) w
 * //      join series s on … join observation o on o.series_id = s.id; insert … sum(value) … group by measure
 */
export async function refreshForecastInputs(db: Db): Promise<number> {
  await sql`delete from forecast_input`.execute(db);
  const copied = await sql`
    insert into forecast_input (area_code, source, measure, breakdown, period, value)
    select o.area_code, s.dataset, s.measure, s.breakdown, o.period, o.value
    from unnest(${column('dataset')}::text[], ${column('measure')}::text[], ${column('breakdown')}::text[]) as w(dataset, measure, breakdown)
    join series s on s.dataset = w.dataset and s.measure = w.measure and s.breakdown = w.breakdown
    join observation o on o.series_id = s.id
    order by o.area_code, s.dataset, s.measure, s.breakdown, o.period
  `.execute(db);
  const summed = await sql`
    insert into forecast_input (area_code, source, measure, breakdown, period, value)
    select ${ENGLAND_CODE}, source, measure, ${ENGLAND_OUTTURN_BREAKDOWN}, period, sum(value)
    from forecast_input f
    where f.source = ${OUTTURN_SERIES.dataset} and f.breakdown = ${OUTTURN_SERIES.breakdown} and f.value is not null and f.area_code ~ '^[0-9]{3}$'
    group by source, measure, period
  `.execute(db);
  return Number(copied.numAffectedRows ?? 0n) + Number(summed.numAffectedRows ?? 0n);
}

/**
 * Every figure a forecast needs, in one statement: the metric series of the areas, and the kept
 * inputs (forecast_input) of the areas and England — each area's rows one index range.
 *
 * @example SQL:
 * select 'metric', metric_id, '', area_code, period, value from metric_value where metric_id = any($1) and area_code = any($2)
 * union all
 * select source, measure, breakdown, area_code, period, value from forecast_input where area_code = any($3)
 */
export async function selectForecastFigures(db: Db, filter: { metricIds: readonly string[]; areas: readonly string[] }): Promise<ForecastFigureRow[]> {
  const areas = [...filter.areas];
  const withEngland = [...new Set([...areas, ENGLAND_CODE])];
  const result = await sql<ForecastFigureRow>`
    select 'metric' as source, metric_id as measure, '' as breakdown, area_code, period, value
    from metric_value where metric_id = any(${[...filter.metricIds]}::text[]) and area_code = any(${areas}::text[])
    union all
    select source, measure, breakdown, area_code, period, value
    from forecast_input where area_code = any(${withEngland}::text[])
  `.execute(db);
  return result.rows.map((r) => ({ ...r, period: Number(r.period), value: r.value === null ? null : Number(r.value) }));
}
