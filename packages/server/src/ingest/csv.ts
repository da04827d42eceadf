import { parse } from 'csv-parse/sync';
import type { SourceFile } from './source-file';
import { ImportRejectedError } from './import-issue';

/** The longest CSV record accepted (a guard against a 1 GB line). */
export const MAX_RECORD_BYTES = 1_000_000;

export interface CsvRecord {
  /** Line of the file where the record starts (1 = first line). */
  line: number;
  cells: string[];
}

/**
 * Parses CSV text into records with their line numbers (csv-parse, RFC 4180 quoting).
 * A structural error (unclosed quote, record over the size limit) rejects the file with its line.
 */
export function parseCsv(file: SourceFile, options: { toLine?: number } = {}): CsvRecord[] {
  try {
    const rows = parse(file.text, {
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_BYTES,
      info: true,
      to_line: options.toLine,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // info.lines is the line where the record ends; for the single-line records of these files that is its start.
    return rows.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    const line = e.lines ?? 0;
    throw new ImportRejectedError(file.name, [{ file: file.name, row: line, column: '', message: `not readable as CSV: ${e.message}` }], 1);
  }
}
