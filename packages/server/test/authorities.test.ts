import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import { findAuthority, findAuthorityByCode, successorsOf } from './support/authorities';
import { ENGINES } from './support/engines';
import { findMetricValue, metricPeriods } from './support/queries';
import { openSharedDatabase } from './support/shared-database';

/** LA codes and reorganisations (data/README.md): aliases, and predecessors kept with their figures. */

const NORTH_YORKSHIRE_CODES = [
  { code: '815', kind: 'DfE number' },
  { code: 'E10000023', kind: 'E-code used in SEN2 2025' },
  { code: 'E06000065', kind: 'current ONS code' },
];

/** Cumbria's EHC plans as published in caseload.csv 2025 (E10000006, 909). */
const CUMBRIA_PLANS = [
  { period: 201819, january: 2019, plans: 3_173 },
  { period: 201920, january: 2020, plans: 3_495 },
  { period: 202021, january: 2021, plans: 3_887 },
  { period: 202122, january: 2022, plans: 4_292 },
  { period: 202223, january: 2023, plans: 4_489 },
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

    describe('North Yorkshire', () => {
      test.each(NORTH_YORKSHIRE_CODES)('finds North Yorkshire by its $kind $code', async ({ code }) => {
        await expect(findAuthorityByCode(handle.db, code)).resolves.toEqual({ la_code: '815', name: 'North Yorkshire', is_current: true });
      });
    });

    describe('Cumbria', () => {
      test('keeps Cumbria (909) as a predecessor that is no longer current', async () => {
        await expect(findAuthority(handle.db, '909')).resolves.toMatchObject({ name: 'Cumbria', is_current: false });
      });

      test('records Cumberland (942) and Westmorland and Furness (943) as successors of Cumbria from January 2024', async () => {
        await expect(successorsOf(handle.db, '909')).resolves.toEqual([
          { successor_code: '942', from_period: 202324 },
          { successor_code: '943', from_period: 202324 },
        ]);
      });

      test.each(CUMBRIA_PLANS)('keeps the $plans plans of Cumbria in January $january', async ({ period, plans }) => {
        await expect(findMetricValue(handle.db, 'ehc_plans', '909', period)).resolves.toMatchObject({ value: plans, status: 'value' });
      });

      test('has no plans for Cumbria after January 2023', async () => {
        await expect(findMetricValue(handle.db, 'ehc_plans', '909', 202324)).resolves.toBeUndefined();
      });

      test('has plans for Cumberland from January 2024 only', async () => {
        await expect(metricPeriods(handle.db, 'ehc_plans', '942')).resolves.toEqual([202324, 202425]);
      });
    });
  });
}
