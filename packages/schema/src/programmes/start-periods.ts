import type { PeriodType } from '../vocabulary';

/** A month: year and month 1–12. */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

const monthIndex = (at: YearMonth) => at.year * 12 + (at.month - 1);

/**
 * Whether a period counts as after a programme start (a "post" period), by what the period is:
 * - `january` (a census count on a day in January, coded 202223 = January 2023): after a start in
 *   an earlier month, so a start in autumn 2022 is first seen in January 2023, and a start in
 *   January 2023 only in January 2024 (the census day falls mid-month);
 * - `calendar_year` (activity in a year, 2023): when the whole year lies on or after the start
 *   month, so a start in September 2022 is first seen in 2023, one in January 2023 in 2023;
 * - `financial_year` (April to March, 202324 = 2023-24): when the whole year lies on or after the
 *   start month, so a start in March 2021 is first seen in 2021-22, one in September 2022 in 2023-24.
 * A year partly after the start counts as before it: the partly exposed year dilutes the
 * pre-period instead of the first post period.
 *
 * @example
 * isAfterStart('january', 202223, { year: 2022, month: 9 }); // true: January 2023 follows September 2022
 * isAfterStart('financial_year', 202021, { year: 2021, month: 3 }); // false: 2020-21 ends in March 2021
 */
export function isAfterStart(type: PeriodType, code: number, start: YearMonth): boolean {
  const startIndex = monthIndex(start);
  switch (type) {
    case 'january':
      return startIndex < monthIndex({ year: Math.floor(code / 100) + 1, month: 1 });
    case 'calendar_year':
      return startIndex <= monthIndex({ year: code, month: 1 });
    case 'financial_year':
      return startIndex <= monthIndex({ year: Math.floor(code / 100), month: 4 });
  }
}

/**
 * The first of `periods` (ascending codes of one type) that counts as after `start` (see
 * {@link isAfterStart}), or undefined when none does.
 *
 * @example
 * firstPeriodAfterStart('calendar_year', [2021, 2022, 2023, 2024], { year: 2022, month: 9 }); // 2023
 */
export function firstPeriodAfterStart(type: PeriodType, periods: readonly number[], start: YearMonth): number | undefined {
  return periods.find((code) => isAfterStart(type, code, start));
}

/** How {@link isAfterStart} maps a start to periods, in words, for answers and pages. */
export const FIRST_POST_PERIOD_RULE: Readonly<Record<PeriodType, string>> = {
  january: 'A January census counts as after a start only if the start was in an earlier month: a start in autumn 2022 is first seen in January 2023, one in January 2023 only in January 2024.',
  calendar_year: 'A calendar year counts as after a start only if it begins on or after the start month: a start in September 2022 is first seen in 2023; the partly exposed year 2022 counts as before.',
  financial_year: 'A financial year counts as after a start only if it begins (in April) on or after the start month: a start in March 2021 is first seen in 2021-22, one in September 2022 in 2023-24; a partly exposed year counts as before.',
};
