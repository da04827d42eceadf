import type { MetricDefinition } from '@sendbench/schema';
import type { Db } from '../db/database';
import { refreshEnglandSet } from './england-set.repository';
import { FORECAST_DATASETS, refreshForecastInputs } from './forecast-inputs.repository';
import { deriveMetricValues } from './metric-value.repository';
import { refreshNeighbourSet } from './neighbour-set.repository';
import { refreshQualityFlags } from './quality-flag.repository';

/** What an import changed, as far as derived figures care. */
export interface DerivedChange {
  /** Metrics whose inputs changed: their values are derived again, and the kept sets re-summarised. */
  metrics: readonly MetricDefinition[];
  /** True when statistical neighbours were imported: every LA's neighbour set changes, for every metric. */
  neighbours: boolean;
  /** Data sets imported: the forecast's kept inputs are copied again when one of theirs is among them. */
  datasets?: readonly string[];
}

/**
 * Brings every figure derived from imported observations up to date, in the caller's transaction
 * (the import's), so derived figures never disagree with what they come from: metric values by the
 * catalogue's formulas, then England's set ranked over them (and over the LAs now current), then
 * each LA's neighbour set summarised over them, the forecast's inputs copied by area when one of
 * their data sets was imported, and the automatic data-quality flags over their year-on-year
 * changes. Returns the metric values written.
 *
 * @example
 * await refreshDerivedFigures(trx, { metrics: [metricById('ehc_plans')!], neighbours: false });
 */
export async function refreshDerivedFigures(db: Db, change: DerivedChange): Promise<number> {
  const metricValues = await deriveMetricValues(db, change.metrics);
  const ids = change.metrics.map((m) => m.id);
  if (ids.length) {
    await refreshEnglandSet(db, ids);
    await refreshQualityFlags(db, ids);
  }
  if (change.neighbours) await refreshNeighbourSet(db, null);
  else if (ids.length) await refreshNeighbourSet(db, ids);
  if (change.datasets?.some((d) => FORECAST_DATASETS.has(d))) await refreshForecastInputs(db);
  return metricValues;
}
