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
 * the columns and target are first translated by the target and scaled by a power of two, which
 * changes no residual and keeps the KKT system well scaled whatever the unit. Then: start
 * at the best single column; repeatedly solve the equality-constrained least squares on the
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
  // Because the weights sum to 1, subtracting the target from every column and from itself leaves
  // each residual as it was; dividing by a power of two (exact) then brings the entries within
  // [−1, 1]. Without it, counts in the tens of thousands put X′X near 1e10 beside the KKT system's
  // 1s, and the elimination took the system for singular. The target becomes 0, so X′y = 0.
  let largest = 0;
  for (const column of columns) for (let r = 0; r < rows; r++) largest = Math.max(largest, Math.abs(column[r] - target[r]));
  const unit = largest > 0 ? 2 ** Math.ceil(Math.log2(largest)) : 1;
  const shifted = new Float64Array(n * rows);
  for (let j = 0; j < n; j++) {
    const column = columns[j];
    for (let r = 0; r < rows; r++) shifted[j * rows + r] = (column[r] - target[r]) / unit;
  }
  // X′X in a flat array, four entries of a row at a time; each entry sums its products over the
  // rows in order, so X′X is symmetric bit for bit.
  const gram = new Float64Array(n * n);
  const entry = (i: number, j: number, sum: number) => {
    gram[i * n + j] = sum;
    gram[j * n + i] = sum;
  };
  for (let i = 0; i < n; i++) {
    const a = i * rows;
    let j = i;
    for (; j + 3 < n; j += 4) {
      const b0 = j * rows;
      const b1 = b0 + rows;
      const b2 = b1 + rows;
      const b3 = b2 + rows;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0; r < rows; r++) {
        const x = shifted[a + r];
        s0 += x * shifted[b0 + r];
        s1 += x * shifted[b1 + r];
        s2 += x * shifted[b2 + r];
        s3 += x * shifted[b3 + r];
      }
      entry(i, j, s0);
      entry(i, j + 1, s1);
      entry(i, j + 2, s2);
      entry(i, j + 3, s3);
    }
    for (; j < n; j++) {
      const b = j * rows;
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += shifted[a + r] * shifted[b + r];
      entry(i, j, sum);
    }
  }
  let scale = Number.MIN_VALUE;
  for (let j = 0; j < n; j++) scale = Math.max(scale, gram[j * n + j]);
  const tolerance = SIMPLEX_TOLERANCE * scale;
  const squaredErrorOf = (w: readonly number[]) => {
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      let fitted = 0;
      for (let j = 0; j < n; j++) if (w[j] !== 0) fitted += w[j] * columns[j][r];
      const residual = fitted - target[r];
      sum += residual * residual;
    }
    return sum;
  };
  // X′Xw, summed in column order over the weights that are not 0 (a 0 adds nothing to a sum).
  const g = new Float64Array(n);
  const support: number[] = [];
  const gradient = (w: readonly number[]) => {
    support.length = 0;
    for (let k = 0; k < n; k++) if (w[k] !== 0) support.push(k);
    for (let j = 0; j < n; j++) {
      let sum = 0;
      const row = j * n;
      for (const k of support) sum += gram[row + k] * w[k];
      g[j] = sum;
    }
    return g;
  };

  const weights = new Array<number>(n).fill(0);
  let best = 0;
  for (let j = 1; j < n; j++) if (gram[j * n + j] < gram[best * n + best]) best = j;
  weights[best] = 1;
  let free = [best];
  const isFree = new Uint8Array(n);
  isFree[best] = 1;
  const maxIterations = 10 * n + 100;
  let lambda = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const size = free.length;
    const kkt = free.map((i) => [...free.map((j) => gram[i * n + j]), 1]);
    kkt.push([...free.map(() => 1), 0]);
    const solution = solveLinearSystem(kkt, [...free.map(() => 0), 1]);
    if (solution === null) throw new SolverConvergenceError('simplex least squares (singular KKT system)', iteration, Number.NaN);
    const candidate = solution.slice(0, size);
    if (candidate.every((v) => v > 0)) {
      free.forEach((i, k) => (weights[i] = candidate[k]));
      lambda = solution[size];
      gradient(weights);
      let entering = -1;
      let mostNegative = -tolerance;
      for (let j = 0; j < n; j++) {
        if (isFree[j]) continue;
        const multiplier = g[j] + lambda;
        if (multiplier < mostNegative) {
          mostNegative = multiplier;
          entering = j;
        }
      }
      if (entering < 0) {
        const violation = kktViolation(g, lambda, isFree) / scale;
        if (violation > SIMPLEX_TOLERANCE * 10) throw new SolverConvergenceError('simplex least squares', iteration, violation);
        return { weights, squaredError: squaredErrorOf(weights), iterations: iteration, violation };
      }
      free.push(entering);
      isFree[entering] = 1;
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
    for (const i of blocking) {
      weights[i] = 0;
      isFree[i] = 0;
    }
    free = free.filter((i) => isFree[i]);
    // Renormalise away the rounding of the step so the point stays on the simplex.
    const total = free.reduce((sum, i) => sum + weights[i], 0);
    for (const i of free) weights[i] /= total;
  }
  throw new SolverConvergenceError('simplex least squares', maxIterations, Number.NaN);
}

/** The worst violation of the KKT conditions of min ½w′Hw − c′w on the simplex. */
function kktViolation(gradient: Float64Array, lambda: number, isFree: Uint8Array): number {
  let worst = 0;
  gradient.forEach((g, j) => {
    const multiplier = g + lambda;
    worst = Math.max(worst, isFree[j] ? Math.abs(multiplier) : -multiplier);
  });
  return worst;
}
