import { parseCsv } from '../csv';
import { ImportRejectedError, IssueList } from '../import-issue';
import type { LaLookupFile } from '../parsed-file';
import type { ReferenceContext } from '../reference-context';
import type { SourceFile } from '../source-file';

const COLUMNS = [
  'old_la_code',
  'la_name',
  'new_la_code_latest_in_sen2',
  'ons_code_current',
  'region_code',
  'region_name',
  'first_period_in_sen2_2025_release',
  'last_period_in_sen2_2025_release',
  'current_la',
  'dbv_tranche',
  'safety_valve_year',
  'notes',
] as const;

/** A name that could not be a spreadsheet formula and reads as a place name. */
export const SAFE_NAME = /^[A-Za-z][A-Za-z0-9 ,.'()&-]*$/;
const E_CODE = /^E\d{8}$/;
const PERIOD = /^\d{6}$/;

/**
 * Reader for the LA lookup: one row per DfE LA number (153 current, 5 predecessors) with its
 * E-codes, region and first/last period. Programme columns are not loaded here: membership comes
 * from programme_membership.json, which carries each list's source and known gaps.
 */
export const laLookupReader = {
  name: 'LA lookup',

  recognises(file: SourceFile): boolean {
    const first = file.text.slice(0, 300).split(/\r?\n/, 1)[0].toLowerCase();
    return first.startsWith('old_la_code,la_name,new_la_code_latest_in_sen2');
  },

  read(file: SourceFile, reference: ReferenceContext): LaLookupFile {
    const records = parseCsv(file);
    const issues = new IssueList(file.name);
    const header = records[0].cells.map((c) => c.trim().toLowerCase());
    for (const name of COLUMNS) if (!header.includes(name)) issues.add(1, name, 'missing column');
    for (const name of header) if (!(COLUMNS as readonly string[]).includes(name)) issues.add(1, name, 'unknown column', name);
    if (!issues.empty) throw ImportRejectedError.fromList(issues);
    const at = (cells: string[], name: (typeof COLUMNS)[number]) => (cells[header.indexOf(name)] ?? '').trim();

    const authorities: LaLookupFile['authorities'] = [];
    const seenCodes = new Map<string, number>();
    const seenECodes = new Map<string, string>();
    let rowsRead = 0;
    for (const { line, cells } of records.slice(1)) {
      if (cells.length === 1 && cells[0].trim() === '') continue;
      rowsRead++;
      if (cells.length !== header.length) {
        issues.add(line, '', `expected ${header.length} cells, found ${cells.length}`);
        continue;
      }
      const laCode = at(cells, 'old_la_code');
      const name = at(cells, 'la_name');
      const onsCode = at(cells, 'ons_code_current');
      const sen2Codes = at(cells, 'new_la_code_latest_in_sen2').split('|').map((c) => c.trim());
      const regionCode = at(cells, 'region_code');
      const current = at(cells, 'current_la');
      const first = at(cells, 'first_period_in_sen2_2025_release');
      const last = at(cells, 'last_period_in_sen2_2025_release');
      if (!/^\d{3}$/.test(laCode)) issues.add(line, 'old_la_code', 'not a 3-digit DfE LA number', laCode);
      else if (seenCodes.has(laCode)) issues.add(line, 'old_la_code', `duplicate LA number (also line ${seenCodes.get(laCode)})`, laCode);
      else seenCodes.set(laCode, line);
      if (!SAFE_NAME.test(name)) issues.add(line, 'la_name', 'not a plausible LA name (letters, digits, spaces and , . \' ( ) & - only)', name);
      if (!E_CODE.test(onsCode)) issues.add(line, 'ons_code_current', 'not an ONS E-code', onsCode);
      for (const code of new Set([...sen2Codes, onsCode])) {
        if (!E_CODE.test(code)) issues.add(line, 'new_la_code_latest_in_sen2', 'not an ONS E-code', code);
        else if (seenECodes.has(code) && seenECodes.get(code) !== laCode) issues.add(line, 'new_la_code_latest_in_sen2', `E-code already given to LA ${seenECodes.get(code)}`, code);
        else seenECodes.set(code, laCode);
      }
      if (!reference.regions.has(regionCode) || !/^E12/.test(regionCode)) issues.add(line, 'region_code', 'unknown region code', regionCode);
      if (!/^(yes|no\b)/.test(current)) issues.add(line, 'current_la', 'expected "yes" or "no (predecessor LA)"', current);
      for (const [column, value] of [['first_period_in_sen2_2025_release', first], ['last_period_in_sen2_2025_release', last]] as const) {
        if (value !== '' && !PERIOD.test(value)) issues.add(line, column, 'not an academic-year period code', value);
      }
      authorities.push({
        laCode,
        name,
        onsCode,
        sen2Codes,
        regionCode,
        isCurrent: current.startsWith('yes'),
        firstPeriod: first ? Number(first) : null,
        lastPeriod: last ? Number(last) : null,
        notes: at(cells, 'notes') || null,
      });
    }
    if (!issues.empty) throw ImportRejectedError.fromList(issues);
    if (authorities.length === 0) {
      issues.add(2, '', 'the file has a header but no rows');
      throw ImportRejectedError.fromList(issues);
    }
    return {
      kind: 'la_lookup',
      rowsRead,
      authorities,
      warnings: ['dbv_tranche and safety_valve_year are not loaded from this file: programme membership comes from programme_membership.json'],
    };
  },
};
