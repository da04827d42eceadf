import type { Client } from 'urql';
import { fromValue, never } from 'wonka';
import { vi } from 'vitest';

/** The `me` answers the controls read. */
export const SIGNED_IN = { me: { role: 'DFE_ANALYST', method: 'SESSION', signedIn: true, name: 'Dana Analyst', email: null, laCode: null } };
export const SIGNED_OUT = { me: { role: 'ANONYMOUS', method: 'NONE', signedIn: false, name: null, email: null, laCode: null } };

/**
 * A urql client answering each query by its operation's name (`query SavedViews …` → answers.SavedViews)
 * and each mutation by `mutations`, recording the mutations' variables.
 */
export function fakeClient(answers: Record<string, unknown>, mutations: Record<string, unknown> = {}) {
  const nameOf = (operation: { query: unknown }) => /(?:query|mutation)\s+(\w+)/.exec(String((operation.query as { loc?: { source: { body: string } } }).loc?.source.body ?? operation.query))?.[1] ?? '';
  const executeQuery = vi.fn((operation: { query: unknown }) => (nameOf(operation) in answers ? fromValue({ operation, data: answers[nameOf(operation)], stale: false, hasNext: false }) : never));
  const executeMutation = vi.fn((operation: { query: unknown; variables: unknown }) => fromValue({ operation, data: mutations[nameOf(operation)], stale: false, hasNext: false }));
  const client = { executeQuery, executeMutation, executeSubscription: () => never } as unknown as Client;
  /** The variables of each mutation sent, as [name, variables]. */
  const sent = () => executeMutation.mock.calls.map(([operation]) => [nameOf(operation), operation.variables]);
  return { client, sent };
}
