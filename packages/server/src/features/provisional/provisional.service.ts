import DataLoader from 'dataloader';
import type { Db } from '../../db/database';
import { bumpProvisionalState, readAsViewer, writeProvisional } from '../../db/provisional-access';
import { selectMetricValues } from '../../derived/metric-value.repository';
import type { ApiContext } from '../../graphql/context';
import { ApiError } from '../../graphql/errors';
import { appendAuditEvent } from '../../identity/audit.repository';
import type { Principal } from '../../identity/principal';
import { bandOfPosition } from '../../statistics/descriptive';
import * as repo from './provisional.repository';

export type { ProvisionalUploadRow, ProvisionalValueRow } from './provisional.repository';

/**
 * Test-only switch: when false, the services skip their own visibility checks, so a test can show
 * that row-level security alone still refuses (test/provisional-leak-matrix.test.ts). Never set in
 * the server.
 */
export const provisionalChecks = { service: true };

/** Whether `principal` can ever see a provisional figure: anonymous callers never read the tables at all. */
export function readsProvisional(principal: Principal): boolean {
  return principal.role !== 'anonymous';
}

const onlyLaUsers = (principal: Principal, what: string) =>
  new ApiError('FORBIDDEN', `${what} is for LA users (an LA's own provisional figures); this request's role is ${principal.role}.`, { needed: 'la_user', role: principal.role });

/** Shares an LA's active upload with DfE (or stops sharing it): only the LA's own users may. */
export function shareUpload(ctx: ApiContext, id: string, shared: boolean): Promise<repo.ProvisionalUploadRow> {
  return changeOwnUpload(ctx, id, 'provisional-share', async (trx, upload) => {
    if (upload.status !== 'active') throw new ApiError('BAD_USER_INPUT', `Upload ${id} is ${upload.status}: only the active upload of a data set can be shared.`, { field: 'id', value: id });
    await repo.updateUpload(trx, id, { shared });
    return { shared };
  });
}

/**
 * Withdraws an LA's upload: its figures are no longer shown to anyone (the record stays).
 * Withdrawing it again answers the withdrawn upload and changes nothing, so a retried request is harmless.
 */
export function withdrawUpload(ctx: ApiContext, id: string): Promise<repo.ProvisionalUploadRow> {
  return changeOwnUpload(ctx, id, 'provisional-withdraw', async (trx, upload) => {
    if (upload.status === 'withdrawn') return undefined;
    await repo.updateUpload(trx, id, { status: 'withdrawn' });
    return { previousStatus: upload.status };
  });
}

async function changeOwnUpload(
  ctx: ApiContext,
  id: string,
  event: 'provisional-share' | 'provisional-withdraw',
  /** The change's audit detail, or undefined when there was nothing to change (nothing is written or audited). */
  change: (trx: Db, upload: repo.ProvisionalUploadRow) => Promise<Record<string, unknown> | undefined>,
): Promise<repo.ProvisionalUploadRow> {
  const principal = ctx.principal;
  ctx.store.uncacheable = true;
  if (principal.role !== 'la_user' || !principal.laCode) {
    await appendAuditEvent(ctx.writeDb, 'denied', principal, { what: event, uploadId: id, needed: 'la_user' }, ctx.requestId);
    throw onlyLaUsers(principal, event === 'provisional-share' ? 'Sharing provisional data' : 'Withdrawing provisional data');
  }
  if (!/^\d{1,18}$/.test(id)) throw new ApiError('BAD_USER_INPUT', `id must be an upload id (digits); got ${JSON.stringify(id)}.`, { field: 'id', value: id });
  // Whether the upload is this LA's is asked as the LA's reader: another LA's upload is "not found", never "forbidden" (which would say it exists).
  const own = await readAsViewer(ctx.writeDb, principal, (trx) => repo.selectUpload(trx, id));
  if (!own || own.laCode !== principal.laCode) throw new ApiError('BAD_USER_INPUT', `No upload ${id} of LA ${principal.laCode}: the provisionalUploads query lists them.`, { field: 'id', value: id });
  return writeProvisional(ctx.writeDb, async (trx) => {
    const detail = await change(trx, own);
    if (detail) {
      await bumpProvisionalState(trx);
      await appendAuditEvent(trx, event, principal, { uploadId: id, dataset: own.dataset, version: own.version, ...detail }, ctx.requestId);
    }
    return (await repo.selectUpload(trx, id))!;
  });
}

/** Whether the service lets `principal` see an upload (row-level security checks the same again). */
export function mayView(principal: Principal, upload: { laCode: string; status: string; sharedWithDfe: boolean }): boolean {
  if (principal.role === 'la_user') return upload.laCode === principal.laCode;
  if (principal.role === 'dfe_analyst' || principal.role === 'admin') return upload.sharedWithDfe && upload.status === 'active';
  return false;
}

/** The uploads the caller may see (an LA user: all of their LA's, superseded and withdrawn too; DfE: the active shared ones), newest first. */
export async function visibleUploads(ctx: ApiContext, laCode?: string): Promise<repo.ProvisionalUploadRow[]> {
  const principal = ctx.principal;
  ctx.store.uncacheable = true;
  if (!readsProvisional(principal)) return [];
  const rows = await readAsViewer(ctx.db, principal, (trx) => repo.selectUploads(trx, { laCode }));
  const seen = provisionalChecks.service ? rows.filter((u) => mayView(principal, u)) : rows;
  await auditViews(ctx, seen.map((u) => u.laCode));
  return seen;
}

/** A view by DfE of an LA's provisional data goes to the audit log (every time: such answers are not cached). */
async function auditViews(ctx: ApiContext, laCodes: readonly string[]): Promise<void> {
  const others = [...new Set(laCodes.filter((la) => la !== ctx.principal.laCode))].sort();
  if (others.length === 0) return;
  ctx.store.uncacheable = true;
  await appendAuditEvent(ctx.writeDb, 'provisional-view', ctx.principal, { laCodes: others }, ctx.requestId);
}

/** Where an LA's provisional value would stand among its peers' published values. */
export interface Placement {
  /** 1 + peers with a higher published value. */
  rank: number | null;
  /** Peers with a published value, plus the LA. */
  outOf: number;
  quartileBand: number | null;
}

/**
 * Places a provisional value against published peer values (the LA's own published value left
 * out): the rank it would have ("would rank 12 of 153") and its quartile band. Peer statistics
 * are never recomputed with it.
 *
 * @example placeAmong(5, [1, 7, 3]) // { rank: 2, outOf: 4, quartileBand: 3 }
 */
export function placeAmong(value: number | null, peers: readonly number[]): Placement {
  if (value === null) return { rank: null, outOf: peers.length + 1, quartileBand: null };
  const outOf = peers.length + 1;
  const position = 1 + peers.filter((v) => v < value).length;
  return { rank: 1 + peers.filter((v) => v > value).length, outOf, quartileBand: bandOfPosition(position, outOf) };
}

/** What a provisional figure is asked for: an LA, a metric, a period, and the peers it is placed against. */
export interface ProvisionalRequest {
  laCode: string;
  metricId: string;
  period: number;
  peerCodes: readonly string[];
}

export interface ProvisionalFigureData {
  value: repo.ProvisionalValueRow;
  placement: Placement;
}

const loaders = new WeakMap<ApiContext, DataLoader<ProvisionalRequest, ProvisionalFigureData | null, string>>();

/**
 * The caller's visible provisional figure for each request (null where there is none or the caller
 * may not see it), batched per request: one read of the provisional values (as the reader role,
 * under row-level security) and one of the peers' published values, whatever the number of asks.
 * Anonymous callers never read the provisional tables.
 */
export function provisionalFigure(ctx: ApiContext, request: ProvisionalRequest): Promise<ProvisionalFigureData | null> {
  if (!readsProvisional(ctx.principal)) return Promise.resolve(null);
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((requests) => provisionalFigures(ctx, requests), { cacheKeyFn: (r) => `${r.laCode}|${r.metricId}|${r.period}|${r.peerCodes.join(',')}` });
    loaders.set(ctx, loader);
  }
  return loader.load(request);
}

async function provisionalFigures(ctx: ApiContext, requests: readonly ProvisionalRequest[]): Promise<(ProvisionalFigureData | null)[]> {
  const principal = ctx.principal;
  const asked = provisionalChecks.service ? requests.filter((r) => principal.role !== 'la_user' || r.laCode === principal.laCode) : requests;
  const unique = <T>(values: T[]) => [...new Set(values)];
  const rows = await readAsViewer(ctx.db, principal, (trx) =>
    repo.selectActiveValues(trx, { laCodes: unique(asked.map((r) => r.laCode)), metricIds: unique(asked.map((r) => r.metricId)), periods: unique(asked.map((r) => r.period)) }),
  );
  const visible = provisionalChecks.service ? rows.filter((r) => mayView(principal, r.upload)) : rows;
  const byKey = new Map(visible.map((r) => [`${r.laCode}|${r.metricId}|${r.period}`, r]));
  const found = requests.map((r) => byKey.get(`${r.laCode}|${r.metricId}|${r.period}`));
  if (found.every((f) => f === undefined)) return requests.map(() => null);
  await auditViews(ctx, found.filter((f) => f !== undefined).map((f) => f.laCode));
  const placed = requests.filter((_, i) => found[i] !== undefined);
  const published = await selectMetricValues(ctx.db, {
    metricIds: unique(placed.map((r) => r.metricId)),
    areas: unique(placed.flatMap((r) => r.peerCodes)),
    periods: unique(placed.map((r) => r.period)),
    releaseIds: false,
  });
  return requests.map((r, i) => {
    const value = found[i];
    if (!value) return null;
    const peers = new Set(r.peerCodes.filter((code) => code !== r.laCode));
    const peerValues = published.filter((p) => p.metric_id === r.metricId && p.period === r.period && peers.has(p.area_code) && p.value !== null).map((p) => p.value!);
    return { value, placement: placeAmong(value.status === 'value' ? value.value : null, peerValues) };
  });
}

/**
 * The caller's visible provisional values of one metric for some LAs, every period (a trend's
 * dashed line), in one read under row-level security; views of another LA's are audited.
 */
export async function provisionalSeries(ctx: ApiContext, laCodes: readonly string[], metricId: string): Promise<repo.ProvisionalValueRow[]> {
  const principal = ctx.principal;
  if (!readsProvisional(principal)) return [];
  const asked = provisionalChecks.service ? laCodes.filter((la) => principal.role !== 'la_user' || la === principal.laCode) : laCodes;
  const rows = await readAsViewer(ctx.db, principal, (trx) => repo.selectActiveValues(trx, { laCodes: asked, metricIds: [metricId] }));
  const visible = provisionalChecks.service ? rows.filter((r) => mayView(principal, r.upload)) : rows;
  await auditViews(ctx, visible.map((r) => r.laCode));
  return visible;
}

/** One upload as `principal` may see it (the upload route answers with it), or undefined. */
export async function uploadAsSeenBy(db: Db, principal: Principal, id: string): Promise<repo.ProvisionalUploadRow | undefined> {
  const row = await readAsViewer(db, principal, (trx) => repo.selectUpload(trx, id));
  return row && mayView(principal, row) ? row : undefined;
}
