import { describe, expect, test } from 'vitest';
import { footnoteCell, footnoteLines, numberFootnotes } from './notes';

const newham = { id: 'note:2', kind: 'NOTE' as const, text: "Newham's EHC plans at January 2025 (1,199) are fewer than half of January 2024's (2,705).", source: 'DfE caseload.csv' };
const check = { id: 'check:ehc_plans:316:202425', kind: 'CHECK' as const, text: 'Check: far outside its usual change.', source: 'SENDbench rule' };
const breakNote = { id: 'note:3', kind: 'NOTE' as const, text: 'Series break.', source: 'DfE guidance' };

describe('footnotes', () => {
  test('numbers each note once in the order values show them', () => {
    const footnotes = numberFootnotes([[newham, check], [], null, [breakNote, newham]]);
    expect(footnotes.list.map((n) => n.id)).toEqual(['note:2', 'check:ehc_plans:316:202425', 'note:3']);
    expect([footnotes.marker([newham, check]), footnotes.marker([breakNote]), footnotes.marker([])]).toEqual([' [1, 2]', ' [3]', '']);
  });

  test('writes csv cells and footer lines with kinds, numbers and sources', () => {
    const footnotes = numberFootnotes([[newham, check]]);
    expect(footnoteCell(footnotes, [newham, check])).toBe('[1] note; [2] check');
    expect(footnoteLines(footnotes)).toEqual([
      "[1] Note: Newham's EHC plans at January 2025 (1,199) are fewer than half of January 2024's (2,705). Source: DfE caseload.csv.",
      '[2] Check: far outside its usual change. Source: SENDbench rule.',
    ]);
  });
});
