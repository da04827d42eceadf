import { describe, expect, test } from '@jest/globals';
import { captureLogs } from '../../test/support/log-capture';
import { apolloLogger, outcomeOf } from './request-logging';

describe('outcomeOf', () => {
  test.each([
    [200, [], false, 'ok'],
    [200, ['UNKNOWN_AUTHORITY'], false, 'client_error'],
    [400, ['GRAPHQL_VALIDATION_FAILED'], false, 'client_error'],
    [429, ['RATE_LIMITED'], false, 'rejected'],
    [413, ['PAYLOAD_TOO_LARGE'], false, 'rejected'],
    [400, ['OPERATION_NOT_TRUSTED'], false, 'rejected'],
    [200, ['INTERNAL_SERVER_ERROR'], false, 'failed'],
    [200, ['DATABASE_UNAVAILABLE'], false, 'failed'],
    [503, ['REQUEST_TIMEOUT'], false, 'timeout'],
    [200, [], true, 'aborted'],
  ])('labels status %i with %j (client closed: %s) as %s', (status, errorCodes, clientClosed, expected) => {
    expect(outcomeOf({ status, errorCodes, clientClosed })).toBe(expected);
  });
});

describe('apolloLogger', () => {
  test('logs an aborted request at debug level, not as an error', () => {
    const logs = captureLogs();
    apolloLogger(logs.logger).error('Unexpected error processing request: Error: The client closed the connection before the answer was ready.');
    expect(logs.lines().map((l) => [l.level, l.component])).toEqual([[20, 'apollo']]);
  });

  test('logs other Apollo errors as errors', () => {
    const logs = captureLogs();
    apolloLogger(logs.logger).error('Unexpected error processing request: TypeError: x is undefined');
    expect(logs.lines().map((l) => l.level)).toEqual([50]);
  });
});
