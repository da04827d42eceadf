import { describe, expect, test } from '@jest/globals';
import { ForecastInputError } from './forecast-input-error';
import { driftLogStandardError, logScaleFactors, withInterval } from './prediction-interval';

describe('logScaleFactors', () => {
  // exp(∓ t × 0.1) with t(0.9, 10) = 1.372184 and t(0.975, 10) = 2.228139
  const factors = logScaleFactors(0.1, 10);

  test('gives the factors of the t quantiles', () => {
    expect([factors.lower80, factors.upper80, factors.lower95, factors.upper95].map((v) => Number(v.toFixed(6)))).toEqual([0.87178, 1.147079, 0.800264, 1.249588]);
  });

  test('collapses to the point with no error', () => {
    expect(logScaleFactors(0, 3)).toEqual({ lower80: 1, upper80: 1, lower95: 1, upper95: 1 });
  });
});

describe('withInterval', () => {
  test('multiplies every bound by the point', () => {
    expect(withInterval(2026, 1, 1000, { lower80: 0.9, upper80: 1.1, lower95: 0.8, upper95: 1.25 })).toEqual({
      year: 2026,
      horizon: 1,
      point: 1000,
      lower80: 900,
      upper80: 1100,
      lower95: 800,
      upper95: 1250,
    });
  });
});

describe('driftLogStandardError', () => {
  // changes ln(110/100) = 0.0953102, ln(115/110) = 0.0444518; mean 0.0698810; σ² = Σ(d − mean)² / 1 = 2 × 0.0254292² = 0.00129329
  //   σ = 0.0359623; h = 1: se = σ √(1 × (1 + 1/2)) = 0.0440447; h = 2: σ √(2 × 2) = 0.0719247; 1 degree of freedom
  const points = [
    { year: 2023, value: 100 },
    { year: 2024, value: 110 },
    { year: 2025, value: 115 },
  ];

  test('gives the hand-computed error one and two years ahead', () => {
    expect([driftLogStandardError(points, 1).logSe, driftLogStandardError(points, 2).logSe, driftLogStandardError(points, 1).degreesOfFreedom].map((v) => Number(v.toFixed(6)))).toEqual([
      0.044045, 0.071925, 1,
    ]);
  });

  test('rejects fewer than three consecutive years naming the series', () => {
    expect(() => driftLogStandardError(points.slice(1), 1)).toThrow(new ForecastInputError('series', 'needs at least 3 consecutive observed years for prediction intervals (got 2)'));
  });
});
