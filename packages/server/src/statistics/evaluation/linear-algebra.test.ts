import { describe, expect, test } from '@jest/globals';
import { sampleCovariance, solveLinearSystem } from './linear-algebra';

describe('solveLinearSystem', () => {
  test('solves a 2×2 system', () => {
    // 2x + y = 3, x + 3y = 5 → x = 0.8, y = 1.4
    expect(solveLinearSystem([[2, 1], [1, 3]], [3, 5])).toEqual([expect.closeTo(0.8, 14), expect.closeTo(1.4, 14)]);
  });
  test('pivots past a zero on the diagonal', () => {
    // y = 2, x = 3
    expect(solveLinearSystem([[0, 1], [1, 0]], [2, 3])).toEqual([3, 2]);
  });
  test('returns null for a singular matrix', () => {
    expect(solveLinearSystem([[1, 2], [2, 4]], [1, 2])).toBeNull();
  });
  test('leaves its arguments unchanged', () => {
    const matrix = [[2, 1], [1, 3]];
    solveLinearSystem(matrix, [3, 5]);
    expect(matrix).toEqual([[2, 1], [1, 3]]);
  });
});

describe('sampleCovariance', () => {
  test('divides by n − 1', () => {
    // means (2, 4); deviations (−1, −2) and (1, 2): Σ = [[2, 4], [4, 8]] / 1
    expect(sampleCovariance([[1, 2], [3, 6]])).toEqual([[2, 4], [4, 8]]);
  });
  test('gives a zero covariance for independent columns', () => {
    expect(sampleCovariance([[1, 1], [-1, 1], [1, -1], [-1, -1]])[0][1]).toBe(0);
  });
});
