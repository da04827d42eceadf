/** The attribution every export of these figures must carry (Open Government Licence v3.0). */
export const OGL_ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0.';

export type CsvCell = string | number | null | undefined;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe; finite numbers are written as numbers (a negative
 * number is data, not a formula). Cells with commas, quotes or line breaks are quoted.
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  let text = cell;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvDocument {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
  /** Lines after the table: source, publication, caveats; the OGL attribution is always added. */
  notes: readonly string[];
}

/** A whole CSV file (CRLF line ends, as RFC 4180 and spreadsheets expect). */
export function buildCsv(doc: CsvDocument): string {
  const lines = [doc.header, ...doc.rows].map((row) => row.map(csvCell).join(','));
  lines.push('');
  for (const note of [...doc.notes, OGL_ATTRIBUTION]) lines.push(csvCell(note));
  return `${lines.join('\r\n')}\r\n`;
}

/** A file-name-safe slug: "Share of plans, Kent" → "share-of-plans-kent". */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'sendbench';
}
