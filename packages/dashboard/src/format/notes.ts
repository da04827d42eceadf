import type { FootnoteFragment } from '../gql/graphql';

export type Footnote = FootnoteFragment;

/**
 * Data-quality notes numbered once per view, in the order their values are shown: a value's marker
 * ("[1]", "[1, 2]") points at the numbered list under the chart or table, in the CSV's notes column
 * and its footer, and in the sentence that reads the value. A note on several values keeps one number.
 */
export interface Footnotes {
  /** Every distinct note, in numbering order (note n is list[n - 1]). */
  list: Footnote[];
  /** The marker of a value's notes: " [1, 2]", or "" without notes. */
  marker(notes: readonly Footnote[] | null | undefined): string;
  /** A note's number (0 for a note not in the list). */
  numberOf(note: Footnote): number;
}

export function numberFootnotes(groups: Iterable<readonly Footnote[] | null | undefined>): Footnotes {
  const numbers = new Map<string, number>();
  const list: Footnote[] = [];
  for (const notes of groups) {
    for (const note of notes ?? []) {
      if (numbers.has(note.id)) continue;
      list.push(note);
      numbers.set(note.id, list.length);
    }
  }
  return {
    list,
    marker: (notes) => (notes?.length ? ` [${[...new Set(notes.map((n) => numbers.get(n.id) ?? 0))].join(', ')}]` : ''),
    numberOf: (note) => numbers.get(note.id) ?? 0,
  };
}

/** How a note reads in words: "Check: …" for the automatic flag, "Note: …" for a curated one. */
export function footnoteText(note: Footnote): string {
  return `${note.kind === 'CHECK' ? 'Check' : 'Note'}: ${note.text.replace(/^Check: /, '')}`;
}

/** The lines a CSV or an image footer carries: "[1] Check: … (Source: …)". */
export function footnoteLines(footnotes: Footnotes): string[] {
  return footnotes.list.map((note, i) => `[${i + 1}] ${footnoteText(note)} Source: ${note.source}.`);
}

/** A value's notes in one CSV cell, by number and kind: "[1] note; [2] check". */
export function footnoteCell(footnotes: Footnotes, notes: readonly Footnote[] | null | undefined): string {
  if (!notes?.length) return '';
  return notes.map((note) => `[${footnotes.numberOf(note)}] ${note.kind === 'CHECK' ? 'check' : 'note'}`).join('; ');
}
