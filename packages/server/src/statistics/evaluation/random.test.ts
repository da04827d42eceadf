import { describe, expect, test } from '@jest/globals';
import { EvaluationInputError } from './evaluation-errors';
import { createRandom, shuffle, shuffleInPlace } from './random';

const take = (count: number, draw: () => number) => Array.from({ length: count }, draw);

describe('createRandom', () => {
  // Reference values from Vigna's xoshiro128** C code, its state filled by the same SplitMix32.
  test('matches the reference xoshiro128** stream for seed 18', () => {
    const random = createRandom(18);
    expect(take(5, random.nextUint32)).toEqual([2009253900, 1493091693, 3047796444, 4087865964, 1827394032]);
  });
  test('matches the reference xoshiro128** stream for the largest seed', () => {
    const random = createRandom(4294967295);
    expect(take(5, random.nextUint32)).toEqual([4104197751, 1825856343, 1152209388, 2427537429, 3685145430]);
  });
  test('repeats the same floats for the same seed', () => {
    expect(take(20, createRandom(7).nextFloat)).toEqual(take(20, createRandom(7).nextFloat));
  });
  test('gives different floats for adjacent seeds', () => {
    expect(take(3, createRandom(7).nextFloat)).not.toEqual(take(3, createRandom(8).nextFloat));
  });
  test('scales the first output by 2^-32 for a float', () => {
    expect(createRandom(18).nextFloat()).toBe(2009253900 / 4294967296);
  });
  test('keeps floats in [0, 1) with mean near one half', () => {
    const floats = take(20000, createRandom(3).nextFloat);
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(floats.reduce((a, b) => a + b, 0) / floats.length).toBeCloseTo(0.5, 2);
  });
  test('draws integers covering exactly 0 to n − 1', () => {
    const random = createRandom(5);
    const draws = take(3000, () => random.nextInt(6));
    expect([...new Set(draws)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
  test('takes the top 32 bits of x·n for an integer', () => {
    // first output 2009253900; 2009253900 × 10 / 2^32 = 4.678…, so 4
    expect(createRandom(18).nextInt(10)).toBe(4);
  });
  test('draws large ranges by rejection', () => {
    const draws = take(1000, () => createRandom(2).nextInt(2 ** 32));
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });
  test('gives each of n values about equally often', () => {
    const random = createRandom(12);
    const counts = [0, 0, 0];
    take(30000, () => counts[random.nextInt(3)]++);
    expect(counts.map((c) => Math.abs(c - 10000) < 300)).toEqual([true, true, true]);
  });
  test('draws normals with mean near 0 and variance near 1', () => {
    const normals = take(20000, createRandom(11).nextNormal);
    const mean = normals.reduce((a, b) => a + b, 0) / normals.length;
    const variance = normals.reduce((a, b) => a + (b - mean) ** 2, 0) / (normals.length - 1);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeCloseTo(1, 1);
  });
  test('rejects a negative seed naming the field', () => {
    expect(() => createRandom(-1)).toThrow(expect.objectContaining({ code: 'INVALID_SEED', field: 'seed' }));
  });
  test('rejects a fractional seed', () => {
    expect(() => createRandom(1.5)).toThrow(EvaluationInputError);
  });
  test('rejects an integer range of zero', () => {
    expect(() => createRandom(1).nextInt(0)).toThrow(RangeError);
  });
});

describe('shuffle', () => {
  const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  test('returns the same permutation for the same seed', () => {
    expect(shuffle(letters, createRandom(42))).toEqual(shuffle(letters, createRandom(42)));
  });
  test('keeps every item exactly once', () => {
    expect(shuffle(letters, createRandom(42)).sort()).toEqual(letters);
  });
  test('changes the order for some seed', () => {
    expect(shuffle(letters, createRandom(42))).not.toEqual(letters);
  });
  test('leaves the input untouched', () => {
    const input = ['x', 'y', 'z'];
    shuffle(input, createRandom(1));
    expect(input).toEqual(['x', 'y', 'z']);
  });
});

describe('shuffleInPlace', () => {
  test('permutes a typed array exactly as shuffle permutes a copy', () => {
    expect(Array.from(shuffleInPlace(Int32Array.of(0, 1, 2, 3, 4, 5), createRandom(9)))).toEqual(shuffle([0, 1, 2, 3, 4, 5], createRandom(9)));
  });
});
