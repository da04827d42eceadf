import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { MetricValue } from '../../graphql/common.types';
import type { ApiContext } from '../../graphql/context';
import { LaCodeScalar, MetricIdScalar } from '../../graphql/scalars';
import { requireAuthority } from '../authorities/authority.service';
import { requireMetric } from '../metrics/metric.service';
import { Trend, TrendSeriesKind } from '../trends/trend.type';
import { curatedNotes } from './curated-notes';
import { notesOn, RULE_TEXT, toCuratedNote, toQualityFlag } from './data-quality.service';
import { DataQuality, ValueNote } from './data-quality.type';

@Resolver(() => DataQuality)
export class DataQualityResolver {
  @Query(() => DataQuality, {
    description: 'Every data-quality note: the curated notes shipped with SENDbench (known problems, series breaks, boundary changes) and the values the automatic rule marks "check", optionally for one metric or LA. No SQL: the flags are kept at import and read with the reference data.',
  })
  async dataQuality(
    @Ctx() ctx: ApiContext,
    @Arg('metric', () => MetricIdScalar, { nullable: true, description: 'Only flags on this metric.' }) metricId?: string | null,
    @Arg('la', () => LaCodeScalar, { nullable: true, description: 'Only flags on this LA.' }) laCode?: string | null,
  ): Promise<DataQuality> {
    const reference = await ctx.reference();
    if (metricId) requireMetric(metricId);
    const la = laCode ? requireAuthority(reference, laCode) : undefined;
    const flags = [...reference.qualityFlags.values()].filter((f) => (!metricId || f.metric_id === metricId) && (!la || f.area_code === la.code));
    return {
      rule: RULE_TEXT,
      curated: curatedNotes().map((rule) => toCuratedNote(reference, rule)),
      flags: flags.map((f) => toQualityFlag(reference, f)),
    };
  }
}

/** `notes` on every value: the curated notes and the automatic check that apply to it (from the request's reference snapshot). */
@Resolver(() => MetricValue)
export class MetricValueNotesResolver {
  @FieldResolver(() => [ValueNote], { description: 'Data-quality notes on this value: curated notes (known problems, series breaks, boundary changes) and the automatic "check" flag. The value itself is never hidden or altered.' })
  async notes(@Root() value: MetricValue, @Ctx() ctx: ApiContext): Promise<ValueNote[]> {
    return notesOn(await ctx.reference(), value.metricId, value.areaCode, value.period.code);
  }
}

/** `notes` on a trend: every note on a value of its areas' lines (a trend's points are not MetricValues). */
@Resolver(() => Trend)
export class TrendNotesResolver {
  @FieldResolver(() => [ValueNote], { description: 'Data-quality notes on the values of the area lines, by area then period.' })
  async notes(@Root() trend: Trend, @Ctx() ctx: ApiContext): Promise<ValueNote[]> {
    const reference = await ctx.reference();
    return trend.series
      .filter((s) => s.kind === TrendSeriesKind.AREA && s.area)
      .flatMap((s) => s.points.flatMap((p) => notesOn(reference, trend.metric.id, s.area!.code, p.period.code)));
  }
}
