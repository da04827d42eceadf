#!/usr/bin/env node
/**
 * The dashboard in a real browser: headless chromium (Debian's, driven by playwright-core, as the
 * e2e tests do) loads the profile page and the compare page several times and records, from the
 * navigation start: the largest contentful paint (LCP) and which element it was, the first
 * contentful paint, the time until the first chart is drawn, the GraphQL request's time, and the
 * requests and bytes the page needed (with the gzip size of its JavaScript).
 *
 *   node bench/dashboard.mjs              7 cold runs per page, plus a warm pair, then a table
 *   node bench/dashboard.mjs --quick      2 cold runs per page
 *   node bench/dashboard.mjs --json       also print the figures as JSON
 *
 * The server: `sendbench serve` with NODE_ENV=production, RATE_LIMIT=off and RESPONSE_CACHE=off
 * (every load pays the whole GraphQL execution; BENCH_DASHBOARD_RESPONSE_CACHE=on to measure with
 * the cache), against BENCH_DATABASE_URL or DATABASE_URL if set, else an embedded PGlite database
 * in a temporary directory (its first start imports the whole data set, about 25 seconds).
 * BENCH_DASHBOARD_URL=http://… measures a server that is already running instead.
 *
 * "Cold" is a fresh browser context (empty HTTP cache, new connections) per run; "warm" loads the
 * page once in a context and measures the second load (assets from the HTTP cache, GraphQL again).
 * Before the measured runs each page is loaded once, unmeasured in the medians, so the server's
 * first-request costs (JIT, database caches) are reported apart as "first load after start".
 *
 * Chart: the compare page's first `svg.recharts-surface` with a bar drawn (a bar rectangle with a
 * non-empty box); the profile page draws no recharts chart (its spine charts and sparklines are
 * plain SVG, in the page's own chunk), so there it is the first `svg.sb-spine` with a mark drawn.
 *
 * Needs chromium at /usr/bin/chromium (or BENCH_CHROMIUM); it never downloads a browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { startServer as startE2eServer } from '../packages/dashboard/e2e/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DASHBOARD_DIST = path.join(ROOT, 'packages/dashboard/dist');
const CHROMIUM = process.env.BENCH_CHROMIUM ?? process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 900 };

/** The pages measured (Kent, 886, against its statistical neighbours) and what counts as their first chart. */
export const DASHBOARD_PAGES = [
  { name: 'profile', path: '/profile?la=886', chart: 'svg.sb-spine', marks: 'rect, circle, line, path', chartIs: 'first spine chart (svg.sb-spine; plain SVG, no recharts on this page)' },
  {
    name: 'compare',
    path: '/compare?la=886&metric=pct_plans_mainstream',
    chart: 'svg.recharts-surface',
    marks: '.recharts-bar-rectangle path, .recharts-bar-rectangle rect',
    chartIs: 'first recharts chart (svg.recharts-surface with a bar drawn)',
  },
];

/** The figures every measured load must have (finite and > 0): what the bench smoke checks. */
export const MEASURED_FIGURES = ['lcpMs', 'firstChartMs', 'requests', 'transferKiB', 'graphqlMs'];

const round = (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Median, min and max of one figure over runs. */
function summary(runs, key, d = 1) {
  const v = runs.map((r) => r[key]).filter((x) => Number.isFinite(x));
  if (v.length === 0) return { median: null, min: null, max: null };
  return { median: round(median(v), d), min: round(Math.min(...v), d), max: round(Math.max(...v), d) };
}

/**
 * Starts `sendbench serve` as the browser tests do (packages/dashboard/e2e/server.mjs): PostgreSQL
 * if a URL is given, else PGlite in a temporary directory; without the response cache unless
 * BENCH_DASHBOARD_RESPONSE_CACHE=on, so every load pays the whole GraphQL cost.
 */
function startServer({ databaseUrl, log }) {
  return startE2eServer(ROOT, log, { databaseUrl: databaseUrl ?? null, env: { RESPONSE_CACHE: process.env.BENCH_DASHBOARD_RESPONSE_CACHE ?? 'off' } });
}

const gzipSizes = new Map();
/** Gzip size (level 9, as the build's size check) of a dashboard asset, from the built files. */
function gzipSizeOf(pathname) {
  if (!gzipSizes.has(pathname)) {
    const file = path.join(DASHBOARD_DIST, pathname);
    gzipSizes.set(pathname, file.startsWith(DASHBOARD_DIST) && fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : null);
  }
  return gzipSizes.get(pathname);
}

/** Runs in the page once the chart is drawn: LCP (buffered), paints, navigation and resource timings. */
async function readPage() {
  const describe = (el) => {
    if (!el) return null;
    const cls = (el.getAttribute && el.getAttribute('class')) || '';
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    return { tag: el.tagName.toLowerCase(), id: el.id || undefined, class: cls.slice(0, 80) || undefined, text: text.length > 70 ? `${text.slice(0, 69)}…` : text };
  };
  const lcp = await new Promise((resolve) => {
    const seen = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => {
      seen.push(...observer.takeRecords());
      observer.disconnect();
      resolve(seen);
    }, 100);
  });
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
  const resources = performance.getEntriesByType('resource').map((r) => ({
    path: new URL(r.name).pathname,
    type: r.initiatorType,
    start: r.startTime,
    responseStart: r.responseStart,
    end: r.responseEnd,
    transferSize: r.transferSize,
    encodedBodySize: r.encodedBodySize,
  }));
  const last = lcp.at(-1);
  return {
    lcp: last ? { startTime: last.startTime, size: last.size, url: last.url || undefined, element: describe(last.element) } : null,
    lcpCandidates: lcp.map((e) => ({ at: e.startTime, size: e.size, element: describe(e.element) })),
    fcp: fcp?.startTime ?? null,
    nav: nav ? { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, transferSize: nav.transferSize } : null,
    resources,
  };
}

/** One load of a page in a context: the figures of that load. */
async function measureLoad(context, baseUrl, pageSpec) {
  const page = await context.newPage();
  const errors = [];
  let requests = 0;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', () => (requests += 1));
  // Main-thread time (script, layout, style) up to the chart, from chromium's own counters.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.goto(`${baseUrl}${pageSpec.path}`, { waitUntil: 'commit', timeout: 60_000 });
    const chartHandle = await page.waitForFunction(
      ({ chart, marks }) => {
        for (const svg of document.querySelectorAll(chart)) {
          for (const mark of svg.querySelectorAll(marks)) {
            const box = mark.getBBox();
            if (box.width > 0 || box.height > 0) return performance.now();
          }
        }
        return false;
      },
      { chart: pageSpec.chart, marks: pageSpec.marks },
      { polling: 'raf', timeout: 60_000 },
    );
    const firstChartMs = await chartHandle.jsonValue();
    const { metrics } = await cdp.send('Performance.getMetrics');
    const cpuMs = (name) => round((metrics.find((m) => m.name === name)?.value ?? NaN) * 1000);
    // Let the frame with the chart be painted (and reported as an LCP candidate), and any late request finish.
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    const figures = await page.evaluate(readPage);
    if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join('; ')}`);
    const graphql = figures.resources.filter((r) => r.path === '/graphql');
    const js = figures.resources.filter((r) => r.path.endsWith('.js'));
    const transfer = (figures.nav?.transferSize ?? 0) + figures.resources.reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    const jsGzip = js.reduce((sum, r) => sum + (gzipSizeOf(r.path) ?? 0), 0);
    const recharts = js.find((r) => /\/recharts-[^/]*\.js$/.test(r.path));
    return {
      lcpMs: round(figures.lcp?.startTime),
      lcpElement: figures.lcp?.element ?? null,
      lcpSize: figures.lcp?.size ?? null,
      lcpCandidates: figures.lcpCandidates.map((c) => ({ atMs: round(c.at), size: c.size, element: c.element })),
      fcpMs: round(figures.fcp),
      firstChartMs: round(firstChartMs),
      documentMs: round(figures.nav?.responseEnd),
      domContentLoadedMs: round(figures.nav?.domContentLoaded),
      requests,
      transferKiB: round(transfer / 1024),
      jsRequests: js.length,
      jsTransferKiB: round(js.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024),
      jsGzipKiB: round(jsGzip / 1024),
      graphqlRequests: graphql.length,
      graphqlMs: round(Math.max(...graphql.map((r) => r.end - r.start))),
      graphqlStartMs: round(Math.min(...graphql.map((r) => r.start))),
      graphqlEndMs: round(Math.max(...graphql.map((r) => r.end))),
      rechartsEndMs: recharts ? round(recharts.end) : null,
      chartAfterGraphqlMs: round(firstChartMs - Math.max(...graphql.map((r) => r.end))),
      mainThread: { scriptMs: cpuMs('ScriptDuration'), layoutMs: cpuMs('LayoutDuration'), styleMs: cpuMs('RecalcStyleDuration'), taskMs: cpuMs('TaskDuration') },
      waterfall: [
        { path: new URL(pageSpec.path, baseUrl).pathname, startMs: 0, endMs: round(figures.nav?.responseEnd), kib: round((figures.nav?.transferSize ?? 0) / 1024) },
        ...figures.resources.map((r) => ({ path: r.path, startMs: round(r.start), endMs: round(r.end), kib: round((r.transferSize ?? 0) / 1024) })),
      ],
    };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
}

function summarise(runs) {
  const figures = {};
  for (const key of ['lcpMs', 'firstChartMs', 'fcpMs', 'documentMs', 'domContentLoadedMs', 'graphqlMs', 'graphqlStartMs', 'graphqlEndMs', 'rechartsEndMs', 'chartAfterGraphqlMs', 'requests', 'transferKiB', 'jsGzipKiB']) figures[key] = summary(runs, key);
  const threads = runs.map((r) => r.mainThread);
  figures.mainThreadToChart = Object.fromEntries(['scriptMs', 'layoutMs', 'styleMs', 'taskMs'].map((k) => [k, summary(threads, k)]));
  // Which element was the LCP, and how often.
  const elements = new Map();
  for (const r of runs) {
    const e = r.lcpElement;
    const key = e ? `<${e.tag}${e.class ? ` class="${e.class}"` : ''}> "${e.text}"` : 'none reported';
    elements.set(key, (elements.get(key) ?? 0) + 1);
  }
  figures.lcpElements = Object.fromEntries(elements);
  return figures;
}

/**
 * Measures the dashboard's profile and compare pages in headless chromium.
 *
 * @param {object} options
 * @param {boolean} [options.quick]        2 cold runs per page instead of 7 (no warm pair)
 * @param {string} [options.baseUrl]       a running server; otherwise one is started
 * @param {string} [options.databaseUrl]   PostgreSQL for the started server; otherwise BENCH_DATABASE_URL, DATABASE_URL or PGlite
 * @param {number} [options.runs]          cold runs per page
 * @param {boolean} [options.warm]         also a warm pair per page (default: not in quick mode)
 * @param {object} [options.serverInfo]  with baseUrl: what that server runs on, for the report (e.g. { database: 'pglite', responseCache: 'off' })
 * @param {(…args) => void} [options.log]  progress lines (stderr by default)
 */
export async function measureDashboard({ quick = false, baseUrl, databaseUrl, runs, warm, serverInfo, log = (...a) => console.error(...a) } = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM}. Install Debian's package (apt-get install -y --no-install-recommends chromium fonts-liberation), as .ci/run does before the bench smoke; this bench never downloads a browser.`);
  }
  const { chromium } = await import('playwright-core');
  const coldRuns = runs ?? (quick ? 2 : Number(process.env.BENCH_DASHBOARD_RUNS ?? 7));
  const withWarm = warm ?? !quick;
  const server = baseUrl
    ? { baseUrl: baseUrl.replace(/\/$/, ''), database: 'given server', readySeconds: null, stop: async () => {} }
    : await startServer({ databaseUrl: databaseUrl ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL, log });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const result = {
    runsPerPage: coldRuns,
    browser: `chromium ${browser.version()}`,
    viewport: VIEWPORT,
    server: { database: server.database, responseCache: baseUrl ? 'as given' : (process.env.BENCH_DASHBOARD_RESPONSE_CACHE ?? 'off'), readySeconds: server.readySeconds, ...serverInfo },
    pages: {},
  };
  const fresh = () => browser.newContext({ viewport: VIEWPORT });
  try {
    for (const spec of DASHBOARD_PAGES) {
      const once = async () => {
        const context = await fresh();
        try {
          return await measureLoad(context, server.baseUrl, spec);
        } finally {
          await context.close().catch(() => {});
        }
      };
      const first = await once();
      log(`dashboard: ${spec.name.padEnd(8)} first load after start: LCP ${first.lcpMs} ms, chart ${first.firstChartMs} ms, GraphQL ${first.graphqlMs} ms`);
      const cold = [];
      for (let i = 0; i < coldRuns; i++) {
        const r = await once();
        cold.push(r);
        log(`dashboard: ${spec.name.padEnd(8)} cold ${i + 1}/${coldRuns}: LCP ${r.lcpMs} ms (${r.lcpElement?.tag ?? '?'}), chart ${r.firstChartMs} ms, FCP ${r.fcpMs} ms, GraphQL ${r.graphqlMs} ms, ${r.requests} requests, ${r.transferKiB} KiB`);
      }
      let warmRun = null;
      if (withWarm) {
        const context = await fresh();
        try {
          await measureLoad(context, server.baseUrl, spec);
          warmRun = await measureLoad(context, server.baseUrl, spec);
        } finally {
          await context.close().catch(() => {});
        }
        log(`dashboard: ${spec.name.padEnd(8)} warm: LCP ${warmRun.lcpMs} ms, chart ${warmRun.firstChartMs} ms, ${warmRun.requests} requests, ${warmRun.transferKiB} KiB`);
      }
      const strip = ({ waterfall, lcpCandidates, ...rest }) => rest;
      result.pages[spec.name] = {
        path: spec.path,
        chart: spec.chartIs,
        cold: summarise(cold),
        coldRuns: cold.map(strip),
        warm: warmRun ? strip(warmRun) : null,
        firstLoadAfterStart: strip(first),
        // One cold load in detail: every LCP candidate and the request waterfall (ms from navigation start).
        example: { lcpCandidates: cold.at(-1)?.lcpCandidates, waterfall: cold.at(-1)?.waterfall },
      };
    }
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  return result;
}

/** Every figure the smoke checks, as [name, value, ok]: measured means finite and > 0 (no timing is asserted). */
export function dashboardChecks(result) {
  const checks = [];
  for (const spec of DASHBOARD_PAGES) {
    const runs = result?.pages?.[spec.name]?.coldRuns ?? [];
    for (const key of MEASURED_FIGURES) {
      const values = runs.map((r) => r[key]);
      const ok = values.length > 0 && values.every((v) => Number.isFinite(v) && v > 0);
      checks.push([`dashboard ${spec.name} ${key}`, values, ok]);
    }
  }
  return checks;
}

const range = (s, unit = '') => (s.median === null ? '–' : `${s.median}${unit} (${s.min}–${s.max})`);
const elementText = (e) => (e ? `<${e.tag}${e.class ? `.${e.class.split(/\s+/).slice(0, 2).join('.')}` : ''}> "${e.text.slice(0, 40)}"` : 'none');

/** A small table of the figures: median (min–max) over the cold runs, and the warm load. */
export function formatDashboard(result) {
  const lines = [`dashboard, headless ${result.browser}, ${result.viewport.width}×${result.viewport.height}, ${result.runsPerPage} cold runs per page, server on ${result.server.database} (response cache ${result.server.responseCache}); ms from navigation start, median (min–max)`];
  const rows = [['page', 'load', 'LCP ms', 'first chart ms', 'FCP ms', 'GraphQL ms', 'requests', 'KiB transferred', 'JS gzip KiB']];
  for (const [name, p] of Object.entries(result.pages)) {
    const c = p.cold;
    rows.push([name, 'cold', range(c.lcpMs), range(c.firstChartMs), range(c.fcpMs), range(c.graphqlMs), range(c.requests), range(c.transferKiB), range(c.jsGzipKiB)]);
    if (p.warm) rows.push([name, 'warm', `${p.warm.lcpMs}`, `${p.warm.firstChartMs}`, `${p.warm.fcpMs}`, `${p.warm.graphqlMs}`, `${p.warm.requests}`, `${p.warm.transferKiB}`, `${p.warm.jsGzipKiB}`]);
    const f = p.firstLoadAfterStart;
    rows.push([name, 'first', `${f.lcpMs}`, `${f.firstChartMs}`, `${f.fcpMs}`, `${f.graphqlMs}`, `${f.requests}`, `${f.transferKiB}`, `${f.jsGzipKiB}`]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) lines.push(r.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd());
  for (const [name, p] of Object.entries(result.pages)) {
    lines.push(`${name}: LCP element ${Object.entries(p.cold.lcpElements).map(([e, n]) => `${e} ×${n}`).join('; ')}; chart = ${p.chart}`);
    const c = p.cold;
    const t = c.mainThreadToChart;
    lines.push(
      `${name}: (cold medians) HTML ${c.documentMs.median} ms, DOMContentLoaded ${c.domContentLoadedMs.median}, GraphQL ${c.graphqlStartMs.median}→${c.graphqlEndMs.median}` +
        `${c.rechartsEndMs.median === null ? '' : `, recharts chunk in at ${c.rechartsEndMs.median}`}, chart ${c.chartAfterGraphqlMs.median} ms after the GraphQL answer;` +
        ` main thread until the chart: script ${t.scriptMs.median}, layout ${t.layoutMs.median}, style ${t.styleMs.median}, all tasks ${t.taskMs.median} ms`,
    );
    const candidates = p.example?.lcpCandidates ?? [];
    if (candidates.length > 1) lines.push(`${name}: LCP candidates in one cold load: ${candidates.map((c) => `${c.atMs} ms ${elementText(c.element)}`).join(' → ')}`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  measureDashboard({ quick: process.argv.includes('--quick'), baseUrl: process.env.BENCH_DASHBOARD_URL })
    .then((result) => {
      console.log(formatDashboard(result));
      if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
      const failed = dashboardChecks(result).filter(([, , ok]) => !ok);
      for (const [name, values] of failed) console.error(`not measured: ${name} ${JSON.stringify(values)}`);
      if (failed.length) process.exitCode = 1;
    })
    .catch((error) => {
      console.error(error?.message ?? error);
      process.exitCode = 1;
    });
}
