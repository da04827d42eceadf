import fs from 'node:fs';
import path from 'node:path';
import { METRICS, type MetricDefinition, type Source, type SourceRef } from '@sendbench/schema';
import { bulkTransaction } from '../db/bulk-copy';
import type { Db } from '../db/database';
import { refreshDerivedFigures } from '../derived/refresh';
import { formatIssue, ImportRejectedError } from './import-issue';
import * as repo from './import.repository';
import { datasetOf, editionOf, type ParsedFile } from './parsed-file';
import { recognise } from './readers';
import { ReferenceContext } from './reference-context';
import { readSourceFile, type SourceFile, UnreadableFileError } from './source-file';

export type FileOutcome =
  | { status: 'loaded'; file: string; dataset: string; releaseId: number; rowsRead: number; rowsLoaded: number; observations: number; metricValues: number; warnings: string[]; ms: number }
  | { status: 'unchanged'; file: string; dataset: string; releaseId: number; ms: number }
  | { status: 'rejected'; file: string; message: string; problems: string[]; total: number; ms: number }
  | { status: 'skipped'; file: string; message: string; ms: number };

export interface ImportListener {
  /** Called before each file, with its index (0-based) among `total`. */
  fileStarted?(file: string, index: number, total: number): void;
  stage?(file: string, stage: 'reading' | 'validating' | 'writing' | 'deriving metrics'): void;
  fileFinished?(outcome: FileOutcome, index: number, total: number): void;
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

function refsOf(source: Source): readonly SourceRef[] {
  return Array.isArray(source) ? (source as readonly SourceRef[]) : [source as SourceRef];
}

/** The data sets a metric reads. */
export function datasetsOfMetric(metric: MetricDefinition): Set<string> {
  const f = metric.formula;
  const sources: Source[] = f.kind === 'value' ? [f.value] : f.kind === 'ratio' ? [f.numerator, f.denominator, ...(f.published ? [f.published] : [])] : [f.of];
  return new Set(sources.flatMap((s) => refsOf(s).map((r) => r.dataset)));
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
  const outcomes: FileOutcome[] = [];

  // Recognise every file first so reference files can go first, whatever their place on disk.
  const queue: { filePath: string; file?: SourceFile; order: number; error?: FileOutcome }[] = files.map((filePath) => {
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

  let reference = await ReferenceContext.load(db);
  for (const [index, item] of queue.entries()) {
    const started = Date.now();
    listener.fileStarted?.(item.filePath, index, queue.length);
    const outcome = item.error ?? (await importOne(db, item.filePath, item.file!, reference, explicit.has(path.resolve(item.filePath)), listener, started));
    if (outcome.status === 'loaded' && (outcome.dataset === 'la_lookup' || outcome.dataset === 'programmes')) {
      reference = await ReferenceContext.load(db);
    }
    outcomes.push(outcome);
    listener.fileFinished?.(outcome, index, queue.length);
  }
  if (outcomes.some((o) => o.status === 'loaded')) await repo.analyzeFigures(db);
  return outcomes;
}

async function importOne(
  db: Db,
  filePath: string,
  file: SourceFile,
  reference: ReferenceContext,
  explicit: boolean,
  listener: ImportListener,
  started: number,
): Promise<FileOutcome> {
  const existing = await repo.findReleaseBySha(db, file.sha256);
  if (existing) return { status: 'unchanged', file: filePath, dataset: existing.dataset, releaseId: existing.id, ms: Date.now() - started };

  const recognised = recognise(file);
  if (!recognised) {
    const message = `no reader recognises this file (not an EES tidy file of a known data set, the LA lookup, statistical neighbours, programme membership or the tribunal appeal-rate table)`;
    return explicit
      ? { status: 'rejected', file: filePath, message, problems: [], total: 1, ms: Date.now() - started }
      : { status: 'skipped', file: filePath, message, ms: Date.now() - started };
  }

  let parsed: ParsedFile;
  try {
    listener.stage?.(filePath, 'validating');
    parsed = recognised.read(reference);
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      return { status: 'rejected', file: filePath, message: error.message.split('\n')[0], problems: error.issues.map(formatIssue), total: error.total, ms: Date.now() - started };
    }
    throw error;
  }

  listener.stage?.(filePath, 'writing');
  const dataset = datasetOf(parsed);
  return bulkTransaction(db, async (trx, copy) => {
    const releaseId = await repo.insertRelease(trx, {
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
      case 'observations':
        observations = await repo.writeObservations(trx, copy, releaseId, parsed);
        await repo.markSuperseded(trx, dataset, releaseId);
        if (observations === 0) await repo.markSupersededOnArrival(trx, dataset, releaseId);
        break;
      case 'la_lookup':
        await repo.writeLaLookup(trx, releaseId, parsed);
        await repo.supersedeAll(trx, dataset, releaseId);
        break;
      case 'statistical_neighbours':
        await repo.writeStatisticalNeighbours(trx, releaseId, parsed);
        await repo.supersedeAll(trx, dataset, releaseId);
        break;
      case 'programmes':
        await repo.writeProgrammes(trx, releaseId, parsed);
        await repo.supersedeAll(trx, dataset, releaseId);
        break;
    }
    listener.stage?.(filePath, 'deriving metrics');
    const metricValues = await refreshDerivedFigures(trx, { metrics: metricsAffectedBy(parsed), neighbours: parsed.kind === 'statistical_neighbours' });
    await repo.bumpDataVersion(trx);
    const ms = Date.now() - started;
    await repo.finishRelease(trx, releaseId, ms);
    return {
      status: 'loaded' as const,
      file: filePath,
      dataset,
      releaseId,
      rowsRead: parsed.rowsRead,
      rowsLoaded: parsed.kind === 'observations' ? parsed.rowsLoaded : parsed.rowsRead,
      observations,
      metricValues,
      warnings: parsed.warnings,
      ms,
    };
  });
}
