import { ENGLAND_CODE, METRICS, periodForYear, previousPeriod, yearOfPeriod } from '@sendbench/schema';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { Direction, type MetricValue } from '../../graphql/common.types';
import type { ApiContext } from '../../graphql/context';
import { operationSelects } from '../../graphql/selection';
import { ApiError } from '../../graphql/errors';
import { LaCodeScalar } from '../../graphql/scalars';
import { requireAuthority, toAuthority } from '../authorities/authority.service';
import { judge, statisticsOfKept, summariseSet } from '../comparisons/comparison.service';
import type { SetStatistics } from '../comparisons/comparison.type';
import { bandOfPosition } from '../../statistics/descriptive';
import type { MetricValueRow } from '../../derived/metric-value.repository';
import { toMetric, toMetricValue, toPeriod } from '../metrics/metric.service';
import { PeerKind, PeerSelector } from '../peer-groups/peer-group.type';
import { resolvePeers, toPeerGroup } from '../peer-groups/peer-group.service';
import { inlineSavedSet } from '../saved-sets/saved-set.service';
import { EMPTY_NEIGHBOUR_SET } from '../../derived/neighbour-set.repository';
import { selectProfile } from './profile.repository';
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
    const group = resolvePeers(reference, (await inlineSavedSet(ctx, peers, 'peers')) ?? { kind: PeerKind.STATISTICAL_NEIGHBOURS }, la);
    const members = group.members.includes(la) ? group.members : [la, ...group.members];

    const periodsOf = (type: (typeof METRICS)[number]['periodType']) => {
      const period = periodForYear(type, chosen);
      return [period, previousPeriod(type, period)] as const;
    };
    // The LA's own statistical neighbours (the default): their figures are kept at import
    // (refreshNeighbourSet), so their rows are not read. Any other set is read and summarised here.
    const kept = group.id === `statistical_neighbours:${la.code}`;
    const shown = new Map(METRICS.map((m) => [m.id, periodsOf(m.periodType)[0]]));
    const { rows, neighbourSet } = await selectProfile(ctx.db, {
      areas: [...(kept ? [] : members.map((m) => m.code)), ENGLAND_CODE, la.regionCode],
      periods: [...shown.values()],
      focus: la.code,
      releaseIds: operationSelects(info, 'releaseIds'),
      neighbourSet: kept,
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
    const peerCodes = members.map((m) => m.code);

    return {
      authority: toAuthority(la),
      year: chosen,
      peerGroup: toPeerGroup({ ...group, members }),
      metrics: METRICS.map((metric) => {
        const [period, previous] = periodsOf(metric.periodType);
        const byArea = inPeriod.get(metric.id) ?? none;
        const series = (focusSeries.get(metric.id) ?? []).sort((a, b) => a.period - b.period);
        const england = toMetricValue(metric, ENGLAND_CODE, period, byArea.get(ENGLAND_CODE));
        let peers: SetStatistics;
        let figures: { value: MetricValue; rank: number | null; quartileBand: number | null; peersAbove: number; peersBelow: number };
        if (neighbourSet) {
          const f = neighbourSet.get(`${metric.id}|${period}`) ?? EMPTY_NEIGHBOUR_SET;
          peers = statisticsOfKept(metric, members.length, f);
          figures = {
            value: toMetricValue(metric, la.code, period, byArea.get(la.code)),
            rank: f.rank,
            quartileBand: f.position === null ? null : bandOfPosition(f.position, f.withValue),
            // The LA is not above or below itself: members above it are rank − 1, below it position − 1.
            peersAbove: f.rank === null ? 0 : f.rank - 1,
            peersBelow: f.position === null ? 0 : f.position - 1,
          };
        } else {
          const summary = summariseSet(metric, period, members, byArea);
          const own = summary.members.find((m) => m.authority === la)!;
          const ownValue = own.value.value;
          const others = summary.members.filter((m) => m.authority !== la && m.value.value !== null).map((m) => m.value.value!);
          peers = summary.statistics;
          figures = {
            value: own.value,
            rank: own.rank,
            quartileBand: own.quartileBand,
            peersAbove: ownValue === null ? 0 : others.filter((v) => v > ownValue).length,
            peersBelow: ownValue === null ? 0 : others.filter((v) => v < ownValue).length,
          };
        }
        const value = figures.value;
        const before = toMetricValue(metric, la.code, previous, series.find((row) => row.period === previous));
        return {
          metric: toMetric(metric, reference),
          period: toPeriod(metric.periodType, period),
          value,
          england,
          region: toMetricValue(metric, la.regionCode, period, byArea.get(la.regionCode)),
          peers,
          rank: figures.rank,
          rankOutOf: peers.withValue,
          quartileBand: figures.quartileBand,
          peersAbove: figures.peersAbove,
          peersBelow: figures.peersBelow,
          previous: before,
          direction:
            value.value === null || before.value === null ? null : value.value > before.value ? Direction.UP : value.value < before.value ? Direction.DOWN : Direction.SAME,
          ...judge(metric, value, england),
          series: series.map((row) => toMetricValue(metric, la.code, row.period, row)),
          peerCodes,
        };
      }),
    };
  }
}
