import { describe, expect, test } from 'vitest';
import { buildCsv, csvCell, OGL_ATTRIBUTION, slug } from './csv';

describe('csvCell', () => {
  test.each(['=SUM(A1:A2)', '+44 20', '-1+2', '@cmd', '\tTAB', '\rCR'])('neutralises %j so a spreadsheet cannot run it', (text) => {
    expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
  });

  test('writes numbers, including negative ones, as numbers', () => {
    expect(csvCell(-3.2)).toBe('-3.2');
    expect(csvCell(20635)).toBe('20635');
  });

  test('quotes commas, quotes and line breaks', () => {
    expect(csvCell('DfE, Education')).toBe('"DfE, Education"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });

  test('leaves empty cells empty and keeps symbols', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('x')).toBe('x');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('buildCsv', () => {
  const csv = buildCsv({
    header: ['Authority', 'Value (%)', 'Status'],
    rows: [
      ['Kent', 36.1, 'value'],
      ['Cambridgeshire', 'x', 'x'],
    ],
    notes: ['Source: DfE, Education, health and care plans, reporting year 2025 (SEN2)'],
  });

  test('writes the header and rows with CRLF line ends', () => {
    expect(csv.startsWith('Authority,Value (%),Status\r\nKent,36.1,value\r\nCambridgeshire,x,x\r\n')).toBe(true);
  });

  test('ends with the source and the OGL attribution', () => {
    expect(csv).toContain('"Source: DfE, Education, health and care plans, reporting year 2025 (SEN2)"');
    expect(csv.trimEnd().endsWith(OGL_ATTRIBUTION)).toBe(true);
  });
});

describe('slug', () => {
  test('makes a file-name-safe name', () => {
    expect(slug('% of EHC plans in mainstream, January 2025')).toBe('of-ehc-plans-in-mainstream-january-2025');
  });
});
