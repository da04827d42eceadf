import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request bookkeeping reachable from anywhere below the request (e.g. Kysely's query log). */
export interface RequestStore {
  requestId: string;
  sqlStatements: number;
}

export const requestStore = new AsyncLocalStorage<RequestStore>();

/** Counts one SQL statement against the request that ran it (no-op outside a request). */
export function countStatement(): void {
  const store = requestStore.getStore();
  if (store) store.sqlStatements++;
}
