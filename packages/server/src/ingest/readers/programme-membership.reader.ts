import { type JSONPath, visit } from 'jsonc-parser';
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

/** Where a key or an array item starts in the file: 1-based line and column. */
interface Position {
  line: number;
  column: number;
}

const PROGRAMME_NAMES = { dbv: 'DBV in SEND', safety_valve: 'Safety Valve' } as const;
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);
const pathKey = (path: JSONPath) => JSON.stringify(path);
const describePath = (path: JSONPath) => (path.length === 0 ? 'the top-level object' : path.join('.'));

/**
 * Walks the document with jsonc-parser: reports every key that appears twice in one object, at any
 * depth (JSON.parse would keep the last value silently), and returns where each key and each array
 * item starts, by JSON path, so that later problems can name their line and column.
 */
function locate(text: string, issues: IssueList): Map<string, Position> {
  const positions = new Map<string, Position>();
  const openObjects: Map<string, Position>[] = [];
  const arrayItem = (_offset: number, _length: number, line: number, character: number, pathSupplier: () => JSONPath) => {
    const path = pathSupplier();
    if (typeof path[path.length - 1] === 'number') positions.set(pathKey(path), { line: line + 1, column: character + 1 });
  };
  visit(
    text,
    {
      onObjectBegin: (...where) => {
        openObjects.push(new Map());
        arrayItem(...where);
      },
      onArrayBegin: arrayItem,
      onObjectEnd: () => {
        openObjects.pop();
      },
      onObjectProperty: (key, _offset, _length, line, character, pathSupplier) => {
        const here = { line: line + 1, column: character + 1 };
        const keys = openObjects[openObjects.length - 1];
        const first = keys.get(key);
        if (first) {
          const where = describePath(pathSupplier());
          issues.add(here.line, String(here.column), `duplicate key in ${where}, first at line ${first.line} column ${first.column}: JSON would keep only the last value`, key);
          return;
        }
        keys.set(key, here);
        positions.set(pathKey([...pathSupplier(), key]), here);
      },
      onLiteralValue: (_value, ...where) => arrayItem(...where),
    },
    { disallowComments: true },
  );
  return positions;
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
    const positions = locate(file.text, issues);
    if (!issues.empty) throw ImportRejectedError.fromList(issues);
    if (!isObject(json) || !isObject(json.dbv_in_send) || !isObject(json.safety_valve)) {
      issues.add(0, 'dbv_in_send', 'expected objects "dbv_in_send" and "safety_valve"');
      throw ImportRejectedError.fromList(issues);
    }
    /** Adds an issue at the line and column where `path` starts, or under its dotted name if it has no position. */
    const addAt = (path: JSONPath, message: string, value: string) => {
      const at = positions.get(pathKey(path));
      if (at) issues.add(at.line, String(at.column), message, value);
      else issues.add(0, describePath(path), message, value);
    };
    const rows: ProgrammeFile['rows'] = [];
    const listed = new Map<string, { path: JSONPath; name: string }>();
    /**
     * The LA code of the name at `path`, once per programme and cohort (a row's key): a second
     * listing there is an error, not a second row. The same LA in two cohorts is two rows.
     */
    const resolve = (programme: 'dbv' | 'safety_valve', cohort: string, path: JSONPath, name: unknown) => {
      const list = describePath(path.slice(0, -1));
      if (typeof name !== 'string') {
        addAt(path, `expected an LA name in ${list}`, JSON.stringify(name));
        return undefined;
      }
      const la = findLaByName(reference, name);
      if (!la) {
        addAt(path, `LA name not found in the LA lookup, in ${list}`, name);
        return undefined;
      }
      const first = listed.get(`${programme}:${cohort}:${la.laCode}`);
      if (first) {
        const at = positions.get(pathKey(first.path));
        const firstWhere = `${describePath(first.path.slice(0, -1))}${at ? ` at line ${at.line}` : ''}`;
        addAt(path, `LA listed twice in ${PROGRAMME_NAMES[programme]}, in ${list}; also as ${JSON.stringify(first.name)} in ${firstWhere}`, name);
        return undefined;
      }
      listed.set(`${programme}:${cohort}:${la.laCode}`, { path, name });
      return la.laCode;
    };
    for (const [key, tranche] of Object.entries(json.dbv_in_send)) {
      const cohort = /^(\d)/.exec(key)?.[1];
      if (!cohort || !isObject(tranche) || !Array.isArray(tranche.las) || typeof tranche.source !== 'string') {
        addAt(['dbv_in_send', key], 'expected a tranche number with a list "las" and a "source"', key);
        continue;
      }
      const partial = /partial/i.test(key);
      for (const [index, name] of tranche.las.entries()) {
        const laCode = resolve('dbv', cohort, ['dbv_in_send', key, 'las', index], name);
        if (laCode) rows.push({ programme: 'dbv', cohort, laCode, source: tranche.source, listIncomplete: partial, note: partial ? `tranche ${cohort} list is partial: ${json.dbv_notes ?? ''}`.trim() : null });
      }
    }
    const expected = expectedAgreements(json.safety_valve_notes ?? '');
    const svSource = (json.sources ?? []).find((s) => /very-high-deficit/.test(s)) ?? 'programme_membership.json';
    for (const [year, names] of Object.entries(json.safety_valve)) {
      if (!/^\d{4}-\d{2}$/.test(year) || !Array.isArray(names)) {
        addAt(['safety_valve', year], 'expected an agreement year (2022-23) and a list of names', year);
        continue;
      }
      const incomplete = (expected.get(year) ?? Number.POSITIVE_INFINITY) > names.length;
      for (const [index, name] of names.entries()) {
        const laCode = resolve('safety_valve', year, ['safety_valve', year, index], name);
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
