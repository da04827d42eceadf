import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../../src/config';

/** The official files: SENDBENCH_DATA_DIR, else ../shared/data beside the repository (as the server does). */
export const OFFICIAL_DATA_DIR = process.env.SENDBENCH_DATA_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data');

const EHCP_2025 = path.join(OFFICIAL_DATA_DIR, 'ees', 'education-health-and-care-plans_2025');

/** Paths of the official files the tests read directly. */
export const OFFICIAL_FILES = {
  laLookup: path.join(OFFICIAL_DATA_DIR, 'reference', 'la_lookup_with_programmes.csv'),
  statisticalNeighbours: path.join(OFFICIAL_DATA_DIR, 'reference', 'statistical_neighbours_2025.csv'),
  caseload: path.join(EHCP_2025, 'data', 'caseload.csv'),
  tribunalAppealRates: path.join(EHCP_2025, 'supporting-files', 'SEND Tribunals and appeal rate 2014-2024.csv'),
  dsgDeficitPct: path.join(OFFICIAL_DATA_DIR, 'extracts', 'dsg_deficit_pct_2019_20_to_2021_22.csv'),
  onsPopulation: path.join(OFFICIAL_DATA_DIR, 'extracts', 'ons_population_mid_year_2019_2020.csv'),
  s251Outturn: path.join(OFFICIAL_DATA_DIR, 'extracts', 's251_outturn_net_grouped_2017_18_to_2024_25.csv'),
} as const;

/**
 * How many indicator cells of an EES tidy file hold `symbol` (case-insensitive, trimmed): every
 * column after the last filter column, or after `la_name` when the file has no filters.
 * Counted with an independent CSV parse, so a test can compare it with what the import stored.
 *
 * @example countSymbolCells(OFFICIAL_FILES.caseload, 'x', 'breakdown') // 103,269 for caseload.csv 2025
 */
export function countSymbolCells(file: string, symbol: string, lastNonIndicatorColumn: string): number {
  const rows = parse(fs.readFileSync(file), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const firstIndicator = rows[0].indexOf(lastNonIndicatorColumn) + 1;
  if (firstIndicator === 0) throw new Error(`${file} has no column ${lastNonIndicatorColumn}`);
  return rows
    .slice(1)
    .flatMap((row) => row.slice(firstIndicator))
    .filter((cell) => cell.trim().toLowerCase() === symbol).length;
}
