import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OFFICIAL_FILES } from './official-data';

const made: string[] = [];

/**
 * Writes a copy of an official file, edited line by line, into a new temporary folder and returns
 * its path. The copy keeps the original's name unless `name` is given, so issues name the file a
 * user would recognise. Lines are split on \n and keep any \r and the byte-order mark.
 *
 * @example copyWithLines(OFFICIAL_FILES.onsPopulation, (lines) => lines.slice(0, -1))
 */
export function copyWithLines(source: string, edit: (lines: string[]) => string[], name = path.basename(source)): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-copy-'));
  made.push(dir);
  const target = path.join(dir, name);
  fs.writeFileSync(target, edit(fs.readFileSync(source, 'utf8').split('\n')).join('\n'));
  return target;
}

/**
 * Copies files into one new temporary folder, each in a subfolder numbered in the given order, and
 * returns their paths. An import reads files of the same kind in path order, so these are read in
 * the order given wherever the official data happen to live (a copy beside an original in
 * ../shared/data sorts before or after it depending on the checkout's place on disk).
 */
export function copiesInPathOrder(copies: readonly { source: string; edit?: (lines: string[]) => string[]; name?: string }[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-copies-'));
  made.push(dir);
  return copies.map(({ source, edit = (lines) => lines, name = path.basename(source) }, index) => {
    // Zero-padded, so that the tenth copy still sorts after the ninth.
    const target = path.join(dir, String(index + 1).padStart(3, '0'), name);
    fs.mkdirSync(path.dirname(target));
    fs.writeFileSync(target, edit(fs.readFileSync(source, 'utf8').split('\n')).join('\n'));
    return target;
  });
}

/** Replaces one cell of a line (0-based column) of a file without quoted cells, such as the extracts. */
export function withCell(line: string, column: number, value: string): string {
  const cells = line.split(',');
  cells[column] = value;
  return cells.join(',');
}

/** Removes every folder copyWithLines made (call in afterAll). */
export function removeCopies(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * caseload.csv (2025) cut to its "All EHC plans" rows: every area, period and indicator of the
 * headline series (every metric derived from the file), without the breakdowns by age, sex,
 * ethnicity and years in place that make up 95% of its 1.2 million figures. For tests that import
 * the file into a fresh database to check what the import derives from it.
 */
export function caseloadAllPlansCopy(): string {
  return copyWithLines(OFFICIAL_FILES.caseload, (lines) => lines.filter((line, index) => index === 0 || line.includes(',All EHC plans,All EHC plans,')));
}
