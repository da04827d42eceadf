import { ENGLAND_CODE, type MetricDefinition } from '@sendbench/schema';
import { ConfidenceInterval, type MetricValue, Significance } from '../../graphql/common.types';
import type { MetricValueRow } from '../../derived/metric-value.repository';
import { isAggregatable, isProportion, toMetricValue } from '../metrics/metric.service';
import { type AuthorityRecord, byName } from '../reference/reference.service';
import type { AggregateValue, MemberFigures, SetStatistics } from './comparison.type';
import type { EnglandSetRead, KeptFigures, SetSums } from '../../derived/england-set.repository';
import { bandOfPosition, compareWithBenchmark, orderStatistics, quantileOfSorted, wilson } from '../../statistics/descriptive';

/**
 * A member's interval and significance against England: worked out for the members a response
 * shows (`judge`), not for every member of a set of 15,000.
 */
export function judge(metric: MetricDefinition, value: MetricValue, england: MetricValue): { confidenceInterval: ConfidenceInterval | null; significance: Significance | null } {
  const confidenceInterval = intervalOf(metric, value);
  return { confidenceInterval, significance: significanceOf(confidenceInterval, england) };
}

/** 95% Wilson interval of a proportion metric's value, in percent; null where it does not apply. */
export function intervalOf(metric: MetricDefinition, value: MetricValue): ConfidenceInterval | null {
  if (!isProportion(metric) || value.numerator === null || value.denominator === null) return null;
  const ci = wilson(value.numerator, value.denominator);
  return ci ? { lower: ci.lower * 100, upper: ci.upper * 100, method: 'Wilson score, 95%' } : null;
}

export function significanceOf(interval: ConfidenceInterval | null, england: MetricValue): Significance | null {
  if (!interval || england.value === null) return null;
  return compareWithBenchmark(interval, england.value) as Significance;
}

/** Sum of numerators over sum of denominators (× scale), or the sum for additive values. */
export function aggregateOf(metric: MetricDefinition, values: readonly MetricValue[]): AggregateValue {
  const sums: SetSums = { numerators: 0, numeratorSum: null, pairs: 0, pairNumerator: null, pairDenominator: null };
  for (const v of values) {
    if (v.numerator === null) continue;
    sums.numerators++;
    sums.numeratorSum = (sums.numeratorSum ?? 0) + v.numerator;
    if (v.denominator === null) continue;
    sums.pairs++;
    sums.pairNumerator = (sums.pairNumerator ?? 0) + v.numerator;
    sums.pairDenominator = (sums.pairDenominator ?? 0) + v.denominator;
  }
  return aggregateOfSums(metric, sums);
}

/** `aggregateOf` from the sums alone (added in the members' order in JS, or exactly by PostgreSQL for England's set). */
export function aggregateOfSums(metric: MetricDefinition, sums: SetSums): AggregateValue {
  if (!isAggregatable(metric)) return { value: null, numerator: null, denominator: null, members: 0 };
  const f = metric.formula;
  if (f.kind === 'value') return { value: sums.numeratorSum, numerator: sums.numeratorSum, denominator: null, members: sums.numerators };
  const numerator = sums.pairNumerator;
  const denominator = sums.pairDenominator;
  const scale = f.kind === 'ratio' ? f.scale : 100;
  return {
    value: numerator !== null && denominator !== null && denominator !== 0 ? (numerator / denominator) * scale : null,
    numerator,
    denominator,
    members: sums.pairs,
  };
}

/**
 * Figures for a set of LAs: each member's value, rank and quartile band (among members with a
 * value), and the set's distribution and aggregate. Pure: the rows were read in one query by the
 * caller. A member's interval and significance: `judge`.
 */
export function summariseSet(
  metric: MetricDefinition,
  period: number,
  members: readonly AuthorityRecord[],
  rows: ReadonlyMap<string, MetricValueRow>,
): { members: MemberFigures[]; statistics: SetStatistics } {
  const values = members.map((la) => toMetricValue(metric, la.code, period, rows.get(la.code)));
  const withValue = values.filter((v) => v.value !== null).map((v) => v.value!);
  const { sorted, ranks, bands } = orderStatistics(withValue);
  let next = 0;
  const figures = members.map((authority, i) => {
    const value = values[i];
    const index = value.value === null ? -1 : next++;
    return { authority, value, rank: index < 0 ? null : ranks[index], quartileBand: index < 0 ? null : bands[index] };
  });
  const q = (p: number) => quantileOfSorted(sorted, p) ?? null;
  return {
    members: figures,
    statistics: {
      count: members.length,
      withValue: withValue.length,
      median: q(0.5),
      lowerQuartile: q(0.25),
      upperQuartile: q(0.75),
      min: sorted.length ? sorted[0] : null,
      max: sorted.length ? sorted[sorted.length - 1] : null,
      aggregate: aggregateOf(metric, values),
    },
  };
}

/**
 * `summariseSet`'s figures for England's set (every current LA, `members`) from its ranking kept
 * at import (`selectEnglandSet`): `shown`, the members the read returned (the first places of the
 * display order) as `orderForDisplay` orders them, and the focus wherever it stands.
 * Statistics are over the whole set, as `summariseSet`'s are.
 */
export function summariseEnglandSet(
  metric: MetricDefinition,
  period: number,
  members: readonly AuthorityRecord[],
  read: EnglandSetRead,
  focus: AuthorityRecord | null,
  authority: (code: string) => AuthorityRecord | undefined,
): { shown: MemberFigures[]; focus: MemberFigures | null; statistics: SetStatistics } {
  const band = (position: number) => bandOfPosition(position, read.withValue);
  const shown: MemberFigures[] = read.ranked.map((r) => ({
    authority: authority(r.row.area_code)!,
    value: toMetricValue(metric, r.row.area_code, period, r.row),
    rank: r.rank,
    quartileBand: band(r.position),
  }));
  if (read.unvalued) {
    // The places reach past the members with a value: the rest follow, with or without a row.
    const valued = new Set(read.ranked.map((r) => r.row.area_code));
    const rows = new Map(read.unvalued.map((r) => [r.area_code, r]));
    for (const la of members) {
      if (!valued.has(la.code)) shown.push({ authority: la, value: toMetricValue(metric, la.code, period, rows.get(la.code)), rank: null, quartileBand: null });
    }
  }
  let own: MemberFigures | null = null;
  if (focus) {
    own = shown.find((m) => m.authority === focus) ?? {
      authority: focus,
      value: toMetricValue(metric, focus.code, period, read.others.find((r) => r.area_code === focus.code)),
      rank: read.focus?.rank ?? null,
      quartileBand: read.focus ? band(read.focus.position) : null,
    };
  }
  return { shown: orderForDisplay(shown), focus: own, statistics: statisticsOfKept(metric, members.length, read) };
}

/** A set's statistics from its figures kept at import (England's set; an LA's neighbour set), as `summariseSet` gives them. */
export function statisticsOfKept(metric: MetricDefinition, count: number, kept: KeptFigures): SetStatistics {
  const [lowerQuartile, median, upperQuartile] = kept.quartiles ?? [null, null, null];
  return { count, withValue: kept.withValue, median, lowerQuartile, upperQuartile, min: kept.min, max: kept.max, aggregate: aggregateOfSums(metric, kept.sums) };
}

/**
 * Members ordered for display: highest value first, then those without a value; ties and members
 * without a value by name (then code). Ranks already order the members with a value (rank r with
 * k ties fills places r to r + k − 1), so each member is put straight in its place and only tie
 * groups are sorted: at 15,300 members a comparison sort of them all cost more than the ranking.
 */
export function orderForDisplay(members: readonly MemberFigures[]): MemberFigures[] {
  const ranked = members.filter((m) => m.rank !== null);
  const unranked = members.filter((m) => m.rank === null).sort((a, b) => byName(a.authority, b.authority));
  const out = new Array<MemberFigures>(ranked.length);
  const placed = new Uint32Array(ranked.length);
  for (const m of ranked) {
    const start = m.rank! - 1;
    out[start + placed[start]++] = m;
  }
  for (let start = 0; start < out.length; start++) {
    if (placed[start] > 1) out.splice(start, placed[start], ...out.slice(start, start + placed[start]).sort((a, b) => byName(a.authority, b.authority)));
  }
  return out.concat(unranked);
}

export const ENGLAND = ENGLAND_CODE;
