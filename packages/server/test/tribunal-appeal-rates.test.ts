import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import { ENGINES } from './support/engines';
import { findObservation } from './support/queries';
import { openSharedDatabase } from './support/shared-database';

/**
 * "SEND Tribunals and appeal rate 2014-2024.csv" prints five DfE numbers that belong to other LAs
 * (Nottingham 891, Nottinghamshire 928, Northamptonshire 892, Central Bedfordshire 873,
 * Cambridgeshire 823): the reader matches those rows by name. Figures as printed in the file.
 */
const MISMATCHED_CODES = [
  { name: 'Nottingham', printedCode: '891', laCode: '892', year: 2024, registered: 52, decisions: 2_102 },
  { name: 'Nottinghamshire', printedCode: '928', laCode: '891', year: 2024, registered: 184, decisions: 5_919 },
  { name: 'Northamptonshire', printedCode: '892', laCode: '928', year: 2014, registered: 41, decisions: 4_248 },
  { name: 'Central Bedfordshire', printedCode: '873', laCode: '823', year: 2024, registered: 140, decisions: 8_246 },
  { name: 'Cambridgeshire', printedCode: '823', laCode: '873', year: 2024, registered: 169, decisions: 4_410 },
];

const figure = (laCode: string, year: number, measure: string) => ({ dataset: 'send_tribunal_appeal_rate', measure, areaCode: laCode, period: year });

for (const engine of ENGINES) {
  describe(engine, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openSharedDatabase(engine);
    });

    afterAll(async () => {
      await handle?.close();
    });

    test.each(MISMATCHED_CODES)(
      'stores the $year appeals of $name (printed as $printedCode) under $laCode',
      async ({ laCode, year, registered }) => {
        await expect(findObservation(handle.db, figure(laCode, year, 'appeals_registered'))).resolves.toMatchObject({ value: registered, status: 'value' });
      },
    );

    test.each(MISMATCHED_CODES)(
      'stores the $year appealable decisions of $name (printed as $printedCode) under $laCode',
      async ({ laCode, year, decisions }) => {
        await expect(findObservation(handle.db, figure(laCode, year, 'appealable_decisions'))).resolves.toMatchObject({ value: decisions, status: 'value' });
      },
    );

    test('reads a nil " - " as zero appeals for Darlington in 2014', async () => {
      await expect(findObservation(handle.db, figure('841', 2014, 'appeals_registered'))).resolves.toMatchObject({ value: 0, status: 'value' });
    });

    test('reads " .. " as not available for North Northamptonshire in 2014', async () => {
      await expect(findObservation(handle.db, figure('940', 2014, 'appeals_registered'))).resolves.toMatchObject({ value: null, status: 'x' });
    });
  });
}
