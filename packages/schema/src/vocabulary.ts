/**
 * The shared vocabulary of SENDbench: status symbols, periods, geography, datasets.
 * Everything here is plain data so that the server, the dashboard and scripts agree on meaning.
 */

/**
 * How a published figure stands. `value` is a number; every other status is a symbol that DfE
 * publishes instead of a number, and is never a zero.
 */
export const STATUSES = ['value', 'c', 'x', 'z', 'low', 'u', 'k', ':'] as const;
export type Status = (typeof STATUSES)[number];

/** The symbol legend shown wherever figures are shown (DfE / GSS conventions). */
export const STATUS_LEGEND: Readonly<Record<Status, string>> = {
  value: 'A published or derived value.',
  c: 'Confidential: suppressed to protect confidentiality.',
  x: 'Not available: not collected, not published, or not derivable for this period.',
  z: 'Not applicable: no figure is expected here.',
  low: 'Low: rounds to zero, but is not zero.',
  u: 'Low reliability.',
  k: 'Less than 0.5 of the unit shown, but not zero.',
  ':': 'Not available (legacy symbol used in older DfE releases).',
};

/** Symbols (as written in files) mapped to the status they carry; `..` and `~` come from MoJ tables. */
export const SYMBOL_ALIASES: Readonly<Record<string, Exclude<Status, 'value'>>> = {
  c: 'c',
  x: 'x',
  z: 'z',
  low: 'low',
  u: 'u',
  k: 'k',
  ':': ':',
  '..': 'x',
  '~': 'c',
};

export type GeographicLevel = 'national' | 'regional' | 'local_authority';

/** ONS code of England, used as the area code of national rows. */
export const ENGLAND_CODE = 'E92000001';

/**
 * How a metric's periods are counted. Codes follow the official `time_period` convention:
 * - `january`: a January census count, coded by academic year (`202425` = January 2025);
 * - `calendar_year`: activity in a calendar year (`2024`);
 * - `financial_year`: April to March (`202425` = April 2024 – March 2025).
 */
export const PERIOD_TYPES = ['january', 'calendar_year', 'financial_year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** Human label of a period code, e.g. `january` 202425 → "January 2025". */
export function periodLabel(type: PeriodType, code: number): string {
  if (type === 'calendar_year') return String(code);
  const start = Math.floor(code / 100);
  if (type === 'january') return `January ${start + 1}`;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The period before `code` in the same period type (202425 → 202324; 2024 → 2023). */
export function previousPeriod(type: PeriodType, code: number): number {
  return type === 'calendar_year' ? code - 1 : code - 101;
}

/** True when `code` is a well-formed code of `type` (2010 or 201011, with consecutive years). */
export function isPeriodCode(type: PeriodType, code: number): boolean {
  if (!Number.isInteger(code)) return false;
  if (type === 'calendar_year') return code >= 1990 && code <= 2100;
  const start = Math.floor(code / 100);
  return start >= 1990 && start <= 2100 && code % 100 === (start + 1) % 100;
}

/**
 * The period of a metric in a reporting year, as the EHC plans release counts it: reporting year
 * 2025 holds plans at January 2025 (202425), activity in calendar year 2024, and financial year
 * 2024-25 (202425).
 */
export function periodForYear(type: PeriodType, year: number): number {
  if (type === 'calendar_year') return year - 1;
  return (year - 1) * 100 + (year % 100);
}

/** The reporting year a period belongs to (inverse of periodForYear). */
export function yearOfPeriod(type: PeriodType, code: number): number {
  if (type === 'calendar_year') return code + 1;
  return Math.floor(code / 100) + 1;
}
