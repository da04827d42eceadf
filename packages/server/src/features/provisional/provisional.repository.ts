import { sql } from 'kysely';
import type { Db, ProvisionalUploadTable } from '../../db/database';
import type { ObservationColumns } from '../../ingest/parsed-file';

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

/**
 * Serialises uploads of one LA and data set (two at once would both take the same version), then
 * supersedes the active one and returns the next version.
 *
 * SQL: select pg_advisory_xact_lock(hashtext($la || '|' || $dataset)); update provisional_upload set status = 'superseded' where …; select coalesce(max(version), 0) + 1 …
 */
export async function supersedeAndNextVersion(db: Db, laCode: string, dataset: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`${laCode}|${dataset}`}))`.execute(db);
  await db.updateTable('provisional_upload').set({ status: 'superseded' }).where('la_code', '=', laCode).where('dataset', '=', dataset).where('status', '=', 'active').execute();
  const row = await db
    .selectFrom('provisional_upload')
    .select((eb) => eb.fn.coalesce(eb.fn.max('version'), sql<number>`0`).as('v'))
    .where('la_code', '=', laCode)
    .where('dataset', '=', dataset)
    .executeTakeFirstOrThrow();
  return Number(row.v) + 1;
}

export async function insertUpload(
  db: Db,
  upload: { laCode: string; dataset: string; version: number; uploaderSubject: string; sha256: string; fileName: string; rowCount: number },
): Promise<ProvisionalUploadRow> {
  const row = await db
    .insertInto('provisional_upload')
    .values({ la_code: upload.laCode, dataset: upload.dataset, version: upload.version, uploader_subject: upload.uploaderSubject, sha256: upload.sha256, file_name: upload.fileName, row_count: upload.rowCount, status: 'active' })
    .returning(UPLOAD_COLUMNS)
    .executeTakeFirstOrThrow();
  return toUploadRow(row);
}

/** The upload's observations, in statements of at most 2,000 rows. */
export async function insertObservations(db: Db, uploadId: string, dataset: string, o: ObservationColumns): Promise<void> {
  const CHUNK = 2000;
  for (let start = 0; start < o.measure.length; start += CHUNK) {
    const end = Math.min(o.measure.length, start + CHUNK);
    await sql`
      insert into provisional_observation (upload_id, dataset, measure, breakdown, period, value, status)
      select ${uploadId}, ${dataset}, * from unnest(${o.measure.slice(start, end)}::text[], ${o.breakdown.slice(start, end)}::text[], ${o.period.slice(start, end)}::integer[], ${o.value.slice(start, end)}::double precision[], ${o.status.slice(start, end)}::text[])
    `.execute(db);
  }
}

/** Signed-in callers' cached answers key on this version: bumped by every change to provisional data. */
export async function bumpProvisionalState(db: Db): Promise<void> {
  await sql`update provisional_state set version = version + 1 where id = 1`.execute(db);
}

export async function selectProvisionalState(db: Db): Promise<string> {
  const row = await db.selectFrom('provisional_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return String(row.version);
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
