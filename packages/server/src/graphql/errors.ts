import { GraphQLError } from 'graphql';

/**
 * Error codes the API answers with (in `extensions.code`). Each message names the bad value and
 * what would be accepted; none carries a stack trace.
 */
export const ERROR_CODES = {
  UNKNOWN_AUTHORITY: 'No local authority has that code.',
  UNKNOWN_AREA: 'No area (LA, region or England) has that code.',
  UNKNOWN_METRIC: 'No metric has that id.',
  PERIOD_NOT_AVAILABLE: 'The metric has no data for that period.',
  TOO_MANY_AUTHORITIES: 'A custom peer set holds 1 to 30 LAs.',
  BAD_PEER_SELECTOR: 'The peer selector is incomplete or contradictory.',
  BAD_USER_INPUT: 'An argument is malformed.',
  QUERY_TOO_COMPLEX: 'The operation is over a query limit.',
  FORBIDDEN: 'The signed-in role may not see this.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

const list = (values: readonly (string | number)[], max = 12) =>
  values.length <= max ? values.join(', ') : `${values.slice(0, max).join(', ')} … (${values.length} in all)`;

export const unknownAuthority = (code: string) =>
  new ApiError('UNKNOWN_AUTHORITY', `Unknown local authority "${code}". Use a 3-digit DfE LA number (e.g. 886) or an ONS E-code (e.g. E10000016); the authorities query lists them.`, { value: code });

export const unknownArea = (code: string) =>
  new ApiError('UNKNOWN_AREA', `Unknown area "${code}". Use an LA code (886 or E10000016), a region code (E12000001–E12000009) or England (E92000001).`, { value: code });

export const unknownMetric = (id: string, known: readonly string[]) =>
  new ApiError('UNKNOWN_METRIC', `Unknown metric "${id}". Known metrics: ${list(known)}; the metrics query lists them all.`, { value: id });

export const periodNotAvailable = (metric: string, period: number, available: readonly number[]) =>
  new ApiError(
    'PERIOD_NOT_AVAILABLE',
    available.length
      ? `Metric ${metric} has no data for period ${period}. Available periods: ${list(available, 30)}.`
      : `Metric ${metric} has no data for any period yet (its source files are not imported).`,
    { value: period, available },
  );

export const tooManyAuthorities = (count: number, max: number) =>
  new ApiError('TOO_MANY_AUTHORITIES', `A custom peer set holds 1 to ${max} LAs; ${count} were given.`, { value: count, max });

export const badPeerSelector = (message: string) => new ApiError('BAD_PEER_SELECTOR', message);

/**
 * An evaluation argument that cannot be used: BAD_USER_INPUT with `field` naming the argument
 * (`cohort`, `starts[1]`, `draws`, …) so a client can point at it.
 *
 * @example throw badEvaluationInput('draws', 'draws must be an integer from 999 to 4999; got 20000.', { value: 20000 });
 */
export const badEvaluationInput = (field: string, message: string, extra: Record<string, unknown> = {}) => new ApiError('BAD_USER_INPUT', message, { field, ...extra });

/** A field the caller's role may not read (the denial is also written to the audit log). */
export const forbidden = (what: string, needed: string, role: string) =>
  new ApiError('FORBIDDEN', `${what} needs the ${needed} role; this request's role is ${role}.`, { needed, role });
