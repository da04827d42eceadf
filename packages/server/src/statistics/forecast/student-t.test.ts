import { describe, expect, test } from '@jest/globals';
import { logGamma } from '../log-gamma';
import { regularizedIncompleteBeta, studentTCdf, studentTQuantile } from './student-t';

// Reference values: R qt()/pt() (identical to scipy.stats.t to the digits shown) and printed t tables.
describe('studentTQuantile', () => {
  test.each([
    [0.975, 10, 2.228138851986274],
    [0.9, 10, 1.372183641110336],
    [0.975, 1, 12.706204736174694],
    [0.9, 1, 3.0776835371752544],
    [0.975, 2, 4.302652729749462],
    [0.9, 2, 1.8856180831641272],
    [0.995, 5, 4.032142983555228],
    [0.9, 14, 1.345030374454651],
    [0.975, 14, 2.144786687917804],
    [0.975, 30, 2.0422724563012378],
    [0.975, 2.5, 3.5746548420036817],
    [0.975, 1000, 1.9623390808264083],
  ])('gives the %p quantile with %p degrees of freedom as the tables do', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 10);
  });

  test('gives a far-tail quantile with one degree of freedom to 9 significant figures', () => {
    expect(studentTQuantile(0.9995, 1) / 636.6192487687897).toBeCloseTo(1, 9);
  });

  test('gives the lower tail as the negative of the upper', () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.2281388519862753, 10);
  });

  test('approaches the normal quantile for many degrees of freedom', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966356814107, 8);
  });

  test('returns 0 at the median', () => {
    expect(studentTQuantile(0.5, 4)).toBe(0);
  });

  test('rejects a probability outside (0, 1)', () => {
    expect(() => studentTQuantile(1, 5)).toThrow('probability must be strictly between 0 and 1 (got 1)');
  });

  test('rejects degrees of freedom that are not positive', () => {
    expect(() => studentTQuantile(0.9, 0)).toThrow('degrees of freedom must be > 0 (got 0)');
  });
});

describe('studentTCdf', () => {
  test('gives the distribution function as R pt does', () => {
    expect([studentTCdf(1.5, 7), studentTCdf(-0.7, 3.5)].map((v) => Number(v.toFixed(12)))).toEqual([0.911350756505, 0.263817071173]);
  });

  test('inverts the quantile', () => {
    expect(studentTCdf(studentTQuantile(0.975, 10), 10)).toBeCloseTo(0.975, 13);
  });
});

describe('regularizedIncompleteBeta', () => {
  test('gives 11/16 for x = 0.5, a = 2, b = 3', () => {
    // I_x(2, 3) = 6x² − 8x³ + 3x⁴ = 1.5 − 1 + 0.1875 = 0.6875 at x = 0.5
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
  });

  test('gives the arcsine law for a = b = 1/2', () => {
    // I_x(1/2, 1/2) = (2/π) asin √x
    expect(regularizedIncompleteBeta(0.3, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.3)), 14);
  });

  test('is 0 and 1 at the ends', () => {
    expect([regularizedIncompleteBeta(0, 2, 3), regularizedIncompleteBeta(1, 2, 3)]).toEqual([0, 1]);
  });
});

describe('logGamma', () => {
  test('gives ln 4! at 5 and ln √π at 1/2', () => {
    expect([logGamma(5), logGamma(0.5)].map((v) => Number(v.toFixed(13)))).toEqual([Number(Math.log(24).toFixed(13)), Number(Math.log(Math.sqrt(Math.PI)).toFixed(13))]);
  });
});
