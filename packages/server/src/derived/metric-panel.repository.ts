import type { Db } from '../db/database';
import { selectMetricValues } from './metric-value.repository';

/** One authority's figure in one period, as a panel of authorities over periods needs it. */
export interface PanelFigure {
  /** The value; null with a symbol status (never a zero). */
  readonly value: number | null;
  readonly status: string;
  /** The count behind a rate (or the count itself, for additive metrics), where published counts exist. */
  readonly numerator: number | null;
  /** The denominator behind a rate, where published counts exist. */
  readonly denominator: number | null;
}

/** One metric's figures by area, then by period; an area or period with no row is absent (read it as "x"). */
export type MetricPanel = ReadonlyMap<string, ReadonlyMap<number, PanelFigure>>;

/**
 * Every period of one metric for a set of areas (e.g. every current LA and the predecessors
 * their series continue from), grouped by area and period: the read behind programme
 * evaluations. One statement (the indexed read of {@link selectMetricValues}, without release ids).
 *
 * @example
 * const panel = await selectMetricPanel(db, 'pct_plans_mainstream', ['886', '909', '942']);
 * panel.get('886')?.get(202425); // { value: 36.1, status: 'value', numerator: …, denominator: … }
 * // SQL: select json_build_object('a', array_agg(area_code), …) from metric_value
 * //      where metric_id = any($1) and area_code = any($2)
 */
export async function selectMetricPanel(db: Db, metricId: string, areas: readonly string[]): Promise<MetricPanel> {
  const rows = await selectMetricValues(db, { metricIds: [metricId], areas, releaseIds: false });
  const panel = new Map<string, Map<number, PanelFigure>>();
  for (const row of rows) {
    let byPeriod = panel.get(row.area_code);
    if (!byPeriod) panel.set(row.area_code, (byPeriod = new Map()));
    byPeriod.set(row.period, { value: row.value, status: row.status, numerator: row.numerator, denominator: row.denominator });
  }
  return panel;
}
