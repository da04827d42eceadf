import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request bookkeeping reachable from anywhere below the request (e.g. Kysely's query log). */
export interface RequestStore {
  requestId: string;
  sqlStatements: number;
  /**
   * Aborted when the request's deadline passes or its client goes away: running PostgreSQL
   * queries of the request are cancelled and no new one starts (see db/query-cancellation.ts).
   */
  signal?: AbortSignal;
  /** The operation's name once Apollo has resolved it (for logs and metrics). */
  operationName?: string;
  /** Whether the operation Apollo resolved is a query, mutation or subscription (only queries are cached). */
  operationType?: 'query' | 'mutation' | 'subscription';
  /** Whether the response cache answered the request (`hit`) or Apollo did (`miss`); unset when not cacheable. */
  responseCache?: 'hit' | 'miss';
  /** Set by a resolver whose answer changes without a data import (the audit log): never cached. */
  uncacheable?: boolean;
  /** The codes of the errors sent to the client, as formatted (after masking). */
  errorCodes?: string[];
}

export const requestStore = new AsyncLocalStorage<RequestStore>();

/** Counts one SQL statement against the request that ran it (no-op outside a request). */
export function countStatement(): void {
  const store = requestStore.getStore();
  if (store) store.sqlStatements++;
}

/** A store for a request that has not started yet. */
export function newRequestStore(requestId: string, signal?: AbortSignal): RequestStore {
  return { requestId, sqlStatements: 0, signal, errorCodes: [] };
}
