import { type MetricDefinition, periodForYear, yearOfPeriod } from '@sendbench/schema';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { periodNotAvailable } from '../../graphql/errors';
import { operationSelects } from '../../graphql/selection';
import { LaCodeScalar, MetricIdScalar } from '../../graphql/scalars';
import { requireAuthority, toAuthority } from '../authorities/authority.service';
import { leastSquares, pearson, spearman } from '../../statistics/descriptive';
import { selectMetricValues } from '../../derived/metric-value.repository';
import { requireMetric, toMetric, toMetricValue, toPeriod } from '../metrics/metric.service';
import { PeerKind, PeerSelector } from '../peer-groups/peer-group.type';
import { resolvePeers, toPeerGroup } from '../peer-groups/peer-group.service';
import { inlineSavedSet } from '../saved-sets/saved-set.service';
import type { ReferenceSnapshot } from '../reference/reference.service';
import { Relationship } from './relationship.type';

/** The latest reporting year in which both metrics have LA data, or the given year (checked). */
function chooseYear(reference: ReferenceSnapshot, x: MetricDefinition, y: MetricDefinition, year: number | null | undefined): number {
  const xs = new Set(reference.laPeriodsOf(x.id).map((p) => yearOfPeriod(x.periodType, p)));
  const ys = reference.laPeriodsOf(y.id).map((p) => yearOfPeriod(y.periodType, p));
  const common = ys.filter((v) => xs.has(v)).sort((a, b) => a - b);
  if (year == null) {
    const latest = common.at(-1);
    if (latest === undefined) throw periodNotAvailable(`${x.id} and ${y.id}`, 0, []);
    return latest;
  }
  if (!common.includes(year)) throw periodNotAvailable(`${x.id} and ${y.id} together`, year, common);
  return year;
}

@Resolver(() => Relationship)
export class RelationshipResolver {
  @Query(() => Relationship, {
    description:
      'Two metrics paired per LA for a scatter (one dot per LA), with Pearson and Spearman correlation and a least-squares line over the set. Periods follow the reporting year: year 2025 pairs January 2025, financial year 2024-25 and calendar year 2024. Two SQL statements.',
  })
  async relationship(
    @Ctx() ctx: ApiContext,
    @Arg('x', () => MetricIdScalar, { description: 'Horizontal metric.' }) xId: string,
    @Arg('y', () => MetricIdScalar, { description: 'Vertical metric.' }) yId: string,
    @Arg('peers', () => PeerSelector, { nullable: true, description: 'The set (default: all LAs in England).' }) peers: PeerSelector | null | undefined,
    @Arg('focus', () => LaCodeScalar, { nullable: true, description: 'LA to highlight.' }) focusCode: string | null | undefined,
    @Arg('highlight', () => PeerSelector, { nullable: true, description: 'A set to highlight within the points (e.g. the focus LA\'s neighbours).' }) highlight: PeerSelector | null | undefined,
    @Arg('year', () => Int, { nullable: true, description: 'Reporting year (2025); the latest with data for both when omitted.' }) year: number | null | undefined,
    @Info() info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>,
  ): Promise<Relationship> {
    const x = requireMetric(xId);
    const y = requireMetric(yId);
    const reference = await ctx.reference();
    const focus = focusCode ? requireAuthority(reference, focusCode) : undefined;
    const chosen = chooseYear(reference, x, y, year);
    const xPeriod = periodForYear(x.periodType, chosen);
    const yPeriod = periodForYear(y.periodType, chosen);
    const group = resolvePeers(reference, (await inlineSavedSet(ctx, peers, 'peers')) ?? { kind: PeerKind.ENGLAND }, focus);
    const members = focus && !group.members.includes(focus) ? [focus, ...group.members] : group.members;
    const highlightSet = await inlineSavedSet(ctx, highlight, 'highlight');
    const highlighted = new Set(highlightSet ? resolvePeers(reference, highlightSet, focus).members.map((m) => m.code) : []);

    const rows = await selectMetricValues(ctx.db, { metricIds: [x.id, y.id], areas: members.map((m) => m.code), periods: [...new Set([xPeriod, yPeriod])], releaseIds: operationSelects(info, 'releaseIds') });
    const byKey = new Map(rows.map((r) => [`${r.metric_id}|${r.period}|${r.area_code}`, r]));
    const points = members.map((la) => ({
      authority: toAuthority(la),
      x: toMetricValue(x, la.code, xPeriod, byKey.get(`${x.id}|${xPeriod}|${la.code}`)),
      y: toMetricValue(y, la.code, yPeriod, byKey.get(`${y.id}|${yPeriod}|${la.code}`)),
      isFocus: la === focus,
      highlighted: highlighted.has(la.code),
    }));
    const paired = points.filter((p) => p.x.value !== null && p.y.value !== null);
    const xs = paired.map((p) => p.x.value!);
    const ys = paired.map((p) => p.y.value!);
    return {
      x: toMetric(x, reference),
      y: toMetric(y, reference),
      xPeriod: toPeriod(x.periodType, xPeriod),
      yPeriod: toPeriod(y.periodType, yPeriod),
      peerGroup: toPeerGroup({ ...group, members }),
      points,
      pairs: paired.length,
      pearson: pearson(xs, ys) ?? null,
      spearman: spearman(xs, ys) ?? null,
      line: leastSquares(xs, ys) ?? null,
    };
  }
}
