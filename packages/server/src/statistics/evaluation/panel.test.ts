import { describe, expect, test } from '@jest/globals';
import { cohortSizes, NEVER_TREATED, type Panel, preparePanel } from './panel';

const panel: Panel = {
  periodLabels: ['2019', '2020', '2021'],
  units: [
    { code: 'A', firstTreated: 2, outcomes: [1, null, 3] },
    { code: 'B', outcomes: [4, 5, 6] },
    { code: 'C', firstTreated: 1, outcomes: [7, 8, 9] },
    { code: 'D', firstTreated: 2, outcomes: [0, 0, 0] },
  ],
};

describe('preparePanel', () => {
  test('flattens outcomes unit by unit with NaN for a missing value', () => {
    expect(Array.from(preparePanel(panel).outcomes)).toEqual([1, Number.NaN, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0]);
  });
  test('labels never-treated units apart from cohorts', () => {
    expect(Array.from(preparePanel(panel).cohortOf)).toEqual([2, NEVER_TREATED, 1, 2]);
  });
  test('lists the distinct starts in ascending order', () => {
    expect(preparePanel(panel).cohorts).toEqual([1, 2]);
  });
  test('rejects a start in the first period naming firstTreated', () => {
    const bad: Panel = { periodLabels: ['a', 'b'], units: [{ code: 'X', firstTreated: 0, outcomes: [1, 2] }] };
    expect(() => preparePanel(bad)).toThrow(expect.objectContaining({ code: 'START_OUTSIDE_SERIES', field: 'firstTreated' }));
  });
  test('rejects a start after the last period', () => {
    const bad: Panel = { periodLabels: ['a', 'b'], units: [{ code: 'X', firstTreated: 2, outcomes: [1, 2] }] };
    expect(() => preparePanel(bad)).toThrow(expect.objectContaining({ code: 'START_OUTSIDE_SERIES' }));
  });
  test('rejects outcomes of the wrong length', () => {
    const bad: Panel = { periodLabels: ['a', 'b'], units: [{ code: 'X', outcomes: [1] }] };
    expect(() => preparePanel(bad)).toThrow(expect.objectContaining({ code: 'INVALID_PANEL', field: 'outcomes' }));
  });
  test('rejects NaN rather than reading it as missing', () => {
    const bad: Panel = { periodLabels: ['a', 'b'], units: [{ code: 'X', outcomes: [1, Number.NaN] }] };
    expect(() => preparePanel(bad)).toThrow(/use null for a missing value/);
  });
  test('rejects a repeated unit code', () => {
    const bad: Panel = { periodLabels: ['a', 'b'], units: [{ code: 'X', outcomes: [1, 2] }, { code: 'X', outcomes: [1, 2] }] };
    expect(() => preparePanel(bad)).toThrow(expect.objectContaining({ field: 'units' }));
  });
  test('rejects a single-period panel', () => {
    expect(() => preparePanel({ periodLabels: ['a'], units: [{ code: 'X', outcomes: [1] }] })).toThrow(expect.objectContaining({ field: 'periodLabels' }));
  });
});

describe('cohortSizes', () => {
  test('counts units per start in ascending order', () => {
    expect(cohortSizes(panel)).toEqual([{ cohort: 1, units: 1 }, { cohort: 2, units: 2 }]);
  });
});
