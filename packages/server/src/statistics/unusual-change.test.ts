import { describe, expect, test } from '@jest/globals';
import { type ChangeInput, flagUnusualChanges, judgeChanges, robustSpread, UNUSUAL_CHANGE_RULE } from './unusual-change';

/**
 * A synthetic panel: 30 areas over January 2019–2025, each growing smoothly by its own rate
 * (3% to 11.7% a year, with a small alternating wobble), as EHC plans do.
 */
const YEARS = [201819, 201920, 202021, 202122, 202223, 202324, 202425];

function smoothPanel(): Map<string, number[]> {
  const panel = new Map<string, number[]>();
  for (let a = 0; a < 30; a++) {
    const rate = 0.03 + 0.003 * a;
    const values = [1000 + 50 * a];
    for (let y = 1; y < YEARS.length; y++) values.push(values[y - 1] * (1 + rate + (y % 2 ? 0.004 : -0.004)));
    panel.set(String(100 + a), values);
  }
  return panel;
}

function changesOf(panel: Map<string, number[]>): ChangeInput[] {
  const changes: ChangeInput[] = [];
  for (const [area, values] of panel) {
    for (let y = 1; y < values.length; y++) changes.push({ area, period: YEARS[y], previousPeriod: YEARS[y - 1], value: values[y], previous: values[y - 1] });
  }
  return changes;
}

/** The smooth panel with one value replaced. */
function withValue(area: string, year: number, value: number): Map<string, number[]> {
  const panel = smoothPanel();
  panel.get(area)![YEARS.indexOf(year)] = value;
  return panel;
}

const key = (c: ChangeInput) => `${c.area} ${c.period}`;

describe('unusual year-on-year changes', () => {
  test('flags nothing in a panel of smooth series', () => {
    expect(flagUnusualChanges(changesOf(smoothPanel()))).toEqual([]);
  });

  test('flags a synthetic fall to less than half of the year before', () => {
    const last = smoothPanel().get('110')!.at(-2)!;
    const flagged = flagUnusualChanges(changesOf(withValue('110', 202425, last * 0.44)));
    expect(flagged.map(key)).toEqual(['110 202425']);
    expect(flagged[0].zOwn).toBeLessThan(-UNUSUAL_CHANGE_RULE.threshold);
    expect(flagged[0].zEngland).toBeLessThan(-UNUSUAL_CHANGE_RULE.threshold);
  });

  test('flags a one-year spike and the fall back after it', () => {
    const before = smoothPanel().get('120')![3];
    expect(flagUnusualChanges(changesOf(withValue('120', 202223, before * 1.9))).map(key)).toEqual(['120 202223', '120 202324']);
  });

  test('leaves a jump alone when every area jumps that year', () => {
    const panel = smoothPanel();
    for (const values of panel.values()) values[6] = values[5] * 1.6;
    expect(flagUnusualChanges(changesOf(panel))).toEqual([]);
  });

  test('judges no change of an area with fewer than four changes', () => {
    const panel = smoothPanel();
    panel.set('999', [500, 510, 100]);
    expect(judgeChanges(changesOf(panel)).filter((c) => c.area === '999')).toEqual([]);
  });

  test('computes the median and scaled MAD of log changes', () => {
    expect(robustSpread([0.25, 0.5, 0.75, 1.25, 3])).toEqual({ median: 0.75, scale: UNUSUAL_CHANGE_RULE.madScale * 0.5, count: 5 });
  });

  test('floors the spread of identical changes', () => {
    expect(robustSpread([0.05, 0.05, 0.05, 0.05]).scale).toBe(UNUSUAL_CHANGE_RULE.minScale);
  });
});
