#!/usr/bin/env node
/**
 * Writes one HTML page per dashboard route (dist/compare.html, …): index.html plus a
 * `<link rel="modulepreload">` for the route's lazily loaded page chunk and the chunks it imports.
 * The server (sirv) sends /compare?… the file dist/compare.html, so the browser fetches the page's
 * code alongside the entry instead of after the entry has run (on a cold load that wait was
 * ~350 ms before the page could draw). Any other path still gets index.html.
 *
 *   node scripts/route-pages.mjs      (after vite build; part of `npm run build`)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** Each route's page module: the paths of PAGE_PATHS in src/routing/url-state.ts (the start page is in the entry). */
export const ROUTE_PAGES = {
  profile: 'src/pages/ProfilePage.tsx',
  compare: 'src/pages/ComparePage.tsx',
  trends: 'src/pages/TrendsPage.tsx',
  relationships: 'src/pages/RelationshipsPage.tsx',
  evaluation: 'src/pages/EvaluationPage.tsx',
  forecast: 'src/pages/ForecastPage.tsx',
  catalogue: 'src/pages/MetricsPage.tsx',
  data: 'src/pages/DataPage.tsx',
  'data-quality': 'src/pages/DataQualityPage.tsx',
  map: 'src/pages/MapPage.tsx',
  report: 'src/pages/ReportPage.tsx',
  saved: 'src/pages/SavedPage.tsx',
  provisional: 'src/pages/ProvisionalPage.tsx',
};

const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const inIndex = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]));

/** The chunk of `key` and every chunk it imports statically, in load order. */
function chunksOf(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`route-pages: ${key} is not in the build manifest (renamed or no longer lazily loaded?)`);
  if (seen.has(key)) return [];
  seen.add(key);
  return [...(chunk.imports ?? []).flatMap((k) => chunksOf(k, seen)), chunk.file];
}

for (const [route, module] of Object.entries(ROUTE_PAGES)) {
  const files = [...new Set(chunksOf(module))].filter((file) => !inIndex.has(file));
  const links = files.map((file) => `    <link rel="modulepreload" crossorigin href="/${file}">\n`).join('');
  if (!html.includes('  </head>')) throw new Error('route-pages: index.html has no </head> to add the preloads before');
  fs.writeFileSync(path.join(dist, `${route}.html`), html.replace('  </head>', `${links}  </head>`));
  console.log(`/${route}: preloads ${files.join(', ')}`);
}
