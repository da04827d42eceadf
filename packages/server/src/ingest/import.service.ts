import fs from 'node:fs';
import path from 'node:path';
import { datasetsOfMetric, METRICS, type MetricDefinition } from '@sendbench/schema';
import { bulkTransaction, type CopyInto, hasSoleSession } from '../db/bulk-copy';
import type { Db } from '../db/database';
import { refreshDerivedFigures } from '../derived/refresh';
import { formatIssue, ImportRejectedError } from './import-issue';
import * as repo from './import.repository';
import { datasetOf, editionOf, type ParsedFile } from './parsed-file';
import { ReadAhead } from './read-ahead';
import { DATA_FILE_ORDER, recognise } from './readers';
import { ReferenceContext } from './reference-context';
import { readSourceFile, type SourceFile, UnreadableFileError } from './source-file';

export type FileOutcome =
  | { status: 'loaded'; file: string; dataset: string; releaseId: number; rowsRead: number; rowsLoaded: number; observations: number; warnings: string[]; ms: number }
  | { status: 'unchanged'; file: string; dataset: string; releaseId: number; ms: number }
  | { status: 'rejected'; file: string; message: string; problems: string[]; total: number; ms: number }
  | { status: 'skipped'; file: string; message: string; ms: number };

export interface ImportListener {
  /** Called before each file, with its index (0-based) among `total`. */
  fileStarted?(file: string, index: number, total: number): void;
  stage?(file: string, stage: 'reading' | 'validating' | 'writing'): void;
  fileFinished?(outcome: FileOutcome, index: number, total: number): void;
  /** Called once the files are written, before the figures derived from them are refreshed. */
  derivingStarted?(metrics: number): void;
  /** Called when the derived figures are up to date (the run then commits). */
  derived?(summary: DerivedSummary): void;
}

/** What the run's one refresh of derived figures did. */
export interface DerivedSummary {
  metrics: number;
  metricValues: number;
  neighbours: boolean;
  ms: number;
}

export class DataDirectoryMissingError extends Error {
  readonly code = 'DATA_DIRECTORY_MISSING';
}

const DATA_FILE = /\.(csv|json)$/i;

/** Every CSV and JSON file under `target` (or `target` itself), in path order. */
export function listDataFiles(target: string): string[] {
  if (!fs.existsSync(target)) {
    throw new DataDirectoryMissingError(
      `No data at ${target}. Put the official files there (see README, "Data"), or set SENDBENCH_DATA_DIR to the folder that holds them.`,
    );
  }
  if (fs.statSync(target).isFile()) return [target];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (DATA_FILE.test(entry.name)) found.push(full);
    }
  };
  walk(target);
  return found;
}

/** A file of the run: read and recognised (its order), or the outcome of failing to read it. */
interface QueueItem {
  filePath: string;
  file?: SourceFile;
  order: number;
  error?: FileOutcome;
}

/** Metrics to recompute after a file: those reading its data set; all of them after a reference file. */
function metricsAffectedBy(parsed: ParsedFile): MetricDefinition[] {
  if (parsed.kind === 'la_lookup') return [...METRICS];
  if (parsed.kind !== 'observations') return [];
  return METRICS.filter((m) => datasetsOfMetric(m).has(parsed.dataset.id));
}

function publicationOf(parsed: ParsedFile, file: SourceFile): string {
  if (parsed.kind === 'observations') return parsed.dataset.publication;
  return `Reference data: ${file.name}`;
}

/**
 * Imports files or directories. Each file is read and validated whole before anything is written,
 * then written in one transaction with the metric values that depend on it: a rejected or failed
 * file changes nothing. A file already imported (same SHA-256) is a no-op that says so.
 * Reference files (LA lookup, programmes, neighbours) load first, since data files are checked
 * against them.
 */
export async function importPaths(db: Db, targets: readonly string[], listener: ImportListener = {}): Promise<FileOutcome[]> {
  const explicit = new Set(targets.filter((t) => fs.existsSync(t) && fs.statSync(t).isFile()).map((t) => path.resolve(t)));
  const files = targets.flatMap(listDataFiles);
  // Recognise every file first so reference files can go first, whatever their place on disk.
  const queue: QueueItem[] = files.map((filePath) => {
    const started = Date.now();
    try {
      const file = readSourceFile(filePath);
      const recognised = recognise(file);
      return { filePath, file, order: recognised?.order ?? 3 };
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        return { filePath, order: 3, error: { status: 'rejected', file: filePath, message: error.message, problems: [], total: 1, ms: Date.now() - started } };
      }
      throw error;
    }
  });
  queue.sort((a, b) => a.order - b.order || a.filePath.localeCompare(b.filePath));

  // One transaction for the run: every file is read and validated whole before anything of it is
  // written (a rejected file writes nothing), and the figures derived from the files are refreshed
  // once, after the last, for every metric the run touched: refreshing them per file derived most
  // metrics several times over (caseload, then the 2022 series, then the 2026 update, …). A failure
  // part-way (a crash, a kill) rolls the whole run back, so derived figures never lag what was loaded.
  const outcomes = await bulkTransaction(db, async (trx, copy) => {
    const done: FileOutcome[] = [];
    const affected = new Set<MetricDefinition>();
    const datasets = new Set<string>();
    let neighbours = false;
    let reference = await ReferenceContext.load(trx);
    const firstLoad = hasSoleSession(db) ? await repo.ObservationFirstLoad.begin(trx) : undefined;
    let readAhead: ReadAhead | undefined;
    let readAheadStarted = false;
    try {
      for (const [index, item] of queue.entries()) {
        const started = Date.now();
        listener.fileStarted?.(item.filePath, index, queue.length);
        // Once the reference files are in, the data files after them are read on a second thread.
        if (item.order === DATA_FILE_ORDER && !readAheadStarted) {
          readAheadStarted = true;
          readAhead = await startReadAhead(trx, queue, index, reference);
        }
        const result = item.error
          ? { outcome: item.error }
          : await importOne(trx, copy, item.filePath, item.file!, reference, explicit.has(path.resolve(item.filePath)), listener, started, firstLoad, readAhead?.reads(index) ? () => readAhead!.take(index) : undefined);
        const { outcome } = result;
        if ('parsed' in result && result.parsed) {
          for (const metric of metricsAffectedBy(result.parsed)) affected.add(metric);
          if (result.parsed.kind === 'observations') datasets.add(result.parsed.dataset.id);
          neighbours ||= result.parsed.kind === 'statistical_neighbours';
          if (result.parsed.kind === 'la_lookup' || result.parsed.kind === 'programmes') reference = await ReferenceContext.load(trx);
        }
        done.push(outcome);
        listener.fileFinished?.(outcome, index, queue.length);
      }
    } finally {
      await readAhead?.close();
    }
    await firstLoad?.restoreKey(trx);
    if (done.some((o) => o.status === 'loaded')) {
      const started = Date.now();
      listener.derivingStarted?.(affected.size);
      const metricValues = await refreshDerivedFigures(trx, { metrics: [...affected], neighbours, datasets: [...datasets] });
      await repo.bumpDataVersion(trx);
      listener.derived?.({ metrics: affected.size, metricValues, neighbours, ms: Date.now() - started });
    }
    return done;
  });
  if (outcomes.some((o) => o.status === 'loaded')) await repo.analyzeFigures(db);
  return outcomes;
}

/**
 * Starts reading the data files from `from` on in a second thread, those not already imported
 * (an unchanged file is never read), or returns undefined when there are none.
 */
async function startReadAhead(db: Db, queue: readonly QueueItem[], from: number, reference: ReferenceContext): Promise<ReadAhead | undefined> {
  const candidates = queue.map((item, index) => ({ item, index })).filter(({ item, index }) => index >= from && item.file && item.order === DATA_FILE_ORDER);
  const known = await repo.knownShas(db, candidates.map(({ item }) => item.file!.sha256));
  const jobs = candidates.filter(({ item }) => !known.has(item.file!.sha256)).map(({ item, index }) => ({ index, file: item.file! }));
  return ReadAhead.start(jobs, reference);
}

/** One file in the run's transaction: its outcome, and what it loaded when it did. */
async function importOne(
  db: Db,
  copy: CopyInto,
  filePath: string,
  file: SourceFile,
  reference: ReferenceContext,
  explicit: boolean,
  listener: ImportListener,
  started: number,
  firstLoad: repo.ObservationFirstLoad | undefined,
  readAhead: (() => Promise<ParsedFile>) | undefined,
): Promise<{ outcome: FileOutcome; parsed?: ParsedFile }> {
  const existing = await repo.findReleaseBySha(db, file.sha256);
  if (existing) return { outcome: { status: 'unchanged', file: filePath, dataset: existing.dataset, releaseId: existing.id, ms: Date.now() - started } };

  const recognised = recognise(file);
  if (!recognised) {
    const message = `no reader recognises this file (not an EES tidy file of a known data set, the LA lookup, statistical neighbours, programme membership or the tribunal appeal-rate table)`;
    return {
      outcome: explicit
        ? { status: 'rejected', file: filePath, message, problems: [], total: 1, ms: Date.now() - started }
        : { status: 'skipped', file: filePath, message, ms: Date.now() - started },
    };
  }

  let parsed: ParsedFile;
  try {
    listener.stage?.(filePath, 'validating');
    parsed = readAhead ? await readAhead() : recognised.read(reference);
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      return { outcome: { status: 'rejected', file: filePath, message: error.message.split('\n')[0], problems: error.issues.map(formatIssue), total: error.total, ms: Date.now() - started } };
    }
    throw error;
  }

  listener.stage?.(filePath, 'writing');
  const dataset = datasetOf(parsed);
  const releaseId = await repo.insertRelease(db, {
    dataset,
    publication: publicationOf(parsed, file),
    fileName: file.name,
    sha256: file.sha256,
    edition: editionOf(parsed),
    rowsRead: parsed.rowsRead,
    rowsLoaded: parsed.kind === 'observations' ? parsed.rowsLoaded : parsed.rowsRead,
    observations: parsed.kind === 'observations' ? parsed.observations.value.length : 0,
    warnings: parsed.warnings,
    durationMs: 0,
  });
  let observations = 0;
  switch (parsed.kind) {
    case 'observations': {
      const { written, merged } = await repo.writeObservations(db, copy, releaseId, parsed, firstLoad);
      observations = written;
      // Only a merge can leave an earlier release holding no figure (a data set's first release has none before it).
      if (merged) await repo.markSuperseded(db, dataset, releaseId);
      if (observations === 0) await repo.markSupersededOnArrival(db, dataset, releaseId);
      break;
    }
    case 'la_lookup':
      await repo.writeLaLookup(db, releaseId, parsed);
      await repo.supersedeAll(db, dataset, releaseId);
      break;
    case 'statistical_neighbours':
      await repo.writeStatisticalNeighbours(db, releaseId, parsed);
      await repo.supersedeAll(db, dataset, releaseId);
      break;
    case 'programmes':
      await repo.writeProgrammes(db, releaseId, parsed);
      await repo.supersedeAll(db, dataset, releaseId);
      break;
  }
  const ms = Date.now() - started;
  await repo.finishRelease(db, releaseId, ms);
  const outcome: FileOutcome = {
    status: 'loaded',
    file: filePath,
    dataset,
    releaseId,
    rowsRead: parsed.rowsRead,
    rowsLoaded: parsed.kind === 'observations' ? parsed.rowsLoaded : parsed.rowsRead,
    observations,
    warnings: parsed.warnings,
    ms,
  };
  return { outcome, parsed };
}
