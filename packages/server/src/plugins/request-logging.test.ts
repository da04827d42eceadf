import { describe, expect, test } from '@jest/globals';
import { outcomeOf } from './request-logging';

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
