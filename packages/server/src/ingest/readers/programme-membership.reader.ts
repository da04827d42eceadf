import { ImportRejectedError, IssueList } from '../import-issue';
import type { ProgrammeFile } from '../parsed-file';
import { findLaByName, type ReferenceContext } from '../reference-context';
import type { SourceFile } from '../source-file';

interface ProgrammeJson {
  dbv_in_send: Record<string, { las: string[]; source: string }>;
  dbv_notes?: string;
  safety_valve: Record<string, string[]>;
  safety_valve_notes?: string;
  sources?: string[];
}

/**
 * Expected number of agreements per year, read from the notes ("5 agreements 2020-21, 9 in 2021-22").
 * A year whose list is shorter, or whose count the notes do not give, is flagged incomplete.
 */
function expectedAgreements(notes: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of notes.matchAll(/(\d+)\s+(?:agreements\s+|in\s+)?(\d{4}-\d{2})/g)) counts.set(match[2], Number(match[1]));
  return counts;
}

/**
 * Reader for programme_membership.json: DBV in SEND tranches and Safety Valve agreements, by LA name,
 * with sources. Every list is marked incomplete unless the file shows it is whole.
 */
export const programmeMembershipReader = {
  name: 'programme membership',

  recognises(file: SourceFile): boolean {
    return /^\s*\{/.test(file.text.slice(0, 50)) && file.text.includes('"dbv_in_send"');
  },

  read(file: SourceFile, reference: ReferenceContext): ProgrammeFile {
    const issues = new IssueList(file.name);
    let json: ProgrammeJson;
    try {
      json = JSON.parse(file.text) as ProgrammeJson;
    } catch (error) {
      issues.add(0, '', `not valid JSON: ${(error as Error).message}`);
      throw ImportRejectedError.fromList(issues);
    }
    if (typeof json.dbv_in_send !== 'object' || typeof json.safety_valve !== 'object') {
      issues.add(0, 'dbv_in_send', 'expected objects "dbv_in_send" and "safety_valve"');
      throw ImportRejectedError.fromList(issues);
    }
    const rows: ProgrammeFile['rows'] = [];
    const resolve = (name: string, where: string) => {
      const la = findLaByName(reference, name);
      if (!la) issues.add(0, where, 'LA name not found in the LA lookup', name);
      return la?.laCode;
    };
    for (const [key, tranche] of Object.entries(json.dbv_in_send)) {
      const cohort = /^(\d)/.exec(key)?.[1];
      if (!cohort || !Array.isArray(tranche.las)) {
        issues.add(0, `dbv_in_send.${key}`, 'expected a tranche number and a list "las"', key);
        continue;
      }
      const partial = /partial/i.test(key);
      for (const name of tranche.las) {
        const laCode = resolve(name, `dbv_in_send.${key}`);
        if (laCode) rows.push({ programme: 'dbv', cohort, laCode, source: tranche.source, listIncomplete: partial, note: partial ? `tranche ${cohort} list is partial: ${json.dbv_notes ?? ''}`.trim() : null });
      }
    }
    const expected = expectedAgreements(json.safety_valve_notes ?? '');
    const svSource = (json.sources ?? []).find((s) => /very-high-deficit/.test(s)) ?? 'programme_membership.json';
    for (const [year, names] of Object.entries(json.safety_valve)) {
      if (!/^\d{4}-\d{2}$/.test(year) || !Array.isArray(names)) {
        issues.add(0, `safety_valve.${year}`, 'expected an agreement year (2022-23) and a list of names', year);
        continue;
      }
      const incomplete = (expected.get(year) ?? Number.POSITIVE_INFINITY) > names.length;
      for (const name of names) {
        const laCode = resolve(name, `safety_valve.${year}`);
        if (laCode) {
          rows.push({
            programme: 'safety_valve',
            cohort: year,
            laCode,
            source: svSource,
            listIncomplete: incomplete,
            note: incomplete ? `${names.length} of ${expected.get(year) ?? 'an unknown number of'} ${year} agreements are named` : null,
          });
        }
      }
    }
    if (!issues.empty) throw ImportRejectedError.fromList(issues);
    return { kind: 'programmes', rowsRead: rows.length, rows, warnings: [] };
  },
};
