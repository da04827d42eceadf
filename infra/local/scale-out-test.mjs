#!/usr/bin/env node
// Scale-out test on loopback: three `sendbench serve` processes behind nginx (Debian's package, run
// as a child process with a generated configuration), sharing one PostgreSQL database (fresh, with
// a small real data set) and Redis.
//
//   1. every process answers through nginx;
//   2. under steady load, one process is killed with SIGKILL and another restarted with SIGTERM:
//      zero failed client requests, and every answer is the right one;
//   3. the response cache is shared through Redis: a query answered once through nginx is then a
//      cache hit (the Age header of a cached answer) on each of the three processes asked directly;
//   4. when the server has RATE_LIMIT_* settings: the rate-limit budget is shared by the three
//      processes through Redis (one client gets RATE_LIMIT_REQUESTS answers in total, not three
//      times that). Without those settings this part is reported as not run.
//
// Ends with "N passed, N failed"; exits non-zero when a check failed. Needs a build
// (npm run build), PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres),
// Redis (SCALE_OUT_REDIS_URL, default redis://127.0.0.1:6379) and nginx (installed from Debian's
// packages by ensure-nginx.sh when missing). SCALE_OUT_LOAD_SECONDS (default 15) sets the load phase;
// SCALE_OUT_REQUIRE_RATE_LIMIT=1 makes a missing rate limit a failure instead of "not run".
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const autocannon = require('autocannon');
const { Client } = require('pg');
const { Redis } = require('ioredis');

const CLI = path.join(ROOT, 'packages', 'server', 'dist', 'cli.js');
const CONFIG_JS = path.join(ROOT, 'packages', 'server', 'dist', 'config.js');
const SDL = path.join(ROOT, 'packages', 'schema', 'schema.graphql');

/**
 * nginx retries a POST on another process when the first one died or timed out before answering
 * (non_idempotent below), so a mutation may run twice. Each one must leave the same state when
 * repeated; the tests named show it. A mutation not listed here fails this run.
 */
const RETRY_SAFE_MUTATIONS = {
  createComparatorSet: 'the same set saved again is the set already saved (saved-sets.test.ts)',
  updateComparatorSet: 'sets the values it is given',
  deleteComparatorSet: 'a second delete answers false (saved-sets.test.ts)',
  saveView: 'the same view saved again is the view already saved (saved-sets.test.ts)',
  updateSavedView: 'sets the values it is given',
  deleteSavedView: 'a second delete answers false',
  shareProvisionalUpload: 'sets sharing to the value it is given',
  withdrawProvisionalUpload: 'withdrawing again changes nothing (provisional-upload.test.ts)',
  uploadProvisional: 'the same file again is the upload already stored (provisional-graphql-upload.test.ts)',
};

/** The field names of `type Mutation` in an SDL text. */
function mutationsOf(sdl) {
  const body = /^type Mutation \{\n([\s\S]*?)\n\}/m.exec(sdl)?.[1] ?? '';
  return [...body.matchAll(/^ {2}([A-Za-z_]\w*)\s*[(:]/gm)].map((m) => m[1]);
}
const DATA_DIR = process.env.SENDBENCH_DATA_DIR ?? path.resolve(ROOT, '..', 'shared', 'data');
const FILES = [path.join(DATA_DIR, 'reference', 'la_lookup_with_programmes.csv'), path.join(DATA_DIR, 'extracts', 'dsg_deficit_pct_2019_20_to_2021_22.csv')];
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.SCALE_OUT_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LOAD_SECONDS = Number(process.env.SCALE_OUT_LOAD_SECONDS ?? 15);
const LOAD_RATE = 150; // requests per second, steady
const RATE_LIMIT_BUDGET = 12;

const QUERY = '{ comparison(metric: "dsg_deficit_pct", period: 202122, peers: { kind: ENGLAND }) { england { value } statistics { median } } }';
/** Asked nowhere else, so no process has computed it before the shared-cache check. */
const CACHE_QUERY = '{ comparison(metric: "dsg_deficit_pct", period: 202021, peers: { kind: ENGLAND }) { england { value } statistics { median } } }';
/** Keys of this run only (the data version of a fresh database is the same from run to run); deleted at the end. */
const REDIS_KEY_PREFIX = `sendbench-scale-out:${process.pid}-${Date.now().toString(36)}:`;

const started = Date.now();
const results = [];
const cleanups = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-scale-out-'));
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (message) => process.stderr.write(`[scale-out ${elapsed()}] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function check(name, ok, detail = '') {
  results.push({ name, ok });
  process.stderr.write(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}\n`);
  return ok;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One HTTP request; resolves with status, headers and body (never rejects: errors become status 0). */
function request(port, { method = 'POST', pathname = '/graphql', body, headers = {}, localAddress } = {}) {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: pathname, localAddress, agent: false, timeout: 10_000, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, headers: {}, body: String(error.message) }));
    if (body) req.write(body);
    req.end();
  });
}

// --- processes -------------------------------------------------------------------------------

/**
 * Which of `candidates` the built server accepts: loadConfig keeps a setting it knows and drops
 * one it does not (optional settings without a default only show up when given a value).
 */
function serverSettings(candidates) {
  const script = `const { loadConfig } = require(${JSON.stringify(CONFIG_JS)});
    const env = JSON.parse(process.argv[1]);
    const known = [];
    for (const [name, value] of Object.entries(env)) {
      try { if (loadConfig({ [name]: value })[name] !== undefined) known.push(name); } catch {}
    }
    console.log(JSON.stringify(known));`;
  return new Set(JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(candidates)], { encoding: 'utf8' })));
}

class ServerProcess {
  constructor(index, port, env) {
    this.index = index;
    this.port = port;
    this.env = env;
    this.logFile = path.join(work, `server-${index}.log`);
  }

  start() {
    const out = fs.openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, [CLI, 'serve'], { env: { ...this.env, PORT: String(this.port) }, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    return this;
  }

  async waitReady(timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const res = await request(this.port, { method: 'GET', pathname: '/readyz' });
      if (res.status === 200) return true;
      if (this.child.exitCode !== null) break;
      await sleep(100);
    }
    throw new Error(`server ${this.index} (port ${this.port}) did not become ready:\n${this.tail()}`);
  }

  signal(name) {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill(name);
  }

  async stop() {
    this.signal('SIGTERM');
    const done = await Promise.race([this.exited, sleep(15_000).then(() => undefined)]);
    if (!done) this.signal('SIGKILL');
    await this.exited;
  }

  tail(lines = 20) {
    return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
  }
}

function nginxConfig(nginxPort, upstreamPorts) {
  // Keep in step with infra/compose/nginx.conf (same proxy rules, other addresses).
  return `
worker_processes 1;
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${work}/nginx-body;
  proxy_temp_path ${work}/nginx-proxy;
  fastcgi_temp_path ${work}/nginx-fastcgi;
  uwsgi_temp_path ${work}/nginx-uwsgi;
  scgi_temp_path ${work}/nginx-scgi;
  log_format upstreams '$msec $remote_addr $request_method $status "$upstream_addr" "$upstream_status"';
  access_log ${work}/nginx-access.log upstreams;

  upstream sendbench {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 32;
  }

  server {
    listen 127.0.0.1:${nginxPort};
    location / {
      proxy_pass http://sendbench;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Request-Id $request_id;
      proxy_connect_timeout 1s;
      proxy_read_timeout 15s;
      # Retry on the next process when one is gone (refused, reset, closed mid-answer) or says it
      # cannot serve. non_idempotent: POST /graphql is retried too, which is safe only because
      # every mutation may be repeated (checked by this test: RETRY_SAFE_MUTATIONS).
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 3;
      proxy_next_upstream_timeout 10s;
    }
  }
}
`;
}

async function startNginx(nginxPort, upstreamPorts) {
  const bin = execFileSync(path.join(here, 'ensure-nginx.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1);
  const conf = path.join(work, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig(nginxPort, upstreamPorts));
  execFileSync(bin, ['-t', '-q', '-p', work, '-c', conf, '-e', path.join(work, 'nginx-error.log')], { stdio: 'inherit' });
  const child = spawn(bin, ['-p', work, '-c', conf, '-e', path.join(work, 'nginx-error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
  });
  for (let i = 0; i < 100; i++) {
    if ((await request(nginxPort, { method: 'GET', pathname: '/healthz' })).status === 200) return;
    await sleep(50);
  }
  throw new Error(`nginx did not answer on port ${nginxPort}:\n${fs.readFileSync(path.join(work, 'nginx-error.log'), 'utf8')}`);
}

/** Upstream addresses nginx used for requests logged after `since` (epoch ms), from its access log. */
function upstreamsSince(since) {
  const file = path.join(work, 'nginx-access.log');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.match(/^(\S+) (\S+) (\S+) (\d+) "([^"]*)" "([^"]*)"/))
    .filter((m) => m && Number(m[1]) * 1000 >= since)
    .map((m) => ({ remote: m[2], status: Number(m[4]), upstreams: m[5].split(/, | : /), upstreamStatuses: m[6] }));
}

// --- database ----------------------------------------------------------------------------------

async function createDatabase() {
  const name = `sendbench_scale_out_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
    await c.connect();
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.end();
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function importRelease(databaseUrl) {
  execFileSync(process.execPath, [CLI, 'import', ...FILES], { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
}

// --- the test ------------------------------------------------------------------------------------

async function main() {
  for (const required of [CLI, CONFIG_JS, ...FILES]) {
    if (!fs.existsSync(required)) throw new Error(`${required} is missing${required.startsWith(ROOT) ? ' (run npm run build)' : ' (the official data)'}`);
  }
  const mutations = mutationsOf(fs.readFileSync(SDL, 'utf8'));
  const unsafe = mutations.filter((name) => !(name in RETRY_SAFE_MUTATIONS));
  check(
    'every mutation is safe to repeat, so nginx may retry POST /graphql on another process',
    unsafe.length === 0,
    unsafe.length ? `not known to be safe to repeat: ${unsafe.join(', ')} (make it so and list it in RETRY_SAFE_MUTATIONS, or stop retrying POST)` : `${mutations.length} mutations, each repeatable`,
  );

  const settings = serverSettings({ RATE_LIMIT: 'on', RATE_LIMIT_REQUESTS: '5', RATE_LIMIT_WINDOW_SECONDS: '60', REDIS_URL, REDIS_KEY_PREFIX, RESPONSE_CACHE: 'on', TRUST_PROXY_HOPS: '1' });
  const rateLimitSettings = ['RATE_LIMIT', 'RATE_LIMIT_REQUESTS', 'RATE_LIMIT_WINDOW_SECONDS', 'REDIS_URL'];
  const hasRateLimit = rateLimitSettings.every((s) => settings.has(s));

  const databaseUrl = await createDatabase();
  const importStarted = Date.now();
  importRelease(databaseUrl);
  log(`imported ${FILES.map((f) => path.basename(f)).join(', ')} into a fresh database in ${Date.now() - importStarted} ms`);

  const baseEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    LOG_LEVEL: 'warn',
    SENDBENCH_DATA_DIR: DATA_DIR,
    ...(settings.has('REDIS_URL') ? { REDIS_URL } : {}),
    ...(settings.has('REDIS_KEY_PREFIX') ? { REDIS_KEY_PREFIX } : {}),
    ...(settings.has('RESPONSE_CACHE') ? { RESPONSE_CACHE: 'on' } : {}),
    ...(settings.has('TRUST_PROXY_HOPS') ? { TRUST_PROXY_HOPS: '1' } : {}),
    // The load phase measures availability, not the rate limit.
    ...(settings.has('RATE_LIMIT') ? { RATE_LIMIT: 'off' } : {}),
  };
  const ports = await Promise.all([0, 1, 2].map(() => freePort()));
  let servers = ports.map((port, i) => new ServerProcess(i + 1, port, baseEnv));
  cleanups.push(async () => Promise.all(servers.map((s) => s.stop())));
  const bootStarted = Date.now();
  await Promise.all(servers.map((s) => s.start().waitReady()));
  log(`3 servers ready in ${Date.now() - bootStarted} ms on ports ${ports.join(', ')}`);

  const nginxPort = await freePort();
  await startNginx(nginxPort, ports);
  log(`nginx on 127.0.0.1:${nginxPort}`);

  // 1. Each process answers through nginx, with the same answer.
  const body = JSON.stringify({ query: QUERY });
  const spreadSince = Date.now();
  const answers = [];
  for (let i = 0; i < 9; i++) answers.push(await request(nginxPort, { body }));
  const expected = answers[0].body;
  const used = new Set(upstreamsSince(spreadSince).flatMap((e) => e.upstreams));
  const englandValue = (() => {
    try {
      return JSON.parse(expected).data.comparison.england.value;
    } catch {
      return undefined;
    }
  })();
  check('every process answers through nginx with the same figures', answers.every((a) => a.status === 200 && a.body === expected) && used.size === 3 && englandValue === 2.26, `upstreams used: ${[...used].join(', ')}; England 2021-22 deficit ${englandValue}`);

  // 2. Steady load; SIGKILL one process, restart another with SIGTERM.
  const get = `/graphql?query=${encodeURIComponent(QUERY)}`;
  const events = [];
  const loadStarted = Date.now();
  const load = autocannon({
    url: `http://127.0.0.1:${nginxPort}`,
    connections: 10,
    overallRate: LOAD_RATE,
    duration: LOAD_SECONDS,
    timeout: 10,
    requests: [
      { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body },
      // GET is idempotent for nginx as well; Apollo's CSRF prevention wants a preflight header on it.
      { method: 'GET', path: get, headers: { 'apollo-require-preflight': 'true' } },
    ],
    verifyBody: (text) => text === expected,
  });
  const statusCounts = {};
  load.on('response', (_client, statusCode) => (statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1));

  const disruption = (async () => {
    await sleep((LOAD_SECONDS * 1000) / 5);
    const victim = servers[0];
    victim.signal('SIGKILL');
    events.push(`${elapsed()}: SIGKILL server 1 (port ${victim.port})`);
    await victim.exited;
    await sleep(1000);
    const restarting = servers[1];
    restarting.signal('SIGTERM');
    events.push(`${elapsed()}: SIGTERM server 2 (port ${restarting.port})`);
    const exit = await restarting.exited;
    events.push(`${elapsed()}: server 2 exited (${exit.signal ?? `code ${exit.code}`})`);
    const restartedAt = Date.now();
    servers[1] = new ServerProcess(2, restarting.port, baseEnv).start();
    await servers[1].waitReady();
    events.push(`${elapsed()}: server 2 ready again after ${Date.now() - restartedAt} ms`);
    servers[0] = new ServerProcess(1, victim.port, baseEnv).start();
    await servers[0].waitReady();
    events.push(`${elapsed()}: server 1 ready again`);
    return { sigtermExit: exit, restartedAt };
  })();

  const [result, outcome] = await Promise.all([load, disruption]);
  for (const event of events) log(event);
  const failed = result.errors + result.timeouts + result.non2xx + result.mismatches;
  check(
    'zero failed requests under steady load while one process is SIGKILLed and another restarted with SIGTERM',
    failed === 0 && result.requests.total > LOAD_RATE * LOAD_SECONDS * 0.8,
    `${result.requests.total} requests in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s: statuses ${JSON.stringify(statusCounts)}, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, wrong bodies ${result.mismatches}; p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  if (!check('SIGTERM ends the process cleanly', outcome.sigtermExit.code === 0, `exit ${JSON.stringify(outcome.sigtermExit)}`)) {
    process.stderr.write(`--- server 2 log ---\n${servers[1].tail(40)}\n`);
  }
  const retried = upstreamsSince(loadStarted).filter((e) => e.upstreams.length > 1).length;
  const afterRestart = new Set(upstreamsSince(Date.now() - 1500).flatMap((e) => e.upstreams));
  // nginx leaves a peer that just failed out for fail_timeout (2 s): ask until all three have
  // answered, for up to 10 s.
  const finalSince = Date.now();
  let finalUsed = new Set();
  while (finalUsed.size < 3 && Date.now() - finalSince < 10_000) {
    for (let i = 0; i < 3; i++) await request(nginxPort, { body });
    finalUsed = new Set(upstreamsSince(finalSince).flatMap((e) => e.upstreams));
    if (finalUsed.size < 3) await sleep(250);
  }
  check('all three processes serve again after the restarts', finalUsed.size === 3, `${retried} requests were retried by nginx on another process; upstreams in the last 1.5 s of load: ${afterRestart.size}; after: ${[...finalUsed].join(', ')} within ${Date.now() - finalSince} ms`);

  // 3. The response cache, shared through Redis.
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  cleanups.push(async () => {
    const keys = await redis.keys(`${REDIS_KEY_PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });
  await redis.connect();
  const cacheBody = JSON.stringify({ query: CACHE_QUERY });
  const throughProxy = await request(nginxPort, { body: cacheBody });
  // The cache writes after answering: wait for the entry before asking each process.
  const entries = async () => (await redis.keys(`${REDIS_KEY_PREFIX}response:*`)).length;
  for (let i = 0; i < 100 && (await entries()) === 0; i++) await sleep(50);
  const direct = [];
  for (const server of servers) direct.push(await request(server.port, { body: cacheBody }));
  check(
    'a query answered once through nginx is then a response cache hit on every process (cache shared in Redis)',
    throughProxy.status === 200 && direct.every((r) => r.status === 200 && r.body === throughProxy.body && r.headers.age !== undefined),
    `${await entries()} entries under ${REDIS_KEY_PREFIX}response:; Age header per process: ${direct.map((r) => r.headers.age ?? 'none (computed)').join(', ')}`,
  );

  // 4. The rate limit, shared through Redis.
  if (!hasRateLimit) {
    const missing = rateLimitSettings.filter((s) => !settings.has(s));
    const message = `rate limit across the three processes: NOT RUN — the server has no ${missing.join(', ')} setting (packages/server/src/config.ts)`;
    if (process.env.SCALE_OUT_REQUIRE_RATE_LIMIT === '1') check(message, false);
    else log(message);
  } else {
    await Promise.all(servers.map((s) => s.stop()));
    const limitedEnv = { ...baseEnv, RATE_LIMIT: 'on', RATE_LIMIT_REQUESTS: String(RATE_LIMIT_BUDGET), RATE_LIMIT_WINDOW_SECONDS: '120', REDIS_URL };
    servers = ports.map((port, i) => new ServerProcess(i + 1, port, limitedEnv));
    await Promise.all(servers.map((s) => s.start().waitReady()));
    // A loopback source address of its own makes this run one client that no other run shares.
    const client = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const since = Date.now();
    const statuses = [];
    let retryAfter;
    for (let i = 0; i < RATE_LIMIT_BUDGET * 3; i++) {
      const res = await request(nginxPort, { body, localAddress: client });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers['retry-after'];
    }
    const ok = statuses.filter((s) => s === 200).length;
    const limited = statuses.filter((s) => s === 429).length;
    const served = new Set(upstreamsSince(since).filter((e) => e.remote === client).flatMap((e) => e.upstreams));
    check(
      `one client gets ${RATE_LIMIT_BUDGET} answers in total from the three processes (shared budget in Redis), then 429 with Retry-After`,
      ok === RATE_LIMIT_BUDGET && limited === RATE_LIMIT_BUDGET * 2 && served.size === 3 && Number(retryAfter) > 0,
      `${ok} × 200, ${limited} × 429, other ${statuses.length - ok - limited}; Retry-After ${retryAfter}; client ${client} reached ${served.size} processes`,
    );
  }
}

async function cleanup() {
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (error) {
      log(`cleanup: ${error.message}`);
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
}

process.once('SIGINT', () => cleanup().then(() => process.exit(130)));
try {
  await main();
} catch (error) {
  check(`scale-out test ran to the end (${error.message.split('\n')[0]})`, false);
  process.stderr.write(`${error.stack ?? error}\n`);
} finally {
  await cleanup();
}
const passed = results.filter((r) => r.ok).length;
const failedCount = results.length - passed;
log(`finished in ${elapsed()}`);
console.log(`${passed} passed, ${failedCount} failed`);
process.exit(failedCount === 0 && passed > 0 ? 0 : 1);
