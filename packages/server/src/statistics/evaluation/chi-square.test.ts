import { describe, expect, test } from '@jest/globals';
import { logGamma } from '../log-gamma';
import { chiSquareCdf, chiSquareSurvival, regularizedGammaP, regularizedGammaQ } from './chi-square';

// Reference values from SciPy 1.17 (scipy.stats.chi2, scipy.special.gammainc/gammaincc/gammaln).
describe('logGamma', () => {
  test('gives ln √π at one half', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 13);
  });
  test('gives ln 9! at 10', () => {
    expect(logGamma(10)).toBeCloseTo(12.801827480081469, 12);
  });
  test('stays accurate for a large argument', () => {
    expect(logGamma(100.5) / 361.43554046777757).toBeCloseTo(1, 14);
  });
});

describe('regularized incomplete gamma', () => {
  test('matches SciPy below a + 1 (series)', () => {
    expect(regularizedGammaP(2.5, 1.7)).toBeCloseTo(0.36143007689620493, 14);
  });
  test('matches SciPy above a + 1 (continued fraction)', () => {
    expect(regularizedGammaQ(7, 20) / 0.0002551224958563005).toBeCloseTo(1, 12);
  });
  test('gives 1 − e^−x for a = 1', () => {
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
  });
  test('rejects a non-positive shape', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
  });
});

describe('chiSquareCdf', () => {
  test('gives 0.95 at the 1-df critical value 3.84', () => {
    expect(chiSquareCdf(3.841458820694124, 1)).toBeCloseTo(0.95, 14);
  });
  test('gives 0.95 at the 2-df critical value 5.99', () => {
    expect(chiSquareCdf(5.991464547107979, 2)).toBeCloseTo(0.95, 14);
  });
  test('gives erf(1/√2) at 1 with 1 df', () => {
    expect(chiSquareCdf(1, 1)).toBeCloseTo(0.6826894921370859, 14);
  });
  test('matches SciPy at 10 with 5 df', () => {
    expect(chiSquareCdf(10, 5)).toBeCloseTo(0.9247647538534878, 14);
  });
  test('matches SciPy at 0.5 with 3 df', () => {
    expect(chiSquareCdf(0.5, 3)).toBeCloseTo(0.08110858834532418, 14);
  });
  test('gives 0 at and below 0', () => {
    expect([chiSquareCdf(0, 2), chiSquareCdf(-1, 2)]).toEqual([0, 0]);
  });
});

describe('chiSquareSurvival', () => {
  test('gives the 5% tail at the 2-df critical value', () => {
    expect(chiSquareSurvival(5.991464547107979, 2)).toBeCloseTo(0.05, 14);
  });
  test('keeps relative accuracy far in the tail', () => {
    expect(chiSquareSurvival(100, 3) / 1.5541594313896026e-21).toBeCloseTo(1, 10);
  });
  test('matches SciPy at 30 with 10 df', () => {
    expect(chiSquareSurvival(30, 10) / 0.000856641210775301).toBeCloseTo(1, 12);
  });
  test('stays near 1 just above 0', () => {
    expect(chiSquareSurvival(0.001, 4)).toBeCloseTo(0.9999998750416589, 15);
  });
});
