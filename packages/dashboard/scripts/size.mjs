#!/usr/bin/env node
/**
 * Bundle budget: prints the gzip size of every emitted JS and CSS chunk, and the JavaScript the
 * first page loads (the entry and everything it imports statically, not the lazily loaded pages
 * and charts). Fails when the first page's JS is over the budget, so growth is a visible decision.
 *
 *   node scripts/size.mjs            (after vite build)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const FIRST_PAGE_JS_BUDGET = 100_000; // bytes, gzip

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const assets = path.join(dist, 'assets');
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`No build at ${dist}: run npm run build first.`);
  process.exit(2);
}

const gzip = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="\/assets\/([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/assets\/([^"]+)"/g)].map((m) => m[1]);

/** Static imports of a chunk (`import … from "./x.js"`, `import "./x.js"`), not dynamic `import("./x.js")`. */
function staticImports(file) {
  const code = fs.readFileSync(path.join(assets, file), 'utf8');
  const found = new Set();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) found.add(m[1]);
  return [...found];
}

const firstPage = new Set();
const queue = [...entries];
while (queue.length) {
  const file = queue.shift();
  if (firstPage.has(file)) continue;
  firstPage.add(file);
  queue.push(...staticImports(file));
}

const chunks = fs
  .readdirSync(assets)
  .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  .map((f) => ({ file: f, raw: fs.statSync(path.join(assets, f)).size, gzip: gzip(path.join(assets, f)) }))
  .sort((a, b) => b.gzip - a.gzip);

console.log('chunk'.padEnd(44), 'raw'.padStart(10), 'gzip'.padStart(10), ' first page');
for (const c of chunks) console.log(c.file.padEnd(44), kb(c.raw).padStart(10), kb(c.gzip).padStart(10), firstPage.has(c.file) ? ' yes' : '');
const firstPageJs = chunks.filter((c) => firstPage.has(c.file) && c.file.endsWith('.js')).reduce((sum, c) => sum + c.gzip, 0);
const css = chunks.filter((c) => c.file.endsWith('.css')).reduce((sum, c) => sum + c.gzip, 0);
console.log(`First page JS: ${kb(firstPageJs)} gzip (budget ${kb(FIRST_PAGE_JS_BUDGET)}); CSS ${kb(css)} gzip.`);
if (firstPageJs > FIRST_PAGE_JS_BUDGET) {
  console.error(`Over budget by ${kb(firstPageJs - FIRST_PAGE_JS_BUDGET)}: load more lazily, or raise the budget deliberately in scripts/size.mjs.`);
  process.exit(1);
}
