import { describe, expect, test } from '@jest/globals';
import { firstPeriodAfterStart, isAfterStart } from './start-periods';

describe('isAfterStart', () => {
  test.each([
    ['january', 202122, { year: 2022, month: 9 }, false],
    ['january', 202223, { year: 2022, month: 9 }, true],
    ['january', 202223, { year: 2023, month: 1 }, false],
    ['january', 202324, { year: 2023, month: 1 }, true],
    ['january', 202122, { year: 2021, month: 3 }, true],
    ['calendar_year', 2022, { year: 2022, month: 9 }, false],
    ['calendar_year', 2023, { year: 2022, month: 9 }, true],
    ['calendar_year', 2023, { year: 2023, month: 1 }, true],
    ['calendar_year', 2021, { year: 2021, month: 3 }, false],
    ['financial_year', 202021, { year: 2021, month: 3 }, false],
    ['financial_year', 202122, { year: 2021, month: 3 }, true],
    ['financial_year', 202223, { year: 2022, month: 9 }, false],
    ['financial_year', 202324, { year: 2022, month: 9 }, true],
    ['financial_year', 202324, { year: 2023, month: 4 }, true],
  ] as const)('classifies %s period %i against a start in %o as after: %s', (type, code, start, expected) => {
    expect(isAfterStart(type, code, start)).toBe(expected);
  });
});

describe('firstPeriodAfterStart', () => {
  test('finds the first January census after an autumn start', () => {
    expect(firstPeriodAfterStart('january', [201920, 202021, 202122, 202223, 202324], { year: 2022, month: 9 })).toBe(202223);
  });

  test('finds nothing when the series ends before the start', () => {
    expect(firstPeriodAfterStart('financial_year', [201920, 202021, 202122], { year: 2022, month: 9 })).toBeUndefined();
  });
});
