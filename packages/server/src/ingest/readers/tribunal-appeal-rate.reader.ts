import { datasetById, ENGLAND_CODE } from '@sendbench/schema';
import { type Cell, parseFormattedCell } from '../cell';
import { parseCsv } from '../csv';
import { ImportRejectedError, IssueList } from '../import-issue';
import { emptyColumns, type ObservationFile } from '../parsed-file';
import { findLaByName, type KnownAuthority, normaliseLaName, type ReferenceContext } from '../reference-context';
import type { SourceFile } from '../source-file';

const TITLE = /^SEND Appeal rate table 1/i;
const YEAR = /^\d{4}$/;

/** The three figures published per year, in order, and the two "in development" ones that close the table. */
const PER_YEAR = ['appeals_registered', 'appealable_decisions', 'appeal_rate_pc'] as const;
const IN_DEVELOPMENT = ['appealable_decisions_in_development', 'appeal_rate_in_development_pc'] as const;

/**
 * Reader for the MoJ/DfE "SEND Appeal rate table 1" supporting file: a spreadsheet saved as CSV,
 * with a title, a two-line header (years, then three columns per year), region heading rows, LA
 * rows ("Name<footnote>", DfE number), an England total row and footnotes.
 *
 * Quirks handled: thousands separators and % signs; " - " is nil (0); " .. " is not available;
 * footnote digits after names; Bournemouth and Poole have no code; five DfE numbers in the file
 * belong to other LAs (Nottingham/Nottinghamshire/Northamptonshire, Cambridgeshire/Central
 * Bedfordshire), so rows are matched by name and a code that disagrees is reported as a warning;
 * Dorset before 2019 is the predecessor county (835).
 */
export const tribunalAppealRateReader = {
  name: 'SEND Tribunal appeal-rate table',

  recognises(file: SourceFile): boolean {
    return TITLE.test(file.text.slice(0, 200).replace(/^"/, ''));
  },

  read(file: SourceFile, reference: ReferenceContext): ObservationFile {
    const dataset = datasetById('send_tribunal_appeal_rate');
    const records = parseCsv(file);
    const issues = new IssueList(file.name);
    const warnings: string[] = [];
    const headerIndex = records.findIndex((r) => r.cells[0]?.trim() === 'Local Authority' && r.cells[1]?.trim() === 'LA code');
    if (headerIndex < 0 || !records[headerIndex + 1]) {
      issues.add(1, 'Local Authority', 'header row "Local Authority, LA code, <years>" not found');
      throw ImportRejectedError.fromList(issues);
    }
    if (reference.authorities.size === 0) {
      issues.add(1, 'LA code', 'no local authorities are known yet: import the LA lookup first');
      throw ImportRejectedError.fromList(issues);
    }

    // Years sit over the first of their three columns.
    const yearRow = records[headerIndex].cells;
    const subRow = records[headerIndex + 1].cells;
    const yearColumns: { year: number; index: number }[] = [];
    yearRow.forEach((cell, index) => {
      if (YEAR.test(cell.trim())) yearColumns.push({ year: Number(cell.trim()), index });
    });
    for (const { year, index } of yearColumns) {
      const labels = subRow.slice(index, index + 3).map((s) => s.trim().toLowerCase());
      if (!labels[0]?.startsWith('appeals registered') || !labels[1]?.startsWith('total appealable decisions') || !labels[2]?.startsWith('send tribunal appeal rate')) {
        issues.add(headerIndex + 2, String(year), 'expected "Appeals registered, Total Appealable Decisions, SEND Tribunal Appeal Rate" under each year', labels.join(' / '));
      }
    }
    const lastYear = yearColumns.at(-1);
    const developmentIndex = subRow.findIndex((s) => /^in development: total appealable decisions/i.test(s.trim()));
    if (yearColumns.length === 0) issues.add(headerIndex + 1, '', 'no year columns found');
    if (!issues.empty) throw ImportRejectedError.fromList(issues);

    const observations = emptyColumns();
    const seen = new Map<string, number>();
    let rowsRead = 0;
    let rowsLoaded = 0;
    const mismatched: string[] = [];

    const push = (area: string, year: number, measure: string, cell: Cell) => {
      observations.measure.push(measure);
      observations.breakdown.push('');
      observations.area.push(area);
      observations.period.push(year);
      observations.value.push(cell.value);
      observations.status.push(cell.status);
    };

    for (const { line, cells } of records.slice(headerIndex + 2)) {
      const name = cells[0]?.trim() ?? '';
      const code = cells[1]?.trim() ?? '';
      const hasFigures = cells.slice(2).some((c) => c.trim() !== '');
      if (name === '' && !hasFigures) break; // the blank line before the footnotes ends the table
      if (!hasFigures) continue; // region headings
      if (/^england total excluding suppressed/i.test(name)) {
        warnings.push(`line ${line}: "England total excluding suppressed" not loaded (a partial total)`);
        continue;
      }
      rowsRead++;
      const before = issues.total;

      let authority: KnownAuthority | undefined;
      let area: string;
      if (/^england total/i.test(name)) {
        area = ENGLAND_CODE;
      } else {
        const byCode = code ? reference.authorities.get(code) : undefined;
        const byName = findLaByName(reference, name);
        if (byCode && normaliseLaName(byCode.name) === normaliseLaName(name)) authority = byCode;
        else if (byName) {
          authority = byName;
          if (code) mismatched.push(`${name.replace(/[\d,]+$/, '')} is ${byName.laCode}, not ${code}`);
        } else {
          issues.add(line, code ? 'LA code' : 'Local Authority', 'LA not found by name or code', `${name} ${code}`.trim());
          continue;
        }
        area = authority.laCode;
      }

      for (const { year, index } of yearColumns) {
        const yearArea = authority ? areaForYear(authority, year, reference) : area;
        const key = `${yearArea}|${year}`;
        if (seen.has(key)) {
          issues.add(line, String(year), `duplicate figures for ${yearArea} in ${year} (also line ${seen.get(key)})`, name);
          continue;
        }
        seen.set(key, line);
        PER_YEAR.forEach((measure, offset) => {
          const raw = cells[index + offset] ?? '';
          const cell = raw.trim() === '' ? ({ value: null, status: 'x' } as const) : parseFormattedCell(raw);
          if (!cell) issues.add(line, `${year} ${measure}`, 'not a number or a known symbol (-, .., ~)', raw);
          else push(yearArea, year, measure, cell);
        });
      }
      if (lastYear && developmentIndex > 0) {
        IN_DEVELOPMENT.forEach((measure, offset) => {
          const raw = cells[developmentIndex + offset] ?? '';
          if (raw.trim() === '') return;
          const cell = parseFormattedCell(raw);
          if (!cell) issues.add(line, measure, 'not a number or a known symbol', raw);
          else push(area, lastYear.year, measure, cell);
        });
      }
      if (issues.total === before) rowsLoaded++;
    }

    if (!issues.empty) throw ImportRejectedError.fromList(issues);
    if (mismatched.length > 0) warnings.push(`LA codes in the file that belong to other LAs; rows matched by name: ${mismatched.join('; ')}`);
    return {
      kind: 'observations',
      dataset,
      edition: lastYear?.year ?? 0,
      rowsRead,
      rowsLoaded,
      observations,
      newAliases: [],
      warnings,
    };
  },
};

/**
 * An LA created by reorganisation under the name of a predecessor (Dorset 838, April 2019) did not
 * exist before its first period: earlier figures belong to the predecessor of the same name.
 */
function areaForYear(authority: KnownAuthority, year: number, reference: ReferenceContext): string {
  if (authority.firstPeriod === null || year >= Math.floor(authority.firstPeriod / 100)) return authority.laCode;
  const predecessor = [...reference.authorities.values()].find(
    (la) => !la.isCurrent && la.laCode !== authority.laCode && normaliseLaName(la.name) === normaliseLaName(authority.name),
  );
  return predecessor?.laCode ?? authority.laCode;
}
