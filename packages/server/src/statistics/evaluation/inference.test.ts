import { describe, expect, test } from '@jest/globals';
import { bootstrapEffects, checkPreTrends, percentileInterval, permutationTest, runInference } from './inference';
import type { Panel } from './panel';
import { simulatePanel } from './simulated-panel';

const design = { units: 60, periods: 10, cohorts: [{ start: 3, units: 12 }, { start: 5, units: 12 }, { start: 7, units: 12 }], noise: 0.3, seed: 2024 };
/** −2 from each unit's start on, three staggered cohorts, 24 never-treated units. */
const withEffect = simulatePanel({ ...design, effect: -2 });
const withoutEffect = simulatePanel({ ...design, effect: 0 });
/** No effect, but treated units drift up 0.5 a period relative to the others before and after. */
const withPreTrend: Panel = {
  ...withoutEffect,
  units: withoutEffect.units.map((u) => (u.firstTreated === undefined ? u : { ...u, outcomes: u.outcomes.map((y, t) => Number(y) + 0.5 * t) })),
};
const resampling = { draws: 999, seed: 20250101 };

const bootstrapWithEffect = bootstrapEffects(withEffect, resampling);
const bootstrapWithoutEffect = bootstrapEffects(withoutEffect, resampling);
const permutationWithEffect = permutationTest(withEffect, resampling);
const permutationWithoutEffect = permutationTest(withoutEffect, resampling);
const preTrendsParallel = checkPreTrends(withEffect, resampling);
const preTrendsDiverging = checkPreTrends(withPreTrend, resampling);
/** A smaller panel for the placebo's bookkeeping. */
const small = { ...design, units: 30 };

describe('percentileInterval', () => {
  test('interpolates the 2.5% and 97.5% points like R type 7', () => {
    // h = 4 × 0.025 = 0.1 → 1 + 0.1 = 1.1; h = 4 × 0.975 = 3.9 → 4.9; sd of 1..5 = √2.5
    expect(percentileInterval([5, 3, 1, 4, 2])).toEqual({ low: 1.1, high: 4.9, standardError: Math.sqrt(2.5), validDraws: 5 });
  });
  test('leaves out draws that could not be estimated', () => {
    expect(percentileInterval([Number.NaN, 1, 2, Number.NaN])?.validDraws).toBe(2);
  });
  test('returns null with fewer than two valid draws', () => {
    expect(percentileInterval([Number.NaN, 1])).toBeNull();
  });
});

describe('bootstrapEffects', () => {
  test('covers the estimate with an overall interval that excludes 0 under an effect of −2', () => {
    const { effect, interval } = bootstrapWithEffect.overall;
    expect(interval?.low).toBeLessThan(effect);
    expect(interval?.high).toBeGreaterThan(effect);
    expect(interval?.high).toBeLessThan(0);
  });
  test('covers the injected −2 with the overall interval', () => {
    expect(bootstrapWithEffect.overall.interval?.low).toBeLessThan(-2);
    expect(bootstrapWithEffect.overall.interval?.high).toBeGreaterThan(-2);
  });
  test('puts every post-start event-time effect near −2', () => {
    const post = bootstrapWithEffect.eventTime.filter((e) => e.eventTime >= 0);
    expect(post.map((e) => e.eventTime)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(post.every((e) => Math.abs(e.effect + 2) < 0.4)).toBe(true);
  });
  test('puts every pre-start event-time effect near 0', () => {
    const pre = bootstrapWithEffect.eventTime.filter((e) => e.eventTime < 0);
    expect(pre.map((e) => e.eventTime)).toEqual([-6, -5, -4, -3, -2, -1]);
    // The farthest leads rest on one cohort of 12; the largest is 0.40 (e = −5) with this seed.
    expect(pre.every((e) => Math.abs(e.effect) < 0.5)).toBe(true);
  });
  test('gives an interval to every group-time cell from all draws', () => {
    expect(bootstrapWithEffect.groupTime).toHaveLength(27);
    expect(bootstrapWithEffect.groupTime.every((c) => c.interval?.validDraws === 999)).toBe(true);
  });
  test('covers 0 with the overall interval when there is no effect', () => {
    expect(bootstrapWithoutEffect.overall.interval?.low).toBeLessThan(0);
    expect(bootstrapWithoutEffect.overall.interval?.high).toBeGreaterThan(0);
  });
  test('reports the seed, draws and scheme used', () => {
    expect(bootstrapWithEffect).toMatchObject({ seed: 20250101, draws: 999, confidenceLevel: 0.95, scheme: expect.stringMatching(/stratified/) });
  });
  test('gives the same answer to the last digit for the same seed', () => {
    expect(bootstrapEffects(withEffect, resampling)).toEqual(bootstrapWithEffect);
  });
  test('gives different draws for a different seed', () => {
    const other = bootstrapEffects(withEffect, { ...resampling, seed: 20250102 });
    expect(other.overall.effect).toBe(bootstrapWithEffect.overall.effect);
    expect(other.overall.interval).not.toEqual(bootstrapWithEffect.overall.interval);
  });
  test('leaves a cell out of the draws that miss its only observed unit', () => {
    // In period 9 only one unit of the cohort starting in 3 is observed; a draw misses it with
    // probability (11/12)^12 ≈ 0.35, so about 650 of 999 draws estimate ATT(3, 9).
    const sparse: Panel = { ...withEffect, units: withEffect.units.map((u, i) => (u.firstTreated === 3 && i > 0 ? { ...u, outcomes: u.outcomes.map((y, t) => (t === 9 ? null : y)) } : u)) };
    const cell = bootstrapEffects(sparse, resampling).groupTime.find((c) => c.cohort === 3 && c.period === 9);
    expect(cell?.treatedUnits).toBe(1);
    expect(cell?.interval?.validDraws).toBeGreaterThan(550);
    expect(cell?.interval?.validDraws).toBeLessThan(750);
  });
  test('resamples with a not-yet-treated comparison too', () => {
    const result = bootstrapEffects(withEffect, { ...resampling, comparison: 'not-yet-treated' });
    expect(result.estimate.comparison).toBe('not-yet-treated');
    expect(result.overall.interval?.low).toBeLessThan(-2);
    expect(result.overall.interval?.high).toBeGreaterThan(-2);
  });
  test('rejects draws over the limit naming the field', () => {
    expect(() => bootstrapEffects(withEffect, { ...resampling, draws: 10000 })).toThrow(expect.objectContaining({ code: 'DRAWS_OUT_OF_RANGE', field: 'draws' }));
  });
  test('rejects draws under the minimum', () => {
    expect(() => bootstrapEffects(withEffect, { ...resampling, draws: 998 })).toThrow(expect.objectContaining({ field: 'draws' }));
  });
  test('rejects a fractional number of draws', () => {
    expect(() => bootstrapEffects(withEffect, { ...resampling, draws: 999.5 })).toThrow(expect.objectContaining({ field: 'draws' }));
  });
  test('rejects a bad seed naming the field', () => {
    expect(() => bootstrapEffects(withEffect, { ...resampling, seed: -3 })).toThrow(expect.objectContaining({ field: 'seed' }));
  });
});

describe('permutationTest', () => {
  test('gives the smallest possible p under an effect of −2', () => {
    expect(permutationWithEffect).toMatchObject({ exceedances: 0, pValue: 1 / 1000, validDraws: 999, eligibleUnits: 60, seed: 20250101 });
  });
  test('gives a p that is not small when there is no effect', () => {
    expect(permutationWithoutEffect.pValue).toBeGreaterThan(0.05);
  });
  test('computes p as (1 + exceedances) / (1 + draws)', () => {
    expect(permutationWithoutEffect.pValue).toBe((1 + permutationWithoutEffect.exceedances) / (1 + permutationWithoutEffect.validDraws));
  });
  test('gives a different count for a different seed when there is no effect', () => {
    expect(permutationTest(withoutEffect, { ...resampling, seed: 1 }).exceedances).not.toBe(permutationWithoutEffect.exceedances);
  });
  test('rejects draws over the limit naming the field', () => {
    expect(() => permutationTest(withEffect, { ...resampling, draws: 1e6 })).toThrow(expect.objectContaining({ field: 'draws' }));
  });
});

describe('checkPreTrends', () => {
  test('does not reject parallel pre-trends jointly', () => {
    expect(preTrendsParallel.joint).toMatchObject({ available: true, eventTimes: [-6, -5, -4, -3, -2, -1], degreesOfFreedom: 6, validDraws: 999 });
    expect(preTrendsParallel.joint.available && preTrendsParallel.joint.pValue).toBeGreaterThan(0.05);
  });
  test('rejects diverging pre-trends jointly', () => {
    expect(preTrendsDiverging.joint.available && preTrendsDiverging.joint.pValue).toBeLessThan(0.001);
  });
  test('moves every start two periods back for the placebo', () => {
    expect(preTrendsParallel.placebo).toMatchObject({
      available: true,
      shift: 2,
      cohorts: [{ cohort: 3, placeboStart: 1 }, { cohort: 5, placeboStart: 3 }, { cohort: 7, placeboStart: 5 }],
      droppedCohorts: [],
    });
  });
  test('finds a placebo effect near 0 with parallel trends', () => {
    expect(preTrendsParallel.placebo.available && preTrendsParallel.placebo.interval?.low).toBeLessThan(0);
    expect(preTrendsParallel.placebo.available && preTrendsParallel.placebo.interval?.high).toBeGreaterThan(0);
  });
  test('finds a placebo effect of the drift with diverging trends', () => {
    // Placebo cells compare g − 2 and g − 1 with g − 3: drifts of 0.5 and 1, mean 0.75.
    expect(preTrendsDiverging.placebo.available && preTrendsDiverging.placebo.overall).toBeCloseTo(0.75, 0);
    expect(preTrendsDiverging.placebo.available && preTrendsDiverging.placebo.interval?.low).toBeGreaterThan(0);
  });
  test('drops a cohort whose placebo start would leave no earlier period', () => {
    const early = simulatePanel({ ...small, cohorts: [{ start: 2, units: 6 }, { start: 6, units: 6 }], effect: -2 });
    expect(checkPreTrends(early, resampling).placebo).toMatchObject({ available: true, cohorts: [{ cohort: 6, placeboStart: 4 }], droppedCohorts: [{ cohort: 2 }] });
  });
  test('explains why no placebo is possible when every cohort starts early', () => {
    const early = simulatePanel({ ...small, cohorts: [{ start: 2, units: 6 }], effect: -2 });
    expect(checkPreTrends(early, resampling).placebo).toMatchObject({ available: false, reason: 'no cohort starts more than 2 periods into the series' });
  });
  test('rejects a placebo shift of 0 naming the field', () => {
    expect(() => checkPreTrends(withEffect, { ...resampling, placeboShift: 0 })).toThrow(expect.objectContaining({ field: 'placeboShift' }));
  });
});

describe('runInference', () => {
  test('gives the same answers to the last digit as the three separate calls with the same seed', () => {
    expect(runInference(withEffect, resampling)).toEqual({ bootstrap: bootstrapWithEffect, permutation: permutationWithEffect, preTrends: preTrendsParallel });
  });
  test('rejects draws over the limit naming the field', () => {
    expect(() => runInference(withEffect, { ...resampling, draws: 10000 })).toThrow(expect.objectContaining({ field: 'draws' }));
  });
});
