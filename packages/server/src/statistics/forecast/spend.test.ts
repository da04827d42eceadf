import { describe, expect, test } from '@jest/globals';
import { ForecastInputError } from './forecast-input-error';
import { S251_GROUP_LINES } from './mapping';
import type { ByGroup } from './placement-groups';
import { compareSpend, projectSpend, senSupportSpend, type UnitCostInputs, unitCosts, upratedCost } from './spend';

// Derby (831), S251 2021-22 outturn (extracts/s251_high_needs_lines_2021_22.csv), and its plans at January 2022
// (SEN2 2025 caseload.csv, 202122): mainstream 1,159; special 168 + 647 = 815; independent 118 + 61 = 179;
// FE 537; other 2,900 − 1,159 − 815 − 179 − 537 = 210.
const DERBY_OUTTURN: Record<string, number | null> = {
  topup_maintained_early_years: 230367,
  topup_maintained_primary: 4638139,
  topup_maintained_secondary: 2144130,
  topup_nmss_independent_primary: 0,
  topup_nmss_independent_secondary: 0,
  topup_maintained_special_schools_and_academies: 14690608,
  topup_nmss_independent_special_schools_and_academies: 12153270,
  topup_maintained_post_school: 1485446,
  topup_nmss_independent_post_school: 654975,
  topup_maintained_prus_and_ap_academies: 1395708,
  topup_nmss_independent_prus_and_ap_academies: 0,
  topup_nmss_independent_early_years: 0,
};
const DERBY_PLANS: ByGroup = { mainstream: 1159, stateSpecial: 815, independentSpecial: 179, post16: 537, other: 210 };

// England: the sum of the LA rows (the file has no England row; the 4 predecessor LAs' rows are x), and
// plans at January 2022: mainstream 191,442; special 85,910 + 54,255 = 140,165; independent 20,324 + 4,088 = 24,412;
// FE 78,370; other 473,255 − 191,442 − 140,165 − 24,412 − 78,370 = 38,866.
const ENGLAND_OUTTURN: Record<string, number | null> = {
  topup_maintained_early_years: 24207389,
  topup_maintained_primary: 897369703,
  topup_maintained_secondary: 500991592,
  topup_nmss_independent_primary: 56794237,
  topup_nmss_independent_secondary: 67830250,
  topup_maintained_special_schools_and_academies: 1892446890,
  topup_nmss_independent_special_schools_and_academies: 1343387899,
  topup_maintained_post_school: 284844026,
  topup_nmss_independent_post_school: 226265795,
  topup_maintained_prus_and_ap_academies: 210238629,
  topup_nmss_independent_prus_and_ap_academies: 74408830,
  topup_nmss_independent_early_years: 13340255,
};
const ENGLAND_PLANS: ByGroup = { mainstream: 191442, stateSpecial: 140165, independentSpecial: 24412, post16: 78370, other: 38866 };

const DERBY: UnitCostInputs = {
  lines: S251_GROUP_LINES,
  area: { outturn: DERBY_OUTTURN, plans: DERBY_PLANS },
  england: { outturn: ENGLAND_OUTTURN, plans: ENGLAND_PLANS },
};

describe('unitCosts', () => {
  const costs = unitCosts(DERBY);

  test('divides the area\'s own outturn by its plans', () => {
    // mainstream (230,367 + 4,638,139 + 2,144,130 + 0 + 0) / 1,159 = 7,012,636 / 1,159; special 14,690,608 / 815;
    // independent 12,153,270 / 179; FE (1,485,446 + 654,975) / 537 = 2,140,421 / 537; other 1,395,708 / 210
    expect(Object.values(costs).map((c) => [c.source, c.perPlan])).toEqual([
      ['area', 7012636 / 1159],
      ['area', 14690608 / 815],
      ['area', 12153270 / 179],
      ['area', 2140421 / 537],
      ['area', 1395708 / 210],
    ]);
  });

  test('falls back to England for a suppressed line and says why', () => {
    const fallback = unitCosts({ ...DERBY, area: { outturn: { ...DERBY_OUTTURN, topup_nmss_independent_special_schools_and_academies: null }, plans: DERBY_PLANS } });
    expect(fallback.independentSpecial).toEqual({
      group: 'independentSpecial',
      perPlan: 1343387899 / 24412,
      source: 'england',
      outturn: 1343387899,
      plans: 24412,
      reason: 'S251 line topup_nmss_independent_special_schools_and_academies is suppressed or missing',
    });
  });

  test('keeps the area\'s own cost for the groups whose lines are present', () => {
    const fallback = unitCosts({ ...DERBY, area: { outturn: { ...DERBY_OUTTURN, topup_nmss_independent_special_schools_and_academies: null }, plans: DERBY_PLANS } });
    expect(fallback.stateSpecial.source).toBe('area');
  });

  test('falls back to England for a group with no plans at January 2022', () => {
    const fallback = unitCosts({ ...DERBY, area: { outturn: DERBY_OUTTURN, plans: { ...DERBY_PLANS, other: 0 } } });
    expect([fallback.other.source, fallback.other.perPlan, fallback.other.reason]).toEqual(['england', (210238629 + 74408830 + 13340255) / 38866, 'the area had no plans in this group at January 2022']);
  });

  test('falls back to England for an area without outturn', () => {
    expect(unitCosts({ ...DERBY, area: { outturn: null, plans: DERBY_PLANS } }).mainstream).toEqual({
      group: 'mainstream',
      perPlan: 1547193171 / 191442,
      source: 'england',
      outturn: 1547193171,
      plans: 191442,
      reason: 'no S251 2021-22 outturn for the area',
    });
  });

  test('falls back to England when the area\'s lines add up to zero', () => {
    const zero = { ...DERBY_OUTTURN, topup_maintained_prus_and_ap_academies: 0 };
    expect(unitCosts({ ...DERBY, area: { outturn: zero, plans: DERBY_PLANS } }).other.reason).toBe('the outturn on these lines is zero or negative');
  });

  test('rejects an England figure that cannot be used', () => {
    expect(() => unitCosts({ ...DERBY, area: { outturn: null, plans: null }, england: { outturn: ENGLAND_OUTTURN, plans: { ...ENGLAND_PLANS, post16: 0 } } })).toThrow(
      new ForecastInputError('england.plans.post16', 'must be > 0'),
    );
  });

  test('rejects a negative number of plans naming the group', () => {
    expect(() => unitCosts({ ...DERBY, area: { outturn: DERBY_OUTTURN, plans: { ...DERBY_PLANS, post16: -5 } } })).toThrow('area.plans.post16: must be a finite number ≥ 0 (got -5)');
  });
});

describe('upratedCost', () => {
  test('compounds from 2021-22 to the financial year of the January', () => {
    // January 2026 is in 2025-26, four years on: 10,000 × 1.03⁴ = 11,255.0881
    expect(upratedCost(10000, 2026, 0.03)).toBeCloseTo(11255.0881, 8);
  });

  test('leaves the cost of January 2022 as it is', () => {
    expect(upratedCost(10000, 2022, 0.05)).toBe(10000);
  });
});

describe('projectSpend', () => {
  const costs = unitCosts(DERBY);
  const plans = [{ year: 2023, total: 3000, groups: { mainstream: 1200, stateSpecial: 850, independentSpecial: 190, post16: 540, other: 220 } }];

  test('prices each group at its uprated unit cost', () => {
    // 2023 is one year on: factor 1.02. mainstream 1,200 × 7,012,636 / 1,159 × 1.02, and so on.
    const [year] = projectSpend(plans, costs, 0.02);
    expect(year.byGroup.mainstream).toBeCloseTo(((1200 * 7012636) / 1159) * 1.02, 6);
    expect(year.total).toBeCloseTo(1.02 * ((1200 * 7012636) / 1159 + (850 * 14690608) / 815 + (190 * 12153270) / 179 + (540 * 2140421) / 537 + (220 * 1395708) / 210), 5);
  });

  test('prices Derby\'s January 2022 plans at its 2021-22 outturn on these lines', () => {
    const [year] = projectSpend([{ year: 2022, total: 2900, groups: DERBY_PLANS }], costs, 0.05);
    expect(year.total).toBeCloseTo(7012636 + 14690608 + 12153270 + 2140421 + 1395708, 5);
  });

  test('rejects an uprating rate out of range', () => {
    expect(() => projectSpend(plans, costs, 0.9)).toThrow('upratingRate: must be a number from -0.5 to 0.5 (got 0.9)');
  });
});

describe('senSupportSpend', () => {
  test('prices the children met at SEN support at the uprated cost per child', () => {
    // 100 children × £6,000 × 1.03^(2026 − 2022); 150 × £6,000 × 1.03^5
    expect(senSupportSpend([{ year: 2026, divertedStock: 100 }, { year: 2027, divertedStock: 150 }], 6_000, 0.03).map((y) => y.total)).toEqual([100 * 6_000 * 1.03 ** 4, 150 * 6_000 * 1.03 ** 5]);
  });

  test('rejects a cost per child out of range naming the field', () => {
    expect(() => senSupportSpend([], -1, 0.03)).toThrow('senSupportCost: must be a number from 0 to 50000 (got -1)');
  });
});

describe('compareSpend', () => {
  const year = (y: number, total: number) => ({ year: y, total, byGroup: { mainstream: total, stateSpecial: 0, independentSpecial: 0, post16: 0, other: 0 } });

  test('gives the yearly and cumulative differences', () => {
    expect(compareSpend([year(2026, 100), year(2027, 120)], [year(2026, 90), year(2027, 100)])).toEqual([
      { year: 2026, unmitigated: 100, mitigated: 90, difference: 10, cumulativeDifference: 10, senSupport: 0, netDifference: 10, cumulativeNetDifference: 10 },
      { year: 2027, unmitigated: 120, mitigated: 100, difference: 20, cumulativeDifference: 30, senSupport: 0, netDifference: 20, cumulativeNetDifference: 30 },
    ]);
  });

  test('takes the cost of SEN support for diverted needs off the saving', () => {
    expect(compareSpend([year(2026, 100), year(2027, 120)], [year(2026, 90), year(2027, 100)], [4, 7]).map((c) => [c.netDifference, c.cumulativeNetDifference])).toEqual([
      [6, 6],
      [13, 19],
    ]);
  });

  test('rejects paths over different years', () => {
    expect(() => compareSpend([year(2026, 100)], [year(2027, 90)])).toThrow('mitigated[0].year: must be 2026 (got 2027)');
  });
});
