import type { Db } from '../../src/db/database';
import { type FileOutcome, importPaths } from '../../src/ingest/import.service';
import { OFFICIAL_FILES } from './official-data';

/** Imports one file with the real import code and returns its outcome. */
export async function importFile(db: Db, file: string): Promise<FileOutcome> {
  const [outcome] = await importPaths(db, [file]);
  return outcome;
}

/** Imports files that must load (e.g. the LA lookup before data files); throws otherwise. */
export async function importOrThrow(db: Db, ...files: string[]): Promise<FileOutcome[]> {
  const outcomes = await importPaths(db, files);
  const failed = outcomes.filter((o) => o.status === 'rejected' || o.status === 'skipped');
  if (failed.length > 0) throw new Error(`could not import test fixtures: ${JSON.stringify(failed, null, 2)}`);
  return outcomes;
}

/** The reference every data file is validated against: the LA lookup. */
export function importLaLookup(db: Db): Promise<FileOutcome[]> {
  return importOrThrow(db, OFFICIAL_FILES.laLookup);
}

/** The release a loaded (or unchanged) file was recorded as; throws for any other outcome. */
export function releaseIdOf(outcome: FileOutcome): number {
  if (outcome.status === 'loaded' || outcome.status === 'unchanged') return outcome.releaseId;
  throw new Error(`expected a loaded file, got: ${JSON.stringify(outcome)}`);
}
