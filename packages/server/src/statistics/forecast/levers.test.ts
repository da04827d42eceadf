import { describe, expect, test } from '@jest/globals';
import { ForecastInputError } from './forecast-input-error';
import { applyLevers, type Levers, type MitigatedYear, NEUTRAL_LEVERS, type UnmitigatedPath, validateLevers } from './levers';
import { type ByGroup, groupShares, PLACEMENT_GROUPS, splitByShares, sumGroups } from './placement-groups';

// Hand example: 100 plans growing 10% a year, 20 then 22 new plans, 10% ceasing.
const SHARES: ByGroup = { mainstream: 0.5, stateSpecial: 0.3, independentSpecial: 0.1, post16: 0.05, other: 0.05 };
const HAND: UnmitigatedPath = {
  base: { year: 2025, total: 100, groups: { mainstream: 50, stateSpecial: 30, independentSpecial: 10, post16: 5, other: 5 } },
  years: [
    { year: 2026, total: 110, groups: { mainstream: 55, stateSpecial: 33, independentSpecial: 11, post16: 5.5, other: 5.5 }, newPlans: 20, ceaseRate: 0.1 },
    { year: 2027, total: 121, groups: { mainstream: 60.5, stateSpecial: 36.3, independentSpecial: 12.1, post16: 6.05, other: 6.05 }, newPlans: 22, ceaseRate: 0.1 },
  ],
  newPlacementShares: { mainstream: 0.6, stateSpecial: 0.2, independentSpecial: 0.1, post16: 0.05, other: 0.05 },
};

// England-like path: January 2025 groups (SEN2 2025), the 2015–2025 trend's totals, new plans at 2024's rate
// (97,747 of 576,474 at January 2024) and its cease rate (44,862 of 576,474); new plans placed as in 2024.
const ENGLAND_SHARES = groupShares({ mainstream: 278236, stateSpecial: 159852, independentSpecial: 34028, post16: 88158, other: 78471 }, 638745);
const ENGLAND_TOTALS = [638745, 703069.4, 776429.3, 857444.1, 946913.2, 1045716.5];
const ENGLAND: UnmitigatedPath = {
  base: { year: 2025, total: 638745, groups: splitByShares(638745, ENGLAND_SHARES) },
  years: ENGLAND_TOTALS.slice(1).map((total, k) => ({
    year: 2026 + k,
    total,
    groups: splitByShares(total, ENGLAND_SHARES),
    newPlans: (97747 / 576474) * ENGLAND_TOTALS[k],
    ceaseRate: 44862 / 576474,
  })),
  newPlacementShares: groupShares({ mainstream: 73369, stateSpecial: 6576, independentSpecial: 2488, post16: 2784, other: 12530 }, 97747),
};

const plans = (years: readonly { year: number; total: number; groups: ByGroup }[]) => years.map(({ year, total, groups }) => ({ year, total, groups }));
const rounded = (years: readonly MitigatedYear[], digits = 9) =>
  years.map((y) => [y.total, ...PLACEMENT_GROUPS.map((g) => y.groups[g])].map((v) => Number(v.toFixed(digits))));

describe('applyLevers with neutral levers', () => {
  test('gives the unmitigated plans exactly', () => {
    expect(plans(applyLevers(ENGLAND, NEUTRAL_LEVERS))).toEqual(plans(ENGLAND.years));
  });

  test('gives the unmitigated plans exactly under a cap that never binds', () => {
    expect(plans(applyLevers(ENGLAND, { ...NEUTRAL_LEVERS, growthCap: 0.5 }))).toEqual(plans(ENGLAND.years));
  });

  test('reports nothing diverted or moved', () => {
    expect(applyLevers(ENGLAND, NEUTRAL_LEVERS).map((y) => [y.divertedNewPlans, y.movedToMainstream, y.capBinding, y.capMet])).toEqual(ENGLAND.years.map(() => [0, 0, false, true]));
  });
});

describe('applyLevers by hand', () => {
  // diversion 0.25, move 0.5, cease rate +20%: q' = 0.1 × 1.2 = 0.12, survival 0.88.
  // 2026: extra ceased E = 0.02 × base = [1, 0.6, 0.2, 0.1, 0.1] (ΣE = 2); diverted V = 0.25 × 20 = 5
  //   moved S = 0.5 × (1 − 0.25) × 20 × [0.2, 0.1] = [1.5, 0.75]
  //   mainstream 55 − 1 − 0.6 × 5 + 1.5 + 0.75 = 53.25; state 33 − 0.6 − 0.2 × 5 − 1.5 = 29.9;
  //   independent 11 − 0.2 − 0.5 − 0.75 = 9.55; post-16 5.5 − 0.1 − 0.25 = 5.15; other 5.15; total 110 − 2 − 5 = 103
  // 2027: E = 0.88 E + 0.02 × 2026 groups = [1.98, 1.188, 0.396, 0.198, 0.198] (ΣE = 3.96); V = 0.88 × 5 + 0.25 × 22 = 9.9
  //   S = 0.88 × [1.5, 0.75] + 0.5 × 0.75 × 22 × [0.2, 0.1] = [2.97, 1.485]
  //   mainstream 60.5 − 1.98 − 5.94 + 4.455 = 57.035; state 36.3 − 1.188 − 1.98 − 2.97 = 30.162;
  //   independent 12.1 − 0.396 − 0.99 − 1.485 = 9.229; post-16 6.05 − 0.198 − 0.495 = 5.357; other 5.357; total 121 − 3.96 − 9.9 = 107.14
  const mitigated = applyLevers(HAND, { diversionToSenSupport: 0.25, specialToMainstream: 0.5, ceaseRateChange: 0.2, growthCap: null });

  test('gives the hand-computed totals and groups', () => {
    expect(rounded(mitigated)).toEqual([
      [103, 53.25, 29.9, 9.55, 5.15, 5.15],
      [107.14, 57.035, 30.162, 9.229, 5.357, 5.357],
    ]);
  });

  test('reports the hand-computed diverted and moved plans', () => {
    // 2026: 0.25 × 20 = 5 diverted; 0.5 × 0.75 × 20 × 0.3 = 2.25 moved. 2027: 5.5 and 2.475.
    expect(mitigated.map((y) => [y.divertedNewPlans, Number(y.movedToMainstream.toFixed(12))])).toEqual([
      [5, 2.25],
      [5.5, 2.475],
    ]);
  });

  test('meets a growth cap by diverting more new plans', () => {
    // cap 5%: 2026 limit 105, so (110 − 105) / 20 = 25% of new plans diverted, V = 5
    //   groups 55 − 3, 33 − 1, 11 − 0.5, 5.5 − 0.25, 5.5 − 0.25
    // 2027 limit 110.25; before diversion 121 − 0.9 × 5 = 116.5, so 6.25 of 22 new plans diverted
    const capped = applyLevers(HAND, { ...NEUTRAL_LEVERS, growthCap: 0.05 });
    expect([rounded(capped)[0], Number(capped[1].total.toFixed(9)), capped.map((y) => Number(y.divertedNewPlans.toFixed(9))), capped.map((y) => y.capBinding)]).toEqual([
      [105, 52, 32, 10.5, 5.25, 5.25],
      110.25,
      [5, 6.25],
      [true, true],
    ]);
  });
});

const GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65];
const STEPS = GRID.slice(1).map((d, i) => [GRID[i], d]);
const scenarios: [string, Omit<Levers, 'diversionToSenSupport'>][] = [
  ['no other lever', { specialToMainstream: 0, ceaseRateChange: 0, growthCap: null }],
  ['all special moved and 30% more ceasing', { specialToMainstream: 1, ceaseRateChange: 0.3, growthCap: null }],
  ['half moved, fewer ceasing and a 4% cap', { specialToMainstream: 0.5, ceaseRateChange: -0.4, growthCap: 0.04 }],
];
const monotoneCases = scenarios.flatMap(([name, others]) => STEPS.map(([from, to]) => ({ name, others, from, to })));
const figures = (y: MitigatedYear) => [y.total, ...PLACEMENT_GROUPS.map((g) => y.groups[g])];
/** Every figure (year, total or group) that is higher after than before, beyond rounding. */
const increases = (before: readonly MitigatedYear[], after: readonly MitigatedYear[]) =>
  after.flatMap((y, k) => figures(y).filter((v, i) => v > figures(before[k])[i] + 1e-9));

describe('applyLevers with more diversion', () => {
  test.each(monotoneCases)('never gives more plans in any group going from $from to $to with $name', ({ others, from, to }) => {
    const before = applyLevers(ENGLAND, { ...others, diversionToSenSupport: from });
    const after = applyLevers(ENGLAND, { ...others, diversionToSenSupport: to });
    expect(increases(before, after)).toEqual([]);
  });
});

describe('applyLevers identities', () => {
  const extremes: [string, Levers][] = [
    ['every lever at its maximum', { diversionToSenSupport: 0.65, specialToMainstream: 1, ceaseRateChange: 0.5, growthCap: 0 }],
    ['fewest ceasing and a zero cap', { diversionToSenSupport: 0, specialToMainstream: 1, ceaseRateChange: -0.5, growthCap: 0 }],
    ['maximum diversion and ceasing, no cap', { diversionToSenSupport: 0.65, specialToMainstream: 0, ceaseRateChange: 0.5, growthCap: null }],
  ];

  test.each(extremes)('never gives a negative group with %s', (_, levers) => {
    expect(applyLevers(ENGLAND, levers).flatMap((y) => PLACEMENT_GROUPS.map((g) => y.groups[g])).filter((v) => v < 0)).toEqual([]);
  });

  test.each(extremes)('adds the groups up to the total with %s', (_, levers) => {
    expect(applyLevers(ENGLAND, levers).map((y) => Math.abs(sumGroups(y.groups) - y.total) <= 1e-9 * y.total)).toEqual([true, true, true, true, true]);
  });

  test('holds England at its 2025 caseload under a zero cap', () => {
    expect(applyLevers(ENGLAND, { ...NEUTRAL_LEVERS, growthCap: 0 }).map((y) => [Number(y.total.toFixed(6)), y.capMet])).toEqual(ENGLAND.years.map(() => [638745, true]));
  });

  test('moves special placements without changing the total', () => {
    expect(applyLevers(ENGLAND, { ...NEUTRAL_LEVERS, specialToMainstream: 1 }).map((y) => y.total)).toEqual(ENGLAND.years.map((y) => y.total));
  });

  test('gives fewer plans when more plans cease', () => {
    const more = applyLevers(ENGLAND, { ...NEUTRAL_LEVERS, ceaseRateChange: 0.2 });
    expect(more.map((y, k) => y.total < ENGLAND.years[k].total)).toEqual([true, true, true, true, true]);
  });

  test('gives the same answer for the same inputs', () => {
    const levers = { diversionToSenSupport: 0.3, specialToMainstream: 0.4, ceaseRateChange: 0.1, growthCap: 0.06 };
    expect(applyLevers(ENGLAND, levers)).toEqual(applyLevers(structuredClone(ENGLAND), { ...levers }));
  });
});

describe('lever errors', () => {
  test.each([
    ['diversionToSenSupport', { ...NEUTRAL_LEVERS, diversionToSenSupport: 0.7 }, 'levers.diversionToSenSupport: must be a number from 0 to 0.65 (got 0.7)'],
    ['specialToMainstream', { ...NEUTRAL_LEVERS, specialToMainstream: -0.1 }, 'levers.specialToMainstream: must be a number from 0 to 1 (got -0.1)'],
    ['ceaseRateChange', { ...NEUTRAL_LEVERS, ceaseRateChange: 0.6 }, 'levers.ceaseRateChange: must be a number from -0.5 to 0.5 (got 0.6)'],
    ['growthCap', { ...NEUTRAL_LEVERS, growthCap: -0.01 }, 'levers.growthCap: must be a number from 0 to 1 (got -0.01)'],
    ['a non-finite diversionToSenSupport', { ...NEUTRAL_LEVERS, diversionToSenSupport: Number.NaN }, 'levers.diversionToSenSupport: must be a number from 0 to 0.65 (got NaN)'],
  ])('rejects %s out of range naming it', (_, levers, message) => {
    expect(() => validateLevers(levers)).toThrow(message);
  });

  test('carries the lever name as the error field', () => {
    expect(() => validateLevers({ ...NEUTRAL_LEVERS, growthCap: 2 })).toThrow(new ForecastInputError('levers.growthCap', 'must be a number from 0 to 1 (got 2)'));
  });

  test('rejects new-placement shares that do not add up to 1', () => {
    expect(() => applyLevers({ ...HAND, newPlacementShares: { ...HAND.newPlacementShares, other: 0.5 } }, NEUTRAL_LEVERS)).toThrow('path.newPlacementShares: must add up to 1 (got 1.45)');
  });

  test('rejects a negative number of new plans naming the year', () => {
    expect(() => applyLevers({ ...HAND, years: [{ ...HAND.years[0], newPlans: -2 }] }, NEUTRAL_LEVERS)).toThrow('path.years[0].newPlans: must be a finite number ≥ 0 (got -2)');
  });
});
