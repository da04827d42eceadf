import { Max, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { operationSelects, selectedArguments } from '../../graphql/selection';
import { LaCodeScalar, MetricIdScalar, PeriodCodeScalar } from '../../graphql/scalars';
import { requireAuthority, toAuthority } from '../authorities/authority.service';
import { type MetricValueRow, selectMetricValues } from '../../derived/metric-value.repository';
import { requireMetric, resolvePeriod, toMetric, toMetricValue, toPeriod } from '../metrics/metric.service';
import { PeerKind, PeerSelector } from '../peer-groups/peer-group.type';
import { resolvePeers, toPeerGroup } from '../peer-groups/peer-group.service';
import { inlineSavedSet } from '../saved-sets/saved-set.service';
import { Comparison, ComparisonMember, type MemberFigures, type SetStatistics } from './comparison.type';
import { ENGLAND, judge, orderForDisplay, summariseEnglandSet, summariseSet } from './comparison.service';
import { selectEnglandSet } from '../../derived/england-set.repository';

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
  isFocus: m === c.focusFigures,
});

/**
 * How many places of the display order the operation's `members` selections reach (the largest
 * `offset + first`); null when one of them asks for every member.
 */
function placesAsked(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues' | 'returnType'>): number | null {
  let through = 0;
  for (const args of selectedArguments(info, 'members') as Partial<MembersArgs>[]) {
    if (args.first == null) return null;
    through = Math.max(through, (args.offset ?? 0) + args.first);
  }
  return through;
}

/**
 * One comparison with its reads (what the `comparison` query resolves to; the benchmark's baseline
 * calls it too). England's set is ranked at import, so when a page shows fewer than all its
 * members, only its first `through` places of the display order and the focus are read; otherwise,
 * and for every other set (small ones), the set is read whole and ranked here.
 */
export async function compare(
  ctx: ApiContext,
  request: { metricId: string; peers: PeerSelector; focusCode?: string | null; periodCode?: number | null; through: number | null; releaseIds: boolean },
): Promise<Comparison> {
  const metric = requireMetric(request.metricId);
  const reference = await ctx.reference();
  const focus = request.focusCode ? requireAuthority(reference, request.focusCode) : null;
  const period = resolvePeriod(metric, reference, request.periodCode);
  const peers = await inlineSavedSet(ctx, request.peers, 'peers');
  const group = resolvePeers(reference, peers, focus ?? undefined);
  const members = focus && !group.members.includes(focus) ? [focus, ...group.members] : group.members;
  const regionCode = focus?.regionCode;
  const others = [ENGLAND, ...(regionCode ? [regionCode] : [])];
  const releaseIds = request.releaseIds;
  let figures: { shown: MemberFigures[]; focus: MemberFigures | null; statistics: SetStatistics };
  let otherRow: (code: string) => MetricValueRow | undefined;
  let through: number | null = null;
  if (peers.kind === PeerKind.ENGLAND && (!focus || focus.isCurrent) && request.through !== null && request.through < members.length) {
    // England's set, ranked at import: only the places the operation shows (and the focus) are
    // read. When they are every member anyway (England's 153 on a page of 200), one plain read
    // ranked here is cheaper (1.6 against 2.1 ms in process).
    through = request.through;
    const read = await selectEnglandSet(ctx.db, { metricId: metric.id, period, through, focus: focus?.code ?? null, others: focus ? [...others, focus.code] : others, releaseIds });
    figures = summariseEnglandSet(metric, period, members, read, focus, (code) => reference.authority(code));
    otherRow = (code) => read.others.find((r) => r.area_code === code);
  } else {
    const rows = await selectMetricValues(ctx.db, { metricIds: [metric.id], areas: [...members.map((m) => m.code), ...others], periods: [period], releaseIds });
    const byArea = new Map(rows.map((r) => [r.area_code, r]));
    const summary = summariseSet(metric, period, members, byArea);
    figures = { shown: orderForDisplay(summary.members), focus: summary.members.find((m) => m.authority === focus) ?? null, statistics: summary.statistics };
    otherRow = (code) => byArea.get(code);
  }
  const other = (code: string) => toMetricValue(metric, code, period, otherRow(code));
  return {
    metric: toMetric(metric, reference),
    period: toPeriod(metric.periodType, period),
    focus: focus ? toAuthority(focus) : null,
    peerGroup: toPeerGroup({ ...group, members }),
    shown: figures.shown,
    through,
    focusFigures: figures.focus,
    definition: metric,
    statistics: figures.statistics,
    england: other(ENGLAND),
    region: regionCode ? other(regionCode) : null,
  };
}

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
    @Info() info: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'fieldNodes' | 'variableValues' | 'returnType'>,
  ): Promise<Comparison> {
    return compare(ctx, { metricId, peers, focusCode, periodCode, through: placesAsked(info), releaseIds: operationSelects(info, 'releaseIds') });
  }

  @FieldResolver(() => [ComparisonMember], {
    description: 'The members, highest value first, members without a value last (with their status): every one, or a page of them with `first` and `offset`.',
    complexity: ({ childComplexity, args }) => Math.min(153, Number(args.first ?? 153)) * childComplexity,
  })
  members(@Root() comparison: Comparison, @Args(() => MembersArgs) { first, offset }: MembersArgs): ComparisonMember[] {
    const end = first == null ? undefined : offset + first;
    if (comparison.through !== null && (end === undefined || end > comparison.through)) {
      // placesAsked read every selection's arguments; reaching here would be a bug, never a short page.
      throw new Error(`members(first: ${first}, offset: ${offset}) lies beyond the ${comparison.through} places read`);
    }
    return comparison.shown.slice(offset, end).map((m) => toMember(m, comparison));
  }

  @FieldResolver(() => ComparisonMember, {
    nullable: true,
    description: 'The focus LA as a member of the set (its value, rank and band), whichever page `members` returns; null without a focus.',
  })
  focusMember(@Root() comparison: Comparison): ComparisonMember | null {
    return comparison.focusFigures ? toMember(comparison.focusFigures, comparison) : null;
  }
}

export { PeerKind };
