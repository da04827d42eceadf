import { describe, expect, test } from '@jest/globals';
import { EvaluationInputError, SolverConvergenceError } from './evaluation-errors';

describe('EvaluationInputError', () => {
  test('carries its code, field and message', () => {
    const error = new EvaluationInputError('DRAWS_OUT_OF_RANGE', 'draws', 'draws must be from 999 to 9999; got 5');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'EvaluationInputError', code: 'DRAWS_OUT_OF_RANGE', field: 'draws', message: 'draws must be from 999 to 9999; got 5' });
  });
});

describe('SolverConvergenceError', () => {
  test('names the solver, iterations and violation in its message', () => {
    const error = new SolverConvergenceError('simplex least squares', 40, 0.5);
    expect(error.code).toBe('SOLVER_DID_NOT_CONVERGE');
    expect(error.message).toBe('simplex least squares did not converge after 40 iterations (largest optimality violation 0.5)');
  });
});
