import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { ObservationColumns } from './parsed-file';

/**
 * Serialises uploads of one LA and data set (two at once would both take the same version), then
 * supersedes the active one and returns the next version.
 *
 * SQL: select pg_advisory_xact_lock(hashtext($la || '|' || $dataset)); update provisional_upload set status = 'superseded' where …; select coalesce(max(version), 0) + 1 …
 */
/** Holds the LA's uploads of `dataset` until the transaction ends: one upload of them at a time. */
export async function lockUploadsOf(db: Db, laCode: string, dataset: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`${laCode}|${dataset}`}))`.execute(db);
}

/**
 * The LA's active upload of `dataset` if it holds exactly these bytes (same SHA-256 and file name), with its metric values' count.
 *
 * SQL: select u.*, (select count(*) from provisional_metric_value v where v.upload_id = u.id) from provisional_upload u where la_code = $1 and dataset = $2 and status = 'active' and sha256 = $3 and file_name = $4
 */
export async function selectSameActiveUpload(db: Db, laCode: string, dataset: string, sha256: string, fileName: string) {
  return db
    .selectFrom('provisional_upload as u')
    .select(['u.id', 'u.version', 'u.row_count', (eb) => eb.selectFrom('provisional_metric_value as v').select((c) => c.fn.countAll<number>().as('n')).whereRef('v.upload_id', '=', 'u.id').as('metric_values')])
    .where('u.la_code', '=', laCode)
    .where('u.dataset', '=', dataset)
    .where('u.status', '=', 'active')
    .where('u.sha256', '=', sha256)
    .where('u.file_name', '=', fileName)
    .executeTakeFirst();
}

/** Supersedes the LA's active upload of `dataset` and gives the next version; the caller holds lockUploadsOf. */
export async function supersedeAndNextVersion(db: Db, laCode: string, dataset: string): Promise<number> {
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
): Promise<{ id: string; uploadedAt: Date }> {
  const row = await db
    .insertInto('provisional_upload')
    .values({ la_code: upload.laCode, dataset: upload.dataset, version: upload.version, uploader_subject: upload.uploaderSubject, sha256: upload.sha256, file_name: upload.fileName, row_count: upload.rowCount, status: 'active' })
    .returning(['id', 'uploaded_at'])
    .executeTakeFirstOrThrow();
  return { id: String(row.id), uploadedAt: new Date(row.uploaded_at) };
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
