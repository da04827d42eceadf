/** Small dense linear algebra for the evaluation's solvers: matrices are arrays of rows. */

/** Relative pivot size below which a system is treated as singular. */
export const SINGULAR_PIVOT = 1e-12;

/**
 * Solves A·x = b by Gaussian elimination with partial pivoting, leaving A and b unchanged.
 * Returns `null` when A is singular to working precision (a pivot below {@link SINGULAR_PIVOT}
 * times the largest entry of A).
 *
 * @example
 * solveLinearSystem([[2, 1], [1, 3]], [3, 5]); // [0.8, 1.4]
 */
export function solveLinearSystem(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]]);
  let scale = 0;
  for (const row of matrix) for (const value of row) scale = Math.max(scale, Math.abs(value));
  if (scale === 0) return null;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivotRow][col])) pivotRow = r;
    if (Math.abs(a[pivotRow][col]) <= SINGULAR_PIVOT * scale) return null;
    if (pivotRow !== col) [a[col], a[pivotRow]] = [a[pivotRow], a[col]];
    const pivot = a[col][col];
    for (let r = col + 1; r < n; r++) {
      const factor = a[r][col] / pivot;
      if (factor === 0) continue;
      for (let k = col; k <= n; k++) a[r][k] -= factor * a[col][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = a[r][n];
    for (let k = r + 1; k < n; k++) sum -= a[r][k] * x[k];
    x[r] = sum / a[r][r];
  }
  return x;
}

/**
 * The sample covariance matrix (divisor n − 1) of the rows of `observations` (one row per draw,
 * one column per variable).
 *
 * @example
 * sampleCovariance([[1, 2], [3, 6]]); // [[2, 4], [4, 8]]
 */
export function sampleCovariance(observations: readonly (readonly number[])[]): number[][] {
  const n = observations.length;
  const k = n === 0 ? 0 : observations[0].length;
  const means = new Array<number>(k).fill(0);
  for (const row of observations) for (let j = 0; j < k; j++) means[j] += row[j] / n;
  const covariance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const row of observations) {
    for (let i = 0; i < k; i++) {
      const di = row[i] - means[i];
      for (let j = i; j < k; j++) covariance[i][j] += (di * (row[j] - means[j])) / (n - 1);
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) covariance[i][j] = covariance[j][i];
  return covariance;
}
