import { ENGLAND_CODE, METRICS, periodForYear, previousPeriod, yearOfPeriod } from '@sendbench/schema';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { Direction } from '../../graphql/common.types';
import type { ApiContext } from '../../graphql/context';
import { operationSelects } from '../../graphql/selection';
import { ApiError } from '../../graphql/errors';
import { LaCodeScalar } from '../../graphql/scalars';
import { requireAuthority, toAuthority } from '../authorities/authority.service';
import { judge, summariseSet } from '../comparisons/comparison.service';
import { type MetricValueRow, selectProfileValues } from '../metrics/metric-value.repository';
import { toMetric, toMetricValue, toPeriod } from '../metrics/metric.service';
import { PeerKind, PeerSelector } from '../peer-groups/peer-group.type';
import { resolvePeers, toPeerGroup } from '../peer-groups/peer-group.service';
import { Profile } from './profile.type';

/** The headline series whose latest January with LA data sets the default profile year. */
const HEADLINE_METRIC = 'ehc_plans';

@Resolver(() => Profile)
export class ProfileResolver {
  @Query(() => Profile, {
    description:
      'Every catalogue metric for one LA: value, England, region, peer median and quartiles, rank n of N, quartile band, change from the previous period, significance, and a series for a sparkline — the one call a profile page needs. Two SQL statements.',
  })
  async profile(
    @Ctx() ctx: ApiContext,
    @Arg('code', () => LaCodeScalar, { description: 'The LA.' }) code: string,
    @Arg('peers', () => PeerSelector, { nullable: true, description: 'Peer set (default: statistical neighbours).' }) peers: PeerSelector | null | undefined,
    @Arg('year', () => Int, { nullable: true, description: 'Reporting year (default: the latest January with LA data).' }) year: number | null | undefined,
    @Info() info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>,
  ): Promise<Profile> {
    const reference = await ctx.reference();
    const la = requireAuthority(reference, code);
    const latest = reference.laPeriodsOf(HEADLINE_METRIC).at(-1);
    const chosen = year ?? (latest === undefined ? undefined : yearOfPeriod('january', latest));
    if (chosen === undefined) throw new ApiError('PERIOD_NOT_AVAILABLE', 'No data is loaded yet: import the official files first.');
    if (chosen < 2000 || chosen > 2100) throw new ApiError('BAD_USER_INPUT', `Year ${chosen} is out of range; use a reporting year such as 2025.`, { value: chosen });
    const group = resolvePeers(reference, peers ?? { kind: PeerKind.STATISTICAL_NEIGHBOURS }, la);
    const members = group.members.includes(la) ? group.members : [la, ...group.members];

    const periodsOf = (type: (typeof METRICS)[number]['periodType']) => {
      const period = periodForYear(type, chosen);
      return [period, previousPeriod(type, period)] as const;
    };
    const shown = new Map(METRICS.map((m) => [m.id, periodsOf(m.periodType)[0]]));
    const rows = await selectProfileValues(ctx.db, {
      areas: [...members.map((m) => m.code), ENGLAND_CODE, la.regionCode],
      periods: [...shown.values()],
      focus: la.code,
      releaseIds: operationSelects(info, 'releaseIds'),
    });
    // Rows by metric: every area's row in the metric's own period (its peers, England, region) and
    // the focus's rows in every period (its series, and the previous period).
    const inPeriod = new Map<string, Map<string, MetricValueRow>>();
    const focusSeries = new Map<string, MetricValueRow[]>();
    for (const row of rows) {
      if (row.area_code === la.code) {
        const series = focusSeries.get(row.metric_id);
        if (series) series.push(row);
        else focusSeries.set(row.metric_id, [row]);
      }
      if (row.period !== shown.get(row.metric_id)) continue;
      const areas = inPeriod.get(row.metric_id);
      if (areas) areas.set(row.area_code, row);
      else inPeriod.set(row.metric_id, new Map([[row.area_code, row]]));
    }
    const none = new Map<string, MetricValueRow>();

    return {
      authority: toAuthority(la),
      year: chosen,
      peerGroup: toPeerGroup({ ...group, members }),
      metrics: METRICS.map((metric) => {
        const [period, previous] = periodsOf(metric.periodType);
        const byArea = inPeriod.get(metric.id) ?? none;
        const series = (focusSeries.get(metric.id) ?? []).sort((a, b) => a.period - b.period);
        const england = toMetricValue(metric, ENGLAND_CODE, period, byArea.get(ENGLAND_CODE));
        const summary = summariseSet(metric, period, members, byArea);
        const own = summary.members.find((m) => m.authority === la)!;
        const value = own.value;
        const before = toMetricValue(metric, la.code, previous, series.find((row) => row.period === previous));
        const others = summary.members.filter((m) => m.authority !== la && m.value.value !== null).map((m) => m.value.value!);
        return {
          metric: toMetric(metric, reference),
          period: toPeriod(metric.periodType, period),
          value,
          england,
          region: toMetricValue(metric, la.regionCode, period, byArea.get(la.regionCode)),
          peers: summary.statistics,
          rank: own.rank,
          rankOutOf: summary.statistics.withValue,
          quartileBand: own.quartileBand,
          peersAbove: value.value === null ? 0 : others.filter((v) => v > value.value!).length,
          peersBelow: value.value === null ? 0 : others.filter((v) => v < value.value!).length,
          previous: before,
          direction:
            value.value === null || before.value === null ? null : value.value > before.value ? Direction.UP : value.value < before.value ? Direction.DOWN : Direction.SAME,
          ...judge(metric, value, england),
          series: series.map((row) => toMetricValue(metric, la.code, row.period, row)),
        };
      }),
    };
  }
}
