import { describe, expect, test } from '@jest/globals';
import { ForecastInputError } from './forecast-input-error';
import { type AnnualValue, fitLogLinearTrend, projectTrend, trendHistoryProblem, trendLogStandardError, yearsAfter } from './trend-model';

// England, EHC plans and statements at January (SEN2 2022 release to 2022, SEN2 2025 release after).
const ENGLAND: AnnualValue[] = [
  [2010, 228221], [2011, 229017], [2012, 230156], [2013, 233431], [2014, 237111], [2015, 240183], [2016, 256530], [2017, 287290],
  [2018, 312626], [2019, 353995], [2020, 390109], [2021, 430697], [2022, 473255], [2023, 517048], [2024, 576474], [2025, 638745],
].map(([year, value]) => ({ year, value }));

// Hand example: ln(plans / 1000) = 0, 0.1, 0.3, 0.3, 0.5 at 2018–2022.
//   x − x̄ = −2, −1, 0, 1, 2 (x̄ = 2020); Sxx = 4 + 1 + 0 + 1 + 4 = 10; ȳ = 1.2 / 5 = 0.24
//   Sxy = (−2)(−0.24) + (−1)(−0.14) + 0(0.06) + 1(0.06) + 2(0.26) = 0.48 + 0.14 + 0 + 0.06 + 0.52 = 1.2
//   slope b = 1.2 / 10 = 0.12; fitted 0, 0.12, 0.24, 0.36, 0.48; residuals 0, −0.02, 0.06, −0.06, 0.02
//   SSR = 0 + 0.0004 + 0.0036 + 0.0036 + 0.0004 = 0.008; s² = 0.008 / 3; s = 0.0516398
//   2023: ŷ = 0.24 + 0.12 × 3 = 0.6 (plans 1000 e^0.6 = 1822.119); se = s √(1 + 1/5 + 9/10) = √(0.0056) = 0.0748331
//   95%: 1000 exp(0.6 ± t(0.975, 3) se) = 1000 exp(0.6 ± 3.182446 × 0.0748331) = 1435.980 … 2312.091
//   80%: 1000 exp(0.6 ± t(0.9, 3) se) = 1000 exp(0.6 ± 1.637744 × 0.0748331) = 1611.946 … 2059.694
const HAND: AnnualValue[] = [0, 0.1, 0.3, 0.3, 0.5].map((log, i) => ({ year: 2018 + i, value: 1000 * Math.exp(log) }));

describe('fitLogLinearTrend', () => {
  const fit = fitLogLinearTrend(HAND);

  test('fits the hand-computed slope, centre and residual error', () => {
    expect([fit.slope, fit.intercept, fit.centreYear, fit.sxx, fit.degreesOfFreedom].map((v) => Number(v.toFixed(10)))).toEqual([0.12, 0.24 + Math.log(1000), 2020, 10, 3].map((v) => Number(v.toFixed(10))));
    expect(fit.residualStandardError).toBeCloseTo(0.0516398, 7);
  });

  test('gives the hand-computed standard error of a new year', () => {
    expect(trendLogStandardError(fit, 2023)).toBeCloseTo(Math.sqrt(0.0056), 12);
  });

  test('skips a missing year instead of reading it as zero', () => {
    const withGap = [...HAND.slice(0, 2), { year: 2020, value: null }, ...HAND.slice(2)].map((v, i) => (i > 2 ? { ...v, year: v.year + 1 } : v));
    const withoutGap = withGap.filter((v) => v.value !== null);
    expect(fitLogLinearTrend(withGap)).toEqual(fitLogLinearTrend(withoutGap));
  });

  test('fits only the years in the window', () => {
    expect(fitLogLinearTrend(ENGLAND, { fromYear: 2015, toYear: 2022 }).points.map((p) => p.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
  });

  test('recovers a constant growth rate exactly', () => {
    const fitted = fitLogLinearTrend([0, 1, 2, 3, 4, 5].map((i) => ({ year: 2020 + i, value: 500 * 1.08 ** i })));
    expect([Math.exp(fitted.slope), fitted.residualStandardError].map((v) => Number(v.toFixed(12)))).toEqual([1.08, 0]);
  });

  test('gives the same fit for the same series', () => {
    expect(fitLogLinearTrend(ENGLAND)).toEqual(fitLogLinearTrend(ENGLAND.map((v) => ({ ...v }))));
  });
});

describe('projectTrend', () => {
  const [forecast] = projectTrend(fitLogLinearTrend(HAND), [2023]);

  test('projects the hand-computed median and intervals', () => {
    expect([forecast.point, forecast.lower95, forecast.upper95, forecast.lower80, forecast.upper80].map((v) => Number(v.toFixed(3)))).toEqual([
      1822.119, 1435.98, 2312.091, 1611.946, 2059.694,
    ]);
  });

  test('counts the horizon from the last observed year', () => {
    expect(projectTrend(fitLogLinearTrend(HAND), [2023, 2027]).map((p) => p.horizon)).toEqual([1, 5]);
  });

  const england = projectTrend(fitLogLinearTrend(ENGLAND, { fromYear: 2015 }), yearsAfter(2025, 5));

  test.each(england)('nests the 80% interval inside the 95% one, all positive, in $year', (p) => {
    expect([p.lower95 > 0, p.lower95 <= p.lower80, p.lower80 <= p.point, p.point <= p.upper80, p.upper80 <= p.upper95]).toEqual([true, true, true, true, true]);
  });

  test('widens the interval with the horizon', () => {
    expect(england.map((p) => p.upper95 / p.lower95)).toEqual([...england.map((p) => p.upper95 / p.lower95)].sort((a, b) => a - b));
  });

  test('projects England at January 2026 near the published 718,838 from the 2015–2025 trend', () => {
    // The 2026 release (extracts/ehcp_caseload_2026_national_regional.csv) was not used in the fit.
    expect([Math.round(england[0].point), england[0].lower95 < 718838, england[0].upper95 > 718838]).toEqual([703069, true, true]);
  });
});

describe('trend input errors', () => {
  test('rejects a zero caseload naming the entry', () => {
    expect(() => fitLogLinearTrend([...HAND, { year: 2023, value: 0 }])).toThrow(new ForecastInputError('series[5].value', 'must be a finite number of plans > 0, or null when missing (got 0)'));
  });

  test('rejects a negative caseload naming the entry', () => {
    expect(() => fitLogLinearTrend([{ year: 2017, value: -3 }, ...HAND])).toThrow('series[0].value: must be a finite number of plans > 0');
  });

  test('rejects a non-finite caseload naming the entry', () => {
    expect(() => fitLogLinearTrend([...HAND, { year: 2023, value: Number.NaN }])).toThrow('series[5].value');
  });

  test('rejects a year given twice', () => {
    expect(() => fitLogLinearTrend([...HAND, { year: 2022, value: 10 }])).toThrow('series[5].year: 2022 appears more than once');
  });

  test('rejects a history of four observed years', () => {
    expect(() => fitLogLinearTrend(HAND.slice(1))).toThrow(new ForecastInputError('series', 'only 4 observed years (2019–2022); the trend model needs at least 5'));
  });

  test('says why a history is too short without throwing', () => {
    expect(trendHistoryProblem([{ year: 2024, value: 5 }, { year: 2025, value: null }])).toBe('only 1 observed year (2024); the trend model needs at least 5');
  });
});
