/**
 * A forecast input that cannot be used: a lever out of range, a negative or non-finite count, a
 * history too short for every method. `field` names the input (a path such as
 * `levers.diversionToSenSupport` or `series[3].value`) so the edge can report it as it was sent.
 */
export class ForecastInputError extends Error {
  readonly code = 'FORECAST_INPUT';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ForecastInputError';
  }
}

/**
 * The value itself, or a ForecastInputError naming `field` when it is not a finite number ≥ 0.
 * @example requireCount(12, 'newPlans[0]') // 12
 * @example requireCount(-1, 'newPlans[0]') // throws "newPlans[0]: must be a finite number ≥ 0 (got -1)"
 */
export function requireCount(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) throw new ForecastInputError(field, `must be a finite number ≥ 0 (got ${value})`);
  return value;
}

/**
 * The value itself, or a ForecastInputError naming `field` when it is not finite and within
 * [min, max].
 * @example requireInRange(0.3, 0, 0.65, 'levers.diversionToSenSupport') // 0.3
 */
export function requireInRange(value: number, min: number, max: number, field: string): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ForecastInputError(field, `must be a number from ${min} to ${max} (got ${value})`);
  }
  return value;
}
