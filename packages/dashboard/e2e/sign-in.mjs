#!/usr/bin/env node
/**
 * Sign-in end to end: Debian's chromium (playwright-core) signs in through the local identity
 * provider (oidc-provider, packages/server/src/dev/local-identity-provider.ts) as each role, reads
 * who is signed in in the page header, checks the page with axe, and signs out; then, signed in as
 * the analyst, saves a comparator set on the start page and compares with it. Run after
 * `npm run build`:
 *
 *   npm run test:e2e:sign-in            (a fresh embedded PGlite database; E2E_DATABASE_URL for PostgreSQL)
 *
 * The last line is "N passed, N failed".
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { freePort, startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the local identity provider in a process of its own; resolves with its issuer, the server's settings for it and a stop function. */
function startProvider(redirectUri) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'packages', 'server', 'dist', 'dev', 'local-identity-provider-main.js'), redirectUri], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ ...JSON.parse(line), close: async () => void child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`the local identity provider exited (${code}) before it listened`)));
  });
}

/** Each provider user, and what the header must say once they are signed in. */
const USERS = [
  { login: 'admin', header: 'Signed in as Ada Admin, admin Provisional data' },
  { login: 'analyst', header: 'Signed in as Dana Analyst, DfE analyst Provisional data' },
  { login: 'kent-officer', header: 'Signed in as Kit Kent, LA user (LA 886) Provisional data' },
  { login: 'visitor', header: 'Signed in as Vic Visitor, no role: published data only' },
];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Signs in as `login` through the provider from `startPath`, back on that page. */
async function signIn(page, server, idp, login, startPath) {
  await page.goto(`${server.baseUrl}${startPath}`);
  await page.getByTestId('sign-in-status').getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(`${idp.issuer}/**`);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${server.baseUrl}${startPath}`);
  await page.waitForSelector('main h1');
}

/** axe on the page's main content: no WCAG 2.2 AA violations. */
async function assertAxeClean(page, include = 'main') {
  const results = await new AxeBuilder({ page }).include(include).withTags(AXE_TAGS).analyze();
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

const COMPARE_KENT = '/compare?la=886&metric=dsg_deficit_pct&peers=england&period=202122';

/**
 * Provisional data (issue 21): Kent's officer uploads a figure, sees it marked on the comparison
 * (hatched bar, P, legend with the upload's date), shares it; a DfE analyst then sees it, Medway's
 * officer never does. axe on each page.
 */
async function provisionalScenario(browser, server, idp) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-e2e-provisional-')), 'kent_deficit.csv');
  fs.writeFileSync(
    file,
    'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,dsg_deficit_pct_of_total_dsg\n202122,Financial year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,12.345\n',
  );
  const open = async (login, startPath) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server, idp, login, startPath);
    return { context, page };
  };
  const legend = (page) => page.getByTestId('provisional-legend');

  const kent = await open('kent-officer', '/provisional');
  try {
    await kent.page.getByRole('heading', { name: 'Upload your figures' }).waitFor();
    await assertAxeClean(kent.page);
    await kent.page.setInputFiles('#provisional-file', file);
    await kent.page.getByRole('button', { name: 'Upload' }).click();
    await kent.page.getByText('Version 1 of dsg_deficit_pct is stored').waitFor();
    await kent.page.getByRole('cell', { name: 'kent_deficit.csv' }).waitFor();
    await assertAxeClean(kent.page);
    await kent.page.screenshot({ path: path.join(here, 'screenshots', 'provisional-upload-kent.png'), fullPage: true });
    await kent.page.goto(`${server.baseUrl}${COMPARE_KENT}&view=table`);
    await legend(kent.page).waitFor();
    assert.match(await legend(kent.page).innerText(), /Kent's own figure, provisional \(upload version 1, \d+ \w+ \d{4}; not published\)/);
    await kent.page.getByRole('rowheader', { name: 'Kent (provisional)' }).waitFor();
    assert.match(await kent.page.getByRole('row', { name: /Kent \(provisional\)/ }).innerText(), /12\.3%? P/);
    await assertAxeClean(kent.page);
    await kent.page.goto(`${server.baseUrl}${COMPARE_KENT}&view=chart`);
    await kent.page.locator('.sb-chart svg path[fill="url(#sb-provisional-hatch)"]').first().waitFor();
    await kent.page.screenshot({ path: path.join(here, 'screenshots', 'provisional-compare-kent.png'), fullPage: true });
    await kent.page.goto(`${server.baseUrl}/trends?la=886&metric=dsg_deficit_pct&view=table`);
    await legend(kent.page).waitFor();
    await kent.page.getByRole('columnheader', { name: 'Kent: provisional (P)' }).waitFor();
    await assertAxeClean(kent.page);
    // The map draws published figures; Kent's provisional one is said beside it, marked P.
    await kent.page.goto(`${server.baseUrl}/map?la=886&metric=dsg_deficit_pct&period=202122`);
    await kent.page.getByTestId('map-provisional').waitFor();
    assert.match(await kent.page.getByTestId('map-provisional').innerText(), /Kent's provisional figure \(P, uploaded \d+ \w+ \d{4}, not published\) is 12\.3%?: it would rank \d+\w\w of \d+/);
    await assertAxeClean(kent.page);
    await kent.page.screenshot({ path: path.join(here, 'screenshots', 'provisional-map-kent.png'), fullPage: true });
    await kent.page.goto(`${server.baseUrl}/provisional`);
    await kent.page.getByRole('button', { name: /Share with DfE/ }).click();
    await kent.page.getByRole('button', { name: /Stop sharing/ }).waitFor();
  } finally {
    await kent.context.close();
  }

  const analyst = await open('analyst', COMPARE_KENT);
  try {
    await legend(analyst.page).waitFor();
    assert.match(await legend(analyst.page).innerText(), /shared with DfE/);
    await assertAxeClean(analyst.page);
  } finally {
    await analyst.context.close();
  }

  const medway = await open('medway-officer', COMPARE_KENT);
  try {
    await medway.page.getByRole('heading', { level: 1, name: /DSG/ }).waitFor();
    await medway.page.waitForLoadState('networkidle');
    assert.equal(await legend(medway.page).count(), 0);
    assert.equal(await medway.page.getByText('12.3', { exact: false }).count(), 0);
  } finally {
    await medway.context.close();
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/**
 * Issue 21: the analyst saves a custom set with a name on the start page, which then chooses it;
 * the compare page compares Kent with it (the set's name labels the comparison); the start page,
 * the compare page and the open "Saved views" panel are axe clean.
 */
async function savedSetStep(page, server, idp) {
  await signIn(page, server, idp, 'analyst', '/?la=886&peers=custom&custom=887,888');
  await page.getByLabel('Save this set as').fill('E2E shire pair');
  await page.getByRole('button', { name: 'Save set' }).click();
  await page.waitForURL(/\/\?la=886&peers=saved&set=[A-Za-z0-9_-]{16}$/);
  assert.equal(await page.getByLabel('One of your saved sets').isChecked(), true);
  const chosen = page.getByLabel('Saved comparator set');
  await chosen.locator('option', { hasText: 'E2E shire pair' }).waitFor({ state: 'attached' });
  assert.equal(await chosen.evaluate((select) => select.selectedOptions[0]?.textContent), 'E2E shire pair (2 authorities)');
  const startViolations = (await new AxeBuilder({ page }).include('main').withTags(AXE_TAGS).analyze()).violations;
  assert.deepEqual(startViolations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await page.getByRole('link', { name: 'Compare one metric' }).click();
  await page.waitForURL(/\/compare\?la=886&peers=saved&set=/);
  await page.locator('.sb-context').getByText('E2E shire pair').waitFor();
  await page.getByText('Saved views', { exact: true }).click();
  await page.getByLabel('Save this view as').waitFor();
  const compareViolations = (await new AxeBuilder({ page }).include('main').include('.sb-saved-views').withTags(AXE_TAGS).analyze()).violations;
  assert.deepEqual(compareViolations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await page.screenshot({ path: path.join(here, 'screenshots', 'sign-in-saved-set.png') });
}

async function main() {
  const port = await freePort();
  const idp = await startProvider(`http://127.0.0.1:${port}/auth/callback`);
  const server = await startServer(repoRoot, console.log, {
    port,
    env: idp.settings,
  });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-e2e-sign-in-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  let passed = 0;
  let failed = 0;
  try {
    for (const user of USERS) {
      const name = `signs in as ${user.login} through the provider, shows it in the header, and signs out`;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const exchanges = [];
      page.on('response', (response) => {
        if (/\/(graphql|auth\/)/.test(response.url())) exchanges.push(`${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`);
      });
      try {
        await signIn(page, server, idp, user.login, '/compare?la=886&metric=pct_plans_mainstream');
        const status = page.getByTestId('sign-in-status');
        assert.equal((await status.innerText()).replace(/\s*Sign out$/, '').replace(/\s+/g, ' ').trim(), user.header);
        const cookies = await context.cookies(server.baseUrl);
        const session = cookies.find((c) => c.name === 'sendbench-session');
        assert.deepEqual({ httpOnly: session?.httpOnly, sameSite: session?.sameSite }, { httpOnly: true, sameSite: 'Lax' });
        const results = await new AxeBuilder({ page }).include('.govuk-phase-banner').withTags(AXE_TAGS).analyze();
        assert.deepEqual(results.violations.map((v) => v.id), []);
        await page.screenshot({ path: path.join(here, 'screenshots', `sign-in-${user.login}.png`) });
        await status.getByRole('button', { name: 'Sign out' }).click();
        // Signing out of SENDbench also offers to sign out at the provider (RP-initiated logout), which asks first.
        await page.waitForURL(`${idp.issuer}/**`);
        await page.getByRole('button', { name: 'Yes, sign me out' }).click();
        await page.waitForURL(`${server.baseUrl}/`);
        await page.getByTestId('sign-in-status').getByRole('link', { name: 'Sign in' }).waitFor();
        if (errors.length) throw new Error(`Uncaught errors in the page: ${errors.join('; ')}`);
        passed += 1;
        console.log(`  ✓ ${name}`);
      } catch (error) {
        failed += 1;
        console.log(`  ✗ ${name}\n      ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n      ')}\n      requests: ${exchanges.join(', ')}`);
        await page.screenshot({ path: path.join(here, 'screenshots', `failed-sign-in-${user.login}.png`), fullPage: true }).catch(() => {});
      } finally {
        await context.close().catch(() => {});
      }
    }
    {
      const name = 'saves a comparator set as the analyst and compares Kent with it (axe clean)';
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await savedSetStep(page, server, idp);
        if (errors.length) throw new Error(`Uncaught errors in the page: ${errors.join('; ')}`);
        passed += 1;
        console.log(`  ✓ ${name}`);
      } catch (error) {
        failed += 1;
        console.log(`  ✗ ${name}\n      ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n      ')}`);
        await page.screenshot({ path: path.join(here, 'screenshots', 'failed-sign-in-saved-set.png'), fullPage: true }).catch(() => {});
      } finally {
        await context.close().catch(() => {});
      }
    }
    const name = 'uploads provisional data as an LA user, marks it, shares it with DfE, never shows it to another LA';
    try {
      await provisionalScenario(browser, server, idp);
      passed += 1;
      console.log(`  ✓ ${name}`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${name}\n      ${String(error?.stack ?? error).split('\n').slice(0, 8).join('\n      ')}`);
    }
  } finally {
    await browser.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
    await server.stop();
    await idp.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
