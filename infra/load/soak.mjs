#!/usr/bin/env node
/**
 * Soak test: a fixed rate of dashboard requests for a long time, with zero errors and flat memory.
 *
 *   node infra/load/soak.mjs                        50 req/s for 5 minutes against a server it starts
 *   node infra/load/soak.mjs --rate 50 --seconds 300 --url http://127.0.0.1:4000
 *   node infra/load/soak.mjs --seconds 10           the CI smoke (packages/server/test/hardening-load-smoke.test.ts)
 *
 * Without --url it starts `sendbench serve` (the built CLI) in production mode on a free port,
 * against DATABASE_URL when set (an imported PostgreSQL database), else the embedded database in
 * SENDBENCH_DB_DIR (imported on first start), with the rate limit raised above the test's rate.
 * The requests cycle through the dashboard's heavy operations (profile, comparison, trend,
 * relationship) over every LA, so the response cache is not all the server does.
 *
 * It samples the server's memory from /metrics (every 5 s, or 20 times in a short run) and prints
 * one JSON summary. It exits 1 when any request failed (transport error, timeout, non-200, or a
 * GraphQL error) or, in a run of a minute or more, when memory grew: resident memory in the last
 * fifth of the run more than 15% (and 40 MB) over the second fifth (the first fifth is warm-up).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'packages', 'server', 'dist', 'cli.js');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const RATE = Number(option('rate', 50));
const SECONDS = Number(option('seconds', 300));
const SAMPLE_MS = Math.min(5_000, Math.max(500, (SECONDS * 1000) / 20));

/** Every current LA's DfE number (the first request of the run asks for them). */
async function laCodes(base) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ authorities(first: 200) { edges { node { code } } } }' }),
  });
  const body = await res.json();
  return body.data.authorities.edges.map((e) => e.node.code);
}

const OPERATIONS = [
  {
    query: 'query Profile($code: LaCode!) { profile(code: $code) { year metrics { metric { id } value { value status } england { value } peers { median } rank quartileBand direction significance } } }',
    variables: (la) => ({ code: la }),
  },
  {
    query: 'query Compare($focus: LaCode) { comparison(metric: "pct_plans_mainstream", focus: $focus, peers: { kind: STATISTICAL_NEIGHBOURS }) { members { authority { code name } value { value status } rank quartileBand } statistics { median } england { value } } }',
    variables: (la) => ({ focus: la }),
  },
  {
    query: 'query Trend($areas: [AreaCode!]!) { trend(metric: "ehc_plans", areas: $areas) { series { id points { period { code } value status } } } }',
    variables: (la) => ({ areas: [la, 'E92000001'] }),
  },
  {
    query: 'query Relate($focus: LaCode) { relationship(x: "hn_spend_per_plan", y: "pct_plans_mainstream", focus: $focus) { pairs pearson spearman points { authority { code } x { value } y { value } } } }',
    variables: (la) => ({ focus: la }),
  },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server; resolves with its base URL and a stop function once /readyz answers 200. */
async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', RATE_LIMIT_REQUESTS: String(RATE * 600), SHUTDOWN_DRAIN_MS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sendbench serve exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { base, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('sendbench serve was not ready within 5 minutes');
}

/** The server's resident memory and heap, from its /metrics. */
async function memory(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name) => Number(text.match(new RegExp(`^${name} (\\S+)`, 'm'))?.[1] ?? Number.NaN);
  return { rss: value('sendbench_process_resident_memory_bytes'), heap: value('sendbench_nodejs_heap_size_used_bytes') };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main() {
  const external = option('url');
  const server = external ? { base: external.replace(/\/$/, ''), stop: async () => undefined } : await startServer();
  try {
    const codes = await laCodes(server.base);
    const samples = [];
    const sampler = setInterval(() => {
      memory(server.base).then((m) => samples.push({ at: Date.now(), ...m }), () => undefined);
    }, SAMPLE_MS);
    let sequence = 0;
    const failures = { graphqlErrors: 0, examples: [] };
    const result = await autocannon({
      url: server.base,
      connections: Math.max(4, Math.ceil(RATE / 5)),
      overallRate: RATE,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => {
            const n = sequence++;
            const operation = OPERATIONS[n % OPERATIONS.length];
            const la = codes[Math.floor(n / OPERATIONS.length) % codes.length];
            return { ...request, body: JSON.stringify({ query: operation.query, variables: operation.variables(la) }) };
          },
          onResponse: (status, body) => {
            if (status !== 200 || body.includes('"errors"')) {
              failures.graphqlErrors += 1;
              if (failures.examples.length < 5) failures.examples.push(`${status} ${body.slice(0, 200)}`);
            }
          },
        },
      ],
    });
    clearInterval(sampler);
    const fifth = Math.max(1, Math.floor(samples.length / 5));
    const early = samples.slice(fifth, 2 * fifth);
    const late = samples.slice(-fifth);
    const rssEarly = median(early.map((s) => s.rss));
    const rssLate = median(late.map((s) => s.rss));
    // Under a minute the run is mostly warm-up (caches filling): memory is reported, not judged.
    const judged = SECONDS >= 60;
    const grew = judged && rssLate > rssEarly * 1.15 && rssLate - rssEarly > 40 * 1024 * 1024;
    const summary = {
      rate: RATE,
      seconds: SECONDS,
      requests: result.requests.total,
      achievedPerSecond: Math.round(result.requests.average * 10) / 10,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      transportErrors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      failedResponses: failures.graphqlErrors,
      failureExamples: failures.examples,
      memoryMb: { rssSecondFifth: mb(rssEarly), rssLastFifth: mb(rssLate), heapSecondFifth: mb(median(early.map((s) => s.heap))), heapLastFifth: mb(median(late.map((s) => s.heap))), samples: samples.length },
      memoryJudged: judged,
      memoryGrew: grew,
    };
    console.log(JSON.stringify(summary, null, 2));
    const ok = result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && failures.graphqlErrors === 0 && !grew && result.requests.total > 0;
    process.exitCode = ok ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`soak: ${error.message}`);
  process.exitCode = 1;
});
