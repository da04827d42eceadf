import { describe, expect, test } from '@jest/globals';
import { ForecastInputError, requireCount, requireInRange } from './forecast-input-error';

describe('ForecastInputError', () => {
  const error = new ForecastInputError('levers.growthCap', 'must be a number from 0 to 1 (got 2)');

  test('carries the field, the reason and a code', () => {
    expect([error.field, error.reason, error.code, error.name, error.message]).toEqual([
      'levers.growthCap',
      'must be a number from 0 to 1 (got 2)',
      'FORECAST_INPUT',
      'ForecastInputError',
      'levers.growthCap: must be a number from 0 to 1 (got 2)',
    ]);
  });

  test('is an Error', () => {
    expect(error).toBeInstanceOf(Error);
  });
});

describe('requireCount', () => {
  test('returns a count ≥ 0', () => {
    expect(requireCount(0, 'x')).toBe(0);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p naming the field', (value) => {
    expect(() => requireCount(value, 'newPlans[2]')).toThrow(`newPlans[2]: must be a finite number ≥ 0 (got ${value})`);
  });
});

describe('requireInRange', () => {
  test('accepts both ends of the range', () => {
    expect([requireInRange(-0.5, -0.5, 0.5, 'x'), requireInRange(0.5, -0.5, 0.5, 'x')]).toEqual([-0.5, 0.5]);
  });

  test('rejects a value above the range naming the field', () => {
    expect(() => requireInRange(0.51, -0.5, 0.5, 'levers.ceaseRateChange')).toThrow('levers.ceaseRateChange: must be a number from -0.5 to 0.5 (got 0.51)');
  });
});
