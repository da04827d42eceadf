import { STATUS_LEGEND, type Status } from '@sendbench/schema';

/** Units as the API names them (the GraphQL `Unit` enum). */
export type UnitCode = 'COUNT' | 'PERCENT' | 'RATE_PER_1000' | 'GBP' | 'GBP_PER_PLAN' | 'GBP_PER_HEAD';

export interface ValueFormat {
  unit: UnitCode;
  decimals: number;
}

/**
 * Rounds half away from zero on the decimal digits as written, so 36.05 → 36.1 and −2.5 → −3
 * (binary floating point would make 36.05 round down with toFixed).
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  const rounded = Number(`${Math.round(shifted)}e-${decimals}`);
  return rounded === 0 ? 0 : sign * rounded;
}

/** One formatter per number of decimals: toLocaleString builds a new one per call (~40× slower; a profile formats ~2,000 figures). */
const FORMATTERS = new Map<number, Intl.NumberFormat>();

function grouped(value: number, decimals: number): string {
  let formatter = FORMATTERS.get(decimals);
  if (!formatter) FORMATTERS.set(decimals, (formatter = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return formatter.format(roundTo(value, decimals));
}

/** True when the status is a DfE symbol rather than a number. */
export function isSymbol(status: string): boolean {
  return status !== 'value';
}

/**
 * A figure as a reader sees it: "20,635", "36.1%", "£12,346", "4.2 per 1,000"; a suppressed or
 * missing figure keeps its DfE symbol ("x", "c", "low", …) and is never shown as 0.
 */
export function formatValue(value: number | null | undefined, status: string, format: ValueFormat): string {
  if (isSymbol(status) || value === null || value === undefined) return isSymbol(status) ? status : 'x';
  const { unit, decimals } = format;
  const text = grouped(Math.abs(value), decimals);
  const sign = value < 0 && roundTo(value, decimals) !== 0 ? '−' : '';
  switch (unit) {
    case 'PERCENT':
      return `${sign}${text}%`;
    case 'RATE_PER_1000':
      return `${sign}${text} per 1,000`;
    case 'GBP':
    case 'GBP_PER_PLAN':
    case 'GBP_PER_HEAD':
      return `${sign}£${text}`;
    default:
      return `${sign}${text}`;
  }
}

/** A short form for chart axes: "45%", "£12k", "£310m", "21k". */
export function formatAxis(value: number, unit: UnitCode): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  const money = unit === 'GBP' || unit === 'GBP_PER_PLAN' || unit === 'GBP_PER_HEAD' ? '£' : '';
  const compact =
    abs >= 1e9 ? `${roundTo(abs / 1e9, 1)}bn` : abs >= 1e6 ? `${roundTo(abs / 1e6, 1)}m` : abs >= 1e4 ? `${roundTo(abs / 1e3, 0)}k` : `${roundTo(abs, abs < 10 ? 1 : 0)}`;
  return `${sign}${money}${compact}${unit === 'PERCENT' ? '%' : ''}`;
}

/** The value for a CSV cell: the number rounded to the metric's decimals, or the symbol. */
export function csvValue(value: number | null | undefined, status: string, decimals: number): number | string {
  if (isSymbol(status) || value === null || value === undefined) return isSymbol(status) ? status : 'x';
  return roundTo(value, decimals);
}

/** What a unit is called in a table header or CSV column. */
export function unitLabel(unit: UnitCode): string {
  switch (unit) {
    case 'COUNT':
      return 'number';
    case 'PERCENT':
      return '%';
    case 'RATE_PER_1000':
      return 'per 1,000';
    case 'GBP':
      return '£';
    case 'GBP_PER_PLAN':
      return '£ per EHC plan';
    case 'GBP_PER_HEAD':
      return '£ per head';
  }
}

/** The legend line for a status ("x: Not available: …"). */
export function statusDescription(status: string): string {
  return STATUS_LEGEND[status as Status] ?? 'Unknown status.';
}

/** A count in prose, digits grouped: 15,300. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** "1st", "2nd", … "12,859th" for quartile bands and ranks in prose. */
export function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${formatCount(n)}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** Quartile band (4 = highest quarter) in words. */
export function quartileLabel(band: number | null | undefined): string {
  switch (band) {
    case 4:
      return 'Highest quarter';
    case 3:
      return 'Upper middle quarter';
    case 2:
      return 'Lower middle quarter';
    case 1:
      return 'Lowest quarter';
    default:
      return 'No band';
  }
}

/** A label inside a sentence: "High-needs spend" → "high-needs spend"; "EHC plans" and "% of …" stay. */
export function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
