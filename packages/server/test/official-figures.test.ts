import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import { ENGINES } from './support/engines';
import { ENGLAND_CODE, findMetricValue, metricPeriods, sumOfAuthorities } from './support/queries';
import { openSharedDatabase } from './support/shared-database';

/**
 * The published figures of issue 2, read back from the whole official data set as imported.
 * Expected values are those printed in the official files (caseload.csv 2025, requests.csv,
 * timeliness_20_week.csv, the extracts), not recomputed here.
 */

/** LAs with a January figure in caseload.csv 2025: predecessors count in the years they existed. */
const JANUARY_AUTHORITIES = [
  { period: 201819, january: 2019, authorities: 152, england: 353_995 },
  { period: 201920, january: 2020, authorities: 151, england: 390_109 },
  { period: 202021, january: 2021, authorities: 151, england: 430_697 },
  { period: 202122, january: 2022, authorities: 152, england: 473_255 },
  { period: 202223, january: 2023, authorities: 152, england: 517_048 },
  { period: 202324, january: 2024, authorities: 153, england: 576_474 },
  { period: 202425, january: 2025, authorities: 153, england: 638_745 },
];

for (const engine of ENGINES) {
  describe(engine, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openSharedDatabase(engine);
    });

    afterAll(async () => {
      await handle?.close();
    });

    describe('EHC plans at January', () => {
      test('returns 638,745 plans for England in January 2025', async () => {
        await expect(findMetricValue(handle.db, 'ehc_plans', ENGLAND_CODE, 202425)).resolves.toMatchObject({ value: 638_745, status: 'value', aggregated: false });
      });

      test('returns 576,474 plans for England in January 2024', async () => {
        await expect(findMetricValue(handle.db, 'ehc_plans', ENGLAND_CODE, 202324)).resolves.toMatchObject({ value: 576_474, status: 'value' });
      });

      test('returns 20,635 plans for Kent (886) in January 2025', async () => {
        await expect(findMetricValue(handle.db, 'ehc_plans', '886', 202425)).resolves.toMatchObject({ value: 20_635, status: 'value' });
      });

      test.each(JANUARY_AUTHORITIES)('sums $authorities LAs to the England figure of $england in January $january', async ({ period, authorities, england }) => {
        await expect(sumOfAuthorities(handle.db, 'ehc_plans', period)).resolves.toEqual({ authorities, total: england, england });
      });
    });

    describe('published rates', () => {
      test('returns the published 43.6% of plans in mainstream for England in January 2025', async () => {
        await expect(findMetricValue(handle.db, 'pct_plans_mainstream', ENGLAND_CODE, 202425)).resolves.toMatchObject({ value: 43.6, status: 'value' });
      });

      test('returns 5.3% of pupils with an EHC plan for England in January 2025', async () => {
        await expect(findMetricValue(handle.db, 'pct_pupils_ehc_plan', ENGLAND_CODE, 202425)).resolves.toMatchObject({ value: 5.3, status: 'value' });
      });

      test('returns 25.2% of requests refused for England in 2024 from 38,889 of 154,489', async () => {
        await expect(findMetricValue(handle.db, 'pct_requests_refused', ENGLAND_CODE, 2024)).resolves.toMatchObject({
          value: 25.2,
          status: 'value',
          numerator: 38_889,
          denominator: 154_489,
        });
      });

      test('returns 45.9% of plans issued within 20 weeks for England in 2024', async () => {
        await expect(findMetricValue(handle.db, 'pct_issued_within_20_weeks', ENGLAND_CODE, 2024)).resolves.toMatchObject({ value: 45.9, status: 'value' });
      });
    });

    describe('spend', () => {
      test('returns a high-needs block allocation of £8,988m before deductions for England in 2022-23', async () => {
        // closeTo with -6 digits: within £0.5m, i.e. £8,988m when rounded to the nearest million.
        await expect(findMetricValue(handle.db, 'hnb_allocation_before_deductions', ENGLAND_CODE, 202223)).resolves.toMatchObject({
          value: expect.closeTo(8_988_000_000, -6),
          status: 'value',
        });
      });
    });

    describe('rates per population', () => {
      test('has no EHC plans per 1,000 aged 0–25 for England in January 2025 (no population estimate)', async () => {
        await expect(findMetricValue(handle.db, 'ehc_plans_per_1000_aged_0_25', ENGLAND_CODE, 202425)).resolves.toBeUndefined();
      });

      test('has EHC plans per 1,000 aged 0–25 only for January 2020 and 2021, the years with a population estimate', async () => {
        await expect(metricPeriods(handle.db, 'ehc_plans_per_1000_aged_0_25', ENGLAND_CODE)).resolves.toEqual([201920, 202021]);
      });
    });
  });
}
