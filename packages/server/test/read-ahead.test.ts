import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import { ImportRejectedError } from '../src/ingest/import-issue';
import { decodeObservationFile, encodeObservationFile } from '../src/ingest/observation-codec';
import type { ObservationFile } from '../src/ingest/parsed-file';
import { recognise } from '../src/ingest/readers';
import { ReferenceContext } from '../src/ingest/reference-context';
import { readSourceFile } from '../src/ingest/source-file';
// The compiled module: its thread is the compiled read-ahead.worker.js beside it (`npm test` builds
// first). Run from TypeScript source, as the rest of this suite is, the import reads in-process.
import { ReadAhead } from '../dist/ingest/read-ahead';
import { ENGINES } from './support/engines';
import { copyWithLines, removeCopies } from './support/file-copies';
import { openFreshDatabase } from './support/fresh-database';
import { importLaLookup } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';

/**
 * The import reads and validates data files on a second thread while it writes the one before
 * (ingest/read-ahead.ts), sending each parsed file back encoded (observation-codec.ts). What comes
 * back must be the file the readers make in-process, figure for figure, and a rejection the same
 * rejection.
 */
function readInProcess(file: string, reference: ReferenceContext): ObservationFile {
  const parsed = recognise(readSourceFile(file))!.read(reference);
  if (parsed.kind !== 'observations') throw new Error(`${file} is not a data file`);
  return parsed;
}

test('the codec gives back every string, float (−0, the smallest and largest), null and field exactly', () => {
  const file: ObservationFile = {
    kind: 'observations',
    dataset: { id: 'dsg_deficit_pct' } as ObservationFile['dataset'],
    edition: 202122,
    rowsRead: 5,
    rowsLoaded: 4,
    observations: {
      measure: ['a', 'b', 'a', 'Cōdé ✓', ''],
      breakdown: ['Total', 'Total', 'x\ty', 'Total', 'Total'],
      area: ['E92000001', '886', '886', 'E12000008', '886'],
      period: [202122, 201920, 202021, -1, 0.5],
      value: [0.1 + 0.2, null, -0, 5e-324, 1.7976931348623157e308],
      status: ['value', 'suppressed', 'value', 'value', 'value'],
    },
    newAliases: [{ code: 'E10000016', laCode: '886' }],
    warnings: ['one warning'],
  };
  const { message, transfer } = encodeObservationFile(file);
  expect(transfer).toHaveLength(7);
  const back = decodeObservationFile(structuredClone(message, { transfer }));
  expect(back).toEqual({ ...file, dataset: expect.objectContaining({ id: 'dsg_deficit_pct', publication: expect.any(String) }) });
  expect(Object.is(back.observations.value[2], -0)).toBe(true);
  expect(back.observations.value[1]).toBeNull();
});

for (const engine of ENGINES) {
  describe(engine, () => {
    let handle: DatabaseHandle;
    let reference: ReferenceContext;

    beforeAll(async () => {
      handle = await openFreshDatabase(engine);
      await importLaLookup(handle.db);
      reference = await ReferenceContext.load(handle.db);
    });

    afterAll(async () => {
      await handle?.close();
      removeCopies();
    });

    test('caseload.csv (1.2 million figures) and the tribunal table come back from the thread as read in-process, and a broken copy with the same rejection', async () => {
      const broken = copyWithLines(OFFICIAL_FILES.onsPopulation, (lines) => [...lines.slice(0, -1), lines[9], '']);
      const files = [OFFICIAL_FILES.caseload, OFFICIAL_FILES.tribunalAppealRates, broken];
      const readAhead = ReadAhead.start(
        files.map((file, index) => ({ index, file: readSourceFile(file) })),
        reference,
      );
      expect(readAhead).toBeDefined();
      try {
        expect(readAhead!.reads(1)).toBe(true);
        expect(readAhead!.reads(3)).toBe(false);
        const caseload = await readAhead!.take(0);
        expect(caseload.observations.value).toHaveLength(1_216_272);
        expect(caseload).toEqual(readInProcess(OFFICIAL_FILES.caseload, reference));
        expect(await readAhead!.take(1)).toEqual(readInProcess(OFFICIAL_FILES.tribunalAppealRates, reference));
        let inProcess: unknown;
        try {
          readInProcess(broken, reference);
        } catch (error) {
          inProcess = error;
        }
        expect(inProcess).toBeInstanceOf(ImportRejectedError);
        const fromThread = readAhead!.take(2);
        await expect(fromThread).rejects.toThrow((inProcess as ImportRejectedError).message);
        await expect(fromThread).rejects.toMatchObject({ code: 'IMPORT_REJECTED', total: 1, issues: (inProcess as ImportRejectedError).issues });
        expect(path.basename((inProcess as ImportRejectedError).file)).toBe(path.basename(OFFICIAL_FILES.onsPopulation));
      } finally {
        await readAhead!.close();
      }
    });
  });
}
