import { describe, expect, test } from 'vitest';
import { csvValue, formatAxis, formatCount, formatValue, lowerFirst, ordinal, quartileLabel, roundTo, unitLabel } from './format-value';

const percent = { unit: 'PERCENT', decimals: 1 } as const;
const count = { unit: 'COUNT', decimals: 0 } as const;

describe('formatValue', () => {
  test('shows counts with thousands separators', () => {
    expect(formatValue(20635, 'value', count)).toBe('20,635');
    expect(formatValue(638745, 'value', count)).toBe('638,745');
  });

  test('shows percentages to the metric decimals', () => {
    expect(formatValue(43.6, 'value', percent)).toBe('43.6%');
    expect(formatValue(40, 'value', percent)).toBe('40.0%');
    expect(formatValue(36.05, 'value', percent)).toBe('36.1%');
  });

  test('shows money, per plan and per head in pounds', () => {
    expect(formatValue(14944.4, 'value', { unit: 'GBP_PER_PLAN', decimals: 0 })).toBe('£14,944');
    expect(formatValue(312345678.9, 'value', { unit: 'GBP', decimals: 0 })).toBe('£312,345,679');
    expect(formatValue(523.5, 'value', { unit: 'GBP_PER_HEAD', decimals: 0 })).toBe('£524');
  });

  test('shows rates per 1,000', () => {
    expect(formatValue(34.25, 'value', { unit: 'RATE_PER_1000', decimals: 1 })).toBe('34.3 per 1,000');
  });

  test.each(['x', 'z', 'c', 'low', 'u', 'k', ':'])('keeps the suppression symbol %j and never shows it as zero', (symbol) => {
    expect(formatValue(null, symbol, percent)).toBe(symbol);
    expect(formatValue(0, symbol, count)).toBe(symbol);
  });

  test('shows a missing value without a status as x, not 0', () => {
    expect(formatValue(null, 'value', count)).toBe('x');
    expect(formatValue(undefined, 'value', count)).toBe('x');
  });

  test('writes negative values with a minus sign and drops it when they round to zero', () => {
    expect(formatValue(-0.0331, 'value', percent)).toBe('0.0%');
    expect(formatValue(-2.51, 'value', percent)).toBe('−2.5%');
  });
});

describe('roundTo', () => {
  test('rounds half away from zero on the decimal digits', () => {
    expect(roundTo(2.345, 2)).toBe(2.35);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.5, 0)).toBe(1);
  });
});

describe('csvValue', () => {
  test('gives rounded numbers and keeps symbols', () => {
    expect(csvValue(36.0999, 'value', 1)).toBe(36.1);
    expect(csvValue(null, 'c', 1)).toBe('c');
    expect(csvValue(null, 'low', 0)).toBe('low');
  });
});

describe('formatAxis', () => {
  test('abbreviates large values for axis ticks', () => {
    expect(formatAxis(15000, 'GBP_PER_PLAN')).toBe('£15k');
    expect(formatAxis(312000000, 'GBP')).toBe('£312m');
    expect(formatAxis(45, 'PERCENT')).toBe('45%');
  });
});

describe('labels', () => {
  test('names units and quartile bands in words', () => {
    expect(unitLabel('RATE_PER_1000')).toBe('per 1,000');
    expect(quartileLabel(1)).toBe('Lowest quarter');
    expect(quartileLabel(4)).toBe('Highest quarter');
    expect(quartileLabel(null)).toBe('No band');
  });

  test('lowers the first letter of a label used mid-sentence but keeps acronyms', () => {
    expect(lowerFirst('High-needs spend')).toBe('high-needs spend');
    expect(lowerFirst('EHC plans at January')).toBe('EHC plans at January');
    expect(lowerFirst('% of plans')).toBe('% of plans');
  });
});

describe('counts and ranks in prose', () => {
  test('group digits, and give ranks their English suffix', () => {
    expect([formatCount(153), formatCount(15300), ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(12), ordinal(22), ordinal(113), ordinal(12859)]).toEqual([
      '153', '15,300', '1st', '2nd', '3rd', '11th', '12th', '22nd', '113th', '12,859th',
    ]);
  });
});
