import fs from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { OFFICIAL_FILES } from '../../../test/support/official-data';
import { CURATED_NOTES_FILE, curatedNotes, curatedNotesOn, parseCuratedNotes } from './curated-notes';

const HEADER = 'la,metric,period,note,source\n';

/** Every DfE LA number in the official LA lookup. */
function lookupCodes(): string[] {
  return (parse(fs.readFileSync(OFFICIAL_FILES.laLookup), { bom: true, columns: true }) as { old_la_code: string }[]).map((r) => r.old_la_code);
}

describe('curated data-quality notes', () => {
  test('reads the shipped file with a known authority on every row', () => {
    const codes = new Set(lookupCodes());
    expect(curatedNotes().filter((n) => n.la !== null && !codes.has(n.la))).toEqual([]);
    expect(curatedNotes().length).toBeGreaterThanOrEqual(15);
  });

  test('puts the Newham note on every caseload metric of January 2025', () => {
    const onPlans = curatedNotesOn('ehc_plans', '316', 202425).map((n) => n.note);
    const onMainstream = curatedNotesOn('pct_plans_mainstream', '316', 202425).map((n) => n.note);
    expect(onPlans).toEqual([expect.stringContaining('1,199')]);
    expect(onMainstream).toEqual(onPlans);
  });

  test('puts no Newham note on January 2024 or on another authority', () => {
    expect([curatedNotesOn('ehc_plans', '316', 202324), curatedNotesOn('ehc_plans', '886', 202425)]).toEqual([[], []]);
  });

  test('puts the 2023 series break on process metrics of every area, England included', () => {
    expect(curatedNotesOn('pct_issued_within_20_weeks', 'E92000001', 2023).map((n) => n.selector)).toEqual(['series-break']);
    expect(curatedNotesOn('ehc_plans', 'E92000001', 202223)).toEqual([]);
  });

  test('puts the boundary change on every kind of first period of Cumberland, beside the 2023 series break', () => {
    expect([curatedNotesOn('ehc_plans', '942', 202324), curatedNotesOn('requests_received', '942', 2023), curatedNotesOn('hn_spend_top_up_and_services', '942', 202324)].map((notes) => notes.map((n) => n.selector))).toEqual([
      ['*'],
      ['series-break', '*'],
      ['*'],
    ]);
  });

  test('rejects an authority that is not a DfE number, naming the line and field', () => {
    expect(() => parseCuratedNotes(`${HEADER}Kent,ehc_plans,202425,a note,a source\n`, 'notes.csv')).toThrow('notes.csv, line 2, la: "Kent" is neither * nor a 3-digit DfE LA number');
  });

  test('rejects an unknown metric selector, naming the line and field', () => {
    expect(() => parseCuratedNotes(`${HEADER}886,ehc_plan,202425,a note,a source\n`, 'notes.csv')).toThrow('notes.csv, line 2, metric: unknown metric "ehc_plan"');
  });

  test('rejects a period that fits none of the named metrics', () => {
    expect(() => parseCuratedNotes(`${HEADER}886,ehc_plans,2024,a note,a source\n`, 'notes.csv')).toThrow('notes.csv, line 2, period: 2024 is not a period of any metric');
  });

  test('rejects a row without a source', () => {
    expect(() => parseCuratedNotes(`${HEADER}886,ehc_plans,202425,a note,\n`, 'notes.csv')).toThrow('notes.csv, line 2, source: is empty');
  });

  test('ships the notes file with the schema package', () => {
    expect(fs.existsSync(CURATED_NOTES_FILE)).toBe(true);
  });
});
