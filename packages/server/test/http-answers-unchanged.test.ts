import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import { EXAMPLE_OPERATIONS } from '../src/http/example-operations';
import { ENGINES } from './support/engines';
import { serveApp, type ServedApp } from './support/hardening';
import { request } from './support/http';
import { openSharedDatabase } from './support/shared-database';

/**
 * The raw HTTP answers (status, headers, body bytes) of a fixed set of anonymous requests, recorded
 * once (test/fixtures/http-answers.json) and compared on both engines: changing the HTTP layer must
 * not change what an anonymous caller receives. Re-record only when an answer is meant to change:
 *   RECORD_ANSWERS=1 npm test -- packages/server/test/http-answers-unchanged.test.ts
 * (the PGlite pass writes the file; the PostgreSQL pass then compares with it).
 *
 * Every response header is recorded except those that frame the transfer, not the answer
 * (UNRECORDED_HEADERS): date, connection, keep-alive, content-length, transfer-encoding.
 * The Provenance example's release ids and import times change with every load of the data, so
 * those two fields are blanked in its body before comparing; every other byte is compared.
 */
const FIXTURE = path.join(__dirname, 'fixtures', 'http-answers.json');
const UNRECORDED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
const REQUEST_ID = 'http-answers-fixture';
/** A fixed modification time for the static files, so their ETag and Last-Modified are fixed too. */
const STATIC_MTIME = new Date('2026-01-01T00:00:00Z');

interface RecordedRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = { 'content-type': 'application/json' };
const REQUESTS: Record<string, RecordedRequest> = {
  ...Object.fromEntries(
    Object.entries(EXAMPLE_OPERATIONS).map(([name, query]) => [`POST ${name}`, { method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query, operationName: name }) }]),
  ),
  'GET Profile': { method: 'GET', path: `/graphql?${new URLSearchParams({ query: EXAMPLE_OPERATIONS.Profile, operationName: 'Profile' })}`, headers: { 'apollo-require-preflight': 'true' } },
  'GET without a preflight header (CSRF prevention)': { method: 'GET', path: `/graphql?${new URLSearchParams({ query: '{ __typename }' })}` },
  'POST unknown field': { method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: '{ nope }' }) },
  'POST syntax error': { method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: '{ authorities ' }) },
  'POST body not JSON': { method: 'POST', path: '/graphql', headers: json, body: '{"query": ' },
  'POST without a query': { method: 'POST', path: '/graphql', headers: json, body: '{}' },
  'PUT /graphql': { method: 'PUT', path: '/graphql', headers: json, body: '{}' },
  'OPTIONS preflight from another origin': { method: 'OPTIONS', path: '/graphql', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } },
  'GET /healthz': { method: 'GET', path: '/healthz' },
  'GET /readyz': { method: 'GET', path: '/readyz' },
  'GET / (the dashboard page)': { method: 'GET', path: '/' },
  'GET a dashboard route (the page, for the client router)': { method: 'GET', path: '/compare?la=886' },
  'GET an asset': { method: 'GET', path: '/assets/app.js' },
  'POST elsewhere (404)': { method: 'POST', path: '/nowhere', headers: json, body: '{}' },
};

/** A dashboard build of two small files with fixed times. */
function writeStaticDashboard(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-static-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const files = {
    'index.html': '<!doctype html>\n<html lang="en"><head><title>SENDbench</title><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>\n',
    'assets/app.js': 'document.getElementById("root").textContent = "SENDbench";\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), text);
    fs.utimesSync(path.join(dir, name), STATIC_MTIME, STATIC_MTIME);
  }
  return dir;
}

function normalised(name: string, answer: RecordedAnswer): RecordedAnswer {
  if (name !== 'POST Provenance') return answer;
  return { ...answer, body: answer.body.replace(/"id":[^,}]*/g, '"id":"…"').replace(/"importedAt":"[^"]*"/g, '"importedAt":"…"') };
}

const recording = process.env.RECORD_ANSWERS === '1';
let recorded: Record<string, RecordedAnswer> = {};

for (const engine of ENGINES) {
  describe(`${engine} anonymous HTTP answers`, () => {
    let handle: DatabaseHandle;
    let served: ServedApp;
    let staticDir: string;

    beforeAll(async () => {
      if (!recording) recorded = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
      staticDir = writeStaticDashboard();
      handle = await openSharedDatabase(engine);
      served = await serveApp(handle, { dashboardDir: staticDir, responseCache: true });
    });

    afterAll(async () => {
      if (recording && engine === 'pglite') fs.writeFileSync(FIXTURE, `${JSON.stringify(recorded, null, 1)}\n`);
      await served?.stop();
      await handle?.close();
      fs.rmSync(staticDir, { recursive: true, force: true });
    });

    test.each(Object.keys(REQUESTS))('answers %s as recorded', async (name) => {
      const { method, path: target, headers, body } = REQUESTS[name];
      const answer = await request(`${served.base}${target}`, { method, headers: { 'x-request-id': REQUEST_ID, ...headers }, body });
      const kept = Object.fromEntries(
        Object.entries(answer.headers)
          .filter(([header]) => !UNRECORDED_HEADERS.has(header))
          .map(([header, value]) => [header, Array.isArray(value) ? value.join(', ') : String(value)])
          .sort(([a], [b]) => a.localeCompare(b)),
      );
      const actual = normalised(name, { status: answer.status, headers: kept, body: answer.text });
      if (recording && engine === 'pglite') recorded[name] = actual;
      else expect(actual).toEqual(recorded[name]);
    });
  });
}
