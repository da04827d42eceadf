import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { LaCodeScalar, MetricIdScalar, PeriodCodeScalar } from '../../graphql/scalars';
import { requireAuthority, toAuthority } from '../authorities/authority.service';
import { selectMetricValues } from '../metrics/metric-value.repository';
import { requireMetric, resolvePeriod, toMetric, toMetricValue, toPeriod } from '../metrics/metric.service';
import { PeerKind, PeerSelector } from '../peer-groups/peer-group.type';
import { resolvePeers, toPeerGroup } from '../peer-groups/peer-group.service';
import { Comparison } from './comparison.type';
import { ENGLAND, orderForDisplay, summariseSet } from './comparison.service';

@Resolver(() => Comparison)
export class ComparisonResolver {
  @Query(() => Comparison, {
    description:
      'One metric in one period over a comparator set: each member\'s value, status, rank and quartile band; the set\'s median, quartiles, range and aggregate; England and the focus LA\'s region; Wilson intervals and significance against England for proportions. Two SQL statements whatever the set size.',
  })
  async comparison(
    @Ctx() ctx: ApiContext,
    @Arg('metric', () => MetricIdScalar, { description: 'Metric id.' }) metricId: string,
    @Arg('peers', () => PeerSelector, { description: 'The comparator set.' }) peers: PeerSelector,
    @Arg('focus', () => LaCodeScalar, { nullable: true, description: 'The LA to highlight (always included in the set).' }) focusCode?: string | null,
    @Arg('period', () => PeriodCodeScalar, { nullable: true, description: 'Period; the latest with LA data when omitted.' }) periodCode?: number | null,
  ): Promise<Comparison> {
    const metric = requireMetric(metricId);
    const reference = await ctx.reference();
    const focus = focusCode ? requireAuthority(reference, focusCode) : undefined;
    const period = resolvePeriod(metric, reference, periodCode);
    const group = resolvePeers(reference, peers, focus);
    const members = focus && !group.members.includes(focus) ? [focus, ...group.members] : group.members;
    const regionCode = focus?.regionCode;
    const rows = await selectMetricValues(ctx.db, {
      metricIds: [metric.id],
      areas: [...members.map((m) => m.code), ENGLAND, ...(regionCode ? [regionCode] : [])],
      periods: [period],
    });
    const byArea = new Map(rows.map((r) => [r.area_code, r]));
    const england = toMetricValue(metric, ENGLAND, period, byArea.get(ENGLAND));
    const summary = summariseSet(metric, period, members, byArea, england);
    return {
      metric: toMetric(metric, reference),
      period: toPeriod(metric.periodType, period),
      focus: focus ? toAuthority(focus) : null,
      peerGroup: toPeerGroup({ ...group, members }),
      members: orderForDisplay(summary.members).map((m) => ({ ...m, authority: toAuthority(m.authority), isFocus: m.authority === focus })),
      statistics: summary.statistics,
      england,
      region: regionCode ? toMetricValue(metric, regionCode, period, byArea.get(regionCode)) : null,
    };
  }
}

export { PeerKind };
