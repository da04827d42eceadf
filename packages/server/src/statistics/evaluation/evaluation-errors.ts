/** What was wrong with an evaluation's input; the service maps these to API error codes. */
export type EvaluationInputErrorCode =
  | 'INVALID_PANEL'
  | 'START_OUTSIDE_SERIES'
  | 'NO_TREATED_UNITS'
  | 'EMPTY_COMPARISON_GROUP'
  | 'UNKNOWN_UNIT'
  | 'NO_ESTIMABLE_EFFECT'
  | 'DRAWS_OUT_OF_RANGE'
  | 'INVALID_SEED'
  | 'INVALID_OPTION';

/**
 * Bad input to an evaluation, naming the field at fault so the edge can say which argument to
 * change.
 *
 * @example
 * throw new EvaluationInputError('DRAWS_OUT_OF_RANGE', 'draws', 'draws must be an integer from 999 to 9999; got 20000');
 */
export class EvaluationInputError extends Error {
  override readonly name = 'EvaluationInputError';

  constructor(
    readonly code: EvaluationInputErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A numerical method stopped before meeting its convergence test. It signals a bug or a
 * pathological input, never a user mistake, so it carries the iterations spent and the worst
 * optimality violation left.
 */
export class SolverConvergenceError extends Error {
  override readonly name = 'SolverConvergenceError';
  readonly code = 'SOLVER_DID_NOT_CONVERGE';

  constructor(
    readonly solver: string,
    readonly iterations: number,
    readonly violation: number,
  ) {
    super(`${solver} did not converge after ${iterations} iterations (largest optimality violation ${violation})`);
  }
}
