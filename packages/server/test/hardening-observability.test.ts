import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import { Metrics, METRICS_DEFAULTS } from '../src/observability/metrics';
import { openFreshDatabase } from './support/fresh-database';
import { openLookupDatabase, type ServedApp, serveApp } from './support/hardening';
import { postGraphQL, request } from './support/http';
import { importLaLookup } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { type ServerProcess, startServerProcess } from './support/server-process';

/** One structured log line per GraphQL request, and Prometheus metrics on /metrics. */

describe('request logs', () => {
  let handle: DatabaseHandle;
  let api: ServedApp;

  beforeAll(async () => {
    handle = await openLookupDatabase('pglite');
    api = await serveApp(handle);
  });

  afterAll(async () => {
    await api?.stop();
    await handle?.close();
  });

  const lineOf = (requestId: string) => api.logs.lines().find((l) => l.requestId === requestId && l.msg === 'graphql request');

  test('writes request id, operation, status, outcome, duration and SQL count for a request', async () => {
    await postGraphQL(api.base, { query: 'query AuthorityName { authority(code: "886") { name } }' }, { 'x-request-id': 'log-ok-1' });
    expect(lineOf('log-ok-1')).toMatchObject({
      requestId: 'log-ok-1',
      operation: 'AuthorityName',
      status: 200,
      outcome: 'ok',
      errorCodes: [],
      durationMs: expect.any(Number),
      sqlStatements: expect.any(Number),
    });
  });

  test('counts the SQL statements the request ran', async () => {
    await postGraphQL(api.base, { query: '{ dataVersion }' }, { 'x-request-id': 'log-sql-1' });
    expect(lineOf('log-sql-1')?.sqlStatements).toBeGreaterThan(0);
  });

  test('writes the error codes of a request that failed validation', async () => {
    await postGraphQL(api.base, { query: '{ nope }' }, { 'x-request-id': 'log-bad-1' });
    expect(lineOf('log-bad-1')).toMatchObject({ status: 400, outcome: 'client_error', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  test('writes the code of an error raised by a resolver', async () => {
    await postGraphQL(api.base, { query: 'query Missing { authority(code: "999") { name } }' }, { 'x-request-id': 'log-unknown-1' });
    expect(lineOf('log-unknown-1')).toMatchObject({ operation: 'Missing', outcome: 'client_error', errorCodes: ['UNKNOWN_AUTHORITY'] });
  });
});

describe('metrics', () => {
  let handle: DatabaseHandle;
  let api: ServedApp;

  beforeAll(async () => {
    handle = await openFreshDatabase('postgres');
    await importLaLookup(handle.db);
    api = await serveApp(handle, { metrics: new Metrics({ poolStats: handle.poolStats }) });
  });

  afterAll(async () => {
    await api?.stop();
    await handle?.close();
  });

  const scrape = async () => (await request(`${api.base}/metrics`)).text;

  test('serves the Prometheus text format', async () => {
    const answer = await request(`${api.base}/metrics`);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  test('observes request duration per operation', async () => {
    await postGraphQL(api.base, { query: 'query RegionOfKent { authority(code: "886") { region { name } } }' });
    expect(await scrape()).toMatch(/sendbench_graphql_request_duration_seconds_count\{operation="RegionOfKent",outcome="ok"\} 1/);
  });

  test('counts errors by code', async () => {
    await postGraphQL(api.base, { query: '{ authority(code: "999") { name } }' });
    expect(await scrape()).toMatch(/sendbench_graphql_errors_total\{code="UNKNOWN_AUTHORITY"\} \d+/);
  });

  test('reports the PostgreSQL pool', async () => {
    expect(await scrape()).toMatch(/sendbench_db_pool_connections\{state="max"\} 2/);
  });

  test('reports process memory', async () => {
    expect(await scrape()).toMatch(/sendbench_process_resident_memory_bytes \d+/);
  });

  test('keeps operation labels bounded when clients invent names', async () => {
    await Promise.all(Array.from({ length: 120 }, (_, i) => postGraphQL(api.base, { query: `query Invented${i} { dataVersion }` })));
    const operations = new Set([...(await scrape()).matchAll(/sendbench_graphql_request_duration_seconds_count\{operation="([^"]+)"/g)].map((m) => m[1]));
    // At most the first 100 names, plus "anonymous" and "other".
    expect(operations.size).toBeLessThanOrEqual(METRICS_DEFAULTS.maxOperationLabels + 2);
  });
});

describe('a server process', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-observability-'));
    dataDir = path.join(base, 'data');
    fs.mkdirSync(dataDir);
    fs.copyFileSync(OFFICIAL_FILES.laLookup, path.join(dataDir, path.basename(OFFICIAL_FILES.laLookup)));
    server = await startServerProcess({ SENDBENCH_DB_DIR: path.join(base, 'db'), SENDBENCH_DATA_DIR: dataDir, NODE_ENV: 'production', SHUTDOWN_DRAIN_MS: '0' });
  });

  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    if (dataDir) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  test('counts the first-start import on /metrics', async () => {
    const text = (await request(`${server.base}/metrics`)).text;
    expect([text.includes('sendbench_import_runs_total{outcome="ok"} 1'), text.includes('sendbench_import_files_total{status="loaded"} 1')]).toEqual([true, true]);
  });

  test('logs one JSON line per GraphQL request on stdout', async () => {
    await postGraphQL(server.base, { query: 'query Probe { dataVersion }' }, { 'x-request-id': 'process-log-1' });
    await new Promise((r) => setTimeout(r, 100));
    expect(server.logs().find((l) => l.requestId === 'process-log-1')).toMatchObject({ msg: 'graphql request', operation: 'Probe', outcome: 'ok', service: 'sendbench' });
  });

  test('is ready once the data is loaded', async () => {
    expect((await request(`${server.base}/readyz`)).json).toEqual({ status: 'ready', migrationsCurrent: true, releases: 1 });
  });
});
