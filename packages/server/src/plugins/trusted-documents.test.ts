import { describe, expect, test } from '@jest/globals';
import { documentHash, resolveDocument } from './trusted-documents';

const LISTED = 'query A { dataVersion }';
const OTHER = '{ metrics { id } }';
const DOCUMENTS = new Map([[documentHash(LISTED), LISTED]]);
const byHash = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: documentHash(text) } });

describe('resolveDocument', () => {
  test.each([
    ['on', 'a listed hash', { extensions: byHash(LISTED) }, { ok: true, query: LISTED, extensions: undefined }],
    ['on', 'a listed text', { query: LISTED }, { ok: true, query: LISTED, extensions: undefined }],
    ['on', 'other text', { query: OTHER }, { ok: false, status: 400, code: 'OPERATION_NOT_TRUSTED' }],
    ['on', 'an unknown hash', { extensions: byHash(OTHER) }, { ok: false, status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' }],
    ['on', 'an unknown hash with its text', { query: OTHER, extensions: byHash(OTHER) }, { ok: false, status: 400, code: 'OPERATION_NOT_TRUSTED' }],
    ['on', 'a hash with other text', { query: OTHER, extensions: byHash(LISTED) }, { ok: false, status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH' }],
    ['off', 'other text', { query: OTHER }, { ok: true, query: OTHER, extensions: undefined }],
    ['off', 'a listed hash', { extensions: byHash(LISTED) }, { ok: true, query: LISTED, extensions: undefined }],
    ['off', 'an unknown hash', { extensions: byHash(OTHER) }, { ok: false, status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' }],
    ['off', 'an unknown hash with its text', { query: OTHER, extensions: byHash(OTHER) }, { ok: true, query: OTHER, extensions: undefined }],
  ] as const)('with TRUSTED_DOCUMENTS=%s answers %s', (mode, _label, request, expected) => {
    expect(resolveDocument(request, DOCUMENTS, mode)).toEqual(expected);
  });

  test('keeps extensions other than persistedQuery', () => {
    expect(resolveDocument({ query: LISTED, extensions: { ...byHash(LISTED), trace: true } }, DOCUMENTS, 'on')).toEqual({ ok: true, query: LISTED, extensions: { trace: true } });
  });
});

test('hashes the exact UTF-8 text as lowercase hex SHA-256', () => {
  expect(documentHash('{ dataVersion }')).toMatch(/^[0-9a-f]{64}$/);
});
