import { describe, expect, test } from '@jest/globals';
import { effectUnitLabel, formatEffect, type VerdictInput, writeVerdict } from './evaluation-verdict';

const base: VerdictInput = {
  cohortLabel: 'DBV in SEND tranche 1',
  programme: 'dbv',
  metricLabel: '% of EHC plans in mainstream schools',
  unit: 'percent',
  transform: 'level',
  unitLabel: 'percentage points',
  comparisonLabel: 'Authorities in no programme',
  cohortAuthorities: 20,
  comparisonAuthorities: 74,
  overall: { effect: -1.5, low: -2.5, high: -0.5 },
  simple: -1.2,
  permutationP: 0.004,
  jointPreTrendP: 0.6,
  placebo: { effect: 0.1, low: -0.8, high: 1 },
  incompleteLists: [],
  seriesBreakHandling: null,
  seriesStraddled: false,
  breaksOutsideWindow: [],
  uncertainStarts: [],
  successionsUsed: [],
  alsoInOtherProgramme: [],
  nonPositiveValues: 0,
  droppedCohortAuthorities: 0,
};

describe('writeVerdict', () => {
  test('reports a lower path when the interval excludes 0 and the permutation test agrees', () => {
    const verdict = writeVerdict(base);
    expect({ finding: verdict.finding, pass: verdict.preTrendsPass, headline: verdict.headline }).toEqual({
      finding: 'lower_after',
      pass: true,
      headline:
        "After their start, the 20 authorities of DBV in SEND tranche 1 ended up 1.50 percentage points lower on % of EHC plans in mainstream schools than the comparison authorities' path would suggest (95% interval −2.50 to −0.50; permutation p = 0.004).",
    });
  });

  test('reports no clear difference when the permutation test does not support the interval', () => {
    expect(writeVerdict({ ...base, permutationP: 0.2 }).finding).toBe('no_clear_difference');
  });

  test('warns that the comparison is not like for like when the placebo is not 0', () => {
    const verdict = writeVerdict({ ...base, placebo: { effect: 1.4, low: 0.1, high: 2.8 } });
    expect({ pass: verdict.preTrendsPass, warns: /should not be read as an effect/.test(verdict.headline) }).toEqual({ pass: false, warns: true });
  });

  test('always names selection, incomplete lists and association, and small numbers when there are few', () => {
    const caveats = writeVerdict({ ...base, cohortAuthorities: 4 }).caveats;
    expect(['Selection', 'Incomplete programme lists', 'Associations, not causes', 'Small numbers'].map((start) => caveats.some((c) => c.startsWith(start)))).toEqual([true, true, true, true]);
  });
});

describe('formatEffect', () => {
  test('writes pounds, logs and index points with their own decimals and a true minus', () => {
    expect([formatEffect(-1234.4, 'level', 'gbp'), formatEffect(0.01234, 'log', 'count'), formatEffect(-2.25, 'indexed', 'count')]).toEqual(['−£1,234', '0.012', '−2.3']);
  });

  test('names the unit of the effects by transform', () => {
    expect([effectUnitLabel('level', 'percent', 'January 2022'), effectUnitLabel('indexed', 'count', 'January 2022')]).toEqual(['percentage points', 'index points (January 2022 = 100)']);
  });
});
