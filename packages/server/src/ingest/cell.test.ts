import { describe, expect, test } from '@jest/globals';
import { parseCell, parseFormattedCell } from './cell';

const SYMBOLS = [
  { raw: 'x', status: 'x' },
  { raw: 'z', status: 'z' },
  { raw: 'c', status: 'c' },
  { raw: 'low', status: 'low' },
  { raw: 'u', status: 'u' },
  { raw: 'k', status: 'k' },
  { raw: ':', status: ':' },
  { raw: ' X ', status: 'x' },
  { raw: '..', status: 'x' },
  { raw: '~', status: 'c' },
];

const NUMBERS = [
  { raw: '43.6', value: 43.6 },
  { raw: '0', value: 0 },
  { raw: ' 638745 ', value: 638_745 },
  { raw: '-1.5', value: -1.5 },
  { raw: '.5', value: 0.5 },
  { raw: '1e3', value: 1_000 },
];

const NOT_CELLS = ['', '1,234', '4I664', '12abc', 'NaN', 'Infinity', '-', 'null'];

describe('parseCell', () => {
  test.each(SYMBOLS)('reads symbol "$raw" as status $status with no number', ({ raw, status }) => {
    expect(parseCell(raw)).toEqual({ value: null, status });
  });

  test.each(NUMBERS)('reads "$raw" as the number $value', ({ raw, value }) => {
    expect(parseCell(raw)).toEqual({ value, status: 'value' });
  });

  test.each(NOT_CELLS)('rejects "%s" as neither a number nor a symbol', (raw) => {
    expect(parseCell(raw)).toBeUndefined();
  });
});

describe('parseFormattedCell', () => {
  test('reads a thousands separator in "1,234"', () => {
    expect(parseFormattedCell('1,234')).toEqual({ value: 1_234, status: 'value' });
  });

  test('reads a quoted figure with separators and padding " 2,533 "', () => {
    expect(parseFormattedCell(' 2,533 ')).toEqual({ value: 2_533, status: 'value' });
  });

  test('reads a percentage "1.30%" as 1.3', () => {
    expect(parseFormattedCell('1.30%')).toEqual({ value: 1.3, status: 'value' });
  });

  test('reads the nil " - " as zero', () => {
    expect(parseFormattedCell(' - ')).toEqual({ value: 0, status: 'value' });
  });

  test('reads " .. " as not available with no number', () => {
    expect(parseFormattedCell(' .. ')).toEqual({ value: null, status: 'x' });
  });

  test('rejects a comma that is not a thousands separator in "12,34"', () => {
    expect(parseFormattedCell('12,34')).toBeUndefined();
  });
});
