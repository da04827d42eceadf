import { describe, expect, test } from '@jest/globals';
import { type CohortInputs, cohortDataProblem, cohortRates, projectCohort, rollForward } from './cohort-model';
import { ForecastInputError } from './forecast-input-error';

// Hand example: two bands, "0–1" (width 2) and "2" (width 1).
//   age-out shares s = 1/2, 1/1 = 0.5, 1
//   January 2024 C = [100, 50]; 2024 new plans N = [20, 5]; ceased X = [5, 10]; January 2025 C' = [65, 40]
//   aged-on stock A = [(1 − 0.5) × 100, (1 − 1) × 50 + 0.5 × 100] = [50, 50]
//   transition ratios r = [(65 − 20 + 5) / 50, (40 − 5 + 10) / 50] = [1, 0.9]
//   cease rates q = [5 / 100, 10 / 50] = [0.05, 0.2]
// January 2026 from C = [65, 40]: A = [32.5, 0 × 40 + 0.5 × 65 = 32.5]
//   band 0: 1 × 32.5 + 20 − 0.05 × 65 = 32.5 + 20 − 3.25 = 49.25
//   band 1: 0.9 × 32.5 + 5 − 0.2 × 40 = 29.25 + 5 − 8 = 26.25
// January 2027 from C = [49.25, 26.25]: A = [24.625, 24.625]
//   band 0: 24.625 + 20 − 0.05 × 49.25 = 24.625 + 20 − 2.4625 = 42.1625
//   band 1: 0.9 × 24.625 + 5 − 0.2 × 26.25 = 22.1625 + 5 − 5.25 = 21.9125
const HAND: CohortInputs = {
  bands: [
    { label: '0–1', width: 2 },
    { label: '2', width: 1 },
  ],
  startYear: 2024,
  caseloadStart: [100, 50],
  caseloadEnd: [65, 40],
  newPlans: [20, 5],
  ceased: [5, 10],
};

// England, SEN2 2025 bands of SEN2_2025_AGE_BANDS: under 3, ages 3–19, 20–25; January 2024 → 2025, flows of 2024
// (ceased "Age unknown", 32, left out).
const ENGLAND: CohortInputs = {
  bands: [{ label: 'Under 3', width: 3 }, ...Array.from({ length: 17 }, (_, i) => ({ label: `Age ${i + 3}`, width: 1 })), { label: 'Age 20 to 25', width: 6 }],
  startYear: 2024,
  caseloadStart: [481, 4576, 21470, 24832, 27548, 30267, 31901, 33986, 38631, 43228, 42652, 42113, 41029, 39587, 36769, 32760, 26263, 19210, 13611 + 9317 + 6326 + 3847 + 2100 + 325],
  caseloadEnd: [533, 4302, 22517, 30847, 31867, 34082, 36412, 38381, 41405, 46775, 47172, 47359, 47125, 44886, 42005, 36484, 28598, 20815, 14495 + 9805 + 6258 + 4030 + 2221 + 371],
  newPlans: [203, 2134, 13245, 13207, 7686, 6865, 6431, 6434, 7594, 8126, 5259, 4663, 5071, 4474, 3468, 1656, 664, 291, 276],
  ceased: [8, 72, 428, 721, 817, 839, 888, 858, 1060, 1011, 976, 1116, 1200, 1356, 1714, 2073, 5113, 6004, 18576],
};

describe('cohortRates', () => {
  const rates = cohortRates(HAND);

  test('gives the hand-computed age-out shares, transition ratios and cease rates', () => {
    expect([rates.ageOutShare, rates.transitionRatio, rates.ceaseRate]).toEqual([
      [0.5, 1],
      [1, 0.9],
      [0.05, 0.2],
    ]);
  });

  test('reproduces the second January from the first', () => {
    const next = rollForward(HAND.caseloadStart, rates, HAND.newPlans).byBand;
    expect(next.map((v) => Number(v.toFixed(9)))).toEqual([65, 40]);
  });

  test('reproduces England at January 2025 from January 2024 in every band', () => {
    const next = rollForward(ENGLAND.caseloadStart, cohortRates(ENGLAND), ENGLAND.newPlans).byBand;
    expect(next.map((v) => Number(v.toFixed(6)))).toEqual(ENGLAND.caseloadEnd);
  });

  test('gives England a transition ratio near 1 from age 9 to age 10', () => {
    // (41,405 − 7,594 + 1,060) / 33,986 = 34,871 / 33,986
    expect(cohortRates(ENGLAND).transitionRatio[8]).toBeCloseTo(34871 / 33986, 12);
  });

  test('takes neutral rates for bands with no plans to carry and says so', () => {
    // Band 0 is empty; band 1's single-year plans all age out, and nothing ages in from band 0.
    const empty = cohortRates({ ...HAND, caseloadStart: [0, 50], caseloadEnd: [20, 40], ceased: [0, 10] });
    expect([empty.transitionRatio, empty.ceaseRate, empty.notes]).toEqual([
      [1, 1],
      [0, 0.2],
      [
        '0–1: no plans aged into or stayed in the band at January 2024; transition ratio taken as 1',
        '2: no plans aged into or stayed in the band at January 2024; transition ratio taken as 1',
      ],
    ]);
  });

  test('floors a negative ratio at 0 and says so', () => {
    const odd = cohortRates({ ...HAND, caseloadEnd: [10, 40] });
    expect([odd.transitionRatio[0], odd.notes]).toEqual([0, ['0–1: more new plans than the band held at January 2025; transition ratio set to 0']]);
  });
});

describe('projectCohort', () => {
  const projection = projectCohort(HAND, { years: 2 });

  test('rolls the hand example forward two years', () => {
    expect(projection.years.map((y) => y.byBand)).toEqual([
      [49.25, 26.25],
      [42.1625, 21.9125],
    ]);
  });

  test('reports the hand example totals and flows per year', () => {
    // ceased 2025 = 3.25 + 8 = 11.25 of 105 plans; 2026 = 2.4625 + 5.25 = 7.7125 of 75.5
    expect(projection.years.map(({ year, total, newPlans, ceased, ceaseRate }) => ({ year, total, newPlans, ceased, ceaseRate }))).toEqual([
      { year: 2026, total: 75.5, newPlans: 25, ceased: 11.25, ceaseRate: 11.25 / 105 },
      { year: 2027, total: 64.075, newPlans: 25, ceased: 7.7125, ceaseRate: 7.7125 / 75.5 },
    ]);
  });

  test('grows new plans by the given rate', () => {
    // 2026: new plans × 1.1 = [22, 5.5]: band 0 = 32.5 + 22 − 3.25 = 51.25; band 1 = 29.25 + 5.5 − 8 = 26.75
    expect(projectCohort(HAND, { years: 1, newPlansGrowth: 0.1 }).years[0].byBand.map((v) => Number(v.toFixed(9)))).toEqual([51.25, 26.75]);
  });

  test('projects five years by default from the second January', () => {
    expect(projectCohort(ENGLAND).years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
  });

  test('gives the same answer for the same inputs', () => {
    expect(projectCohort(ENGLAND)).toEqual(projectCohort(structuredClone(ENGLAND)));
  });

  test('never projects a negative band even when ceasing exceeds the stock', () => {
    const extreme = projectCohort({ ...HAND, caseloadEnd: [65, 1], ceased: [5, 60] }, { years: 3 });
    expect(extreme.years.flatMap((y) => y.byBand).every((v) => v >= 0)).toBe(true);
  });
});

describe('cohort input errors', () => {
  test('rejects a negative count naming the band', () => {
    expect(() => projectCohort({ ...HAND, ceased: [5, -1] })).toThrow(new ForecastInputError('cohort.ceased[1]', 'must be a finite number ≥ 0 (got -1)'));
  });

  test('rejects a band count of the wrong length', () => {
    expect(() => projectCohort({ ...HAND, newPlans: [20] })).toThrow('cohort.newPlans: needs one value per age band (2), got 1');
  });

  test('rejects a band width below one year', () => {
    expect(() => projectCohort({ ...HAND, bands: [{ label: '0–1', width: 0 }, HAND.bands[1]] })).toThrow('cohort.bands[0].width');
  });

  test('rejects a new-plans growth out of range', () => {
    expect(() => projectCohort(HAND, { newPlansGrowth: 2 })).toThrow('newPlansGrowth: must be a number from -0.5 to 0.5 (got 2)');
  });

  test('says when there is no age data', () => {
    expect(cohortDataProblem(undefined)).toBe('no caseload by age for two consecutive Januaries');
  });
});
