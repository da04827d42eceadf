#!/usr/bin/env node
// The container image's runtime stage, assembled without a container engine: what infra/Dockerfile
// puts in /app (production dependencies of the server workspace only, from `npm ci --omit=dev
// --workspace @sendbench/server`, and the built schema, server and dashboard) is laid out in a
// temporary folder, then run as the image would run it:
//
//   - `import` of a small real release into a fresh PostgreSQL database, `serve` in production mode;
//   - /healthz, /readyz, a GraphQL answer, the dashboard's index page;
//   - the Dockerfile's HEALTHCHECK command, taken from the Dockerfile itself;
//   - no dev dependency, compiler or dashboard library in node_modules.
//
// It mirrors the Dockerfile's COPY and RUN lines (keep them in step); it proves the file list and
// the production dependencies, not the base image or the USER (no container engine here). Needs
// `npm run build` first, the npm registry (npm ci) and PostgreSQL (TEST_DATABASE_URL).
// Ends with "N passed, N failed".
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const { Client } = require('pg');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATA_DIR = process.env.SENDBENCH_DATA_DIR ?? path.resolve(ROOT, '..', 'shared', 'data');
const FILES = [path.join(DATA_DIR, 'reference', 'la_lookup_with_programmes.csv'), path.join(DATA_DIR, 'extracts', 'dsg_deficit_pct_2019_20_to_2021_22.csv')];

const app = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-image-'));
const results = [];
const cleanups = [];
const started = Date.now();
function check(name, ok, detail = '') {
  results.push(ok);
  process.stderr.write(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}\n`);
}
const get = (port, pathname) =>
  new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers: { 'apollo-require-preflight': 'true' }, timeout: 5_000 }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      })
      .on('error', (e) => resolve({ status: 0, body: e.message }));
  });
const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const copy = (from, to) => fs.cpSync(path.join(ROOT, from), path.join(app, to ?? from), { recursive: true });

async function main() {
  for (const dist of ['packages/schema/dist', 'packages/server/dist', 'packages/dashboard/dist/index.html']) {
    if (!fs.existsSync(path.join(ROOT, dist))) throw new Error(`${dist} is missing: run npm run build first`);
  }
  // production-deps stage
  for (const file of ['package.json', 'package-lock.json', 'packages/schema/package.json', 'packages/server/package.json', 'packages/dashboard/package.json']) copy(file);
  const installStarted = Date.now();
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--workspace', '@sendbench/server', '--include-workspace-root=false'], { cwd: app, stdio: ['ignore', 'ignore', 'pipe'] });
  const installMs = Date.now() - installStarted;
  // runtime stage: the dashboard's package.json is not part of the image
  fs.rmSync(path.join(app, 'packages', 'dashboard', 'package.json'));
  for (const from of ['packages/schema/schema.graphql', 'packages/schema/dist', 'packages/server/dist', 'packages/dashboard/dist']) copy(from);

  const present = ['typescript', 'jest', '@swc/core', 'react', 'recharts', 'vite', 'autocannon', 'kubernetes-models'].filter((p) => fs.existsSync(path.join(app, 'node_modules', p)));
  const size = execFileSync('du', ['-sm', path.join(app, 'node_modules')], { encoding: 'utf8' }).split('\t')[0];
  check('node_modules holds production dependencies only (no compiler, test runner, dashboard library or tooling)', present.length === 0, `${present.length ? `found ${present.join(', ')}; ` : ''}${size} MB, npm ci ${installMs} ms`);

  const name = `sendbench_image_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.end();
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  // The image's environment (ENV in the runtime stage) plus the database.
  const env = { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1', SENDBENCH_DATA_DIR: '/data', SENDBENCH_DB_DIR: path.join(app, 'db'), DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' };
  const cli = path.join('packages', 'server', 'dist', 'cli.js');
  let importOk = true;
  try {
    execFileSync(process.execPath, [cli, 'import', ...FILES], { cwd: app, env, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    importOk = false;
    process.stderr.write(String(error.stderr ?? error.message));
  }
  check('`import` runs from the image layout', importOk);

  const port = await freePort();
  const server = spawn(process.execPath, [cli, 'serve'], { cwd: app, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', (c) => (log += c));
  const exited = new Promise((resolve) => server.once('exit', resolve));
  cleanups.push(async () => {
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    server.kill('SIGKILL');
  });
  let ready = { status: 0 };
  for (let i = 0; i < 100 && ready.status !== 200 && server.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 100));
    ready = await get(port, '/readyz');
  }
  check('`serve` starts in production mode and is ready', ready.status === 200, ready.status === 200 ? '' : log.slice(-600));
  const health = await get(port, '/healthz');
  const query = await get(port, `/graphql?query=${encodeURIComponent('{ comparison(metric: "dsg_deficit_pct", period: 202122, peers: { kind: ENGLAND }) { england { value } } }')}`);
  const index = await get(port, '/');
  check('/healthz answers, GraphQL answers with the imported figure, the dashboard is served', health.status === 200 && /"value":2\.26/.test(query.body) && index.status === 200 && /<html/i.test(index.body), `healthz ${health.status}; graphql ${query.status} ${query.body.slice(0, 80)}; / ${index.status}`);

  const dockerfile = fs.readFileSync(path.join(ROOT, 'infra', 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const healthcheck = JSON.parse(dockerfile.match(/HEALTHCHECK[^\n]*?CMD (\[.*\])/)[1]);
  let healthcheckOk = true;
  try {
    execFileSync(healthcheck[0] === 'node' ? process.execPath : healthcheck[0], healthcheck.slice(1), { cwd: app, env: { ...env, PORT: String(port) }, timeout: 5_000 });
  } catch {
    healthcheckOk = false;
  }
  check("the Dockerfile's HEALTHCHECK command succeeds against the running server", healthcheckOk);
}

try {
  await main();
} catch (error) {
  check(`image dry run ran to the end (${String(error.message).split('\n')[0]})`, false);
} finally {
  for (const step of cleanups.reverse()) await step().catch((e) => process.stderr.write(`cleanup: ${e.message}\n`));
  fs.rmSync(app, { recursive: true, force: true });
}
const passed = results.filter(Boolean).length;
process.stderr.write(`image dry run: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length && passed > 0 ? 0 : 1);
