import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import type { DatabaseHandle } from '../src/db/connect';
import { DASHBOARD_DIST } from '../src/http/app';
import { DASHBOARD_CSP } from '../src/http/security-headers';
import { type ServedApp, serveApp } from './support/hardening';
import { openSharedDatabase } from './support/shared-database';

/**
 * The dashboard works under its content security policy: every page of the real build, served by
 * the production server, loads in Chromium with no CSP violation and no failed request. Needs the
 * dashboard built (npm run build, as CI does) and Debian's chromium; says so and skips otherwise.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUILT = fs.existsSync(path.join(DASHBOARD_DIST, 'index.html'));
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
if (!BUILT || !HAS_CHROMIUM) {
  process.stderr.write(`hardening-csp-browser: skipped (${!BUILT ? `no dashboard build in ${DASHBOARD_DIST}: run npm run build` : `no Chromium at ${CHROMIUM}: apt-get install chromium or set CHROMIUM_PATH`})\n`);
}

const PAGES = ['/?la=886', '/profile?la=886', '/compare?la=886&metric=pct_plans_mainstream', '/trends?la=886&metric=pct_plans_mainstream', '/relationships?la=886', '/catalogue', '/data'];

interface PageReport {
  violations: string[];
  failedRequests: string[];
  heading: string;
}

(BUILT && HAS_CHROMIUM ? describe : describe.skip)('dashboard under its CSP in Chromium', () => {
  let handle: DatabaseHandle;
  let served: ServedApp;
  let browser: Browser;
  const reports = new Map<string, PageReport>();

  beforeAll(async () => {
    handle = await openSharedDatabase('postgres');
    served = await serveApp(handle, { production: true, responseCache: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    for (const address of PAGES) {
      const page = await browser.newPage();
      const report: PageReport = { violations: [], failedRequests: [], heading: '' };
      // (Browser code as text: the tests are compiled without the DOM library.)
      await page.addInitScript({
        content: "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));",
      });
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) report.violations.push(message.text());
      });
      page.on('requestfailed', (request) => report.failedRequests.push(`${request.url()} ${request.failure()?.errorText}`));
      page.on('response', (response) => {
        if (response.status() >= 400) report.failedRequests.push(`${response.url()} ${response.status()}`);
      });
      await page.goto(`${served.base}${address}`, { waitUntil: 'networkidle' });
      await page.waitForSelector('main h1', { timeout: 30_000 });
      report.heading = (await page.textContent('main h1')) ?? '';
      report.violations.push(...((await page.evaluate('window.__violations')) as string[]));
      reports.set(address, report);
      await page.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await handle?.close();
  });

  test('serves the dashboard with its CSP', async () => {
    const response = await fetch(`${served.base}/`);
    expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
  });

  test.each(PAGES)('renders %s with no CSP violation and no failed request', (address) => {
    const report = reports.get(address)!;
    expect({ heading: report.heading.length > 0, violations: report.violations, failed: report.failedRequests }).toEqual({ heading: true, violations: [], failed: [] });
  });
});
