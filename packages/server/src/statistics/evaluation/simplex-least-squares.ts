import { SolverConvergenceError } from './evaluation-errors';
import { solveLinearSystem } from './linear-algebra';

/** Optimality violation, relative to the problem's scale, that the solution must be within. */
export const SIMPLEX_TOLERANCE = 1e-9;

export interface SimplexLeastSquares {
  /** One weight per column, each ≥ 0, summing to 1; exactly 0 off the support. */
  readonly weights: number[];
  /** ‖Σ_j w_j x_j − y‖², the squared error left. */
  readonly squaredError: number;
  readonly iterations: number;
  /** Largest KKT violation at the solution, relative to the largest diagonal of X′X. */
  readonly violation: number;
}

/**
 * Least squares on the probability simplex: minimises ‖X·w − y‖² over w ≥ 0 with Σ w = 1, where
 * `columns[j]` is column j of X (a donor's path over the fitting periods) and `target` is y.
 *
 * An exact primal active-set method (Lawson–Hanson's NNLS with the sum-to-one equality added):
 * start at the best single column; repeatedly solve the equality-constrained least squares on the
 * free set through its KKT system [X_F′X_F 1; 1′ 0][w; λ] = [X_F′y; 1]; if the solution leaves the
 * simplex, step back to the boundary and free no more the columns that hit 0; otherwise free the
 * column whose multiplier μ_j = (X′(Xw − y))_j + λ is most negative, and stop when none is below
 * −tolerance. A column enters only if it is not an affine combination of the free ones, so the
 * KKT system stays non-singular; the loop ends in finitely many steps (capped at 10·n + 100), and
 * the KKT conditions are checked at the end.
 *
 * @example
 * // y = 0.3·a + 0.7·b exactly
 * solveSimplexLeastSquares([[1, 0, 2], [0, 1, 4]], [0.3, 0.7, 3.4]).weights; // [0.3, 0.7]
 * @throws {SolverConvergenceError} if the iteration cap is reached or the optimality check fails
 */
export function solveSimplexLeastSquares(columns: readonly (readonly number[])[], target: readonly number[]): SimplexLeastSquares {
  const n = columns.length;
  if (n === 0) throw new RangeError('solveSimplexLeastSquares needs at least one column');
  const rows = target.length;
  if (columns.some((column) => column.length !== rows)) throw new RangeError('every column must have one value per target value');
  const dot = (a: readonly number[], b: readonly number[]) => a.reduce((sum, x, k) => sum + x * b[k], 0);
  const gram = columns.map((a) => columns.map((b) => dot(a, b)));
  const xy = columns.map((a) => dot(a, target));
  const scale = Math.max(...gram.map((row, j) => row[j]), Number.MIN_VALUE);
  const tolerance = SIMPLEX_TOLERANCE * scale;
  const squaredErrorOf = (w: readonly number[]) =>
    target.reduce((sum, y, r) => {
      const residual = columns.reduce((fitted, column, j) => fitted + w[j] * column[r], 0) - y;
      return sum + residual * residual;
    }, 0);
  const gradient = (w: readonly number[]) => gram.map((row, j) => dot(row, w) - xy[j]);

  const weights = new Array<number>(n).fill(0);
  let best = 0;
  for (let j = 1; j < n; j++) if (gram[j][j] - 2 * xy[j] < gram[best][best] - 2 * xy[best]) best = j;
  weights[best] = 1;
  let free = [best];
  const maxIterations = 10 * n + 100;
  let lambda = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const size = free.length;
    const kkt = free.map((i) => [...free.map((j) => gram[i][j]), 1]);
    kkt.push([...free.map(() => 1), 0]);
    const solution = solveLinearSystem(kkt, [...free.map((i) => xy[i]), 1]);
    if (solution === null) throw new SolverConvergenceError('simplex least squares (singular KKT system)', iteration, Number.NaN);
    const candidate = solution.slice(0, size);
    if (candidate.every((v) => v > 0)) {
      free.forEach((i, k) => (weights[i] = candidate[k]));
      lambda = solution[size];
      const g = gradient(weights);
      let entering = -1;
      let mostNegative = -tolerance;
      for (let j = 0; j < n; j++) {
        if (free.includes(j)) continue;
        const multiplier = g[j] + lambda;
        if (multiplier < mostNegative) {
          mostNegative = multiplier;
          entering = j;
        }
      }
      if (entering < 0) {
        const violation = kktViolation(weights, g, lambda, free) / scale;
        if (violation > SIMPLEX_TOLERANCE * 10) throw new SolverConvergenceError('simplex least squares', iteration, violation);
        return { weights, squaredError: squaredErrorOf(weights), iterations: iteration, violation };
      }
      free.push(entering);
      continue;
    }
    // Move from the current point toward the candidate until the first free weight reaches 0.
    let step = 1;
    free.forEach((i, k) => {
      if (candidate[k] <= 0) step = Math.min(step, weights[i] / (weights[i] - candidate[k]));
    });
    free.forEach((i, k) => (weights[i] += step * (candidate[k] - weights[i])));
    const leaving = free.filter((i, k) => candidate[k] <= 0 && weights[i] <= 1e-15);
    const blocking = leaving.length > 0 ? leaving : [free.reduce((a, b) => (weights[a] <= weights[b] ? a : b))];
    for (const i of blocking) weights[i] = 0;
    free = free.filter((i) => !blocking.includes(i));
    // Renormalise away the rounding of the step so the point stays on the simplex.
    const total = free.reduce((sum, i) => sum + weights[i], 0);
    for (const i of free) weights[i] /= total;
  }
  throw new SolverConvergenceError('simplex least squares', maxIterations, Number.NaN);
}

/** The worst violation of the KKT conditions of min ½w′Hw − c′w on the simplex. */
function kktViolation(weights: readonly number[], gradient: readonly number[], lambda: number, free: readonly number[]): number {
  let worst = 0;
  gradient.forEach((g, j) => {
    const multiplier = g + lambda;
    worst = Math.max(worst, free.includes(j) ? Math.abs(multiplier) : -multiplier);
  });
  return worst;
}
