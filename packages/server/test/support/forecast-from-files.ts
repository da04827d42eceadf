import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { OFFICIAL_DATA_DIR } from './official-data';

/**
 * The forecast's backtest and first cohort year computed straight from the official CSV files,
 * independently of the server's code (no import from src/): the series are read with csv-parse and
 * the methods written out plainly, so a test can compare them with what the API answers.
 */

type Row = Record<string, string>;
const EHCP_2025 = path.join(OFFICIAL_DATA_DIR, 'ees', 'education-health-and-care-plans_2025', 'data');
const EHCP_2022 = path.join(OFFICIAL_DATA_DIR, 'ees', 'education-health-and-care-plans_2022', 'data');
const files = new Map<string, Row[]>();

function rows(file: string): Row[] {
  let parsed = files.get(file);
  if (!parsed) files.set(file, (parsed = parse(fs.readFileSync(file), { bom: true, columns: true }) as Row[]));
  return parsed;
}

const isArea = (r: Row, code: string) => (code === 'E92000001' ? r.geographic_level === 'National' : r.geographic_level === 'Local authority' && r.old_la_code === code);
const januaryOf = (academicYear: string) => Math.floor(Number(academicYear) / 100) + 1;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** January caseload 2010–2025 in year order: Total_all of the 2022 release to 2018, ehcplans ("All EHC plans") of the 2025 release from 2019. */
export function caseloadFromFiles(code: string): Map<number, number> {
  const series = new Map<number, number>();
  for (const r of rows(path.join(EHCP_2022, 'sen2_estab_caseload.csv'))) {
    if (isArea(r, code) && r.establishment_type === 'Total' && r.establishment_group === 'Total' && Number(r.time_period) < 2019) series.set(Number(r.time_period), Number(r.Total_all));
  }
  for (const r of rows(path.join(EHCP_2025, 'caseload.csv'))) {
    if (isArea(r, code) && r.breakdown_topic === 'All EHC plans') series.set(januaryOf(r.time_period), Number(r.ehcplans));
  }
  return new Map([...series].sort(([a], [b]) => a - b));
}

export interface ScoreFromFiles {
  forecasts: number[];
  mape: number;
  mase: number;
}

const TEST_YEARS = [2023, 2024, 2025];

function score(forecasts: number[], series: Map<number, number>, scale: number): ScoreFromFiles {
  const actual = TEST_YEARS.map((y) => series.get(y) as number);
  const errors = forecasts.map((f, i) => Math.abs(actual[i] - f));
  return { forecasts, mape: (100 * sum(errors.map((e, i) => e / actual[i]))) / errors.length, mase: sum(errors) / errors.length / scale };
}

/** The MASE scale: mean absolute one-year change of the January caseload 2015–2022. */
export function maseScaleFromFiles(series: Map<number, number>): number {
  const changes: number[] = [];
  for (let y = 2016; y <= 2022; y++) changes.push(Math.abs((series.get(y) as number) - (series.get(y - 1) as number)));
  return sum(changes) / changes.length;
}

/** The trend model's backtest: least squares of ln(plans) on the year over 2015–2022, exp of the line at 2023–2025. */
export function trendBacktestFromFiles(series: Map<number, number>): ScoreFromFiles {
  const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];
  const logs = years.map((y) => Math.log(series.get(y) as number));
  const meanYear = sum(years) / years.length;
  const meanLog = sum(logs) / logs.length;
  const slope = sum(years.map((y, i) => (y - meanYear) * (logs[i] - meanLog))) / sum(years.map((y) => (y - meanYear) ** 2));
  return score(
    TEST_YEARS.map((y) => Math.exp(meanLog + slope * (y - meanYear))),
    series,
    maseScaleFromFiles(series),
  );
}

/** The naive drift: January 2022 plus the average annual change 2015–2022 per year after. */
export function naiveDriftFromFiles(series: Map<number, number>): ScoreFromFiles {
  const first = series.get(2015) as number;
  const last = series.get(2022) as number;
  return score(
    TEST_YEARS.map((y) => last + ((last - first) / 7) * (y - 2022)),
    series,
    maseScaleFromFiles(series),
  );
}

const BANDS_2022 = ['Under 5', 'Age 5 to 10', 'Age 11 to 15', 'Age 16 to 19', 'Age 20 to 25'];
const WIDTHS_2022 = [5, 6, 5, 4, 6];

function byBand2022(file: string, column: string, code: string, year: number): number[] {
  const found = new Map<string, number>();
  for (const r of rows(path.join(EHCP_2022, file))) if (isArea(r, code) && Number(r.time_period) === year) found.set(r.characteristic_age, Number(r[column]));
  return BANDS_2022.map((band) => found.get(band) as number);
}

/** Aged-on stock: (1 − 1/w_b) C_b + C_{b−1} / w_{b−1}. */
const agedOn = (c: readonly number[], widths: readonly number[]) => c.map((v, b) => (1 - 1 / widths[b]) * v + (b > 0 ? c[b - 1] / widths[b - 1] : 0));

/**
 * The cohort model's backtest as the 2022 release allows: five bands, January 2021 → 2022, new
 * plans in 2021, ratios net of ceasing r_b = (C2022_b − N_b) / A_b, rolled forward three years with
 * new plans held at 2021's.
 */
export function cohortBacktestFromFiles(code: string, series: Map<number, number>): ScoreFromFiles {
  const c2021 = byBand2022('sen2_age_caseload.csv', 'Total_all', code, 2021);
  const c2022 = byBand2022('sen2_age_caseload.csv', 'Total_all', code, 2022);
  const made = byBand2022('sen2_age_new_plans.csv', 'Total_new_all', code, 2021);
  const stock = agedOn(c2021, WIDTHS_2022);
  const ratio = c2022.map((c, b) => (stock[b] > 0 ? Math.max(0, (c - made[b]) / stock[b]) : 1));
  const forecasts: number[] = [];
  let current = c2022;
  for (const _year of TEST_YEARS) {
    const aged = agedOn(current, WIDTHS_2022);
    current = aged.map((a, b) => Math.max(0, ratio[b] * a + made[b]));
    forecasts.push(sum(current));
  }
  return score(forecasts, series, maseScaleFromFiles(series));
}

const SINGLE_AGES = Array.from({ length: 17 }, (_, i) => `age ${i + 3}`);
const WIDTHS_2025 = [3, ...SINGLE_AGES.map(() => 1), 6];

function categories2025(file: string, topic: string, column: string, code: string, period: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const r of rows(path.join(EHCP_2025, file))) if (isArea(r, code) && r.breakdown_topic === topic && r.time_period === period) found.set(r.breakdown, Number(r[column]));
  return found;
}

/** The 2025 release's caseload by band (under 3, 3–19, 20–25) at a January; ages without a row count 0 (the rows left hold the total). */
function caseloadBands2025(code: string, period: string): number[] {
  const ages = categories2025('caseload.csv', 'Child or young persons age', 'ehcplans', code, period);
  const get = (age: string) => ages.get(age) ?? 0;
  return [get('under 3'), ...SINGLE_AGES.map(get), sum(['age 20', 'age 21', 'age 22', 'age 23', 'age 24', 'age 25'].map(get))];
}

/** A flow by band (new plans by age started, ceased by age ceased) in calendar `year`. */
function flowBands2025(file: string, topic: string, column: string, code: string, year: string): { bands: number[]; unknown: number } {
  const ages = categories2025(file, topic, column, code, year);
  const get = (age: string) => ages.get(age) ?? 0;
  return { bands: [get('age 2 and under'), ...SINGLE_AGES.map(get), get('age 20 and over')], unknown: get('Age unknown') };
}

/**
 * The cohort model's first projected January (2026) for an LA whose ages add up to its totals:
 * transition ratios and cease rates from January 2024 → 2025 with new and ceased plans in 2024
 * (ceased of unknown age spread pro rata), rolled forward one year with 2024's new plans.
 */
export function cohortFirstYearFromFiles(code: string): number {
  const start = caseloadBands2025(code, '202324');
  const end = caseloadBands2025(code, '202425');
  const made = flowBands2025('newplans.csv', 'Age when plan started', 'new_ehc_plans', code, '2024').bands;
  const ceasedByAge = flowBands2025('ceased_plans.csv', 'Age plan ceased', 'total_ceased', code, '2024');
  const known = sum(ceasedByAge.bands);
  const ceased = ceasedByAge.bands.map((x) => x + (ceasedByAge.unknown * x) / known);
  const stock = agedOn(start, WIDTHS_2025);
  const ratio = end.map((c, b) => (stock[b] > 0 ? Math.max(0, (c - made[b] + ceased[b]) / stock[b]) : 1));
  const cease = start.map((c, b) => (c > 0 ? Math.min(1, ceased[b] / c) : 0));
  const aged = agedOn(end, WIDTHS_2025);
  return sum(aged.map((a, b) => Math.max(0, ratio[b] * a + made[b] - cease[b] * end[b])));
}
