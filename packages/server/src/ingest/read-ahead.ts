import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type ImportIssue, ImportRejectedError } from './import-issue';
import { decodeObservationFile, type EncodedObservationFile } from './observation-codec';
import type { ObservationFile } from './parsed-file';
import type { KnownAuthority, ReferenceContext } from './reference-context';
import type { SourceFile } from './source-file';

/** What the thread validates against: the reference context's data (Maps and Sets cross threads as they are). */
export interface ReferenceData {
  authorities: ReadonlyMap<string, KnownAuthority>;
  aliases: ReadonlyMap<string, string>;
  regions: ReadonlySet<string>;
}

/** A data file to read, by its place in the import's queue. */
export interface ReadJob {
  index: number;
  file: SourceFile;
}

export type ReadReply =
  | { index: number; kind: 'parsed'; file: EncodedObservationFile }
  | { index: number; kind: 'rejected'; file: string; issues: ImportIssue[]; total: number }
  | { index: number; kind: 'error'; message: string };

/** The compiled thread; absent when this module runs from TypeScript source (jest), which then reads in-process. */
const WORKER = path.join(__dirname, 'read-ahead.worker.js');

/** Files sent ahead of the one being written: enough to keep the thread busy, few enough that parsed files do not pile up. */
const AHEAD = 4;

/**
 * Reads and validates the import's data files on a second thread while this one writes the file
 * before (PGlite's writes run on this thread, in WebAssembly: nothing else can run beside them
 * here). Reading and validating the official files takes ~5 s of the first start's ~30; on two
 * cores it now overlaps the writes. Each file is read by the same readers, against the same
 * reference data, as in-process: the answer is the same file, or the same rejection.
 *
 * Started once the reference files (LA lookup, programmes, neighbours) are loaded, since data
 * files are validated against them and they no longer change in the run.
 */
export class ReadAhead {
  private readonly worker: Worker;
  private readonly replies = new Map<number, ReadReply>();
  private readonly waiting = new Map<number, { resolve: (reply: ReadReply) => void; reject: (error: Error) => void }>();
  private readonly planned: Set<number>;
  private sent = 0;
  private failure?: Error;
  private closing = false;

  /** Undefined when there is nothing to read or no compiled thread to read it with. */
  static start(jobs: readonly ReadJob[], reference: ReferenceContext): ReadAhead | undefined {
    if (jobs.length === 0 || !fs.existsSync(WORKER)) return undefined;
    return new ReadAhead(jobs, { authorities: reference.authorities, aliases: reference.aliases, regions: reference.regions });
  }

  private constructor(
    private readonly jobs: readonly ReadJob[],
    reference: ReferenceData,
  ) {
    this.planned = new Set(jobs.map((j) => j.index));
    this.worker = new Worker(WORKER, { workerData: reference });
    this.worker.on('message', (reply: ReadReply) => {
      const waiter = this.waiting.get(reply.index);
      if (waiter) {
        this.waiting.delete(reply.index);
        waiter.resolve(reply);
      } else this.replies.set(reply.index, reply);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the import's read-ahead thread stopped (exit code ${code}) before it had read every file`));
    });
    this.sendUpTo(AHEAD);
  }

  /** True when the file at `index` is read by this thread. */
  reads(index: number): boolean {
    return this.planned.has(index);
  }

  /** The file at `index`, read and validated; throws its ImportRejectedError when it was rejected. */
  async take(index: number): Promise<ObservationFile> {
    const position = this.jobs.findIndex((j) => j.index === index);
    if (position < 0) throw new Error(`file ${index} was not given to the read-ahead thread`);
    this.sendUpTo(position + 1 + AHEAD);
    const reply = await this.replyFor(index);
    if (reply.kind === 'parsed') return decodeObservationFile(reply.file);
    if (reply.kind === 'rejected') throw new ImportRejectedError(reply.file, reply.issues, reply.total);
    throw new Error(`reading ${this.jobs[position].file.path} on the read-ahead thread failed: ${reply.message}`);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private replyFor(index: number): Promise<ReadReply> {
    const ready = this.replies.get(index);
    if (ready) {
      this.replies.delete(index);
      return Promise.resolve(ready);
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.set(index, { resolve, reject }));
  }

  private sendUpTo(count: number): void {
    for (; this.sent < Math.min(count, this.jobs.length); this.sent++) this.worker.postMessage(this.jobs[this.sent]);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}
