import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { ObservationColumns } from './parsed-file';

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
