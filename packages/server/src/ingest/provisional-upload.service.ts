import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import { bumpProvisionalState, writeProvisional } from '../db/provisional-access';
import { deriveProvisionalMetricValues } from '../derived/provisional-metric-value.repository';
import { appendAuditEvent } from '../identity/audit.repository';
import type { Principal } from '../identity/principal';
import { parseCsv } from './csv';
import { formatIssue, type ImportIssue, ImportRejectedError, IssueList } from './import-issue';
import type { ObservationFile } from './parsed-file';
import * as repo from './provisional-upload.repository';
import { recognise } from './readers';
import { eesTidyReader } from './readers/ees-tidy.reader';
import { ReferenceContext } from './reference-context';
import { type SourceFile, sourceFileOfBytes, UnreadableFileError } from './source-file';

/** An upload larger than this is refused with HTTP 413 before it is read (an LA's rows of the largest data set are ~2 MB). */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

/** An upload refused whole: nothing of it was stored. `code` is the API's error code. */
export class ProvisionalUploadRefused extends Error {
  constructor(
    readonly code: 'FORBIDDEN' | 'BAD_USER_INPUT',
    message: string,
    /** Every problem found, with its file, row and column (the first 100), and how many there were. */
    readonly issues: readonly ImportIssue[] = [],
    readonly total = 0,
  ) {
    super(message);
  }
}

/** What was stored. */
export interface StoredUpload {
  id: string;
  laCode: string;
  dataset: string;
  version: number;
  sha256: string;
  fileName: string;
  rowCount: number;
  metricValues: number;
}

/**
 * Rows an LA user may not send: any row that is not their LA's (another LA, a region, England).
 * Checked on the records as written, so each refusal names its line; rows of the wrong width are
 * left to the reader, which reports them.
 */
function foreignRows(file: SourceFile, laCode: string, issues: IssueList): void {
  const records = parseCsv(file);
  const header = (records[0]?.cells ?? []).map((c) => c.trim().toLowerCase());
  const level = header.indexOf('geographic_level');
  const la = header.indexOf('old_la_code');
  if (level < 0 || la < 0) return; // the reader reports the missing column
  for (const { line, cells } of records.slice(1)) {
    if (cells.length !== header.length) continue;
    const code = cells[la].trim();
    if (cells[level].trim() !== 'Local authority') {
      issues.add(line, 'geographic_level', `only LA ${laCode}'s own rows may be uploaded; this row is not an LA's`, cells[level]);
    } else if (code !== laCode) {
      issues.add(line, 'old_la_code', `only LA ${laCode}'s own rows may be uploaded; this row is LA ${code || '(blank)'}'s`, code);
    }
  }
}

/** Reads and checks an upload with the importer's own reader and validators, plus the LA's-rows-only rule. */
async function readUpload(db: Db, laCode: string, file: SourceFile): Promise<ObservationFile> {
  const dataset = recognise(file)?.reader.startsWith(eesTidyReader.name) ? eesTidyReader.recognises(file) : undefined;
  if (!dataset) {
    throw new ImportRejectedError(file.name, [{ file: file.name, row: 1, column: '', message: 'not the template of a data set: download the template for the data set and fill it in (the header must stay as it is)' }], 1);
  }
  const issues = new IssueList(file.name);
  foreignRows(file, laCode, issues);
  let parsed: ObservationFile | undefined;
  try {
    parsed = eesTidyReader.read(file, dataset, await ReferenceContext.load(db));
  } catch (error) {
    if (!(error instanceof ImportRejectedError)) throw error;
    for (const issue of error.issues) issues.add(issue.row, issue.column, issue.message, issue.value);
    issues.total += error.total - error.issues.length;
  }
  if (!issues.empty || !parsed) throw ImportRejectedError.fromList(issues);
  return parsed;
}

/**
 * An LA user's provisional upload: read and checked as `sendbench import` checks a file (every
 * problem with its file, row and column), rows of any other area refused, then stored in one
 * transaction — the previous active upload of the data set superseded, the next version taken,
 * its metric values derived, the audit log written. A refused upload stores nothing.
 */
export async function uploadProvisional(db: Db, principal: Principal, upload: { name: string; bytes: Buffer }, requestId?: string): Promise<StoredUpload> {
  if (principal.role !== 'la_user' || !principal.laCode || !principal.subject) {
    await appendAuditEvent(db, 'denied', principal, { what: 'provisional upload', needed: 'la_user' }, requestId);
    throw new ProvisionalUploadRefused('FORBIDDEN', `Uploading provisional data is for LA users (an LA's own figures); this request's role is ${principal.role}.`);
  }
  const laCode = principal.laCode;
  const subject = principal.subject;
  let file: SourceFile | undefined;
  let parsed: ObservationFile;
  try {
    file = sourceFileOfBytes(upload.name, upload.bytes);
    parsed = await readUpload(db, laCode, file);
  } catch (error) {
    const refused =
      error instanceof UnreadableFileError
        ? new ProvisionalUploadRefused('BAD_USER_INPUT', error.message, [], 1)
        : error instanceof ImportRejectedError
          ? new ProvisionalUploadRefused('BAD_USER_INPUT', error.message, error.issues, error.total)
          : undefined;
    if (!refused) throw error;
    // Logged without the file's figures: where the first problem is, not the value found there.
    const first = refused.issues[0];
    await appendAuditEvent(
      db,
      'provisional-refused',
      principal,
      {
        file: upload.name,
        bytes: upload.bytes.length,
        // Hashed when read; a file refused before that (NUL bytes, not UTF-8) is hashed here.
        sha256: file?.sha256 ?? createHash('sha256').update(upload.bytes).digest('hex'),
        problems: refused.total,
        firstProblem: first ? formatIssue({ ...first, value: undefined }) : refused.message.split('\n')[0],
      },
      requestId,
    );
    throw refused;
  }
  const dataset = parsed.dataset.id;
  return writeProvisional(db, async (trx) => {
    await repo.lockUploadsOf(trx, laCode, dataset);
    // The same file again (a retried request: a proxy retries a POST whose process died before
    // answering) is the upload already stored, not a new version.
    const same = await repo.selectSameActiveUpload(trx, laCode, dataset, file.sha256, file.name);
    if (same) {
      return { id: same.id, laCode, dataset, version: same.version, sha256: file.sha256, fileName: file.name, rowCount: same.row_count, metricValues: Number(same.metric_values) };
    }
    const version = await repo.supersedeAndNextVersion(trx, laCode, dataset);
    const { id } = await repo.insertUpload(trx, { laCode, dataset, version, uploaderSubject: subject, sha256: file.sha256, fileName: file.name, rowCount: parsed.rowsLoaded });
    await repo.insertObservations(trx, id, dataset, parsed.observations);
    const metricValues = await deriveProvisionalMetricValues(trx, { id, laCode, dataset });
    await bumpProvisionalState(trx);
    const stored = { id, laCode, dataset, version, sha256: file.sha256, fileName: file.name, rowCount: parsed.rowsLoaded, metricValues };
    await appendAuditEvent(trx, 'provisional-upload', principal, { uploadId: id, dataset, version, sha256: file.sha256, file: file.name, rows: stored.rowCount, metricValues }, requestId);
    return stored;
  });
}
