import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import pino from 'pino';
import type { Db } from '../db/database';
import { unknownAuthority } from '../graphql/errors';
import { createApp, DASHBOARD_DIST } from '../http/app';
import { ReferenceCache } from '../features/reference/reference.service';

/**
 * `sendbench report`: the dashboard's print view of one authority (/report, an A4 page of the
 * dashboard) printed to PDF by headless Chromium — Debian's, never a downloaded browser — from an
 * app served in this process on a free local port, over the database the command opened.
 */

/** Chromium flags that work as root on these machines (see the project's stack notes). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Comparator sets as the dashboard's URL names them; anything else must be a list of LA codes. */
export const REPORT_PEER_CHOICES = ['sn', 'region', 'dbv', 'dbv-1', 'dbv-2', 'dbv-3', 'safety-valve', 'england'] as const;

export class ReportError extends Error {
  readonly code = 'REPORT_FAILED';
}

export interface ReportRequest {
  /** The LA: a DfE number or any E-code it is known by. */
  la: string;
  /** A comparator set (REPORT_PEER_CHOICES) or a comma-separated list of LA codes; statistical neighbours by default. */
  peers?: string;
  /** The PDF to write. */
  out: string;
}

export interface ReportOptions {
  chromiumPath?: string;
  dashboardDir?: string;
  /** One line per step, for the command line. */
  onProgress?: (line: string) => void;
  /** How long the print view may take to draw (evaluation and forecast are computed on the way). */
  timeoutMs?: number;
}

export interface ReportResult {
  file: string;
  pages: number;
  bytes: number;
  authority: { code: string; name: string };
}

/** The little of the page's document the wait reads. */
interface PageDocument {
  body: { dataset: Record<string, string | undefined> };
  querySelector(selector: string): unknown;
}

/** The print view's query string for a request, or a ReportError naming the bad option. */
export function reportSearch(laCode: string, peers: string | undefined): string {
  const params = new URLSearchParams({ la: laCode });
  if (peers === undefined || peers === 'sn') return `?${params}`;
  if ((REPORT_PEER_CHOICES as readonly string[]).includes(peers)) params.set('peers', peers);
  else if (/^\d{3}(,\d{3}){0,29}$/.test(peers)) {
    params.set('peers', 'custom');
    params.set('custom', peers);
  } else {
    throw new ReportError(`--peers: "${peers}" is not a comparator set. Use one of ${REPORT_PEER_CHOICES.join(', ')}, or 1 to 30 DfE LA numbers separated by commas (e.g. 886,887).`);
  }
  return `?${params}`.replace(/%2C/g, ',');
}

/** Pages in a PDF (its page objects; Chromium writes one per page). */
export function countPdfPages(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * Writes the report pack of one authority to `request.out`. Checks everything it can before
 * starting a browser: the authority (UNKNOWN: a ReportError with the API's message), the
 * comparator set, the built dashboard and Chromium.
 *
 * @example await renderReport(db, { la: '886', out: 'kent.pdf' }, { onProgress: console.error }) // { pages: 6, … }
 */
export async function renderReport(db: Db, request: ReportRequest, options: ReportOptions = {}): Promise<ReportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const chromiumPath = options.chromiumPath ?? DEFAULT_CHROMIUM;
  const dashboardDir = options.dashboardDir ?? DASHBOARD_DIST;
  const reference = await new ReferenceCache().current(db);
  const la = reference.authority(request.la);
  if (!la) throw new ReportError(unknownAuthority(request.la).message);
  const search = reportSearch(la.code, request.peers);
  if (!fs.existsSync(path.join(dashboardDir, 'index.html'))) throw new ReportError(`The dashboard is not built (no ${path.join(dashboardDir, 'index.html')}): run npm run build first.`);
  if (!fs.existsSync(chromiumPath)) throw new ReportError(`No Chromium at ${chromiumPath}: install Debian's package (apt-get install -y chromium), or set CHROMIUM_PATH.`);
  fs.mkdirSync(path.dirname(path.resolve(request.out)), { recursive: true });

  progress(`Report for ${la.name} (${la.code}): serving the print view…`);
  const app = await createApp({ db, logger: pino({ level: 'silent' }), production: true, responseCache: false, dashboardDir });
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    progress('Drawing the summary, key figures, trends, map, evaluation and forecast…');
    await page.goto(`http://127.0.0.1:${port}/report${search}`);
    // Functions run in the page (the CSP forbids evaluating strings); the server compiles without the DOM's types.
    await page.waitForFunction(
      () => {
        const doc = (globalThis as unknown as { document: PageDocument }).document;
        return Boolean(doc.body.dataset.reportError) || (doc.querySelector('[data-report-ready]') !== null && doc.querySelector('.sb-loading') === null);
      },
      null,
      { timeout: options.timeoutMs ?? 180_000 },
    );
    const failed = await page.evaluate(() => (globalThis as unknown as { document: PageDocument }).document.body.dataset.reportError);
    if (failed) throw new ReportError(`The print view could not load its figures: ${failed}`);
    progress('Printing A4…');
    await page.pdf({
      path: request.out,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:7px;width:100%;padding:0 12mm;color:#505a5f;font-family:Arial,sans-serif">SENDbench report: ${la.name.replace(/[<>&]/g, '')} · page <span class="pageNumber"></span> of <span class="totalPages"></span> · Contains public sector information licensed under the Open Government Licence v3.0.</div>`,
      margin: { top: '12mm', bottom: '16mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close().catch(() => undefined);
    await app.stop();
  }
  const bytes = fs.readFileSync(request.out);
  const pages = countPdfPages(bytes);
  progress(`Wrote ${request.out}: ${pages} A4 pages, ${Math.round(bytes.length / 1024)} KiB.`);
  return { file: request.out, pages, bytes: bytes.length, authority: { code: la.code, name: la.name } };
}
