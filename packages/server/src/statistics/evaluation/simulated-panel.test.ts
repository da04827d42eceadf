import { describe, expect, test } from '@jest/globals';
import type { PanelUnit } from './panel';
import { simulatePanel } from './simulated-panel';

/** Treated minus comparison outcome in each period; the simulated panel has no missing value. */
const gapsBetween = (a: PanelUnit, b: PanelUnit) => a.outcomes.map((y, t) => Number(y) - Number(b.outcomes[t]));

const options = { units: 6, periods: 4, cohorts: [{ start: 2, units: 2 }], effect: -2, noise: 0, seed: 9 };

describe('simulatePanel', () => {
  test('has no missing value', () => {
    expect(simulatePanel(options).units.flatMap((u) => u.outcomes).every((y) => typeof y === 'number')).toBe(true);
  });
  test('gives the same panel for the same seed', () => {
    expect(simulatePanel(options)).toEqual(simulatePanel(options));
  });
  test('gives a different panel for another seed', () => {
    expect(simulatePanel({ ...options, seed: 10 })).not.toEqual(simulatePanel(options));
  });
  test('assigns the cohorts first and leaves the rest never treated', () => {
    expect(simulatePanel(options).units.map((u) => [u.code, u.firstTreated])).toEqual([
      ['U01', 2],
      ['U02', 2],
      ['U03', undefined],
      ['U04', undefined],
      ['U05', undefined],
      ['U06', undefined],
    ]);
  });
  test('adds the effect from the start on and nothing before it', () => {
    const [treated, , comparison] = simulatePanel(options).units;
    // Without noise, treated minus comparison is α_1 − α_3, plus −2 from period 2.
    const gaps = gapsBetween(treated, comparison);
    expect(gaps[1] - gaps[0]).toBeCloseTo(0, 12);
    expect(gaps[2] - gaps[1]).toBeCloseTo(-2, 12);
    expect(gaps[3] - gaps[2]).toBeCloseTo(0, 12);
  });
  test('applies a dynamic effect by event time', () => {
    const [treated, , comparison] = simulatePanel({ ...options, effect: (e: number) => e + 1 }).units;
    const gaps = gapsBetween(treated, comparison);
    expect(gaps[3] - gaps[1]).toBeCloseTo(2, 12);
  });
  test('rejects cohorts larger than the panel', () => {
    expect(() => simulatePanel({ ...options, units: 1 })).toThrow(expect.objectContaining({ field: 'cohorts' }));
  });
});
