import { METRICS } from '@sendbench/schema';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { MetricIdScalar } from '../../graphql/scalars';
import { Metric, ThemeEnum } from './metric.type';
import { requireMetric, toMetric } from './metric.service';

@Resolver(() => Metric)
export class MetricResolver {
  @Query(() => [Metric], { description: 'The metric catalogue, optionally one theme: definitions, units, polarity, period type, sources, caveats and periods with data.' })
  async metrics(@Ctx() ctx: ApiContext, @Arg('theme', () => ThemeEnum, { nullable: true, description: 'Only this theme.' }) theme?: ThemeEnum | null): Promise<Metric[]> {
    const reference = await ctx.reference();
    return METRICS.filter((m) => !theme || m.theme === theme).map((m) => toMetric(m, reference));
  }

  @Query(() => Metric, { description: 'One metric by id. Fails with UNKNOWN_METRIC for an id not in the catalogue.' })
  async metric(@Ctx() ctx: ApiContext, @Arg('id', () => MetricIdScalar, { description: 'Metric id.' }) id: string): Promise<Metric> {
    return toMetric(requireMetric(id), await ctx.reference());
  }
}
