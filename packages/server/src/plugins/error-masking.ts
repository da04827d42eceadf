import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ERROR_CODES } from '../graphql/errors';
import { limitCodeOf } from './query-limits';

/** Codes whose messages are written for the client and safe to show. */
const SAFE_CODES = new Set<string>([
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

/**
 * Formats every error the API returns: limit errors get their own code, client errors pass as they
 * are, anything else is masked as "Unexpected error." with the request id (the original is logged).
 * Stack traces are never sent.
 */
export function createErrorFormatter(logger: Logger, requestIdOf: () => string | undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limitCode = limitCodeOf(formatted.message);
    const code = limitCode ?? String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (SAFE_CODES.has(code)) {
      return { ...formatted, message: limitCode ? formatted.message.replace(/^Syntax Error: /, '') : formatted.message, extensions: { ...extensions, code } };
    }
    const requestId = requestIdOf();
    logger.error({ err: error, requestId, path: formatted.path }, 'unexpected error in a GraphQL request');
    return { message: UNEXPECTED_ERROR, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
  };
}
