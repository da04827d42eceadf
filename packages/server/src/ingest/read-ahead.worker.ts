import { parentPort, workerData } from 'node:worker_threads';
import { ImportRejectedError } from './import-issue';
import { encodeObservationFile } from './observation-codec';
import { recognise } from './readers';
import { ReferenceContext } from './reference-context';
import type { ReadJob, ReadReply, ReferenceData } from './read-ahead';

/**
 * The read-ahead thread (read-ahead.ts): reads and validates the data files it is sent, in turn,
 * against the reference data it was started with, and answers each with the parsed file (encoded),
 * its rejection, or the error it failed with.
 */
const reference = workerData as ReferenceData;
const context = new ReferenceContext(reference.authorities, reference.aliases, reference.regions);

parentPort!.on('message', (job: ReadJob) => {
  let reply: ReadReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const recognised = recognise(job.file);
    const parsed = recognised?.read(context);
    if (!parsed || parsed.kind !== 'observations') {
      reply = { index: job.index, kind: 'error', message: `${job.file.name}: the read-ahead thread reads data files only, and this is not one` };
    } else {
      const encoded = encodeObservationFile(parsed);
      reply = { index: job.index, kind: 'parsed', file: encoded.message };
      transfer = encoded.transfer;
    }
  } catch (error) {
    if (error instanceof ImportRejectedError) reply = { index: job.index, kind: 'rejected', file: error.file, issues: [...error.issues], total: error.total };
    else reply = { index: job.index, kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply, transfer);
});
