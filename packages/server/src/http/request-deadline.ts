import type http from 'node:http';
import { RequestAbortedError } from '../db/query-cancellation';

/** A GraphQL request must be answered within this (REQUEST_TIMEOUT_MS); the dashboard's heaviest takes well under 1 s. */
export const REQUEST_DEADLINE_DEFAULTS = { timeoutMs: 10_000 } as const;

export interface RequestDeadline {
  /** Aborts when the deadline passes or the client closes the connection first. */
  signal: AbortSignal;
  /** Resolves with the reason when the signal aborts (never rejects). */
  aborted: Promise<RequestAbortedError>;
  /** Stops the timer (call when the answer is written). */
  dispose(): void;
}

/**
 * The deadline of one request and the watch on its client: whichever comes first aborts the
 * signal, with RequestAbortedError('deadline' | 'client-closed') as its reason. Queries of the
 * request see the signal through the request store (db/query-cancellation.ts).
 */
export function startRequestDeadline(res: http.ServerResponse, timeoutMs: number): RequestDeadline {
  const controller = new AbortController();
  let settle: (reason: RequestAbortedError) => void = () => undefined;
  const aborted = new Promise<RequestAbortedError>((resolve) => (settle = resolve));
  const abort = (reason: RequestAbortedError) => {
    if (controller.signal.aborted) return;
    controller.abort(reason);
    settle(reason);
  };
  const timer = setTimeout(() => abort(new RequestAbortedError('deadline', ` (${timeoutMs} ms)`)), timeoutMs);
  timer.unref();
  const onClose = () => {
    if (!res.writableFinished) abort(new RequestAbortedError('client-closed'));
  };
  res.once('close', onClose);
  return {
    signal: controller.signal,
    aborted,
    dispose() {
      clearTimeout(timer);
      res.off('close', onClose);
    },
  };
}
