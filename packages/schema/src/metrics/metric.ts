import type { DatasetId } from '../datasets';
import type { PeriodType } from '../vocabulary';

export const THEMES = ['plans', 'inclusion', 'process', 'needs', 'spend'] as const;
export type Theme = (typeof THEMES)[number];

export const UNITS = ['count', 'percent', 'rate_per_1000', 'gbp', 'gbp_per_plan', 'gbp_per_head'] as const;
export type Unit = (typeof UNITS)[number];

export const POLARITIES = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

/**
 * How the period of a source relates to the period of the metric that uses it.
 * - `same`: the same code (January 2025 = 202425 plans with FY 2024-25 = 202425 spend);
 * - `calendar_year_of_january`: the 2022 release codes January 2022 as calendar year 2022;
 * - `mid_year_before_january`: January 2021 (202021) uses the mid-2020 population estimate (2020).
 */
export type PeriodMapping = 'same' | 'calendar_year_of_january' | 'mid_year_before_january';

/**
 * One published figure, or the sum of several columns of the same rows.
 * `breakdown` defaults to the dataset's total breakdown.
 */
export interface SourceRef {
  dataset: DatasetId;
  /** Column name(s), lower case; several are summed (all must be numbers, else the sum takes the first symbol). */
  measures: readonly string[];
  breakdown?: string;
  period?: PeriodMapping;
}

/** Several refs are tried in order per area and period: the first one that has a row wins. */
export type Source = SourceRef | readonly SourceRef[];

/**
 * How a metric is derived from published observations.
 * - `value`: the published figure itself (a count, £, or a published rate with no counts behind it).
 *   `additive` says whether LA values may be summed into a region or England total where those
 *   rows are not published (counts and £: yes; published percentages: no).
 * - `ratio`: numerator / denominator × scale. Where `published` exists for the same row, the
 *   published figure is the value (so England's 43.6 is the published 43.6); numerator and
 *   denominator are kept for peer aggregates (sum over sum) and confidence intervals.
 * - `change`: percentage change on the previous period: (v − v_prev) / v_prev × 100.
 */
export type Formula =
  | { kind: 'value'; value: Source; additive: boolean }
  | { kind: 'ratio'; numerator: Source; denominator: Source; scale: 1 | 100 | 1000; published?: Source; proportion: boolean }
  | { kind: 'change'; of: Source };

export interface MetricDefinition {
  /** Stable snake_case identifier used by the API, URLs and the database. */
  id: string;
  label: string;
  /** One or two plain-English sentences on what the number means. */
  description: string;
  theme: Theme;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  periodType: PeriodType;
  formula: Formula;
  /** Human-readable statement of the formula, e.g. "mainstream_total ÷ ehcplans × 100". */
  formulaText: string;
  /** Publication, file and columns the figures come from. */
  source: string;
  caveats: readonly string[];
  /** Periods (codes) after which the series is not comparable with what came before, with why. */
  seriesBreaks?: readonly { period: number; note: string }[];
}

/** The data sets a metric reads (every ref of its formula's sources). */
export function datasetsOfMetric(metric: MetricDefinition): Set<DatasetId> {
  const f = metric.formula;
  const sources: Source[] = f.kind === 'value' ? [f.value] : f.kind === 'ratio' ? [f.numerator, f.denominator, ...(f.published ? [f.published] : [])] : [f.of];
  return new Set(sources.flatMap((s) => (Array.isArray(s) ? (s as readonly SourceRef[]) : [s as SourceRef]).map((r) => r.dataset)));
}
