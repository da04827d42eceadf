import { ENGLAND_CODE } from '@sendbench/schema';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { AreaLevel } from '../../graphql/common.types';
import type { ApiContext } from '../../graphql/context';
import { ApiError, tooManyAuthorities } from '../../graphql/errors';
import { AreaCodeScalar, LaCodeScalar, MetricIdScalar, PeriodCodeScalar } from '../../graphql/scalars';
import { requireArea, requireAuthority } from '../authorities/authority.service';
import { aggregateOf } from '../comparisons/comparison.service';
import { quantile } from '../../statistics/descriptive';
import { selectMetricValues } from '../../derived/metric-value.repository';
import { periodNotAvailable } from '../../graphql/errors';
import { requireMetric, toMetric, toMetricValue, toPeriod } from '../metrics/metric.service';
import { PeerSelector } from '../peer-groups/peer-group.type';
import { resolvePeers } from '../peer-groups/peer-group.service';
import { inlineSavedSet } from '../saved-sets/saved-set.service';
import { Trend, TrendSeries, TrendSeriesKind } from './trend.type';

export const MAX_TREND_AREAS = 30;

@Resolver(() => Trend)
export class TrendResolver {
  @Query(() => Trend, {
    description:
      'A metric over every available period (or from–to) for up to 30 areas (LAs, regions, England), plus a peer set\'s aggregate and median when `peers` is given; series breaks inside the range are listed. Two SQL statements whatever the number of areas.',
    complexity: ({ childComplexity, args }) => 1 + childComplexity * (Array.isArray(args.areas) ? args.areas.length + 2 : 3),
  })
  async trend(
    @Ctx() ctx: ApiContext,
    @Arg('metric', () => MetricIdScalar, { description: 'Metric id.' }) metricId: string,
    @Arg('areas', () => [AreaCodeScalar], { description: `Areas to draw (1–${MAX_TREND_AREAS}): LA codes, region codes, E92000001 for England.` }) areaCodes: string[],
    @Arg('peers', () => PeerSelector, { nullable: true, description: 'Add the aggregate and median of this set.' }) peers?: PeerSelector | null,
    @Arg('focus', () => LaCodeScalar, { nullable: true, description: 'Focus LA, for peer selectors that default to it.' }) focusCode?: string | null,
    @Arg('from', () => PeriodCodeScalar, { nullable: true, description: 'First period (inclusive).' }) from?: number | null,
    @Arg('to', () => PeriodCodeScalar, { nullable: true, description: 'Last period (inclusive).' }) to?: number | null,
  ): Promise<Trend> {
    const metric = requireMetric(metricId);
    const reference = await ctx.reference();
    if (areaCodes.length === 0 && !peers) throw new ApiError('BAD_USER_INPUT', 'Give at least one area, or a peer set.');
    if (areaCodes.length > MAX_TREND_AREAS) throw tooManyAuthorities(areaCodes.length, MAX_TREND_AREAS);
    const areas = [...new Map(areaCodes.map((c) => requireArea(reference, c)).map((a) => [a.code, a])).values()];
    const focus = focusCode ? requireAuthority(reference, focusCode) : undefined;
    const inlined = await inlineSavedSet(ctx, peers, 'peers');
    const group = inlined ? resolvePeers(reference, inlined, focus) : undefined;

    const available = reference.periodsOf(metric.id);
    for (const bound of [from, to]) if (bound != null && !available.includes(bound)) throw periodNotAvailable(metric.id, bound, available);
    const periods = available.filter((p) => (from == null || p >= from) && (to == null || p <= to));

    const memberCodes = group?.members.map((m) => m.code) ?? [];
    // A trend's points carry no release ids (they are not MetricValues): never read them.
    const rows = await selectMetricValues(ctx.db, { metricIds: [metric.id], areas: [...new Set([...areas.map((a) => a.code), ...memberCodes])], periods, releaseIds: false });
    const byKey = new Map(rows.map((r) => [`${r.area_code}|${r.period}`, r]));
    const point = (area: string, period: number) => {
      const v = toMetricValue(metric, area, period, byKey.get(`${area}|${period}`));
      return { period: v.period, value: v.value, status: v.status };
    };

    const series: TrendSeries[] = areas.map((area) => ({
      id: area.code,
      label: area.code === ENGLAND_CODE ? 'England' : area.name,
      kind: TrendSeriesKind.AREA,
      area: { code: area.code, name: area.name, level: area.level as AreaLevel },
      points: periods.map((p) => point(area.code, p)),
    }));
    if (group) {
      const valuesIn = (period: number) => memberCodes.map((code) => toMetricValue(metric, code, period, byKey.get(`${code}|${period}`)));
      series.push({
        id: `aggregate:${group.id}`,
        label: `${group.label}: aggregate`,
        kind: TrendSeriesKind.PEER_AGGREGATE,
        area: null,
        points: periods.map((p) => {
          const agg = aggregateOf(metric, valuesIn(p));
          return { period: toPeriod(metric.periodType, p), value: agg.value, status: agg.value === null ? 'x' : 'value' };
        }),
      });
      series.push({
        id: `median:${group.id}`,
        label: `${group.label}: median`,
        kind: TrendSeriesKind.PEER_MEDIAN,
        area: null,
        points: periods.map((p) => {
          const median = quantile(valuesIn(p).filter((v) => v.value !== null).map((v) => v.value!), 0.5);
          return { period: toPeriod(metric.periodType, p), value: median ?? null, status: median === undefined ? 'x' : 'value' };
        }),
      });
    }
    const first = periods[0];
    const last = periods.at(-1);
    return {
      metric: toMetric(metric, reference),
      periods: periods.map((p) => toPeriod(metric.periodType, p)),
      series,
      breaks: (metric.seriesBreaks ?? []).filter((b) => first !== undefined && last !== undefined && b.period > first && b.period <= last).map((b) => ({ ...b })),
    };
  }
}
