import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { RequestAbortedError } from '../db/query-cancellation';
import { ERROR_CODES } from '../graphql/errors';
import { limitCodeOf } from './query-limits';

/** Codes whose messages are written for the client and safe to show. */
export const SAFE_CODES = new Set<string>([
  ...Object.keys(ERROR_CODES),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_TOKENS',
  'QUERY_TOO_COMPLEX',
]);

export const UNEXPECTED_ERROR = 'Unexpected error.';

/** Replaces Apollo's message, which names the server library and how to configure it. */
export const INTROSPECTION_DISABLED =
  'Introspection is turned off on this server. The schema is documented on the dashboard\'s Data page and in packages/schema/schema.graphql.';

/**
 * Failures that are not the client's fault but have a known cause: the client gets the code and a
 * fixed message (never the original text), the original is logged with the request id.
 */
export const MASKED_FAILURES = {
  DATABASE_UNAVAILABLE: 'The database is not reachable just now; try again in a few seconds.',
  QUERY_TIMEOUT: 'A database statement took longer than its time limit and was stopped; ask for less (fewer authorities, metrics or periods) or try again.',
  REQUEST_TIMEOUT: 'The request took longer than its deadline and was stopped; ask for less or try again.',
  CLIENT_CLOSED_REQUEST: 'The client closed the connection.',
} as const;

export type MaskedFailure = keyof typeof MASKED_FAILURES;

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the database is not there right now". */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/; // connection exception, admin/crash shutdown, cannot connect now, too many connections
const UNAVAILABLE_MESSAGE = /connection terminated|timeout exceeded when trying to connect|not queryable|connection is closed|client was closed/i;

/** The chain of causes under an error: originalError (GraphQL), cause, AggregateError members. */
function causes(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && seen.length < 20) {
    const next = queue.shift();
    if (!next || seen.includes(next)) continue;
    seen.push(next);
    if (typeof next === 'object') {
      const e = next as { originalError?: unknown; cause?: unknown; errors?: unknown };
      queue.push(e.originalError, e.cause);
      if (Array.isArray(e.errors)) queue.push(...e.errors);
    }
  }
  return seen;
}

/**
 * What kind of failure an unknown error is: a database outage, a statement or request timeout, or
 * nothing known (undefined → "Unexpected error.").
 */
export function classifyFailure(error: unknown): MaskedFailure | undefined {
  for (const cause of causes(unwrapResolverError(error))) {
    if (cause instanceof RequestAbortedError) return cause.code;
    if (!cause || typeof cause !== 'object') continue;
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (code === '57014') return 'QUERY_TIMEOUT';
    if (typeof code === 'string' && (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return 'DATABASE_UNAVAILABLE';
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return 'DATABASE_UNAVAILABLE';
  }
  return undefined;
}

/** Removes graphql-js's "Did you mean …?" hints (fields, arguments, types, enum values). */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

export interface ErrorFormatterOptions {
  requestIdOf: () => string | undefined;
  /** Hide "Did you mean …?" schema hints (production). */
  hideSuggestions: boolean;
  /** Called with the code of a masked failure, e.g. to count it. */
  onMasked?: (code: string) => void;
}

/**
 * Formats every error the API returns: limit errors get their own code, client errors pass as they
 * are, failures with a known cause get a fixed message and code, anything else is masked as
 * "Unexpected error." with the request id (the original is logged). Stack traces are never sent.
 */
export function createErrorFormatter(logger: Logger, options: ErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limitCode = limitCodeOf(formatted.message);
    const code = limitCode ?? String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (SAFE_CODES.has(code)) {
      let message = limitCode ? formatted.message.replace(/^Syntax Error: /, '') : formatted.message;
      if (extensions.validationErrorCode === 'INTROSPECTION_DISABLED') message = INTROSPECTION_DISABLED;
      if (options.hideSuggestions) message = withoutSuggestions(message);
      return { ...formatted, message, extensions: { ...extensions, code } };
    }
    const requestId = options.requestIdOf();
    const failure = classifyFailure(error);
    if (failure) {
      logger.warn({ err: error, requestId, path: formatted.path, code: failure }, 'GraphQL request failed');
      options.onMasked?.(failure);
      return { message: MASKED_FAILURES[failure], path: formatted.path, extensions: { code: failure, requestId } };
    }
    logger.error({ err: error, requestId, path: formatted.path }, 'unexpected error in a GraphQL request');
    options.onMasked?.('INTERNAL_SERVER_ERROR');
    return { message: UNEXPECTED_ERROR, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
  };
}
