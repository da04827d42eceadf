import { describe, expect, test } from '@jest/globals';
import { estimateGroupTimeEffects, estimateSimpleDid, type GroupTimeEstimate } from './did';
import type { Panel } from './panel';
import { simulatePanel } from './simulated-panel';

/** 4 units, 3 periods; A and B start in period 1, C and D are never treated. */
const tiny: Panel = {
  periodLabels: ['2021', '2022', '2023'],
  units: [
    { code: 'A', firstTreated: 1, outcomes: [1, 4, 6] },
    { code: 'B', firstTreated: 1, outcomes: [3, 5, 9] },
    { code: 'C', outcomes: [2, 3, 4] },
    { code: 'D', outcomes: [4, 4, 7] },
  ],
};

/** As `tiny`, but B is missing in 2023: read as 0 it would pull the treated means down. */
const tinyWithGap: Panel = { ...tiny, units: tiny.units.map((u) => (u.code === 'B' ? { ...u, outcomes: [3, 5, null] } : u)) };

/** Staggered: A from period 1, B from period 3, C never treated. */
const staggered: Panel = {
  periodLabels: ['t0', 't1', 't2', 't3'],
  units: [
    { code: 'A', firstTreated: 1, outcomes: [1, 3, 4, 8] },
    { code: 'B', firstTreated: 3, outcomes: [2, 2, 5, 9] },
    { code: 'C', outcomes: [0, 1, 1, 2] },
  ],
};

const cell = (estimate: GroupTimeEstimate, cohort: number, period: number) => estimate.groupTime.find((c) => c.cohort === cohort && c.period === period);
const effectAt = (estimate: GroupTimeEstimate, eventTime: number) => estimate.eventTime.find((e) => e.eventTime === eventTime)?.effect;

/**
 * The two-way fixed-effects slope of Y on the treatment dummy in a balanced panel, by
 * Frisch–Waugh: double-demean the dummy, then β = Σ D̃·Y / Σ D̃². Here only to show its bias.
 */
function twoWayFixedEffectsSlope(panel: Panel): number {
  const T = panel.periodLabels.length;
  const dummy = panel.units.map((u) => Array.from({ length: T }, (_, t) => (u.firstTreated !== undefined && t >= u.firstTreated ? 1 : 0)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const unitMeans = dummy.map(mean);
  const periodMeans = Array.from({ length: T }, (_, t) => mean(dummy.map((row) => row[t])));
  const grand = mean(unitMeans);
  let numerator = 0;
  let denominator = 0;
  panel.units.forEach((u, i) => {
    for (let t = 0; t < T; t++) {
      const residual = dummy[i][t] - unitMeans[i] - periodMeans[t] + grand;
      numerator += residual * Number(u.outcomes[t]);
      denominator += residual * residual;
    }
  });
  return numerator / denominator;
}

/** Y = i + 0.5·t + (t − g + 1) from the start: effects that grow, no noise, balanced. */
const dynamicEffects: Panel = {
  periodLabels: ['0', '1', '2', '3', '4', '5'],
  units: [2, 2, 4, 4, undefined, undefined].map((g, i) => ({
    code: `L${i}`,
    ...(g === undefined ? {} : { firstTreated: g }),
    outcomes: Array.from({ length: 6 }, (_, t) => i + 0.5 * t + (g !== undefined && t >= g ? t - g + 1 : 0)),
  })),
};

describe('estimateSimpleDid', () => {
  test('computes the 2×2 from the four group means by hand', () => {
    // treated before (1 + 3)/2 = 2, after (4 + 6 + 5 + 9)/4 = 6; comparison before (2 + 4)/2 = 3,
    // after (3 + 4 + 4 + 7)/4 = 4.5; (6 − 2) − (4.5 − 3) = 2.5
    expect(estimateSimpleDid(tiny).cohorts).toEqual([
      {
        cohort: 1,
        treatedUnits: 2,
        comparisonUnits: 2,
        beforePeriods: [0, 0],
        afterPeriods: [1, 2],
        treatedBefore: 2,
        treatedAfter: 6,
        comparisonBefore: 3,
        comparisonAfter: 4.5,
        estimate: 2.5,
        weight: 1,
      },
    ]);
    expect(estimateSimpleDid(tiny).estimate).toBe(2.5);
  });
  test('skips a missing value rather than reading it as 0', () => {
    // treated after (4 + 6 + 5)/3 = 5: (5 − 2) − 1.5 = 1.5; read as 0 it would be (15/4 − 2) − 1.5 = 0.25
    expect(estimateSimpleDid(tinyWithGap).estimate).toBe(1.5);
  });
  test('splits each cohort at its own start and weights cohorts by size', () => {
    // g = 1: A (3 + 4 + 8)/3 − 1 = 4, C (1 + 1 + 2)/3 − 0 = 4/3, so 8/3.
    // g = 3: B 9 − (2 + 2 + 5)/3 = 6, C 2 − (0 + 1 + 1)/3 = 4/3, so 14/3. One unit each: (8/3 + 14/3)/2 = 11/3.
    const result = estimateSimpleDid(staggered);
    expect(result.cohorts.map((c) => c.estimate)).toEqual([expect.closeTo(8 / 3, 12), expect.closeTo(14 / 3, 12)]);
    expect(result.estimate).toBeCloseTo(11 / 3, 12);
  });
  test('rejects a panel without never-treated units naming the comparison', () => {
    const allTreated: Panel = { ...tiny, units: tiny.units.map((u) => ({ ...u, firstTreated: 1 })) };
    expect(() => estimateSimpleDid(allTreated)).toThrow(expect.objectContaining({ code: 'EMPTY_COMPARISON_GROUP', field: 'comparison' }));
  });
});

describe('estimateGroupTimeEffects', () => {
  test('computes ATT(g, t) from changes against the base period by hand', () => {
    // ATT(1, 2), base 0: treated (6 − 1 + 9 − 3)/2 = 5.5, comparison (4 − 2 + 7 − 4)/2 = 2.5, so 3
    expect(cell(estimateGroupTimeEffects(tiny), 1, 2)).toEqual({ cohort: 1, period: 2, basePeriod: 0, eventTime: 1, post: true, att: 3, treatedUnits: 2, comparisonUnits: 2 });
  });
  test('aggregates a single balanced cohort to the 2×2', () => {
    // ATT(1, 1) = (3 + 2)/2 − (1 + 0)/2 = 2 and ATT(1, 2) = 3, so (2 + 3)/2 = 2.5
    expect(estimateGroupTimeEffects(tiny).overall).toBe(2.5);
  });
  test('drops a unit missing in the period rather than reading it as 0', () => {
    // ATT(1, 2) with only A: (6 − 1) − 2.5 = 2.5; B read as 0 would give (5 − 3)/2 − 2.5 = −1.5
    expect(cell(estimateGroupTimeEffects(tinyWithGap), 1, 2)).toMatchObject({ att: 2.5, treatedUnits: 1 });
  });
  test('combines a unit with a gap and a complete unit in one cell', () => {
    // ATT(1, 1): A 4 − 1 = 3 and B 5 − 3 = 2, mean 2.5; comparison 0.5; so 2
    expect(cell(estimateGroupTimeEffects(tinyWithGap), 1, 1)).toMatchObject({ att: 2, treatedUnits: 2 });
  });
  test('uses t − 1 as the base of a pre-period cell', () => {
    // ATT(3, 2): B (5 − 2) − C (1 − 1) = 3
    expect(cell(estimateGroupTimeEffects(staggered), 3, 2)).toMatchObject({ basePeriod: 1, eventTime: -1, post: false, att: 3 });
  });
  test('adds not-yet-treated units to the comparison while they are untreated', () => {
    // ATT(1, 1): A 3 − 1 = 2; comparison B 2 − 2 = 0 and C 1 − 0 = 1, mean 0.5; so 1.5
    expect(cell(estimateGroupTimeEffects(staggered, { comparison: 'not-yet-treated' }), 1, 1)).toMatchObject({ att: 1.5, comparisonUnits: 2 });
  });
  test('leaves a unit out of the comparison from its own start', () => {
    // ATT(1, 3): B starts in 3, so only C: (8 − 1) − (2 − 0) = 5
    expect(cell(estimateGroupTimeEffects(staggered, { comparison: 'not-yet-treated' }), 1, 3)).toMatchObject({ att: 5, comparisonUnits: 1 });
  });
  test('weights the overall effect by cohort size over post cells', () => {
    // never-treated: ATT(1,1) = 2 − 1 = 1, ATT(1,2) = 3 − 1 = 2, ATT(1,3) = 7 − 2 = 5, ATT(3,3) = 4 − 1 = 3,
    // one unit per cohort: (1 + 2 + 5 + 3)/4 = 2.75
    expect(estimateGroupTimeEffects(staggered).overall).toBe(2.75);
  });
  test('weights event-time effects by cohort size', () => {
    // e = 0: ATT(1,1) = 1 and ATT(3,3) = 3, equal weights, so 2
    expect(estimateGroupTimeEffects(staggered).eventTime.find((e) => e.eventTime === 0)).toEqual({
      eventTime: 0,
      effect: 2,
      weights: [
        { cohort: 1, weight: 0.5 },
        { cohort: 3, weight: 0.5 },
      ],
    });
  });
  test('recovers growing effects exactly where two-way fixed effects is biased', () => {
    // True post cells: g = 2 has 1, 2, 3, 4 and g = 4 has 1, 2; two units each: (2·10 + 2·3)/12 = 13/6.
    const estimate = estimateGroupTimeEffects(dynamicEffects);
    expect(estimate.overall).toBeCloseTo(13 / 6, 12);
    expect([0, 1, 2, 3].map((e) => effectAt(estimate, e))).toEqual([1, 2, 3, 4].map((value) => expect.closeTo(value, 12)));
    expect([-3, -2, -1].map((e) => effectAt(estimate, e))).toEqual([0, 0, 0].map((value) => expect.closeTo(value, 12)));
    expect(twoWayFixedEffectsSlope(dynamicEffects)).toBeCloseTo(1.5, 12);
  });
  test('recovers an injected effect of −2 from a noisy staggered panel', () => {
    const panel = simulatePanel({ units: 60, periods: 10, cohorts: [{ start: 3, units: 12 }, { start: 5, units: 12 }, { start: 7, units: 12 }], effect: -2, noise: 0.3, seed: 2024 });
    const estimate = estimateGroupTimeEffects(panel);
    expect(Math.abs(estimate.overall + 2)).toBeLessThan(0.2);
    expect(estimate.eventTime.filter((e) => e.eventTime >= 0).every((e) => Math.abs(e.effect + 2) < 0.4)).toBe(true);
    expect(estimate.eventTime.filter((e) => e.eventTime < 0).every((e) => Math.abs(e.effect) < 0.5)).toBe(true);
  });
  test('reports a cell with no observed treated unit as skipped', () => {
    const gap: Panel = { ...tiny, units: tiny.units.map((u) => (u.firstTreated === 1 ? { ...u, outcomes: [u.outcomes[0], null, u.outcomes[2]] } : u)) };
    expect(estimateGroupTimeEffects(gap).skippedCells).toEqual([{ cohort: 1, period: 1, reason: 'no treated unit observed in both periods' }]);
  });
  test('rejects a panel with no comparison naming the field', () => {
    const allTreated: Panel = { ...tiny, units: tiny.units.map((u) => ({ ...u, firstTreated: 1 })) };
    expect(() => estimateGroupTimeEffects(allTreated)).toThrow(expect.objectContaining({ code: 'EMPTY_COMPARISON_GROUP', field: 'comparison' }));
  });
  test('rejects a single cohort with no never-treated unit under not-yet-treated', () => {
    // Nobody starts later than the only cohort, so no unit is ever not yet treated.
    const allTreated: Panel = { ...tiny, units: tiny.units.map((u) => ({ ...u, firstTreated: 1 })) };
    expect(() => estimateGroupTimeEffects(allTreated, { comparison: 'not-yet-treated' })).toThrow(expect.objectContaining({ code: 'EMPTY_COMPARISON_GROUP' }));
  });
  test('compares early starters with late starters when no unit is never treated', () => {
    // A from 1, B from 3; ATT(1, 2) base 0 against B: (4 − 1) − (5 − 2) = 0
    const noNever: Panel = { ...staggered, units: staggered.units.slice(0, 2) };
    expect(cell(estimateGroupTimeEffects(noNever, { comparison: 'not-yet-treated' }), 1, 2)).toMatchObject({ att: 0, comparisonUnits: 1 });
  });
  test('rejects a panel with no treated unit', () => {
    const noneTreated: Panel = { ...tiny, units: tiny.units.map((u) => ({ code: u.code, outcomes: u.outcomes })) };
    expect(() => estimateGroupTimeEffects(noneTreated)).toThrow(expect.objectContaining({ code: 'NO_TREATED_UNITS' }));
  });
  test('rejects an unknown comparison group', () => {
    expect(() => estimateGroupTimeEffects(tiny, { comparison: 'everyone' as 'never-treated' })).toThrow(expect.objectContaining({ field: 'comparison' }));
  });
});
