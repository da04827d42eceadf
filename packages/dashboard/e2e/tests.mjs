/**
 * The end-to-end journeys. Each test gets a fresh page; assertions are on what a user reads.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';

const TRUSTED_DOCUMENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'trusted-documents.json');

const OGL = 'Contains public sector information licensed under the Open Government Licence v3.0.';

/** Every page of the dashboard, as an address (Kent against its statistical neighbours where it matters; the evaluation with a synthetic comparison). */
export const PAGES = [
  { name: 'start', path: '/?la=886' },
  { name: 'profile', path: '/profile?la=886' },
  { name: 'compare', path: '/compare?la=886&metric=pct_plans_mainstream' },
  { name: 'trends', path: '/trends?la=886&metric=pct_plans_mainstream' },
  { name: 'relationships', path: '/relationships?la=886' },
  { name: 'evaluation', path: '/evaluation?focus=867&donors=neighbours' },
  { name: 'forecast', path: '/forecast?la=886&divert=20&move=30' },
  { name: 'metrics', path: '/catalogue' },
  { name: 'data', path: '/data' },
  { name: 'data-quality', path: '/data-quality' },
  { name: 'map', path: '/map?la=886&metric=pct_plans_mainstream' },
];

/** Pages that draw recharts charts once their figures are in. */
const CHART_PAGES = ['compare', 'trends', 'relationships', 'evaluation'];

const withView = (p, view) => (view === 'table' ? `${p}${p.includes('?') ? '&' : '?'}view=table` : p);

/** Opens an address and waits until the page has its figures (no loading message, a main heading). */
async function open(page, baseUrl, address) {
  await page.goto(`${baseUrl}${address}`);
  await settle(page);
}

async function settle(page) {
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => !document.querySelector('.sb-loading'), null, { timeout: 30_000 });
  if (await page.locator('.sb-figure').count()) {
    await page.waitForFunction(() => [...document.querySelectorAll('.sb-figure')].every((f) => f.querySelector('svg, p, ul')), null, { timeout: 30_000 });
  }
}

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

export function defineTests(test, { baseUrl, screenshots }) {
  test('start: autocomplete finds Kent by name and code, and the choice goes to the URL', async (page) => {
    await open(page, baseUrl, '/');
    const box = page.getByRole('combobox', { name: 'Local authority' });
    await box.fill('Ken');
    await page.getByRole('option', { name: /^Kent/ }).waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/la=886/);
    assert.equal(await box.inputValue(), 'Kent');
    await box.fill('E10000016');
    const options = page.getByRole('option');
    assert.match(await options.first().innerText(), /Kent/);
    await box.press('Escape');
  });

  test('start: headlines show England and the DBV cohort, and say the list is incomplete', async (page) => {
    await open(page, baseUrl, '/');
    const headlines = page.locator('.sb-headlines');
    const text = await headlines.innerText();
    assert.match(text, /638,745/, 'England EHC plans at January 2025');
    assert.match(text, /43\.6%/, "England's share of plans in mainstream");
    assert.match(text, /known to be incomplete/);
  });

  test('start: choosing a comparator set and showing the profile carries the state', async (page) => {
    await open(page, baseUrl, '/?la=886');
    await page.getByLabel('Region', { exact: true }).check();
    await page.waitForURL(/peers=region/);
    await page.getByRole('button', { name: 'Show profile' }).click();
    await page.waitForURL(/\/profile\?la=886&peers=region/);
    await settle(page);
    assert.match(await page.locator('.sb-context').innerText(), /South East region/);
  });

  test('start: a custom set can be added to, removed from and reset', async (page) => {
    await open(page, baseUrl, '/?la=886');
    await page.getByLabel('A set you choose').check();
    await page.waitForURL(/peers=custom&custom=/);
    assert.equal((new URL(page.url()).searchParams.get('custom') ?? '').split(',').length, 10);
    await page.getByRole('button', { name: 'Remove Bedford' }).click();
    await page.waitForFunction(() => !location.search.includes('822'));
    const add = page.getByRole('combobox', { name: 'Add an authority' });
    await add.fill('Camden');
    await add.press('Enter');
    await page.waitForURL(/202/);
    assert.match(await page.locator('.sb-custom-set').innerText(), /Camden/);
    await page.getByRole('button', { name: 'Reset to statistical neighbours' }).click();
    await page.waitForURL(/822/);
  });

  test('start: Safety Valve choice warns that the list is incomplete', async (page) => {
    await open(page, baseUrl, '/?la=886&peers=safety-valve');
    assert.match(await page.locator('form .sb-incomplete').innerText(), /known to be incomplete/);
  });

  test("profile: Kent's January 2025 plans and the mainstream sentence", async (page) => {
    await open(page, baseUrl, '/profile?la=886');
    assert.equal(await page.locator('h1').innerText(), 'Kent');
    const plans = page.locator('.sb-metric', { has: page.getByRole('link', { name: 'EHC plans at January', exact: true }) });
    assert.match(await plans.locator('.sb-metric__value').innerText(), /^20,635/);
    assert.match(await plans.innerText(), /January 2025/);
    const inclusion = await page.locator('#theme-inclusion .sb-summary').innerText();
    assert.match(inclusion, /Kent's share of plans in mainstream, 36\.1%, is below England's 43\.6% and lower than 9 of its 10 statistical neighbours\./);
  });

  test('profile: table view lists every metric of a theme with rank and England', async (page) => {
    await open(page, baseUrl, '/profile?la=886&view=table');
    const table = page.getByRole('table', { name: /Where children with plans are educated/ });
    const row = table.getByRole('row', { name: /^% of EHC plans in mainstream schools January/ });
    const cells = await row.locator('th, td').allInnerTexts();
    assert.equal(cells[3], '36.1%');
    assert.equal(cells[5], '43.6%');
    assert.equal(cells[8], '10 of 11');
  });

  test('compare: ranked bars for Kent and its neighbours with England and median lines', async (page) => {
    await open(page, baseUrl, '/compare?la=886&metric=pct_plans_mainstream');
    await page.waitForSelector('.recharts-surface');
    const chart = await page.locator('.sb-figure').first().innerText();
    assert.match(chart, /Kent \(selected\)/);
    assert.match(chart, /England 43\.6%/);
    assert.match(chart, /Median 40\.0%/);
    assert.equal(await page.locator('.recharts-bar-rectangle').count(), 11);
    assert.match(await page.locator('#compare-summary').innerText(), /Kent is 10th of 11 with 36\.1%/);
  });

  test('compare: members with no data are listed with their status, never drawn', async (page) => {
    await open(page, baseUrl, '/compare?la=886&peers=england&metric=pct_plans_mainstream&period=202425');
    await page.waitForSelector('.recharts-surface');
    const noData = await page.locator('.sb-no-data').innerText();
    assert.match(noData, /Cambridgeshire: x/);
    assert.match(noData, /North East Lincolnshire: x/);
    assert.equal(await page.locator('.recharts-bar-rectangle').count(), 151);
  });

  test('compare: table view and CSV download carry values, symbols, units, source and OGL', async (page) => {
    await open(page, baseUrl, '/compare?la=886&peers=england&metric=pct_plans_mainstream&view=table');
    const kent = page.getByRole('table').first().getByRole('row', { name: /^Kent/ });
    assert.match(await kent.innerText(), /36\.1%/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).first().click()]);
    const file = await download.path();
    const csv = fs.readFileSync(file, 'utf8');
    assert.match(csv, /^\uFEFFAuthority,Code,Rank,Value \(%\),Status,Quartile band,Period,Against England,Data-quality notes\r\n/);
    assert.match(csv, /\r\nKent,886,\d+,36\.1,value,1,January 2025,lower,\r\n/);
    assert.match(csv, /\r\nCambridgeshire,873,,x,x,,January 2025,,\r\n/);
    assert.match(csv, /Source: DfE, Education, health and care plans/);
    assert.ok(csv.includes(OGL));
  });

  test('compare: PNG and SVG downloads are made', async (page) => {
    await open(page, baseUrl, '/compare?la=886&metric=pct_plans_mainstream');
    await page.waitForSelector('.recharts-surface');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download SVG/ }).first().click()]);
    const svgText = fs.readFileSync(await svg.path(), 'utf8');
    assert.match(svgText, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svgText.includes('Open Government Licence'));
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download PNG/ }).first().click()]);
    const bytes = fs.readFileSync(await png.path());
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  });

  test('url: state round-trips through reload, back and forward', async (page) => {
    await open(page, baseUrl, '/compare?la=886&metric=pct_plans_mainstream');
    await page.getByLabel('Metric').selectOption('pct_plans_state_funded_special');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/metric=pct_plans_state_funded_special/);
    await settle(page);
    assert.match(await page.locator('h1').innerText(), /state-funded special/i);
    await page.getByRole('link', { name: 'Table' }).first().click();
    await page.waitForURL(/view=table/);
    await page.reload();
    await settle(page);
    assert.match(await page.locator('h1').innerText(), /state-funded special/i);
    assert.equal(await page.getByRole('table').count(), 2, 'the comparison and the map of every authority');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('view=table'));
    await page.waitForSelector('.recharts-surface');
    await page.goBack();
    await page.waitForURL(/metric=pct_plans_mainstream/);
    await settle(page);
    assert.match(await page.locator('h1').innerText(), /mainstream/i);
    await page.goForward();
    await page.waitForURL(/metric=pct_plans_state_funded_special/);
    await settle(page);
    assert.match(await page.locator('h1').innerText(), /state-funded special/i);
  });

  test('navigation: links keep the authority and comparator set', async (page) => {
    await open(page, baseUrl, '/profile?la=886&peers=dbv-2');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Trends' }).click();
    await page.waitForURL(/\/trends\?la=886&peers=dbv-2/);
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  });

  test('trends: Kent, its region, England and the comparator lines by period', async (page) => {
    await open(page, baseUrl, '/trends?la=886&metric=pct_plans_mainstream&view=table');
    const row = page.getByRole('row', { name: /^January 2025/ });
    const cells = await row.locator('th, td').allInnerTexts();
    assert.equal(cells[0], 'January 2025');
    assert.ok(cells.includes('36.1%'));
    assert.ok(cells.includes('43.6%'));
    const headers = await page.locator('thead th').allInnerTexts();
    assert.deepEqual(headers.slice(0, 6), ['Period', 'Kent', 'Comparators: aggregate', 'Comparators: median', 'South East', 'England']);
  });

  test('trends: series breaks are marked', async (page) => {
    await open(page, baseUrl, '/trends?la=886&metric=pct_issued_within_20_weeks');
    await page.waitForSelector('.recharts-surface');
    assert.match(await page.locator('.sb-figure').innerText(), /Series break/);
    assert.match(await page.locator('#trends-summary').innerText(), /breaks before 2023/);
  });

  test('relationships: scatter with focus, neighbours, fitted line and correlation', async (page) => {
    await open(page, baseUrl, '/relationships?la=886');
    await page.waitForSelector('.recharts-surface');
    const summary = await page.locator('#relationship-summary').innerText();
    assert.match(summary, /Pearson's r = 0\.34/);
    assert.match(summary, /151 authorities/);
    assert.match(await page.locator('.sb-legend').innerText(), /Kent and its 10 statistical neighbours/);
    assert.match(await page.locator('.sb-no-data').innerText(), /Cambridgeshire/);
  });

  test('evaluation: DBV tranche 1 on mainstream share with its verdict, estimates, charts, 2×2 and caveats', async (page) => {
    await open(page, baseUrl, '/evaluation');
    assert.match(await page.locator('h1').innerText(), /DBV in SEND tranche 1: % of EHC plans in mainstream schools/);
    assert.match(await page.locator('#evaluation-headline').innerText(), /the 20 authorities of DBV in SEND tranche 1/);
    const estimates = await page.locator('#evaluation-estimates').innerText();
    assert.match(estimates, /Callaway and Sant’Anna[\s\S]*percentage points; 95% interval −?\d/);
    assert.match(estimates, /Permutation test\s+p = \d\.\d{3}/);
    assert.match(estimates, /999 draws, seed 18/);
    const caveats = await page.locator('#evaluation-caveats').innerText();
    for (const caveat of [/^Selection:/m, /^Incomplete programme lists:/m, /^Associations, not causes:/m]) assert.match(caveats, caveat);
    assert.equal(await page.locator('.sb-figure .recharts-surface').count(), 3);
    const simple = page.getByRole('table', { name: /The simple 2×2/ }).getByRole('row', { name: /^DBV in SEND tranche 1/ });
    assert.match(await simple.innerText(), /January 2016 to January 2022\s+January 2023 to January 2025/);
  });

  test('evaluation: the synthetic comparison lists its weights, and its fit beside the placebo p-value', async (page) => {
    await open(page, baseUrl, '/evaluation?focus=867&donors=neighbours');
    await page.waitForSelector('#evaluation-synthetic-title');
    assert.match(await page.locator('#evaluation-synthetic-title').innerText(), /Synthetic comparison: Bracknell Forest/);
    const fit = await page.locator('#evaluation-synthetic-fit').innerText();
    assert.match(fit, /Fit before the start[\s\S]*\d/);
    assert.match(fit, /Placebo p-value\s+\d\.\d{3} \(rank \d+ of \d+/);
    const weights = page.getByRole('table', { name: /Donor weights of the synthetic Bracknell Forest/ });
    assert.ok((await weights.getByRole('row').count()) >= 2);
  });

  test('evaluation: every control works from the keyboard and lands in the address', async (page) => {
    await open(page, baseUrl, '/evaluation');
    await page.locator('#evaluation-cohort').focus();
    await page.keyboard.press('End'); // the last cohort: Safety Valve agreements 2023-24
    await page.locator('#evaluation-transform').focus();
    await page.keyboard.press('ArrowDown'); // Logarithm
    await page.locator('.govuk-details__summary', { hasText: 'Start dates' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#evaluation-start-safety_valve-2023-24-month').focus();
    await page.keyboard.press('Home'); // January
    await page.locator('.govuk-details__summary', { hasText: 'Window, index base and resampling' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#evaluation-seed').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.waitForURL(/cohort=safety_valve:2023-24&transform=log&starts=safety_valve:2023-24@2024-01&seed=7/);
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    assert.match(await page.locator('h1').innerText(), /Safety Valve agreements 2023-24/);
    assert.match(await page.locator('#evaluation-estimates').innerText(), /seed 7/);
  });

  test('evaluation: the state survives reload, back and forward', async (page) => {
    await open(page, baseUrl, '/evaluation?cohort=dbv:2&metric=pct_pupils_ehc_plan&view=table');
    assert.match(await page.locator('h1').innerText(), /DBV in SEND tranche 2: % of pupils with an EHC plan/);
    assert.equal(await page.locator('.sb-figure').count(), 0);
    await page.locator('#evaluation-comparison-all-others').check();
    await page.getByRole('button', { name: 'Show evaluation' }).click();
    await page.waitForURL(/comparison=all-others/);
    await settle(page);
    await page.reload();
    await settle(page);
    assert.match(await page.locator('#evaluation-authorities-title').innerText(), /Authorities used/);
    assert.equal(await page.locator('#evaluation-comparison-all-others').isChecked(), true);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('comparison='));
    await settle(page);
    assert.equal(await page.locator('#evaluation-comparison').isChecked(), true);
    await page.goForward();
    await page.waitForURL(/comparison=all-others/);
    await settle(page);
    assert.match(await page.locator('#evaluation-headline').innerText(), /DBV in SEND tranche 2/);
  });

  test('evaluation: a start outside the series is named at its control', async (page) => {
    await open(page, baseUrl, '/evaluation?starts=dbv:1@2030-01');
    const summary = page.locator('#evaluation-error-summary');
    assert.match(await summary.innerText(), /outside the series/);
    await summary.getByRole('link').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'evaluation-start-dbv-1-month');
  });

  test('evaluation: the CSV carries the method, seed, draws, data version and OGL', async (page) => {
    await open(page, baseUrl, '/evaluation?view=table');
    const panel = page.locator('section', { has: page.locator('#evaluation-event-study-title') });
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /Download CSV/ }).click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^\uFEFFPeriods since the start,When,Effect,95% interval\r\n/);
    assert.match(csv, /Callaway & Sant’Anna \(2021\)/);
    assert.match(csv, /Draws: 999\. Seed: 18\. Confidence level: 0\.95\. Data version: \S+/);
    assert.match(csv, /Caveat: Selection:/);
    assert.ok(csv.includes(OGL));
  });

  test('metrics: catalogue with definitions, sources and the symbol legend', async (page) => {
    await open(page, baseUrl, '/catalogue');
    const symbols = page.getByRole('table', { name: 'Status symbols' });
    assert.match(await symbols.innerText(), /Confidential/);
    assert.match(await symbols.innerText(), /low/);
    const mainstream = page.locator('#pct_plans_mainstream');
    assert.match(await mainstream.innerText(), /Source/);
    assert.match(await mainstream.innerText(), /mainstream/i);
  });

  test('data: releases with provenance, the API endpoint and example queries', async (page) => {
    await open(page, baseUrl, '/data');
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(`${baseUrl}/graphql`));
    assert.match(text, /caseload/i);
    assert.match(text, /[0-9a-f]{64}/);
    assert.match(text, /known to be incomplete/);
  });

  test('data quality: Newham January 2025 is noted and checked on the page, in the compare table and its CSV', async (page) => {
    await open(page, baseUrl, '/data-quality');
    assert.match(await page.getByRole('table', { name: 'Curated data-quality notes' }).innerText(), /Newham[\s\S]*1,199/);
    assert.match(await page.getByRole('row', { name: /^Newham EHC plans at January January 2025/ }).innerText(), /1,199[\s\S]*2,705/);
    // The metric filter: chosen from the keyboard, kept in the address, the count and the rows follow it.
    const before = await page.getByText(/^\d+ of \d+ values marked “check” shown\.$/).innerText();
    await page.getByLabel('Metric').focus();
    await page.getByLabel('Metric').selectOption('ehc_plans');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/data-quality\?metric=ehc_plans$/);
    const [shown, total] = (await page.getByText(/^\d+ of \d+ values marked “check” shown\.$/).innerText()).match(/\d+/g).map(Number);
    assert.ok(shown > 0 && shown < total && before.startsWith(`${total} of ${total}`), `${before} → ${shown} of ${total}`);
    const metrics = await page.getByRole('table', { name: /^Values marked "check", every authority: / }).locator('tbody tr td:first-of-type').allInnerTexts();
    assert.deepEqual([metrics.length, new Set(metrics).size], [shown, 1]);
    assert.match(await page.getByRole('row', { name: /^Newham EHC plans at January January 2025/ }).innerText(), /1,199/);
    await open(page, baseUrl, '/compare?la=316&peers=england&metric=ehc_plans&period=202425&view=table');
    assert.match(await page.getByRole('table').first().getByRole('row', { name: /^Newham/ }).innerText(), /1,199 \[1, 2\][\s\S]*\[1\] note; \[2\] check/);
    assert.match(await page.locator('.sb-footnotes').first().innerText(), /\[1\]\s*Note[\s\S]*\[2\]\s*Check/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).first().click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert.match(csv, /\r\nNewham,316,\d+,1199,value,\d,January 2025,,\[1\] note; \[2\] check\r\n/);
    assert.match(csv, /\[2\] Check: Newham's 1,199 in January 2025 against 2,705 in January 2024/);
  });

  test('map: arrow keys move a visible focus between hexes, Enter opens the profile, at 320 px too', async (page) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await open(page, baseUrl, '/map?la=886&metric=pct_plans_mainstream&scale=continuous');
    assert.equal(await page.locator('[data-la]').count(), 153);
    const kent = page.locator('[data-la][tabindex="0"]');
    assert.match(await kent.getAttribute('aria-label'), /^Kent \(selected\): 36\.1%/);
    await kent.focus();
    await page.keyboard.press('ArrowUp');
    const moved = await page.evaluate(() => ({ la: document.activeElement?.getAttribute('data-la'), label: document.activeElement?.getAttribute('aria-label') }));
    assert.notEqual(moved.la, '886');
    assert.ok(await page.locator('[data-focus-ring]').isVisible(), 'the focus ring is drawn');
    assert.equal(await page.getByRole('status').innerText().then((t) => t.startsWith(moved.label)), true);
    await page.screenshot({ path: path.join(screenshots, 'map-keyboard-320.png') });
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download SVG/ }).click()]);
    const svgText = fs.readFileSync(await svg.path(), 'utf8');
    const words = svgText.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.ok(words.includes('Hex map layout: Open Innovations (ODI Leeds) hexmaps, MIT licence'), 'the export carries the hexmap attribution');
    assert.ok(words.includes('Open Government Licence'));
    assert.ok((svgText.match(/<polygon/g) ?? []).length >= 153);
    await page.locator(`[data-la="${moved.la}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/profile\\?la=${moved.la}`));
  });

  test('report: the profile links to the print view, which waits for its sections and offers the PDF', async (page) => {
    await open(page, baseUrl, '/profile?la=886');
    await page.getByRole('link', { name: 'Download report (PDF)' }).click();
    await page.waitForURL(/\/report\?la=886/);
    await page.waitForSelector('[data-report-ready]', { timeout: 120_000 });
    assert.match(await page.locator('.sb-report__table').innerText(), /EHC plans at January[\s\S]*20,635/);
    assert.equal(await page.getByRole('button', { name: 'Download report (PDF)' }).count(), 1);
  });

  test('errors: an unknown authority says what happened', async (page) => {
    await open(page, baseUrl, '/profile?la=999');
    assert.match(await page.getByRole('alert').innerText(), /UNKNOWN_AUTHORITY|not found/i);
  });

  test('keyboard: the skip link and the chart/table switch work without a mouse', async (page) => {
    await open(page, baseUrl, '/compare?la=886');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
    const table = page.getByRole('link', { name: 'Table' }).first();
    await table.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/view=table/);
    await settle(page);
    assert.equal(await page.getByRole('table').count(), 2);
  });

  test('navigation: at 320 px the menu folds behind a Menu button that opens it', async (page) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await open(page, baseUrl, '/?la=886');
    const menu = page.getByRole('button', { name: 'Menu' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('link', { name: 'Relationships' }).isVisible(), false);
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await page.getByRole('link', { name: 'Relationships' }).click();
    await page.waitForURL(/\/relationships\?la=886/);
  });

  // Besides its view's one request, a page load asks once who is signed in (the header's SignedInUser).
  test('api: one request per view (and one for the header per page load), each one listed in the trusted-documents manifest', async (page) => {
    const manifest = JSON.parse(fs.readFileSync(TRUSTED_DOCUMENTS, 'utf8'));
    const sent = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(JSON.parse(request.postData() ?? '{}').query);
    });
    const perView = [];
    for (const p of PAGES) {
      const before = sent.length;
      await open(page, baseUrl, p.path);
      const requests = sent.slice(before);
      const header = requests.filter((q) => q.startsWith('query SignedInUser'));
      perView.push(`${p.name}: ${requests.length - header.length} + header ${header.length}`);
    }
    assert.deepEqual(perView, PAGES.map((p) => `${p.name}: 1 + header 1`));
    const unknown = sent.filter((q) => !manifest[createHash('sha256').update(q, 'utf8').digest('hex')]);
    assert.deepEqual(unknown.map((q) => q.slice(0, 60)), []);
  });

  for (const view of ['chart', 'table']) {
    test(`axe: no serious or critical violations on any page (${view} view)`, async (page) => {
      const problems = [];
      for (const p of PAGES) {
        await open(page, baseUrl, withView(p.path, view));
        if (view === 'chart' && CHART_PAGES.includes(p.name)) await page.waitForSelector('.recharts-surface');
        for (const v of await seriousViolations(page)) problems.push(`${p.name}: ${v}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  test('layout: every page fits 320 px without sideways scrolling, and screenshots are saved', async (page) => {
    const overflow = [];
    for (const [label, size] of [
      ['desktop', { width: 1280, height: 900 }],
      ['320', { width: 320, height: 800 }],
    ]) {
      await page.setViewportSize(size);
      for (const p of PAGES) {
        await open(page, baseUrl, p.path);
        if (CHART_PAGES.includes(p.name)) await page.waitForSelector('.recharts-surface');
        await page.waitForTimeout(150);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > size.width) overflow.push(`${p.name} at ${size.width}px is ${width}px wide`);
        // The evaluation and catalogue pages are long: a full-page shot at 320 px took over 20 s on a loaded machine.
        await page.screenshot({ path: path.join(screenshots, `${p.name}-${label}.png`), fullPage: true, timeout: 90_000 });
      }
    }
    assert.deepEqual(overflow, []);
  });
  test('forecast: a real answer, the levers by keyboard alone, the URL round trip, a clear error and both exports', async (page) => {
    await open(page, baseUrl, '/forecast?la=886');
    const summary = page.locator('.sb-forecast-summary');
    assert.match(await summary.innerText(), /^Kent: 20,635 EHC plans at January 2025; projected [\d,]+ at January 2030 \(80% interval [\d,]+ to [\d,]+; 95% interval [\d,]+ to [\d,]+\), by the cohort model\.[\s\S]*No lever is set/);
    assert.match(await page.getByRole('table', { name: /^Backtest/ }).innerText(), /Trend model\s+20,347\s+23,546\s+27,248\s+20\.29\s+2\.617/);
    // Keyboard only: Tab to the first lever, replace its value, Tab to the next, submit with Enter.
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== 'forecast-divert'; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'forecast-divert');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/forecast\?la=886&divert=20&move=30$/);
    await page.waitForFunction(() => /With the levers: [\d,]+ plans/.test(document.querySelector('.sb-forecast-summary')?.textContent ?? ''));
    const withLevers = await summary.innerText();
    await page.reload();
    await settle(page);
    assert.deepEqual([await summary.innerText(), await page.getByLabel('New plans whose needs are met at SEN support instead').inputValue()], [withLevers, '20']);
    // A lever out of range: an error summary naming the field, focus on it, the URL unchanged.
    await page.getByLabel('New plans whose needs are met at SEN support instead').fill('80');
    await page.keyboard.press('Enter');
    const problem = page.locator('.govuk-error-summary');
    await problem.waitFor();
    assert.match(await problem.innerText(), /There is a problem\s+Enter the share of new plans met at SEN support as a number from 0 to 65/);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), true);
    assert.match(page.url(), /divert=20&move=30$/);
    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all figures and assumptions (CSV)' }).click()]);
    const csv = fs.readFileSync(await csvFile.path(), 'utf8');
    const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all figures and assumptions (JSON)' }).click()]);
    const json = JSON.parse(fs.readFileSync(await jsonFile.path(), 'utf8'));
    assert.deepEqual(
      [/\r\n2025,20635,/.test(csv), /\r\ndiversionToSenSupport,0\.2,/.test(csv), /Data version: /.test(csv), csv.includes(OGL), json.licence, json.request.levers.diversionToSenSupport, json.forecast.baseTotal, typeof json.dataVersion],
      [true, true, true, true, OGL, 0.2, 20635, 'string'],
    );
  });
}
