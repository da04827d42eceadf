#!/usr/bin/env node
/**
 * The dashboard's compare and profile requests as a given earlier commit sent them against the
 * same requests now, one after the other against one running server (same run, same load: read the
 * ratio, not the absolute figures). Each operation is taken from the generated documents
 * (packages/dashboard/src/gql/graphql.ts) of that commit and of the working tree.
 *
 *   node bench/page-requests.mjs http://127.0.0.1:4399 9431017   (a server with RESPONSE_CACHE=off)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [base = 'http://127.0.0.1:4000', before = 'HEAD'] = process.argv.slice(2);
const GENERATED = 'packages/dashboard/src/gql/graphql.ts';
const sources = { before: execFileSync('git', ['show', `${before}:${GENERATED}`], { cwd: root, encoding: 'utf8' }), after: fs.readFileSync(path.join(root, GENERATED), 'utf8') };
const documentOf = (source, name) => new RegExp(`export const ${name}Document = new TypedDocumentString\\(\`([\\s\\S]*?)\``).exec(source)[1];
const PAGES = [
  ['ComparePage', { la: '886', peers: { kind: 'STATISTICAL_NEIGHBOURS' }, metric: 'pct_plans_mainstream', period: null }],
  ['ProfilePage', { la: '886', peers: null, year: null }],
];

for (const [name, variables] of PAGES) {
  for (const [when, source] of Object.entries(sources)) {
    const body = JSON.stringify({ query: documentOf(source, name), variables });
    const answer = await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
    if (JSON.parse(answer).errors) throw new Error(`${name} ${when}: ${answer.slice(0, 300)}`);
    const result = await autocannon({ url: `${base}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 4, duration: 10 });
    console.log(`${`${name}, ${when === 'before' ? before : 'now'}`.padEnd(24)} ${String(Math.round(result.requests.average)).padStart(5)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  answer ${(answer.length / 1000).toFixed(0)} kB`);
  }
}
