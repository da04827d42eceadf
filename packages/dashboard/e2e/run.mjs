#!/usr/bin/env node
/**
 * End-to-end tests: Debian's chromium driven by playwright-core against the real server and the
 * real data. Run from the repository root after `npm run build`:
 *
 *   npm run test:e2e                      (starts a server itself; E2E_DATABASE_URL to use an
 *                                          imported PostgreSQL database, else a fresh PGlite import)
 *   E2E_BASE_URL=http://127.0.0.1:4200 npm run test:e2e   (use a server that is already running)
 *   E2E_ONLY=compare npm run test:e2e     (only tests whose name contains the text)
 *   E2E_DB_DIR=/tmp/e2e-db npm run test:e2e   (keep the embedded database there and reuse it next time)
 *
 * Screenshots of every page at desktop and 320 px widths go to packages/dashboard/e2e/screenshots/.
 * The last line is "N passed, N failed".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { defineTests } from './tests.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`No chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium). This run never downloads a browser.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const screenshots = path.join(here, 'screenshots');
  fs.mkdirSync(screenshots, { recursive: true });
  for (const old of fs.readdirSync(screenshots)) if (old.startsWith('failed-')) fs.rmSync(path.join(screenshots, old));
  const server = process.env.E2E_BASE_URL ? { baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ''), stop: async () => {} } : await startServer(repoRoot);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  defineTests(test, { baseUrl: server.baseUrl, screenshots });

  const only = process.env.E2E_ONLY;
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  try {
    for (const t of tests) {
      if (only && !t.name.includes(only)) continue;
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const t0 = Date.now();
      try {
        await t.fn(page, context);
        if (errors.length) throw new Error(`Uncaught errors in the page: ${errors.join('; ')}`);
        passed += 1;
        console.log(`  ✓ ${t.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`  ✗ ${t.name} (${Date.now() - t0} ms)\n      ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n      ')}`);
        await page.screenshot({ path: path.join(screenshots, `failed-${t.name.replace(/[^\w]+/g, '-')}.png`), fullPage: true }).catch(() => {});
      } finally {
        await page.close().catch(() => {});
      }
    }
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
    await server.stop();
  }
  console.log(`\nRan in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(repoRoot, screenshots)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
