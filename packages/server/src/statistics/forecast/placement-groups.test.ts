import { describe, expect, test } from '@jest/globals';
import { ForecastInputError } from './forecast-input-error';
import { type ByGroup, groupShares, splitByShares, sumGroups } from './placement-groups';

// England, January 2025 (SEN2 2025 caseload.csv, All EHC plans): mainstream_total 278,236; special LA maintained
// 85,920 + academy/free 73,932 = 159,852; independent 29,647 + non-maintained 4,381 = 34,028; fe_total 88,158;
// other = 638,745 − 278,236 − 159,852 − 34,028 − 88,158 = 78,471.
const ENGLAND_2025: ByGroup = { mainstream: 278236, stateSpecial: 159852, independentSpecial: 34028, post16: 88158, other: 78471 };
const ENGLAND_SHARES = groupShares(ENGLAND_2025, 638745);

describe('groupShares', () => {
  test('gives England\'s mainstream share as published (43.6%)', () => {
    expect(Number((100 * ENGLAND_SHARES.mainstream).toFixed(1))).toBe(43.6);
  });

  test('gives other the remainder of the named groups', () => {
    expect(ENGLAND_SHARES.other).toBeCloseTo(78471 / 638745, 14);
  });

  test('ignores the other count given and takes the remainder', () => {
    expect(groupShares({ ...ENGLAND_2025, other: 0 }, 638745).other).toBeCloseTo(78471 / 638745, 14);
  });

  test('rejects groups adding up to more than the total', () => {
    expect(() => groupShares(ENGLAND_2025, 500000)).toThrow('groups: the placement groups add up to more than the total');
  });

  test('rejects a negative group naming it', () => {
    expect(() => groupShares({ ...ENGLAND_2025, post16: -1 }, 638745)).toThrow(new ForecastInputError('groups.post16', 'must be a finite number ≥ 0 (got -1)'));
  });

  test('rejects a zero total', () => {
    expect(() => groupShares(ENGLAND_2025, 0)).toThrow('groups.total: must be > 0 to give shares');
  });
});

describe('splitByShares', () => {
  test('splits 200 plans by round shares exactly', () => {
    expect(splitByShares(200, { mainstream: 0.5, stateSpecial: 0.3, independentSpecial: 0.05, post16: 0.1, other: 0.05 })).toEqual({
      mainstream: 100,
      stateSpecial: 60,
      independentSpecial: 10,
      post16: 20,
      other: 10,
    });
  });

  test('gives back the counts the shares came from', () => {
    const split = splitByShares(638745, ENGLAND_SHARES);
    expect(Object.values(split).map((v) => Number(v.toFixed(6)))).toEqual(Object.values(ENGLAND_2025));
  });

  test.each([638745, 703069.4, 1045716.123, 2712.5, 0.3, 0])('adds the groups up to a total of %p within 1e-9', (total) => {
    expect(Math.abs(sumGroups(splitByShares(total, ENGLAND_SHARES)) - total)).toBeLessThanOrEqual(1e-9);
  });

  test('never gives a negative remainder when the named shares add up to 1', () => {
    expect(splitByShares(0.7, { mainstream: 0.1, stateSpecial: 0.2, independentSpecial: 0.3, post16: 0.4, other: 0 }).other).toBeGreaterThanOrEqual(0);
  });
});
