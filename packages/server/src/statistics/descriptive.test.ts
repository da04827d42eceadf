import { describe, expect, test } from '@jest/globals';
import {
  averageRanks,
  compareWithBenchmark,
  leastSquares,
  orderStatistics,
  pearson,
  quantile,
  quartileBand,
  spearman,
  wilson,
} from './descriptive';

describe('quantile', () => {
  test('interpolates between order statistics like R type 7', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([7, 1, 3], 0.75)).toBeCloseTo(5, 12);
  });
  test('returns undefined for an empty set', () => {
    expect(quantile([], 0.5)).toBeUndefined();
  });
});

describe('ranks and bands', () => {
  test('ranks highest first with shared ranks for ties', () => {
    expect(orderStatistics([5, 9, 9, 1]).ranks).toEqual([3, 1, 1, 4]);
  });
  test('bands the highest quarter as 4 and the lowest as 1', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80];
    expect(values.map((v) => quartileBand(v, values))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });
  test('bands a whole set at once as one value at a time does, ties included', () => {
    const values = [30, 10, 30, 80, 50, 10, 70];
    expect(orderStatistics(values).bands).toEqual(values.map((v) => quartileBand(v, values)));
  });
});

describe('orderStatistics', () => {
  test('gives the ranks, bands and quantiles of the one-value-at-a-time rules, ties included', () => {
    // 2,000 values with many ties (a tenth of them distinct) in a fixed pseudo-random order.
    let seed = 7;
    const values = Array.from({ length: 2000 }, () => ((seed = (seed * 48271) % 2147483647) % 200) / 4 - 10);
    const { sorted, ranks, bands } = orderStatistics(values);
    expect(ranks).toEqual(values.map((v) => 1 + values.filter((w) => w > v).length));
    expect(bands).toEqual(values.map((v) => quartileBand(v, values)));
    expect([...sorted]).toEqual([...values].sort((a, b) => a - b));
  });

  test('ranks a set of one repeated value as one tie, without quadratic work', () => {
    const { ranks, bands } = orderStatistics(new Array(200_000).fill(3));
    expect([ranks.every((r) => r === 1), bands.every((b) => b === 1)]).toEqual([true, true]);
  });
});

describe('wilson', () => {
  // Worked values: Newcombe (1998), and the Fingertips technical guidance examples.
  test('matches the worked interval for 81 of 263', () => {
    const ci = wilson(81, 263)!;
    expect(ci.lower).toBeCloseTo(0.2553, 4);
    expect(ci.upper).toBeCloseTo(0.3662, 4);
  });
  test('matches the worked interval for 0 of 10', () => {
    const ci = wilson(0, 10)!;
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(0.2775, 4);
  });
  test('matches the worked interval for 15 of 148', () => {
    const ci = wilson(15, 148)!;
    expect(ci.lower).toBeCloseTo(0.0624, 4);
    expect(ci.upper).toBeCloseTo(0.1605, 4);
  });
  test('is undefined without a denominator', () => {
    expect(wilson(1, 0)).toBeUndefined();
  });
  test('labels an interval above, below or around the benchmark', () => {
    expect(compareWithBenchmark(wilson(600, 1000)!, 0.436)).toBe('higher');
    expect(compareWithBenchmark(wilson(361, 1000)!, 0.436)).toBe('lower');
    expect(compareWithBenchmark(wilson(44, 100)!, 0.436)).toBe('similar');
  });
});

describe('correlation and line', () => {
  test('pearson of a perfect line is 1 and of its mirror -1', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
  });
  test('pearson matches a worked value', () => {
    // x = 1..5, y = 2,4,5,4,5: r = 0.7745967 (sxy 6, sxx 10, syy 6)
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.7745967, 6);
  });
  test('spearman uses average ranks for ties', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(spearman([1, 2, 3, 4, 5], [1, 3, 2, 5, 4])).toBeCloseTo(0.8, 12);
  });
  test('least squares fits the worked line', () => {
    const fit = leastSquares([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])!;
    expect(fit.slope).toBeCloseTo(0.6, 12);
    expect(fit.intercept).toBeCloseTo(2.2, 12);
    expect(fit.rSquared).toBeCloseTo(0.6, 12);
  });
});
