import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import { ENGLAND_OUTTURN_BREAKDOWN, FORECAST_SERIES } from '../src/derived/forecast-inputs.repository';
import { S251_GROUP_LINES } from '../src/statistics/forecast/mapping';
import { ENGINES } from './support/engines';
import { OFFICIAL_DATA_DIR } from './support/official-data';
import { openSharedDatabase } from './support/shared-database';

/**
 * The import keeps the forecast's inputs by area (forecast_input): they must be exactly the
 * published observations of the series the forecast reads, for every area and period, and England's
 * S251 line sums must be those of the LA rows of the official file.
 */

interface KeptRow {
  area_code: string;
  source: string;
  measure: string;
  breakdown: string;
  period: number;
  value: number | null;
}

const S251_LINES_FILE = path.join(OFFICIAL_DATA_DIR, 'extracts', 's251_high_needs_lines_2021_22.csv');

/** Each top-up line's 2021-22 outturn summed over the LA rows of the file, symbols left out (never read as 0). */
function englandLinesFromFile(): Record<string, number> {
  const rows = (parse(fs.readFileSync(S251_LINES_FILE), { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.geographic_level === 'Local authority' && r.budget_or_outturn === 'Outturn');
  const lines = Object.values(S251_GROUP_LINES).flat();
  return Object.fromEntries(lines.map((line) => [line, rows.reduce((sum, r) => sum + (/^-?[\d.]+$/.test(r[line]) ? Number(r[line]) : 0), 0)]));
}

const byKey = (a: KeptRow, b: KeptRow) => `${a.area_code}|${a.source}|${a.measure}|${a.breakdown}|${a.period}`.localeCompare(`${b.area_code}|${b.source}|${b.measure}|${b.breakdown}|${b.period}`);

for (const engine of ENGINES) {
  describe(`${engine} forecast inputs kept at import`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openSharedDatabase(engine);
    });

    afterAll(async () => {
      await handle?.close();
    });

    test('keeps exactly the published observations of every series the forecast reads', async () => {
      const datasets = FORECAST_SERIES.map((s) => s.dataset);
      const measures = FORECAST_SERIES.map((s) => s.measure);
      const breakdowns = FORECAST_SERIES.map((s) => s.breakdown);
      const kept = await sql<KeptRow>`select area_code, source, measure, breakdown, period, value from forecast_input where breakdown <> ${ENGLAND_OUTTURN_BREAKDOWN}`.execute(handle.db);
      const published = await sql<KeptRow>`
        select o.area_code, s.dataset as source, s.measure, s.breakdown, o.period, o.value
        from series s join observation o on o.series_id = s.id
        where (s.dataset, s.measure, s.breakdown) in (select * from unnest(${datasets}::text[], ${measures}::text[], ${breakdowns}::text[]))
      `.execute(handle.db);
      const normalise = (rows: KeptRow[]) => rows.map((r) => ({ ...r, period: Number(r.period), value: r.value === null ? null : Number(r.value) })).sort(byKey);
      expect({ rows: kept.rows.length, same: JSON.stringify(normalise(kept.rows)) === JSON.stringify(normalise(published.rows)) }).toEqual({ rows: published.rows.length, same: true });
    });

    test('keeps England\'s S251 line sums as the LA rows of the official file add up', async () => {
      const kept = await sql<{ measure: string; value: number }>`select measure, value from forecast_input where area_code = 'E92000001' and breakdown = ${ENGLAND_OUTTURN_BREAKDOWN} and period = 202122`.execute(handle.db);
      const expected = englandLinesFromFile();
      expect(Object.fromEntries(kept.rows.map((r) => [r.measure, Number(Number(r.value).toFixed(2))]))).toEqual(Object.fromEntries(Object.entries(expected).map(([line, v]) => [line, Number(v.toFixed(2))])));
    });
  });
}
