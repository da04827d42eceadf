import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { renderReport, reportSearch } from '../src/report/report.service';
import { type ApiHarness, openApi } from './support/api';
import { runCli } from './support/cli';
import { ENGINES } from './support/engines';
import { SHARED_DATABASE_ENV } from './support/shared-database';

/**
 * The report pack (`sendbench report`): the dashboard's print view printed to A4 by Debian's
 * Chromium. Its text, read back with pdftotext (poppler-utils), must carry the authority's name and
 * the same key figures the API gives for it; its pages stay within bounds.
 */

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
/** A figure as the report prints it (digits grouped; percentages to one place, with %; pounds with £). */
const printed = (value: number, unit: 'count' | 'percent' | 'gbp') =>
  unit === 'percent' ? `${value.toFixed(1)}%` : `${unit === 'gbp' ? '£' : ''}${Math.round(value).toLocaleString('en-GB')}`;

const KEY_FIGURES = `
  query {
    profile(code: "886") {
      authority { name region { name } }
      metrics { metric { id } value { value } }
    }
  }
`;

for (const engine of ENGINES) {
  describe(`${engine} report pack`, () => {
    let api: ApiHarness;
    let dir: string;
    let kent: { file: string; pages: number };
    let figures: Map<string, number>;

    beforeAll(async () => {
      api = await openApi(engine);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-report-'));
      const { body } = await api.run(KEY_FIGURES);
      figures = new Map(body.data.profile.metrics.map((m: { metric: { id: string }; value: { value: number } }) => [m.metric.id, m.value.value]));
      kent = await renderReport(api.handle.db, { la: '886', out: path.join(dir, 'kent.pdf') });
    });

    afterAll(async () => {
      await api?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('prints kent\'s name, region and comparator set', () => {
      const text = pdfText(kent.file);
      expect(text).toContain('Kent');
      expect(text).toContain('South East');
      expect(text).toContain('Kent and its 10 statistical neighbours');
    });

    test('prints the key figures the api gives for kent', () => {
      const text = pdfText(kent.file);
      const expected = [printed(figures.get('ehc_plans')!, 'count'), printed(figures.get('pct_plans_mainstream')!, 'percent'), printed(figures.get('hn_spend_per_plan')!, 'gbp')];
      expect(expected.filter((figure) => !text.includes(figure))).toEqual([]);
      expect(expected).toEqual(['20,635', '36.1%', '£14,944']);
    });

    test('keeps the pack between 3 and 10 a4 pages, as pdfinfo counts them', () => {
      expect(pdfPages(kent.file)).toBe(kent.pages);
      expect(kent.pages).toBeGreaterThanOrEqual(3);
      expect(kent.pages).toBeLessThanOrEqual(10);
    });

    test('prints the sources, the OGL attribution and the hexmap licence', () => {
      const text = pdfText(kent.file).replace(/\s+/g, ' ');
      expect(text).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
      expect(text).toContain('Hex map layout: Open Innovations (ODI Leeds) hexmaps, MIT licence');
      expect(text).toContain('DfE, Education, health and care plans');
    });

    test('refuses an unknown authority before printing anything', async () => {
      const out = path.join(dir, 'unknown.pdf');
      await expect(renderReport(api.handle.db, { la: '999', out })).rejects.toThrow('Unknown local authority "999". Use a 3-digit DfE LA number');
      expect(fs.existsSync(out)).toBe(false);
    });
  });
}

describe('report command', () => {
  test('writes a region report with progress on stderr', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-report-cli-'));
    const out = path.join(dir, 'newham.pdf');
    const result = await runCli(['report', '--la', '316', '--peers', 'region', '--out', out], { DATABASE_URL: process.env[SHARED_DATABASE_ENV.postgres]! }, 240_000);
    const text = pdfText(out);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Report for Newham \(316\): serving the print view…\n.*\nPrinting A4…\nWrote .*newham\.pdf: \d+ A4 pages/);
    expect(text).toContain('Newham (316, London) against London region');
    expect(text).toMatch(/1,199 \[\d(, \d)*\]/);
  });

  test('names --peers when the comparator set is not one it knows', async () => {
    const result = await runCli(['report', '--la', '886', '--peers', 'friends', '--out', path.join(os.tmpdir(), 'never.pdf')], { DATABASE_URL: process.env[SHARED_DATABASE_ENV.postgres]! });
    expect({ code: result.code, stderr: result.stderr.trim() }).toEqual({
      code: 1,
      stderr: 'sendbench: --peers: "friends" is not a comparator set. Use one of sn, region, dbv, dbv-1, dbv-2, dbv-3, safety-valve, england, or 1 to 30 DfE LA numbers separated by commas (e.g. 886,887).',
    });
  });

  test('writes a custom set into the print view\'s address', () => {
    expect(reportSearch('886', '887,888')).toBe('?la=886&peers=custom&custom=887,888');
  });
});
