/**
 * `npm run bench:http`: the HTTP layer before and after the move to Fastify and sign-in (issue 20),
 * in the same run on the same PostgreSQL data. "Before" is the server as it was at BEFORE_COMMIT
 * (the node:http app), exported from git and built in a temporary directory; "after" is this tree,
 * with sign-in configured against the local identity provider (so the anonymous path pays for
 * cookie parsing and the identity check, as deployed). Each anonymous operation (the API
 * explorer's examples, /healthz) is measured on both, interleaved, with the response cache on (the
 * default: the HTTP layer is most of the cost) and off. Then the bearer-token path's cost: the same
 * operations with a verified JWT against without one, on the after server.
 *
 *   npm run bench:http                    (imports the data into a scratch PostgreSQL database, ~2 min)
 *   BENCH_SECONDS=5 BENCH_ROUNDS=3 …      seconds per measurement, interleaved rounds (best kept)
 *   BENCH_CONNECTIONS=10                  concurrent connections
 *   BENCH_REQUESTS=RankAllOnMainstream,healthz   only these requests (default: all)
 *   BENCH_SECTIONS=cached                 only these of cached, uncached, bearerCached, bearerUncached (default: all)
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BEFORE_COMMIT = process.env.BENCH_BEFORE ?? 'c543449';
const DATA = process.env.SENDBENCH_DATA_DIR ?? path.resolve(ROOT, '..', 'shared', 'data');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const listOf = (value) => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : undefined);
const ONLY_REQUESTS = listOf(process.env.BENCH_REQUESTS);
const SECTIONS = listOf(process.env.BENCH_SECTIONS) ?? ['cached', 'uncached', 'bearerCached', 'bearerUncached'];
const log = (...args) => console.error(...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { EXAMPLE_OPERATIONS } = await import(path.join(ROOT, 'packages/server/dist/http/example-operations.js'));
const { localSignInSettings, startLocalIdentityProvider } = await import(path.join(ROOT, 'packages/server/dist/dev/local-identity-provider.js'));

const REQUESTS = {
  ...Object.fromEntries(
    Object.entries(EXAMPLE_OPERATIONS)
      .filter(([name]) => name !== 'Provenance')
      .map(([name, query]) => [name, { path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, operationName: name }) }]),
  ),
  healthz: { path: '/healthz', method: 'GET', headers: {} },
};
if (ONLY_REQUESTS) {
  const unknown = ONLY_REQUESTS.filter((name) => !(name in REQUESTS));
  if (unknown.length) throw new Error(`BENCH_REQUESTS names no such request: ${unknown.join(', ')} (known: ${Object.keys(REQUESTS).join(', ')})`);
  for (const name of Object.keys(REQUESTS)) if (!ONLY_REQUESTS.includes(name)) delete REQUESTS[name];
}

function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The server at BEFORE_COMMIT, built in a temporary directory that shares this tree's node_modules. */
function buildBefore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-bench-before-'));
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${BEFORE_COMMIT} packages/server packages/schema tsconfig.base.json tsconfig.json package.json | tar -x -C "${dir}"`]);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  for (const pkg of ['server', 'schema']) {
    const modules = path.join(ROOT, 'packages', pkg, 'node_modules');
    if (fs.existsSync(modules)) fs.symlinkSync(modules, path.join(dir, 'packages', pkg, 'node_modules'));
  }
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'packages/schema', 'packages/server'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

function startServer(cli, env, port) {
  const child = spawn(process.execPath, [cli, 'serve'], { env: { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT: 'off', HOST: '127.0.0.1', PORT: String(port), SENDBENCH_DATA_DIR: DATA, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.output = () => stderr;
  return child;
}

async function waitFor(url, child, timeoutMs = 300_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before ${url} answered:\n${child.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${url}`);
}

const stop = (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));

async function freePort() {
  const net = await import('node:net');
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** The process's CPU time so far (user + system), in µs, from /proc (clock ticks of 10 ms). */
function cpuMicros(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * One autocannon run: throughput, latency and the server's own CPU time per request. The CPU time
 * is what the HTTP layer costs, and it moves far less than throughput when other work shares the
 * machine (throughput measures the machine as much as the server).
 */
async function measure(base, request, pid) {
  const { path: requestPath, ...rest } = request;
  const cpuBefore = cpuMicros(pid);
  const result = await autocannon({ url: `${base}${requestPath}`, duration: SECONDS, connections: CONNECTIONS, ...rest });
  const cpu = cpuMicros(pid) - cpuBefore;
  const errors = result.errors + result.non2xx + result.timeouts;
  if (errors) throw new Error(`${requestPath}: ${errors} errors or non-2xx answers`);
  return { rps: result.requests.total / SECONDS, p50: result.latency.p50, p99: result.latency.p99, cpuMicrosPerRequest: cpu / result.requests.total };
}

/** Best of ROUNDS interleaved measurements of each request on each server (best: least disturbed by the machine's other work). */
async function compare(servers, requests) {
  const best = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, request] of Object.entries(requests)) {
      for (const [label, { base, pid, headers = {} }] of Object.entries(servers)) {
        const figures = await measure(base, { ...request, headers: { ...request.headers, ...headers } }, pid);
        const key = `${name}|${label}`;
        // Best round of each: the highest throughput, and (on its own) the least CPU per request.
        const leastCpu = Math.min(figures.cpuMicrosPerRequest, best[key]?.cpuMicrosPerRequest ?? Infinity);
        if (!best[key] || figures.rps > best[key].rps) best[key] = figures;
        best[key].cpuMicrosPerRequest = leastCpu;
        log(`  round ${round + 1} ${name} ${label}: ${Math.round(figures.rps)} req/s, server CPU ${figures.cpuMicrosPerRequest.toFixed(1)} µs/request`);
      }
    }
  }
  return best;
}

function table(best, requests, labels) {
  const lines = [
    `| request | ${labels.map((l) => `${l} req/s`).join(' | ')} | change | ${labels.map((l) => `${l} server CPU µs/request`).join(' | ')} | change | ${labels.map((l) => `${l} p99 ms`).join(' | ')} |`,
    `|---|${labels.map(() => '---:').join('|')}|---:|${labels.map(() => '---:').join('|')}|---:|${labels.map(() => '---:').join('|')}|`,
  ];
  const change = (a, b) => `${(((b - a) / a) * 100).toFixed(1)}%`;
  for (const name of Object.keys(requests)) {
    const [a, b] = labels.map((l) => best[`${name}|${l}`]);
    lines.push(`| ${name} | ${Math.round(a.rps)} | ${Math.round(b.rps)} | ${change(a.rps, b.rps)} | ${a.cpuMicrosPerRequest.toFixed(1)} | ${b.cpuMicrosPerRequest.toFixed(1)} | ${change(a.cpuMicrosPerRequest, b.cpuMicrosPerRequest)} | ${a.p99} | ${b.p99} |`);
  }
  return lines.join('\n');
}

async function main() {
  const name = `sendbench_bench_http_${process.pid}`;
  const [dbBefore, dbAfter] = [`${name}_before`, `${name}_after`];
  const before = buildBefore();
  const beforeCli = path.join(before, 'packages/server/dist/cli.js');
  const afterCli = path.join(ROOT, 'packages/server/dist/cli.js');
  const children = [];
  let idp;
  try {
    log(`importing ${DATA} into ${dbBefore} with the server at ${BEFORE_COMMIT} …`);
    await admin(`create database ${dbBefore}`);
    execFileSync(process.execPath, [beforeCli, 'import', DATA], { env: { ...process.env, DATABASE_URL: databaseUrl(dbBefore), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
    await admin(`create database ${dbAfter} template ${dbBefore}`);

    const ports = { beforeCached: await freePort(), afterCached: await freePort(), beforeUncached: await freePort(), afterUncached: await freePort() };
    idp = await startLocalIdentityProvider({ redirectUris: [ports.afterCached, ports.afterUncached].map((p) => `http://127.0.0.1:${p}/auth/callback`) });
    const signIn = (port) => localSignInSettings(idp.issuer, `http://127.0.0.1:${port}`);
    const servers = {
      beforeCached: startServer(beforeCli, { DATABASE_URL: databaseUrl(dbBefore), RESPONSE_CACHE: 'on' }, ports.beforeCached),
      afterCached: startServer(afterCli, { DATABASE_URL: databaseUrl(dbAfter), RESPONSE_CACHE: 'on', ...signIn(ports.afterCached) }, ports.afterCached),
      beforeUncached: startServer(beforeCli, { DATABASE_URL: databaseUrl(dbBefore), RESPONSE_CACHE: 'off' }, ports.beforeUncached),
      afterUncached: startServer(afterCli, { DATABASE_URL: databaseUrl(dbAfter), RESPONSE_CACHE: 'off', ...signIn(ports.afterUncached) }, ports.afterUncached),
    };
    children.push(...Object.values(servers));
    // One at a time: the after server migrates its copy (0009) before the other after server starts.
    for (const [label, child] of Object.entries(servers)) await waitFor(`http://127.0.0.1:${ports[label]}/readyz`, child);
    const base = (label) => `http://127.0.0.1:${ports[label]}`;
    const token = await idp.accessTokenFor('analyst');

    const graphqlOnly = Object.fromEntries(Object.entries(REQUESTS).filter(([n]) => n !== 'healthz'));
    const at = (label, headers) => ({ base: base(label), pid: servers[label].pid, ...(headers ? { headers } : {}) });
    const bearer = { authorization: `Bearer ${token}` };
    const sections = [
      ['cached', 'Anonymous, response cache on', () => compare({ before: at('beforeCached'), after: at('afterCached') }, REQUESTS), REQUESTS, ['before', 'after']],
      ['uncached', 'Anonymous, response cache off', () => compare({ before: at('beforeUncached'), after: at('afterUncached') }, REQUESTS), REQUESTS, ['before', 'after']],
      ['bearerCached', 'Bearer token (verified JWT) against anonymous, response cache on', () => compare({ anonymous: at('afterCached'), bearer: at('afterCached', bearer) }, graphqlOnly), graphqlOnly, ['anonymous', 'bearer']],
      ['bearerUncached', 'Bearer token (verified JWT) against anonymous, response cache off', () => compare({ anonymous: at('afterUncached'), bearer: at('afterUncached', bearer) }, graphqlOnly), graphqlOnly, ['anonymous', 'bearer']],
    ].filter(([id, , , requests]) => SECTIONS.includes(id) && Object.keys(requests).length > 0);
    const results = {};
    const report = [
      `HTTP layer bench, ${new Date().toISOString()}, ${os.cpus().length} cores, ${CONNECTIONS} connections, best of ${ROUNDS} × ${SECONDS} s, before = ${BEFORE_COMMIT} (node:http), after = this tree (Fastify, sign-in configured)`,
    ];
    for (const [id, title, run, requests, labels] of sections) {
      log(`${title}:`);
      results[id] = await run();
      report.push('', `### ${title}`, table(results[id], requests, labels));
    }
    console.log(report.join('\n'));
    fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench', 'results', `http-layer-${new Date().toISOString().slice(0, 10)}.json`), `${JSON.stringify({ ...results, seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, before: BEFORE_COMMIT }, null, 1)}\n`);
  } finally {
    await Promise.all(children.map(stop));
    await idp?.close();
    await admin(`drop database if exists ${dbAfter}`).catch(() => undefined);
    await admin(`drop database if exists ${dbBefore}`).catch(() => undefined);
    fs.rmSync(before, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
