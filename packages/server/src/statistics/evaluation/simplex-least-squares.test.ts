import { describe, expect, test } from '@jest/globals';
import { solveSimplexLeastSquares } from './simplex-least-squares';

describe('solveSimplexLeastSquares', () => {
  test('recovers an exact convex combination of two columns', () => {
    // y = 0.3·a + 0.7·b; c and d are not needed
    const a = [1, 0, 2, 5];
    const b = [0, 1, 4, 1];
    const c = [3, 3, 0, 2];
    const d = [2, 5, 1, 0];
    const y = a.map((x, k) => 0.3 * x + 0.7 * b[k]);
    const { weights, squaredError } = solveSimplexLeastSquares([a, b, c, d], y);
    expect(weights).toEqual([expect.closeTo(0.3, 12), expect.closeTo(0.7, 12), 0, 0]);
    expect(squaredError).toBeCloseTo(0, 20);
  });
  test('projects a point outside the hull onto its nearest edge', () => {
    // columns (1, 0) and (0, 1); target (1, 1): nearest simplex point (0.5, 0.5), error 0.25 + 0.25
    expect(solveSimplexLeastSquares([[1, 0], [0, 1]], [1, 1])).toMatchObject({ weights: [0.5, 0.5], squaredError: 0.5 });
  });
  test('puts all weight on the nearest vertex when the target lies beyond it', () => {
    // a = (1, 1), b = (−1, −1): the segment ends at a, nearest to the target (2, 2)
    expect(solveSimplexLeastSquares([[1, 1], [-1, -1]], [2, 2]).weights).toEqual([1, 0]);
  });
  test('solves a three-donor interior point by hand', () => {
    // (1, 1) = w1(1, 0) + w2(0, 1) + w3(2, 2) with Σw = 1: w1 + 2w3 = 1 = w2 + 2w3 → w = (1/3, 1/3, 1/3)
    expect(solveSimplexLeastSquares([[1, 0], [0, 1], [2, 2]], [1, 1]).weights).toEqual([1 / 3, 1 / 3, 1 / 3].map((w) => expect.closeTo(w, 12)));
  });
  test('matches an independent KKT solution of a random problem', () => {
    // 6 donors over 5 periods; the optimum from NumPy on the support {0, 1, 4, 5}, whose
    // multipliers for donors 2 and 3 are 0.47 and 2.51 (> 0), error 0.25376502346239344.
    const columns = [
      [14.1, 6.0, 9.4, 11.9, 9.6],
      [4.9, 9.5, 8.7, 9.6, 11.1],
      [10.8, 8.3, 7.9, 10.0, 13.9],
      [8.9, 16.6, 9.2, 13.1, 9.5],
      [9.1, 10.5, 11.0, 11.1, 9.5],
      [9.6, 9.3, 9.5, 9.0, 12.0],
    ];
    const result = solveSimplexLeastSquares(columns, [9.1, 9.7, 10.9, 10.6, 10.1]);
    expect(result.weights).toEqual([0.057473034928551936, 0.06474970633588788, 0, 0, 0.7050278047132565, 0.17274945402230346].map((w) => expect.closeTo(w, 10)));
    expect(result.squaredError).toBeCloseTo(0.25376502346239344, 10);
  });
  test('keeps weights non-negative and summing to 1 with more donors than periods', () => {
    const { weights } = solveSimplexLeastSquares([[0, 0], [4, 0], [0, 4], [4, 4], [1, 3]], [1, 2]);
    expect(weights.every((w) => w >= 0)).toBe(true);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });
  test('fits a point inside the hull exactly with more donors than periods', () => {
    expect(solveSimplexLeastSquares([[0, 0], [4, 0], [0, 4], [4, 4], [1, 3]], [1, 2]).squaredError).toBeCloseTo(0, 20);
  });
  test('solves a problem in the tens of thousands as one in units', () => {
    // EHC plans per LA (≈ 20,000) over 13 periods: X′X ≈ 5e9 beside the KKT system's 1s, which a
    // pivot test relative to the largest entry read as singular.
    const columns = [[1, 0, 2], [0, 1, 4], [3, 3, 0]].map((column) => column.map((x) => 20_000 + 1_000 * x));
    const target = [20_300, 20_700, 23_400];
    expect(solveSimplexLeastSquares(columns, target).weights).toEqual([0.3, 0.7, 0].map((w) => expect.closeTo(w, 9)));
  });
  test('meets its optimality test', () => {
    expect(solveSimplexLeastSquares([[1, 0], [0, 1], [2, 2]], [3, -1]).violation).toBeLessThan(1e-9);
  });
  test('rejects an empty donor set', () => {
    expect(() => solveSimplexLeastSquares([], [1])).toThrow(RangeError);
  });
});
