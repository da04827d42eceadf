import { describe, expect, test } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { RequestAbortedError } from '../db/query-cancellation';
import { classifyFailure, withoutSuggestions } from './error-masking';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (error: Error) => new GraphQLError('wrapped', { originalError: error });

describe('classifyFailure', () => {
  test.each([
    ['a refused connection', wrapped(pgError('ECONNREFUSED')), 'DATABASE_UNAVAILABLE'],
    ['an AggregateError of refused connections (IPv4 and IPv6)', wrapped(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')])), 'DATABASE_UNAVAILABLE'],
    ['an administrator shutdown (57P01)', wrapped(pgError('57P01', 'terminating connection due to administrator command')), 'DATABASE_UNAVAILABLE'],
    ['a database starting up (57P03)', wrapped(pgError('57P03', 'the database system is starting up')), 'DATABASE_UNAVAILABLE'],
    ['a lost connection', wrapped(new Error('Connection terminated unexpectedly')), 'DATABASE_UNAVAILABLE'],
    ['a pool that could not connect in time', wrapped(new Error('timeout exceeded when trying to connect')), 'DATABASE_UNAVAILABLE'],
    ['a statement timeout (57014)', wrapped(pgError('57014', 'canceling statement due to statement timeout')), 'QUERY_TIMEOUT'],
    ['a passed deadline', wrapped(new RequestAbortedError('deadline')), 'REQUEST_TIMEOUT'],
    ['a client that went away', wrapped(new RequestAbortedError('client-closed')), 'CLIENT_CLOSED_REQUEST'],
    ['a bug', wrapped(new TypeError("Cannot read properties of undefined (reading 'x')")), undefined],
    ['a syntax error in SQL (42601)', wrapped(pgError('42601', 'syntax error at or near')), undefined],
  ])('classifies %s', (_label, error, expected) => {
    expect(classifyFailure(error)).toBe(expected);
  });
});

describe('withoutSuggestions', () => {
  test.each([
    ['a field', 'Cannot query field "authoritie" on type "Query". Did you mean "authorities" or "authority"?', 'Cannot query field "authoritie" on type "Query".'],
    ['an enum value', 'Value "SPND" does not exist in "Theme" enum. Did you mean the enum value "SPEND"?', 'Value "SPND" does not exist in "Theme" enum.'],
    ['an argument', 'Unknown argument "cod" on field "Query.authority". Did you mean "code"?', 'Unknown argument "cod" on field "Query.authority".'],
  ])('removes the hint from %s', (_label, message, expected) => {
    expect(withoutSuggestions(message)).toBe(expected);
  });
});
