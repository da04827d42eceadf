import { type DatasetDefinition, ENGLAND_CODE } from '@sendbench/schema';
import type { AuthorityRecord, ReferenceSnapshot } from '../reference/reference.service';

const GEOGRAPHY = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'region_code', 'region_name', 'new_la_code', 'old_la_code', 'la_name'];

/** One CSV cell: quoted when it holds a comma, quote or line break. */
function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The upload template of a data set for one LA: the official tidy header, and the LA's latest
 * published rows (one per breakdown), symbols kept as published. An indicator the LA has no
 * published figure for is "x" (not available), never 0. With no published rows, the header alone.
 */
export function templateCsv(
  dataset: DatasetDefinition,
  la: AuthorityRecord,
  reference: ReferenceSnapshot,
  rows: readonly { measure: string; breakdown: string; period: number; value: number | null; status: string }[],
): string {
  const present = new Set(rows.map((r) => r.measure));
  const optional = new Set(dataset.optional ?? []);
  const indicators = dataset.columns.filter((c) => !optional.has(c) || present.has(c));
  const header = [...GEOGRAPHY, ...dataset.filters, ...(dataset.textColumns ?? []), ...indicators];
  const byBreakdown = new Map<string, Map<string, string>>();
  let period = 0;
  for (const r of rows) {
    period = r.period;
    const figures = byBreakdown.get(r.breakdown) ?? new Map<string, string>();
    figures.set(r.measure, r.status === 'value' ? String(r.value) : r.status);
    byBreakdown.set(r.breakdown, figures);
  }
  const region = reference.areas.get(la.regionCode);
  const lines = [header.join(',')];
  for (const [breakdown, figures] of byBreakdown) {
    const filters = dataset.filters.length ? breakdown.split(' | ') : [];
    const geography = [String(period), dataset.timeIdentifier, 'Local authority', ENGLAND_CODE, 'England', la.regionCode, region?.name ?? '', la.onsCode, la.code, la.name];
    lines.push([...geography, ...filters, ...(dataset.textColumns ?? []).map(() => ''), ...indicators.map((c) => figures.get(c) ?? 'x')].map(cell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
