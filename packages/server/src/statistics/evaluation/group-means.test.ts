import { describe, expect, test } from '@jest/globals';
import { groupMeansWithIntervals } from './group-means';
import { createRandom } from './random';

const resampling = { draws: 999, seed: 18 };
const normalRandom = createRandom(7);
/** 400 units drawn from N(5, 1), one period. */
const large = Array.from({ length: 400 }, () => [5 + normalRandom.nextNormal()]);

describe('groupMeansWithIntervals', () => {
  test('takes each period mean over the observed values only', () => {
    const [[first, second]] = groupMeansWithIntervals([[[1, 2], [3, null], [5, null]]], resampling);
    expect({ first: [first.mean, first.units], second: [second.mean, second.units] }).toEqual({ first: [3, 3], second: [2, 1] });
  });

  test('gives a degenerate interval when every unit has the same value', () => {
    const [[point]] = groupMeansWithIntervals([[[4], [4], [4]]], resampling);
    expect({ low: point.interval?.low, high: point.interval?.high, standardError: point.interval?.standardError }).toEqual({ low: 4, high: 4, standardError: expect.closeTo(0, 12) });
  });

  test('gives null means for a period no unit is observed in, and for an empty group', () => {
    const [[, missing], empty] = groupMeansWithIntervals([[[1, null]], []], resampling);
    expect({ missing, empty }).toEqual({ missing: { mean: null, units: 0, interval: null }, empty: [] });
  });

  test('gives an interval about ±1.96/√n wide around the mean of a large sample', () => {
    const [[point]] = groupMeansWithIntervals([large], resampling);
    const halfWidth = (point.interval!.high - point.interval!.low) / 2;
    expect(Math.abs(halfWidth - 1.96 / Math.sqrt(400))).toBeLessThan(0.02);
  });

  test('gives the same intervals to the last digit for the same seed', () => {
    expect(groupMeansWithIntervals([large, [[1], [2], [3]]], resampling)).toEqual(groupMeansWithIntervals([large, [[1], [2], [3]]], resampling));
  });

  test('refuses fewer draws than the floor', () => {
    expect(() => groupMeansWithIntervals([[[1]]], { draws: 10, seed: 1 })).toThrow(/draws must be an integer from 999/);
  });
});
