import { describe, expect, test } from '@jest/globals';
import type { Panel, PanelUnit } from './panel';
import { fitSyntheticControl, syntheticControlPlacebo } from './synthetic-control';
import { simulatePanel } from './simulated-panel';

const A = [10, 11, 13, 12, 14, 15, 16, 15];
const B = [20, 19, 22, 24, 23, 25, 27, 26];
const C = [5, 9, 6, 10, 8, 7, 9, 12];
const D = [30, 28, 29, 33, 31, 30, 34, 35];
/** 0.3·A + 0.7·B throughout, plus 4 from period 5 on. */
const treatedPath = A.map((a, t) => 0.3 * a + 0.7 * B[t] + (t >= 5 ? 4 : 0));
const exact: Panel = {
  periodLabels: ['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023'],
  units: [
    { code: 'T', firstTreated: 5, outcomes: treatedPath },
    { code: 'A', outcomes: A },
    { code: 'B', outcomes: B },
    { code: 'C', outcomes: C },
    { code: 'D', outcomes: D },
  ],
};
const withUnits = (units: PanelUnit[]): Panel => ({ ...exact, units });

describe('fitSyntheticControl', () => {
  const result = fitSyntheticControl(exact, { treated: 'T' });
  test('recovers weights 0.3 and 0.7 for an exact combination of two donors', () => {
    expect(result.weights).toEqual([
      { code: 'A', weight: expect.closeTo(0.3, 6) },
      { code: 'B', weight: expect.closeTo(0.7, 6) },
      { code: 'C', weight: expect.closeTo(0, 6) },
      { code: 'D', weight: expect.closeTo(0, 6) },
    ]);
  });
  test('gives weights that are non-negative and sum to 1', () => {
    expect(result.weights.every((w) => w.weight >= 0)).toBe(true);
    expect(result.weights.reduce((sum, w) => sum + w.weight, 0)).toBeCloseTo(1, 12);
  });
  test('builds the synthetic path over every period', () => {
    expect(result.synthetic).toEqual(A.map((a, t) => expect.closeTo(0.3 * a + 0.7 * B[t], 9)));
  });
  test('fits the pre-period exactly and shows the effect of 4 after', () => {
    expect(result.fitPeriods).toEqual([0, 1, 2, 3, 4]);
    expect(result.preRmspe).toBeCloseTo(0, 9);
    expect(result.postRmspe).toBeCloseTo(4, 9);
    expect(result.gap.slice(5)).toEqual([4, 4, 4].map((g) => expect.closeTo(g, 9)));
  });
  test('divides post by pre RMSPE for the ratio', () => {
    const noisy = withUnits([{ ...exact.units[0], outcomes: treatedPath.map((y, t) => (t === 0 ? y + 1 : y)) }, ...exact.units.slice(1)]);
    const fit = fitSyntheticControl(noisy, { treated: 'T' });
    expect(fit.rmspeRatio).toBeCloseTo(fit.postRmspe / fit.preRmspe, 12);
  });
  test('drops a donor missing in the pre-period and says why', () => {
    const gappy = withUnits([...exact.units.slice(0, 3), { code: 'C', outcomes: C.map((y, t) => (t === 2 ? null : y)) }, exact.units[4]]);
    expect(fitSyntheticControl(gappy, { treated: 'T' }).droppedDonors).toEqual([{ code: 'C', reason: 'missing in pre-period 2, where T is observed' }]);
  });
  test('skips a pre-period where the treated unit is missing instead of fitting to 0', () => {
    const gappy = withUnits([{ ...exact.units[0], outcomes: treatedPath.map((y, t) => (t === 1 ? null : y)) }, ...exact.units.slice(1)]);
    const fit = fitSyntheticControl(gappy, { treated: 'T' });
    expect(fit.fitPeriods).toEqual([0, 2, 3, 4]);
    expect(fit.weights.map((w) => w.weight)).toEqual([0.3, 0.7, 0, 0].map((w) => expect.closeTo(w, 6)));
  });
  test('leaves the synthetic value missing where a weighted donor is missing', () => {
    const gappy = withUnits([...exact.units.slice(0, 2), { code: 'B', outcomes: B.map((y, t) => (t === 6 ? null : y)) }, ...exact.units.slice(3)]);
    expect(fitSyntheticControl(gappy, { treated: 'T' }).synthetic[6]).toBeNull();
  });
  test('rejects an unknown treated unit naming the field', () => {
    expect(() => fitSyntheticControl(exact, { treated: 'X' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_UNIT', field: 'treated' }));
  });
  test('rejects a start outside the series naming the field', () => {
    expect(() => fitSyntheticControl(exact, { treated: 'T', start: 8 })).toThrow(expect.objectContaining({ code: 'START_OUTSIDE_SERIES', field: 'start' }));
  });
  test('rejects a treated donor', () => {
    expect(() => fitSyntheticControl(exact, { treated: 'A', start: 5, donors: ['T'] })).toThrow(expect.objectContaining({ field: 'donors' }));
  });
  test('rejects an empty donor pool naming the field', () => {
    expect(() => fitSyntheticControl(exact, { treated: 'T', donors: [] })).toThrow(expect.objectContaining({ code: 'EMPTY_COMPARISON_GROUP', field: 'donors' }));
  });
});

describe('syntheticControlPlacebo', () => {
  // 1 treated unit and 8 donors over 10 pre-periods: too few donors to fit any unit exactly.
  const design = { units: 9, periods: 14, cohorts: [{ start: 10, units: 1 }], noise: 0.2, seed: 77 };
  const withEffect = syntheticControlPlacebo(simulatePanel({ ...design, effect: -3 }), { treated: 'U01' });
  const withoutEffect = syntheticControlPlacebo(simulatePanel({ ...design, effect: 0 }), { treated: 'U01' });
  test('fits every donor in turn from the others', () => {
    expect(withEffect.placebos.map((p) => p.code)).toEqual(['U02', 'U03', 'U04', 'U05', 'U06', 'U07', 'U08', 'U09']);
    expect(withEffect.failedPlacebos).toEqual([]);
  });
  test('ranks a treated unit with an effect of −3 first', () => {
    expect(withEffect).toMatchObject({ rank: 1, pValue: 1 / 9 });
  });
  test('computes p as the rank over all units', () => {
    expect(withoutEffect.pValue).toBe(withoutEffect.rank / 9);
  });
  test('gives a p that is not small when there is no effect', () => {
    expect(withoutEffect.pValue).toBeGreaterThan(0.2);
  });
});
