import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { LaCodeScalar } from '../../graphql/scalars';
import { type UploadedFile, UploadScalar } from '../../graphql/upload';
import { toPeriod } from '../metrics/metric.service';
import { requireMetric } from '../metrics/metric.service';
import { Comparison } from '../comparisons/comparison.type';
import { ProfileMetric } from '../profiles/profile.type';
import { type ProvisionalFigureData, provisionalFigure, provisionalSeries, type ProvisionalUploadRow, shareUpload, uploadAsSeenBy, visibleUploads, withdrawUpload } from './provisional.service';
import { ProvisionalFigure, ProvisionalPoint, ProvisionalUpload, type UploadStatus } from './provisional.type';
import { Trend, TrendSeriesKind } from '../trends/trend.type';

export function toProvisionalUpload(u: ProvisionalUploadRow): ProvisionalUpload {
  return {
    id: u.id,
    laCode: u.laCode,
    dataset: u.dataset,
    version: u.version,
    uploader: u.uploaderSubject,
    uploadedAt: u.uploadedAt.toISOString(),
    sha256: u.sha256,
    status: u.status as UploadStatus,
    sharedWithDfe: u.sharedWithDfe,
    sharedAt: u.sharedAt?.toISOString() ?? null,
    withdrawnAt: u.withdrawnAt?.toISOString() ?? null,
    fileName: u.fileName,
    rowCount: u.rowCount,
  };
}

function toProvisionalFigure(data: ProvisionalFigureData | null): ProvisionalFigure | null {
  if (!data) return null;
  const { value, placement } = data;
  const metric = requireMetric(value.metricId);
  return {
    metricId: value.metricId,
    laCode: value.laCode,
    period: toPeriod(metric.periodType, value.period),
    value: value.value,
    status: value.status,
    numerator: value.numerator,
    denominator: value.denominator,
    wouldRank: placement.rank,
    rankOutOf: placement.outOf,
    quartileBand: placement.quartileBand,
    upload: toProvisionalUpload(value.upload),
  };
}

@Resolver()
export class ProvisionalResolver {
  @Query(() => [ProvisionalUpload], {
    description:
      'Provisional uploads the caller may see, newest first: an LA user\'s own LA\'s (active, superseded and withdrawn), or, for DfE analysts and admins, the active ones LAs shared (each such view is audited). Empty for anonymous callers. Upload with POST /provisional/uploads (see docs/provisional-data.md).',
  })
  provisionalUploads(@Ctx() ctx: ApiContext, @Arg('laCode', () => LaCodeScalar, { nullable: true, description: 'Only this LA\'s.' }) laCode?: string | null): Promise<ProvisionalUpload[]> {
    return visibleUploads(ctx, laCode ?? undefined).then((rows) => rows.map(toProvisionalUpload));
  }

  @Mutation(() => ProvisionalUpload, {
    description:
      'Uploads your LA\'s provisional figures: one CSV in the official tidy format of one data set (GET /provisional/template?dataset=… gives it, with your latest published rows), sent as a multipart request (the GraphQL multipart request spec). Checked by the importer\'s readers and validators: every problem is listed (file, row, column) and nothing is stored; rows of another LA are refused. Supersedes your last upload of that data set. LA users only; audited. POST /provisional/uploads takes the same file as a text/csv body.',
  })
  async uploadProvisional(@Ctx() ctx: ApiContext, @Arg('file', () => UploadScalar, { description: 'The CSV file (at most 8 MB).' }) file: UploadedFile): Promise<ProvisionalUpload> {
    const stored = await ctx.storeProvisionalUpload({ name: file.filename, bytes: file.bytes });
    const upload = await uploadAsSeenBy(ctx.writeDb, ctx.principal, stored.id);
    if (!upload) throw new Error(`upload ${stored.id} was stored but its LA user cannot see it`);
    return toProvisionalUpload(upload);
  }

  @Mutation(() => ProvisionalUpload, { description: 'Shares an active upload of your LA with DfE analysts (share: false stops sharing). LA users only; audited.' })
  async shareProvisionalUpload(
    @Ctx() ctx: ApiContext,
    @Arg('id', () => ID, { description: 'The upload.' }) id: string,
    @Arg('share', () => Boolean, { defaultValue: true, description: 'false stops sharing.' }) share: boolean,
  ): Promise<ProvisionalUpload> {
    return toProvisionalUpload(await shareUpload(ctx, id, share));
  }

  @Mutation(() => ProvisionalUpload, { description: 'Withdraws an upload of your LA: its figures are no longer shown to anyone; the record stays. LA users only; audited.' })
  async withdrawProvisionalUpload(@Ctx() ctx: ApiContext, @Arg('id', () => ID, { description: 'The upload.' }) id: string): Promise<ProvisionalUpload> {
    return toProvisionalUpload(await withdrawUpload(ctx, id));
  }
}

/** `provisional` on a comparison: the focus LA's provisional figure, if the caller may see one, placed against the set's published figures. */
@Resolver(() => Comparison)
export class ComparisonProvisionalResolver {
  @FieldResolver(() => ProvisionalFigure, {
    nullable: true,
    description: 'The focus LA\'s provisional figure for this metric and period, placed against the other members\' published values (the statistics stay published-only). Null when there is none or the caller may not see it (always, for anonymous callers).',
  })
  async provisional(@Root() comparison: Comparison, @Ctx() ctx: ApiContext): Promise<ProvisionalFigure | null> {
    if (!comparison.focus) return null;
    const figure = await provisionalFigure(ctx, {
      laCode: comparison.focus.code,
      metricId: comparison.definition.id,
      period: comparison.period.code,
      peerCodes: comparison.peerGroup.members.map((m) => m.code),
    });
    return toProvisionalFigure(figure);
  }
}

/** `provisional` on a profile's metric: the LA's provisional figure, placed against its peers' published figures. */
@Resolver(() => ProfileMetric)
export class ProfileProvisionalResolver {
  @FieldResolver(() => ProvisionalFigure, {
    nullable: true,
    description: 'The LA\'s provisional figure for this metric and period, placed against its peers\' published values. Null when there is none or the caller may not see it.',
  })
  async provisional(@Root() entry: ProfileMetric, @Ctx() ctx: ApiContext): Promise<ProvisionalFigure | null> {
    const figure = await provisionalFigure(ctx, { laCode: entry.value.areaCode, metricId: entry.metric.id, period: entry.period.code, peerCodes: entry.peerCodes });
    return toProvisionalFigure(figure);
  }
}

/** `provisional` on a trend: the visible provisional figures of its LAs' lines, every period (the page draws them dashed). */
@Resolver(() => Trend)
export class TrendProvisionalResolver {
  @FieldResolver(() => [ProvisionalPoint], {
    description: 'Provisional figures of the trend\'s LAs (their own LA\'s for an LA user; shared ones for DfE), every period, oldest first; empty for anonymous callers. The lines themselves stay published-only.',
  })
  async provisional(@Root() trend: Trend, @Ctx() ctx: ApiContext): Promise<ProvisionalPoint[]> {
    const laCodes = trend.series.filter((s) => s.kind === TrendSeriesKind.AREA && s.area && /^\d{3}$/.test(s.area.code)).map((s) => s.area!.code);
    if (laCodes.length === 0) return [];
    const metric = requireMetric(trend.metric.id);
    const rows = await provisionalSeries(ctx, laCodes, metric.id);
    return rows.map((r) => ({ laCode: r.laCode, period: toPeriod(metric.periodType, r.period), value: r.value, status: r.status, upload: toProvisionalUpload(r.upload) }));
  }
}
