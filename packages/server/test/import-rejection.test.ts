import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import type { FileOutcome } from '../src/ingest/import.service';
import { ENGINES } from './support/engines';
import { copyWithLines, removeCopies, withCell } from './support/file-copies';
import { openFreshDatabase } from './support/fresh-database';
import { importFile, importLaLookup, importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { countTables, type TableCounts } from './support/table-counts';

/**
 * Corrupted copies of a real file (ons_population_mid_year_2019_2020.csv: header on line 1,
 * Blackpool 2019 on line 10, England 2020 on line 307) are rejected whole, with each problem
 * reported as `file:row:column: message (value)`, and leave the database exactly as it was.
 */
const FILE = path.basename(OFFICIAL_FILES.onsPopulation);
const BLACKPOOL_2019 = 9; // index of line 10
const ENGLAND_2020 = 306; // index of line 307, the last row
const POP_0_25 = 15;
const OLD_LA_CODE = 8;

const DEFECTS: { defect: string; edit: (lines: string[]) => string[]; problem: string }[] = [
  {
    defect: 'a truncated last row',
    edit: (lines) => [...lines.slice(0, ENGLAND_2020), lines[ENGLAND_2020].slice(0, lines[ENGLAND_2020].indexOf(',13330355') + 5)],
    problem: `${FILE}:307:pop_2_18: expected 18 cells, found 13 (truncated or misaligned row) ("1333")`,
  },
  {
    defect: 'a letter in a count',
    edit: (lines) => lines.map((line, i) => (i === BLACKPOOL_2019 ? withCell(line, POP_0_25, '4I664') : line)),
    problem: `${FILE}:10:pop_0_25: not a number or a known symbol (c, x, z, low, u, k, :) ("4I664")`,
  },
  {
    defect: 'an unknown LA code',
    edit: (lines) => lines.map((line, i) => (i === BLACKPOOL_2019 ? withCell(line, OLD_LA_CODE, '999') : line)),
    problem: `${FILE}:10:old_la_code: unknown LA code (not in the LA lookup) ("999")`,
  },
  {
    defect: 'a missing column',
    edit: (lines) => lines.map((line) => line.replace(/,[^,]*$/, '')),
    problem: `${FILE}:1:pop_16_25: missing column required by ons_population_mid_year`,
  },
  {
    defect: 'a duplicated key row',
    edit: (lines) => [...lines.slice(0, -1), lines[BLACKPOOL_2019], ''],
    problem: `${FILE}:308:time_period: duplicate row: same period, area and breakdown as line 10 ("2019|890|")`,
  },
];

for (const engine of ENGINES) {
  describe(engine, () => {
    let handle: DatabaseHandle;
    let before: TableCounts;

    beforeAll(async () => {
      handle = await openFreshDatabase(engine);
      await importLaLookup(handle.db);
      await importOrThrow(handle.db, OFFICIAL_FILES.dsgDeficitPct);
      before = await countTables(handle.db);
    });

    afterAll(async () => {
      await handle?.close();
      removeCopies();
    });

    describe.each(DEFECTS)('a copy with $defect', ({ edit, problem }) => {
      let outcome: FileOutcome;
      let after: TableCounts;

      beforeAll(async () => {
        outcome = await importFile(handle.db, copyWithLines(OFFICIAL_FILES.onsPopulation, edit));
        after = await countTables(handle.db);
      });

      test('rejects the whole file', () => {
        expect(outcome).toMatchObject({ status: 'rejected', message: `${FILE} was rejected (1 problem); nothing was imported:`, total: 1 });
      });

      test('reports the problem as file:row:column: message (value)', () => {
        expect(outcome).toMatchObject({ problems: [problem] });
      });

      test('leaves the database exactly as it was', () => {
        expect(after).toEqual(before);
      });
    });

    test('imports the uncorrupted file after the rejected copies', async () => {
      await expect(importFile(handle.db, OFFICIAL_FILES.onsPopulation)).resolves.toMatchObject({ status: 'loaded', rowsRead: 306, rowsLoaded: 306 });
    });
  });
}
