import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import { CORS_DEFAULTS } from '../src/http/cors';
import { API_CSP, DASHBOARD_CSP, SECURITY_HEADERS } from '../src/http/security-headers';
import { documentHash, loadTrustedDocuments, trustedDocumentsManifest } from '../src/plugins/trusted-documents';
import { errorCodes } from './support/api';
import { openLookupDatabase, type ServedApp, serveApp } from './support/hardening';
import { postGraphQL, request } from './support/http';

/** Security headers, CORS and trusted documents, over HTTP. */

const DASHBOARD_QUERY = 'query DashboardVersion { dataVersion }';
const COMPARE_HTML = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script><link rel="modulepreload" href="/assets/compare.js"></head><body><div id="root"></div></body></html>';
const APP_JS = `export const figures = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ la: 300 + i, plans: i * 7 })))};\n`;

/** GET with an Accept-Encoding; the body as the bytes that crossed the wire. */
function getBytes(url: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
const OTHER_QUERY = '{ metrics { id } }';

describe('HTTP hardening', () => {
  let handle: DatabaseHandle;
  let dashboardDir: string;
  let manifestFile: string;
  let open: ServedApp;
  let cors: ServedApp;
  let anyOrigin: ServedApp;
  let trusted: ServedApp;
  let openWithManifest: ServedApp;

  beforeAll(async () => {
    handle = await openLookupDatabase('pglite');
    dashboardDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-dashboard-'));
    fs.mkdirSync(path.join(dashboardDir, 'assets'));
    fs.writeFileSync(path.join(dashboardDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
    fs.writeFileSync(path.join(dashboardDir, 'assets', 'app.js'), APP_JS);
    // A route's own page, as the dashboard's build writes it (packages/dashboard/scripts/route-pages.mjs).
    fs.writeFileSync(path.join(dashboardDir, 'compare.html'), COMPARE_HTML);
    // As the dashboard's build writes them (packages/dashboard/scripts/compress.mjs).
    fs.writeFileSync(path.join(dashboardDir, 'assets', 'app.js.gz'), gzipSync(APP_JS));
    fs.writeFileSync(path.join(dashboardDir, 'assets', 'app.js.br'), brotliCompressSync(APP_JS));
    manifestFile = path.join(dashboardDir, 'trusted-documents.json');
    fs.writeFileSync(manifestFile, JSON.stringify(trustedDocumentsManifest([DASHBOARD_QUERY])));
    const documents = loadTrustedDocuments(manifestFile);
    open = await serveApp(handle, { dashboardDir });
    cors = await serveApp(handle, { corsOrigins: ['https://analyst.example.org'] });
    anyOrigin = await serveApp(handle, { corsOrigins: ['*'] });
    trusted = await serveApp(handle, { trustedDocuments: { documents, mode: 'on' } });
    openWithManifest = await serveApp(handle, { trustedDocuments: { documents, mode: 'off' } });
  });

  afterAll(async () => {
    await Promise.all([open, cors, anyOrigin, trusted, openWithManifest].map((s) => s?.stop()));
    await handle?.close();
    if (dashboardDir) fs.rmSync(dashboardDir, { recursive: true, force: true });
  });

  describe('security headers', () => {
    test.each([
      ['the dashboard page', '/', DASHBOARD_CSP],
      ['a dashboard route (single-page fallback)', '/compare/886', DASHBOARD_CSP],
      ['a dashboard asset', '/assets/app.js', DASHBOARD_CSP],
      ['the API', '/graphql', API_CSP],
      ['the health check', '/healthz', API_CSP],
    ])('sets nosniff, frame denial, referrer policy and the CSP on %s', async (_label, pathname, csp) => {
      const answer = await request(`${open.base}${pathname}`, pathname === '/graphql' ? { method: 'POST', json: { query: '{ dataVersion }' } } : {});
      expect({
        nosniff: answer.headers['x-content-type-options'],
        frame: answer.headers['x-frame-options'],
        referrer: answer.headers['referrer-policy'],
        csp: answer.headers['content-security-policy'],
      }).toEqual({ nosniff: 'nosniff', frame: 'DENY', referrer: SECURITY_HEADERS['referrer-policy'], csp });
    });

    test.each([
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
      ['', undefined, (b: Buffer) => b],
    ] as const)('sends a dashboard asset precompressed to a browser that accepts "%s"', async (accept, encoding, decode) => {
      const answer = await getBytes(`${open.base}/assets/app.js`, accept);
      expect({
        encoding: answer.headers['content-encoding'],
        vary: answer.headers.vary,
        type: answer.headers['content-type'],
        csp: answer.headers['content-security-policy'],
        smaller: answer.body.length < Buffer.byteLength(APP_JS) || encoding === undefined,
        decoded: decode(answer.body).toString('utf8'),
      }).toEqual({ encoding, vary: 'Accept-Encoding', type: 'text/javascript', csp: DASHBOARD_CSP, smaller: true, decoded: APP_JS });
    });

    test.each([
      ['/compare?la=886&metric=pct_plans_mainstream', 'compare.js'],
      ['/compare/?la=886', 'compare.js'],
      ['/profile?la=886', undefined],
    ])('sends %s its route page when the build wrote one, else index.html, with the dashboard CSP', async (pathname, preloaded) => {
      const answer = await request(`${open.base}${pathname}`);
      expect({
        status: answer.status,
        type: answer.headers['content-type'],
        csp: answer.headers['content-security-policy'],
        preloaded: answer.text.match(/rel="modulepreload" href="\/assets\/([^"]+)"/)?.[1],
        root: answer.text.includes('<div id="root"></div>'),
      }).toEqual({ status: 200, type: 'text/html;charset=utf-8', csp: DASHBOARD_CSP, preloaded, root: true });
    });

    test('forbids framing in the CSP as well as with X-Frame-Options', () => {
      expect([DASHBOARD_CSP, API_CSP].every((csp) => csp.includes("frame-ancestors 'none'"))).toBe(true);
    });

    test('allows no inline script or eval in the dashboard CSP', () => {
      expect(DASHBOARD_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    });

    test('sends HSTS in production', async () => {
      const answer = await request(`${open.base}/healthz`);
      expect(answer.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    });
  });

  describe('CORS', () => {
    const preflight = (base: string, origin: string) =>
      request(`${base}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

    test('answers a preflight from a configured origin', async () => {
      const answer = await preflight(cors.base, 'https://analyst.example.org');
      expect({ status: answer.status, origin: answer.headers['access-control-allow-origin'], headers: answer.headers['access-control-allow-headers'] }).toEqual({
        status: 204,
        origin: 'https://analyst.example.org',
        headers: CORS_DEFAULTS.allowHeaders,
      });
    });

    test('refuses a preflight from another origin', async () => {
      const answer = await preflight(cors.base, 'https://evil.example.com');
      expect({ status: answer.status, origin: answer.headers['access-control-allow-origin'] }).toEqual({ status: 403, origin: undefined });
    });

    test('lets a configured origin read the answer', async () => {
      const answer = await postGraphQL(cors.base, { query: '{ dataVersion }' }, { origin: 'https://analyst.example.org' });
      expect({ origin: answer.headers['access-control-allow-origin'], vary: answer.headers.vary }).toEqual({ origin: 'https://analyst.example.org', vary: 'Origin' });
    });

    test('gives another origin no CORS header, so its page cannot read the answer', async () => {
      const answer = await postGraphQL(cors.base, { query: '{ dataVersion }' }, { origin: 'https://evil.example.com' });
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    });

    test('allows no cross-origin caller by default', async () => {
      const answer = await preflight(open.base, 'https://analyst.example.org');
      expect(answer.status).toBe(403);
    });

    test('allows any origin, without credentials, when configured with *', async () => {
      const answer = await postGraphQL(anyOrigin.base, { query: '{ dataVersion }' }, { origin: 'https://anywhere.example.net' });
      expect({ origin: answer.headers['access-control-allow-origin'], credentials: answer.headers['access-control-allow-credentials'] }).toEqual({ origin: '*', credentials: undefined });
    });
  });

  describe('trusted documents', () => {
    const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

    test('runs a listed operation sent by hash', async () => {
      const answer = await postGraphQL(trusted.base, byHash(documentHash(DASHBOARD_QUERY)));
      expect(answer.json).toEqual({ data: { dataVersion: expect.any(String) } });
    });

    test('runs a listed operation sent as text', async () => {
      const answer = await postGraphQL(trusted.base, { query: DASHBOARD_QUERY });
      expect(answer.json).toEqual({ data: { dataVersion: expect.any(String) } });
    });

    test('runs a listed operation sent by hash in a GET', async () => {
      const search = new URLSearchParams({ extensions: JSON.stringify(byHash(documentHash(DASHBOARD_QUERY)).extensions) });
      const answer = await request(`${trusted.base}/graphql?${search}`, { headers: { 'apollo-require-preflight': '1' } });
      expect(answer.json).toEqual({ data: { dataVersion: expect.any(String) } });
    });

    test('refuses any other text with 400 OPERATION_NOT_TRUSTED', async () => {
      const answer = await postGraphQL(trusted.base, { query: OTHER_QUERY });
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['OPERATION_NOT_TRUSTED'] });
    });

    test('refuses a listed text changed by one character', async () => {
      const answer = await postGraphQL(trusted.base, { query: `${DASHBOARD_QUERY} ` });
      expect(errorCodes(answer.json)).toEqual(['OPERATION_NOT_TRUSTED']);
    });

    test('refuses other text in a GET', async () => {
      const answer = await request(`${trusted.base}/graphql?query=${encodeURIComponent(OTHER_QUERY)}`, { headers: { 'apollo-require-preflight': '1' } });
      expect(errorCodes(answer.json)).toEqual(['OPERATION_NOT_TRUSTED']);
    });

    test('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
      const answer = await postGraphQL(trusted.base, byHash(documentHash(OTHER_QUERY)));
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 200, codes: ['PERSISTED_QUERY_NOT_FOUND'] });
    });

    test('refuses an unknown hash sent with its text (the registration step of automatic persisted queries)', async () => {
      const answer = await postGraphQL(trusted.base, { query: OTHER_QUERY, ...byHash(documentHash(OTHER_QUERY)) });
      expect(errorCodes(answer.json)).toEqual(['OPERATION_NOT_TRUSTED']);
    });

    test('refuses a listed hash sent with some other text', async () => {
      const answer = await postGraphQL(trusted.base, { query: OTHER_QUERY, ...byHash(documentHash(DASHBOARD_QUERY)) });
      expect({ status: answer.status, codes: errorCodes(answer.json) }).toEqual({ status: 400, codes: ['PERSISTED_QUERY_HASH_MISMATCH'] });
    });

    test('refuses a batch in trusted mode', async () => {
      const answer = await postGraphQL(trusted.base, [{ query: DASHBOARD_QUERY }]);
      expect(answer.status).toBe(400);
    });

    test('keeps ad-hoc text in open mode', async () => {
      const answer = await postGraphQL(openWithManifest.base, { query: OTHER_QUERY });
      expect(answer.json.data.metrics.length).toBeGreaterThan(0);
    });

    test('runs a listed hash in open mode', async () => {
      const answer = await postGraphQL(openWithManifest.base, byHash(documentHash(DASHBOARD_QUERY)));
      expect(answer.json).toEqual({ data: { dataVersion: expect.any(String) } });
    });

    test('keeps the query limits in open mode', async () => {
      const answer = await postGraphQL(openWithManifest.base, { query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: dataVersion`).join(' ')} }` });
      expect(errorCodes(answer.json)).toEqual(['TOO_MANY_ALIASES']);
    });
  });

  describe('trusted-documents manifest', () => {
    const manifest = (content: string) => {
      const file = path.join(dashboardDir, `manifest-${Math.random().toString(36).slice(2)}.json`);
      fs.writeFileSync(file, content);
      return file;
    };

    test.each([
      ['a missing file', () => path.join(dashboardDir, 'nope.json'), /does not exist/],
      ['invalid JSON', () => manifest('{'), /not readable JSON/],
      ['an array', () => manifest('[]'), /expected an object/],
      ['a key that is not a SHA-256', () => manifest(JSON.stringify({ abc: '{ dataVersion }' })), /not a lowercase hex SHA-256/],
      ['a hash that does not match its text', () => manifest(JSON.stringify({ [documentHash('{ a }')]: '{ b }' })), /is not the SHA-256 of its operation text/],
      ['no operation', () => manifest('{}'), /lists no operation/],
    ])('refuses %s', (_label, file, message) => {
      expect(() => loadTrustedDocuments(file())).toThrow(message);
    });
  });
});
