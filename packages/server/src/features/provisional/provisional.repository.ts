import { sql } from 'kysely';
import type { Db, ProvisionalUploadTable } from '../../db/database';

export interface ProvisionalUploadRow {
  id: string;
  laCode: string;
  dataset: string;
  version: number;
  uploaderSubject: string;
  uploadedAt: Date;
  sha256: string;
  status: ProvisionalUploadTable['status'];
  sharedWithDfe: boolean;
  sharedAt: Date | null;
  withdrawnAt: Date | null;
  fileName: string;
  rowCount: number;
}

const UPLOAD_COLUMNS = ['id', 'la_code', 'dataset', 'version', 'uploader_subject', 'uploaded_at', 'sha256', 'status', 'shared_with_dfe', 'shared_at', 'withdrawn_at', 'file_name', 'row_count'] as const;

type UploadSelect = { [K in (typeof UPLOAD_COLUMNS)[number]]: unknown };

function toUploadRow(r: UploadSelect): ProvisionalUploadRow {
  return {
    id: String(r.id),
    laCode: r.la_code as string,
    dataset: r.dataset as string,
    version: Number(r.version),
    uploaderSubject: r.uploader_subject as string,
    uploadedAt: new Date(r.uploaded_at as string),
    sha256: r.sha256 as string,
    status: r.status as ProvisionalUploadRow['status'],
    sharedWithDfe: r.shared_with_dfe as boolean,
    sharedAt: r.shared_at === null ? null : new Date(r.shared_at as string),
    withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at as string),
    fileName: r.file_name as string,
    rowCount: Number(r.row_count),
  };
}

/** One upload by id (as the transaction's role and policies let it be seen). */
export async function selectUpload(db: Db, id: string): Promise<ProvisionalUploadRow | undefined> {
  const row = await db.selectFrom('provisional_upload').select(UPLOAD_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toUploadRow(row);
}

/** Uploads, newest first, optionally of one LA (as the policies let them be seen). */
export async function selectUploads(db: Db, filter: { laCode?: string; activeOnly?: boolean }): Promise<ProvisionalUploadRow[]> {
  let query = db.selectFrom('provisional_upload').select(UPLOAD_COLUMNS).orderBy('id', 'desc').limit(500);
  if (filter.laCode !== undefined) query = query.where('la_code', '=', filter.laCode);
  if (filter.activeOnly) query = query.where('status', '=', 'active');
  return (await query.execute()).map(toUploadRow);
}

export async function updateUpload(db: Db, id: string, change: { status?: 'withdrawn'; shared?: boolean }): Promise<void> {
  await db
    .updateTable('provisional_upload')
    .set({
      ...(change.status ? { status: change.status, withdrawn_at: sql<Date>`now()` } : {}),
      ...(change.shared !== undefined ? { shared_with_dfe: change.shared, shared_at: change.shared ? sql<Date>`now()` : null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export interface ProvisionalValueRow {
  laCode: string;
  metricId: string;
  period: number;
  value: number | null;
  status: string;
  numerator: number | null;
  denominator: number | null;
  upload: ProvisionalUploadRow;
}

/**
 * The active uploads' metric values for some LAs and metrics (all periods when `periods` is
 * omitted), as the policies let them be seen.
 *
 * SQL: select … from provisional_metric_value v join provisional_upload u on u.id = v.upload_id where u.status = 'active' and u.la_code = any($1) and v.metric_id = any($2) …
 */
export async function selectActiveValues(db: Db, filter: { laCodes: readonly string[]; metricIds: readonly string[]; periods?: readonly number[] }): Promise<ProvisionalValueRow[]> {
  let query = db
    .selectFrom('provisional_metric_value as v')
    .innerJoin('provisional_upload as u', 'u.id', 'v.upload_id')
    // The value's status is renamed: the upload's own status (active…) comes with the upload's columns.
    .select(['v.metric_id', 'v.period', 'v.value', 'v.status as value_status', 'v.numerator', 'v.denominator', ...UPLOAD_COLUMNS.map((c) => `u.${c}` as const)])
    .where('u.status', '=', 'active')
    .where('u.la_code', 'in', [...filter.laCodes])
    .where('v.metric_id', 'in', [...filter.metricIds])
    .orderBy('v.period');
  if (filter.periods) query = query.where('v.period', 'in', [...filter.periods]);
  if (filter.laCodes.length === 0 || filter.metricIds.length === 0 || filter.periods?.length === 0) return [];
  const rows = await query.execute();
  return rows.map((r) => {
    const upload = toUploadRow(r as unknown as UploadSelect);
    return { laCode: upload.laCode, metricId: r.metric_id, period: r.period, value: r.value, status: r.value_status, numerator: r.numerator, denominator: r.denominator, upload };
  });
}

/**
 * An LA's published observations of a data set in its latest period (the template's rows), with
 * the LA's names and codes.
 *
 * SQL: select s.measure, s.breakdown, o.period, o.value, o.status from observation o join series s … where s.dataset = $1 and o.area_code = $2 and o.period = (latest)
 */
export async function selectLatestPublished(db: Db, dataset: string, laCode: string): Promise<{ measure: string; breakdown: string; period: number; value: number | null; status: string }[]> {
  const { rows } = await sql<{ measure: string; breakdown: string; period: number; value: number | null; status: string }>`
    select s.measure, s.breakdown, o.period, o.value, o.status
    from observation o join series s on s.id = o.series_id
    where s.dataset = ${dataset} and o.area_code = ${laCode}
      and o.period = (select max(o2.period) from observation o2 join series s2 on s2.id = o2.series_id where s2.dataset = ${dataset} and o2.area_code = ${laCode})
    order by s.breakdown, s.measure
  `.execute(db);
  return rows;
}
