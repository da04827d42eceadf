import { METRICS, type MetricDefinition, periodLabel, type PeriodType } from '@sendbench/schema';
import { unknownMetric, periodNotAvailable } from '../../graphql/errors';
import type { MetricValue, Period } from '../../graphql/common.types';
import type { ReferenceSnapshot } from '../reference/reference.service';
import type { MetricValueRow } from '../../derived/metric-value.repository';
import type { Metric, PeriodTypeEnum, PolarityEnum, ThemeEnum, UnitEnum } from './metric.type';

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));
export const METRIC_IDS = METRICS.map((m) => m.id);

/** The catalogue entry for an id, or UNKNOWN_METRIC naming the accepted ids. */
export function requireMetric(id: string): MetricDefinition {
  const metric = BY_ID.get(id);
  if (!metric) throw unknownMetric(id, METRIC_IDS);
  return metric;
}

const PERIODS = new Map<PeriodType, Map<number, Period>>();

/** A period as the API shows it: one shared object per (type, code), as the hundreds of values of a response repeat a few periods. */
export function toPeriod(type: PeriodType, code: number): Period {
  let ofType = PERIODS.get(type);
  if (!ofType) PERIODS.set(type, (ofType = new Map()));
  let period = ofType.get(code);
  if (!period) ofType.set(code, (period = Object.freeze({ code, label: periodLabel(type, code) })));
  return period;
}

export function isProportion(metric: MetricDefinition): boolean {
  return metric.formula.kind === 'ratio' && metric.formula.proportion && metric.formula.scale === 100;
}

export function isAggregatable(metric: MetricDefinition): boolean {
  return metric.formula.kind !== 'value' || metric.formula.additive;
}

/**
 * The period to use: the one asked for, which must have LA data, or the latest with LA data.
 * PERIOD_NOT_AVAILABLE lists the periods that exist.
 */
export function resolvePeriod(metric: MetricDefinition, reference: ReferenceSnapshot, period: number | null | undefined): number {
  const available = reference.laPeriodsOf(metric.id);
  if (period === null || period === undefined) {
    const latest = available.at(-1);
    if (latest === undefined) throw periodNotAvailable(metric.id, 0, []);
    return latest;
  }
  if (!available.includes(period)) throw periodNotAvailable(metric.id, period, available);
  return period;
}

const METRIC_VIEWS = new WeakMap<ReferenceSnapshot, Map<string, Metric>>();

/** A catalogue entry as the API shows it, with the periods loaded; built once per data version. */
export function toMetric(metric: MetricDefinition, reference: ReferenceSnapshot): Metric {
  let views = METRIC_VIEWS.get(reference);
  if (!views) METRIC_VIEWS.set(reference, (views = new Map()));
  let view = views.get(metric.id);
  if (!view) views.set(metric.id, (view = buildMetric(metric, reference)));
  return view;
}

function buildMetric(metric: MetricDefinition, reference: ReferenceSnapshot): Metric {
  const latest = reference.laPeriodsOf(metric.id).at(-1);
  return {
    id: metric.id,
    label: metric.label,
    description: metric.description,
    theme: metric.theme as ThemeEnum,
    unit: metric.unit as UnitEnum,
    decimals: metric.decimals,
    polarity: metric.polarity as PolarityEnum,
    periodType: metric.periodType as PeriodTypeEnum,
    formula: metric.formulaText,
    isProportion: isProportion(metric),
    aggregatable: isAggregatable(metric),
    source: metric.source,
    caveats: [...metric.caveats],
    seriesBreaks: (metric.seriesBreaks ?? []).map((b) => ({ period: b.period, note: b.note })),
    periods: reference.periodsOf(metric.id).map((p) => toPeriod(metric.periodType, p)),
    latestPeriod: latest === undefined ? null : toPeriod(metric.periodType, latest),
  };
}

/** A stored row as the API shows it; a missing row is "not available" (x), never zero. */
export function toMetricValue(metric: MetricDefinition, area: string, period: number, row: MetricValueRow | undefined): MetricValue {
  return {
    metricId: metric.id,
    areaCode: area,
    period: toPeriod(metric.periodType, period),
    value: row?.value ?? null,
    status: row?.status ?? 'x',
    numerator: row?.numerator ?? null,
    denominator: row?.denominator ?? null,
    aggregated: row?.aggregated ?? false,
    // A row read without its release ids (the operation does not ask for them) has none here.
    releaseIds: row ? row.release_ids : [],
  };
}
