import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import { ENGINES } from './support/engines';
import { countSymbolCells, OFFICIAL_FILES } from './support/official-data';
import { countObservationsOfFile, countSymbolsWithNumbers, findObservation } from './support/queries';
import { openSharedDatabase } from './support/shared-database';

/** A symbol is never a zero: every `x` of caseload.csv comes back as status x with no number. */

/** Counted once with an independent parse of the file (103,269 in caseload.csv 2025). */
const X_CELLS_IN_CASELOAD = countSymbolCells(OFFICIAL_FILES.caseload, 'x', 'breakdown');

/** The 2024 perm_ex_2022 cell of England's "All EHC plans" row is printed as `x`. */
const ENGLAND_PERMANENT_EXCLUSIONS_2024 = {
  dataset: 'ehcp_caseload',
  measure: 'perm_ex_2022',
  breakdown: 'All EHC plans | All EHC plans',
  areaCode: 'E92000001',
  period: 202324,
};

for (const engine of ENGINES) {
  describe(engine, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openSharedDatabase(engine);
    });

    afterAll(async () => {
      await handle?.close();
    });

    test('stores every x cell of caseload.csv as an observation with status x', async () => {
      await expect(countObservationsOfFile(handle.db, 'caseload.csv', 'x')).resolves.toBe(X_CELLS_IN_CASELOAD);
    });

    test('stores no number for any symbol in observations or metric values', async () => {
      await expect(countSymbolsWithNumbers(handle.db)).resolves.toEqual({ observation: 0, metricValue: 0 });
    });

    test('returns status x and a null value for a cell printed as x', async () => {
      await expect(findObservation(handle.db, ENGLAND_PERMANENT_EXCLUSIONS_2024)).resolves.toMatchObject({ value: null, status: 'x', file_name: 'caseload.csv' });
    });
  });
}
