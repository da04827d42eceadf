import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { requestStore } from '../request-store';

/** How a request ended, as logs and metrics label it. */
export type RequestOutcome = 'ok' | 'client_error' | 'rejected' | 'failed' | 'timeout' | 'aborted';

/** Error codes that mean the server (or its database) failed, not the request. */
export const SERVER_FAILURE_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DATABASE_UNAVAILABLE', 'QUERY_TIMEOUT']);

/** The fields of one request's log line. */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  status: number;
  operation?: string;
  durationMs: number;
  sqlStatements: number;
  errorCodes: string[];
  client?: string;
  /** The client closed the connection before the answer was written. */
  clientClosed: boolean;
  /** Answered from the response cache (`hit`) or computed (`miss`); absent when the cache is off or the request not cacheable. */
  responseCache?: 'hit' | 'miss';
}

/**
 * The outcome of a request from its status and error codes: `ok`; `client_error` (the request was
 * wrong: validation, unknown codes, limits); `rejected` (rate limit, size, untrusted operation);
 * `failed` (a masked server failure); `timeout` (deadline passed); `aborted` (client went away).
 */
export function outcomeOf(entry: Pick<RequestLogEntry, 'status' | 'errorCodes' | 'clientClosed'>): RequestOutcome {
  if (entry.clientClosed) return 'aborted';
  if (entry.errorCodes.includes('REQUEST_TIMEOUT')) return 'timeout';
  if (entry.status >= 500 || entry.errorCodes.some((c) => SERVER_FAILURE_CODES.has(c))) return 'failed';
  if (entry.status === 429 || entry.status === 413 || entry.errorCodes.includes('OPERATION_NOT_TRUSTED')) return 'rejected';
  if (entry.status >= 400 || entry.errorCodes.length > 0) return 'client_error';
  return 'ok';
}

/**
 * Writes one structured line per GraphQL request: request id, operation, status, outcome, error
 * codes, duration and SQL statements. Failures are warnings; everything else is info.
 *
 * @example {"level":30,"requestId":"…","operation":"Profile","status":200,"outcome":"ok","durationMs":41.2,"sqlStatements":2,"msg":"graphql request"}
 */
export function logRequest(logger: Logger, entry: RequestLogEntry): RequestOutcome {
  const outcome = outcomeOf(entry);
  const line = { ...entry, operation: entry.operation ?? null, durationMs: Math.round(entry.durationMs * 10) / 10, outcome };
  if (outcome === 'failed' || outcome === 'timeout') logger.warn(line, 'graphql request');
  else logger.info(line, 'graphql request');
  return outcome;
}

/**
 * An Apollo plugin that records, in the request store, the operation's name and type and the codes
 * of the errors sent (after masking), for the log line, the metrics written when the response ends
 * and the response cache.
 */
export function createOperationRecorder(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const store = requestStore.getStore();
      if (store && request.operationName) store.operationName = request.operationName;
      return {
        async didResolveOperation({ operationName, operation }) {
          if (store && operationName) store.operationName = operationName;
          if (store && operation) store.operationType = operation.operation;
        },
        async willSendResponse({ response }) {
          if (!store || response.body.kind !== 'single') return;
          store.errorCodes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}

/** Messages of requests stopped because their client went away or their deadline passed (db/query-cancellation.ts). */
const ABORTED = /The client closed the connection before the answer was ready|The request deadline passed/;

/**
 * Apollo Server's own log lines (e.g. "Unexpected error processing request") through pino, as
 * structured lines tagged `component: "apollo"`, instead of the console. A request that failed
 * only because it was aborted is not an error of the server: it is logged at debug level.
 */
export function apolloLogger(logger: Logger): NonNullable<ApolloServerOptions<BaseContext>['logger']> {
  const child = logger.child({ component: 'apollo' });
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: (...args) => child.debug(text(args)),
    info: (...args) => child.info(text(args)),
    warn: (...args) => child.warn(text(args)),
    error: (...args) => {
      const message = text(args);
      if (ABORTED.test(message)) child.debug(message);
      else child.error(message);
    },
  };
}
