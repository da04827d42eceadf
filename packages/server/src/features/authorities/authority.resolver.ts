import { Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Area, AreaLevel, MetricValue } from '../../graphql/common.types';
import type { ApiContext } from '../../graphql/context';
import { ApiError } from '../../graphql/errors';
import { LaCodeScalar, MetricIdScalar, PeriodCodeScalar } from '../../graphql/scalars';
import { requireMetric, resolvePeriod, toMetricValue } from '../metrics/metric.service';
import {
  Authority,
  AuthorityConnection,
  AuthorityFilter,
  ProgrammeEnum,
  ProgrammeMembership,
  StatisticalNeighbour,
  Succession,
} from './authority.type';
import { decodeCursor, encodeCursor, filterAuthorities, requireAuthority, toAuthority } from './authority.service';

export const MAX_PAGE = 200;

@ArgsType()
class AuthoritiesArgs {
  @Field(() => AuthorityFilter, { nullable: true, description: 'Which authorities.' })
  filter?: AuthorityFilter | null;

  @Field(() => Int, { defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE}.` })
  @Min(1)
  @Max(MAX_PAGE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor from a previous page.' })
  after?: string | null;
}

@Resolver(() => Authority)
export class AuthorityResolver {
  @Query(() => AuthorityConnection, {
    description: 'Local authorities, by name, filtered by region, programme, name or code, and current or predecessor; a cursor connection with totalCount.',
    complexity: ({ childComplexity, args }) => 1 + childComplexity * Math.min(MAX_PAGE, Number(args.first ?? 50)),
  })
  async authorities(@Ctx() ctx: ApiContext, @Args(() => AuthoritiesArgs) { filter, first, after }: AuthoritiesArgs): Promise<AuthorityConnection> {
    const all = filterAuthorities(await ctx.reference(), filter);
    let start = 0;
    if (after) {
      const code = decodeCursor(after);
      const index = code === undefined ? -1 : all.findIndex((la) => la.code === code);
      if (index < 0) throw new ApiError('BAD_USER_INPUT', `Cursor "${after}" is not from this list; start again without "after".`, { value: after });
      start = index + 1;
    }
    const page = all.slice(start, start + first);
    return {
      totalCount: all.length,
      edges: page.map((la) => ({ cursor: encodeCursor(la.code), node: toAuthority(la) })),
      pageInfo: { hasNextPage: start + first < all.length, endCursor: page.length ? encodeCursor(page.at(-1)!.code) : null },
    };
  }

  @Query(() => Authority, { description: 'One authority by DfE number or any E-code alias (815, E10000023 and E06000065 are all North Yorkshire). UNKNOWN_AUTHORITY otherwise.' })
  async authority(@Ctx() ctx: ApiContext, @Arg('code', () => LaCodeScalar, { description: 'DfE LA number or E-code.' }) code: string): Promise<Authority> {
    return toAuthority(requireAuthority(await ctx.reference(), code));
  }

  @FieldResolver(() => Area, { description: 'The region the LA belongs to.' })
  async region(@Root() la: Authority, @Ctx() ctx: ApiContext): Promise<Area> {
    const area = (await ctx.reference()).areas.get(la.regionCode)!;
    return { code: area.code, name: area.name, level: AreaLevel.REGIONAL };
  }

  @FieldResolver(() => [ProgrammeMembership], { description: 'DBV and Safety Valve membership, each with its source and "list incomplete" flag.' })
  async programmes(@Root() la: Authority, @Ctx() ctx: ApiContext): Promise<ProgrammeMembership[]> {
    return (await ctx.reference()).programmesOf(la.code).map((p) => ({
      programme: p.programme as ProgrammeEnum,
      cohort: p.cohort,
      source: p.source,
      listIncomplete: p.listIncomplete,
      note: p.note,
    }));
  }

  @FieldResolver(() => [StatisticalNeighbour], { description: 'The 10 statistical neighbours of the latest model, closest first.', complexity: ({ childComplexity }) => 10 * childComplexity })
  async statisticalNeighbours(@Root() la: Authority, @Ctx() ctx: ApiContext): Promise<StatisticalNeighbour[]> {
    const reference = await ctx.reference();
    return reference.neighboursOf(la.code).map((n) => ({ rank: n.rank, proximity: n.proximity, model: n.model, code: n.code, name: reference.authorities.get(n.code)?.name ?? n.code }));
  }

  @FieldResolver(() => [Succession], { description: 'Reorganisations this LA took part in, as predecessor or successor.' })
  async successions(@Root() la: Authority, @Ctx() ctx: ApiContext): Promise<Succession[]> {
    return (await ctx.reference()).predecessors
      .filter((p) => p.predecessor === la.code || p.successor === la.code)
      .map((p) => ({ predecessorCode: p.predecessor, successorCode: p.successor, fromPeriod: p.fromPeriod, note: p.note }));
  }

  @FieldResolver(() => MetricValue, { description: 'The LA\'s value of a metric in a period (latest with data when omitted). Batched per request.' })
  async value(
    @Root() la: Authority,
    @Ctx() ctx: ApiContext,
    @Arg('metric', () => MetricIdScalar, { description: 'Metric id.' }) metricId: string,
    @Arg('period', () => PeriodCodeScalar, { nullable: true, description: 'Period code; latest when omitted.' }) period?: number | null,
  ): Promise<MetricValue> {
    const metric = requireMetric(metricId);
    const resolved = resolvePeriod(metric, await ctx.reference(), period);
    const row = await ctx.loaders.value.load(`${metric.id}|${resolved}|${la.code}`);
    return toMetricValue(metric, la.code, resolved, row);
  }

  @FieldResolver(() => [MetricValue], { description: 'Every period of a metric for the LA, oldest first. Batched per request.', complexity: ({ childComplexity }) => 20 * childComplexity })
  async series(@Root() la: Authority, @Ctx() ctx: ApiContext, @Arg('metric', () => MetricIdScalar, { description: 'Metric id.' }) metricId: string): Promise<MetricValue[]> {
    const metric = requireMetric(metricId);
    const rows = await ctx.loaders.series.load(`${metric.id}|${la.code}`);
    return rows.map((row) => toMetricValue(metric, la.code, row.period, row));
  }
}
