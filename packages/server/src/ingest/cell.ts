import { SYMBOL_ALIASES, type Status } from '@sendbench/schema';

export type Cell = { value: number; status: 'value' } | { value: null; status: Exclude<Status, 'value'> };

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads one published cell: a plain number, or a symbol that stands for a missing figure.
 * Returns undefined for anything else (the caller reports it). A symbol is never read as zero.
 *
 * @example parseCell('43.6') // { value: 43.6, status: 'value' }
 * @example parseCell('x')    // { value: null, status: 'x' }
 */
export function parseCell(raw: string): Cell | undefined {
  const text = raw.trim();
  if (NUMBER.test(text)) return { value: Number(text), status: 'value' };
  const symbol = SYMBOL_ALIASES[text.toLowerCase()];
  return symbol ? { value: null, status: symbol } : undefined;
}

/** Numbers as MoJ tables print them: "2,533", "1.30%", " - " (nil), " .. " (not available). */
export function parseFormattedCell(raw: string): Cell | undefined {
  const text = raw.trim();
  if (text === '-') return { value: 0, status: 'value' };
  const plain = text.replace(/,(?=\d{3}\b)/g, '').replace(/%$/, '');
  return parseCell(plain);
}
