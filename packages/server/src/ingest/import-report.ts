import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { DerivedSummary, FileOutcome, ImportListener } from './import.service';

const n = (x: number) => x.toLocaleString('en-GB');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One line per file: what happened, rows read / loaded / rejected, figures written, time. */
export function summaryLine(outcome: FileOutcome): string {
  const name = path.basename(outcome.file);
  switch (outcome.status) {
    case 'loaded':
      return (
        `✓ ${name} → ${outcome.dataset} (release #${outcome.releaseId}): ${n(outcome.rowsRead)} rows read, ` +
        `${n(outcome.rowsLoaded)} loaded, ${n(outcome.rowsRead - outcome.rowsLoaded)} rejected, ` +
        `${n(outcome.observations)} figures, ${s(outcome.ms)}`
      );
    case 'unchanged':
      return `= ${name}: unchanged (same SHA-256 as release #${outcome.releaseId}, ${outcome.dataset}); nothing to do, ${s(outcome.ms)}`;
    case 'skipped':
      return `- ${name}: skipped, ${outcome.message}`;
    case 'rejected':
      return `✗ ${name}: rejected, nothing imported. ${outcome.message}${outcome.problems.length ? `\n    ${outcome.problems.join('\n    ')}` : ''}${
        outcome.total > outcome.problems.length && outcome.problems.length > 0 ? `\n    … and ${outcome.total - outcome.problems.length} more` : ''
      }`;
  }
}

/** The run's one refresh of derived figures, after its files. */
export function derivedLine(summary: DerivedSummary): string {
  const sets = summary.neighbours ? "England's set and every neighbour set" : "England's and the neighbour sets";
  return `✓ derived figures: ${n(summary.metricValues)} metric values of ${n(summary.metrics)} metrics, with ${sets} ranked again, ${s(summary.ms)}`;
}

/**
 * Progress for a terminal: a bar over files (with the stage of the current one) when the stream
 * is a TTY, plain summary lines otherwise (CI logs, pipes).
 */
export function terminalReporter(stream: NodeJS.WriteStream = process.stderr, log: (line: string) => void = (l) => stream.write(`${l}\n`)): ImportListener {
  const bar = stream.isTTY ? new SingleBar({ format: 'importing [{bar}] {value}/{total} files | {file}: {stage}', stream, hideCursor: true, clearOnComplete: true }) : undefined;
  let started = false;
  return {
    fileStarted(file, index, total) {
      if (bar && !started) {
        bar.start(total, index, { file: path.basename(file), stage: 'reading' });
        started = true;
      }
      bar?.update(index, { file: path.basename(file), stage: 'reading' });
    },
    stage(file, stage) {
      bar?.update({ file: path.basename(file), stage });
    },
    fileFinished(outcome, index, total) {
      if (bar) {
        bar.update(index + 1);
        // Print the summary above the bar.
        stream.write('\r\x1b[K');
      }
      log(summaryLine(outcome));
      if (outcome.status === 'loaded') for (const warning of outcome.warnings) log(`    note: ${warning}`);
      if (bar && index + 1 === total) bar.stop();
    },
    derivingStarted(metrics) {
      log(`… deriving figures for ${n(metrics)} metrics`);
    },
    derived(summary) {
      log(derivedLine(summary));
    },
  };
}
