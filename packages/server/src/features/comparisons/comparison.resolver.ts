import { Max, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { operationSelects } from '../../graphql/selection';
import { LaCodeScalar, MetricIdScalar, PeriodCodeScalar } from '../../graphql/scalars';
import { requireAuthority, toAuthority } from '../authorities/authority.service';
import { selectMetricValues } from '../metrics/metric-value.repository';
import { requireMetric, resolvePeriod, toMetric, toMetricValue, toPeriod } from '../metrics/metric.service';
import { PeerKind, PeerSelector } from '../peer-groups/peer-group.type';
import { resolvePeers, toPeerGroup } from '../peer-groups/peer-group.service';
import { Comparison, ComparisonMember } from './comparison.type';
import { ENGLAND, judge, type MemberFigures, orderForDisplay, summariseSet } from './comparison.service';

export const MAX_MEMBERS_PAGE = 1000;

@ArgsType()
export class MembersArgs {
  @Field(() => Int, { nullable: true, description: `At most this many members (1 to ${MAX_MEMBERS_PAGE}), in display order from \`offset\`; every member when omitted. Ranks, bands and statistics are always over the whole set.` })
  @Min(1)
  @Max(MAX_MEMBERS_PAGE)
  first?: number | null;

  @Field(() => Int, { defaultValue: 0, description: 'Members to skip, in display order.' })
  @Min(0)
  offset!: number;
}

const toMember = (m: MemberFigures, c: Comparison): ComparisonMember => ({
  ...m,
  ...judge(c.definition, m.value, c.england),
  authority: toAuthority(m.authority),
  isFocus: m.authority === c.focusRecord,
});

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
    @Arg('focus', () => LaCodeScalar, { nullable: true, description: 'The LA to highlight (always included in the set).' }) focusCode: string | null | undefined,
    @Arg('period', () => PeriodCodeScalar, { nullable: true, description: 'Period; the latest with LA data when omitted.' }) periodCode: number | null | undefined,
    @Info() info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>,
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
      releaseIds: operationSelects(info, 'releaseIds'),
    });
    const byArea = new Map(rows.map((r) => [r.area_code, r]));
    const england = toMetricValue(metric, ENGLAND, period, byArea.get(ENGLAND));
    const summary = summariseSet(metric, period, members, byArea);
    return {
      metric: toMetric(metric, reference),
      period: toPeriod(metric.periodType, period),
      focus: focus ? toAuthority(focus) : null,
      peerGroup: toPeerGroup({ ...group, members }),
      ranked: orderForDisplay(summary.members),
      definition: metric,
      focusRecord: focus ?? null,
      statistics: summary.statistics,
      england,
      region: regionCode ? toMetricValue(metric, regionCode, period, byArea.get(regionCode)) : null,
    };
  }

  @FieldResolver(() => [ComparisonMember], {
    description: 'The members, highest value first, members without a value last (with their status): every one, or a page of them with `first` and `offset`.',
    complexity: ({ childComplexity, args }) => Math.min(153, Number(args.first ?? 153)) * childComplexity,
  })
  members(@Root() comparison: Comparison, @Args(() => MembersArgs) { first, offset }: MembersArgs): ComparisonMember[] {
    const page = comparison.ranked.slice(offset, first == null ? undefined : offset + first);
    return page.map((m) => toMember(m, comparison));
  }

  @FieldResolver(() => ComparisonMember, {
    nullable: true,
    description: 'The focus LA as a member of the set (its value, rank and band), whichever page `members` returns; null without a focus.',
  })
  focusMember(@Root() comparison: Comparison): ComparisonMember | null {
    const own = comparison.ranked.find((m) => m.authority === comparison.focusRecord);
    return own ? toMember(own, comparison) : null;
  }
}

export { PeerKind };
