import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import { type FileOutcome, importPaths } from '../src/ingest/import.service';
import { ENGINES } from './support/engines';
import { copiesInPathOrder, copyWithLines, removeCopies } from './support/file-copies';
import { openFreshDatabase } from './support/fresh-database';
import { importFile, importLaLookup, releaseIdOf } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { ENGLAND_CODE, findMetricValue, findObservation } from './support/queries';
import { figuresPerRelease, releasesOf } from './support/releases';
import { countTables, type TableCounts } from './support/table-counts';

/**
 * Releases and provenance (import.repository.ts): an identical file is a no-op; a newer edition of
 * a data set replaces the figures it covers, and an older release that no longer holds any figure
 * is kept, marked superseded by the newer one. An older edition never brings old figures back.
 *
 * The "newer release" is a copy of dsg_deficit_pct_2019_20_to_2021_22.csv (England 2021-22 on
 * line 4, 2.26%) revised to 2.31% with a 2022-23 England row added: a made-up edition, as no later
 * one is available offline.
 */
const ORIGINAL = 'dsg_deficit_pct_2019_20_to_2021_22.csv';
const NEWER = 'dsg_deficit_pct_2019_20_to_2022_23.csv';
const ENGLAND_2021_22 = 3; // index of line 4
const ENGLAND_2022_23_ROW = '202223,Financial year,National,E92000001,England,,,,,,2.52';

const newerEdition = (lines: string[]) => [
  ...lines.slice(0, ENGLAND_2021_22),
  lines[ENGLAND_2021_22].replace(/,2\.26$/, ',2.31'),
  ...lines.slice(ENGLAND_2021_22 + 1, -1),
  ENGLAND_2022_23_ROW,
  '',
];
/** Only the England rows of the newer edition: the LA figures stay with the original release. */
const newerEnglandOnly = (lines: string[]) => newerEdition(lines).filter((line, i) => i === 0 || line === '' || line.includes(',National,'));
/** The original figures, re-issued with a trailing blank line: same edition, a different file. */
const reissuedOriginal = (lines: string[]) => [...lines, ''];

const englandDeficit = (period: number) => ({ dataset: 'dsg_deficit_pct', measure: 'dsg_deficit_pct_of_total_dsg', areaCode: ENGLAND_CODE, period });

for (const engine of ENGINES) {
  describe(engine, () => {
    afterAll(() => {
      removeCopies();
    });

    describe('importing the same file twice', () => {
      let handle: DatabaseHandle;
      let first: FileOutcome;
      let second: FileOutcome;
      let afterFirst: TableCounts;
      let afterSecond: TableCounts;

      beforeAll(async () => {
        handle = await openFreshDatabase(engine);
        await importLaLookup(handle.db);
        first = await importFile(handle.db, OFFICIAL_FILES.dsgDeficitPct);
        afterFirst = await countTables(handle.db);
        second = await importFile(handle.db, OFFICIAL_FILES.dsgDeficitPct);
        afterSecond = await countTables(handle.db);
      });

      afterAll(async () => {
        await handle?.close();
      });

      test('loads every row the first time', () => {
        expect(first).toMatchObject({ status: 'loaded', dataset: 'dsg_deficit_pct', rowsRead: 478, rowsLoaded: 478, observations: 478 });
      });

      test('says unchanged the second time, naming the first release', () => {
        expect(second).toEqual({ status: 'unchanged', file: OFFICIAL_FILES.dsgDeficitPct, dataset: 'dsg_deficit_pct', releaseId: releaseIdOf(first), ms: expect.any(Number) });
      });

      test('changes no row and not the data version the second time', () => {
        expect(afterSecond).toEqual(afterFirst);
      });
    });

    describe('importing a newer edition of a data set', () => {
      let handle: DatabaseHandle;
      let newer: FileOutcome;

      beforeAll(async () => {
        handle = await openFreshDatabase(engine);
        await importLaLookup(handle.db);
        await importFile(handle.db, OFFICIAL_FILES.dsgDeficitPct);
        newer = await importFile(handle.db, copyWithLines(OFFICIAL_FILES.dsgDeficitPct, newerEdition, NEWER));
      });

      afterAll(async () => {
        await handle?.close();
      });

      test('loads the newer edition', () => {
        expect(newer).toMatchObject({ status: 'loaded', rowsRead: 479, observations: 479 });
      });

      test('replaces a revised figure with the newer one', async () => {
        await expect(findObservation(handle.db, englandDeficit(202122))).resolves.toMatchObject({ value: 2.31, status: 'value', file_name: NEWER });
      });

      test('derives the metric from the newer figure', async () => {
        await expect(findMetricValue(handle.db, 'dsg_deficit_pct', ENGLAND_CODE, 202122)).resolves.toMatchObject({ value: 2.31, release_ids: [releaseIdOf(newer)] });
      });

      test('adds the period only the newer edition has', async () => {
        await expect(findMetricValue(handle.db, 'dsg_deficit_pct', ENGLAND_CODE, 202223)).resolves.toMatchObject({ value: 2.52, status: 'value' });
      });

      test('keeps the older release, marked superseded by the newer one', async () => {
        await expect(releasesOf(handle.db, 'dsg_deficit_pct')).resolves.toEqual([
          { id: expect.any(Number), file_name: ORIGINAL, edition: 202122, rows_read: 478, status: 'superseded', superseded_by: releaseIdOf(newer) },
          { id: releaseIdOf(newer), file_name: NEWER, edition: 202223, rows_read: 479, status: 'loaded', superseded_by: null },
        ]);
      });
    });

    describe('importing a newer edition that covers part of a data set', () => {
      let handle: DatabaseHandle;

      beforeAll(async () => {
        handle = await openFreshDatabase(engine);
        await importLaLookup(handle.db);
        await importFile(handle.db, OFFICIAL_FILES.dsgDeficitPct);
        await importFile(handle.db, copyWithLines(OFFICIAL_FILES.dsgDeficitPct, newerEnglandOnly, NEWER));
      });

      afterAll(async () => {
        await handle?.close();
      });

      test('keeps each figure with the release it now comes from', async () => {
        await expect(figuresPerRelease(handle.db, 'dsg_deficit_pct')).resolves.toEqual({ [ORIGINAL]: 475, [NEWER]: 4 });
      });

      test('keeps the older release loaded while it still holds figures', async () => {
        await expect(releasesOf(handle.db, 'dsg_deficit_pct')).resolves.toMatchObject([
          { file_name: ORIGINAL, status: 'loaded', superseded_by: null },
          { file_name: NEWER, status: 'loaded', superseded_by: null },
        ]);
      });
    });

    describe('importing an older edition after a newer one', () => {
      let handle: DatabaseHandle;
      let newer: FileOutcome;
      let older: FileOutcome;

      beforeAll(async () => {
        handle = await openFreshDatabase(engine);
        await importLaLookup(handle.db);
        newer = await importFile(handle.db, copyWithLines(OFFICIAL_FILES.dsgDeficitPct, newerEdition, NEWER));
        older = await importFile(handle.db, OFFICIAL_FILES.dsgDeficitPct);
      });

      afterAll(async () => {
        await handle?.close();
      });

      test('writes none of its figures', () => {
        expect(older).toMatchObject({ status: 'loaded', observations: 0 });
      });

      test('does not bring an old figure back', async () => {
        await expect(findObservation(handle.db, englandDeficit(202122))).resolves.toMatchObject({ value: 2.31, file_name: NEWER });
      });

      test('records the older release as superseded by the newer one', async () => {
        await expect(releasesOf(handle.db, 'dsg_deficit_pct')).resolves.toMatchObject([
          { file_name: NEWER, status: 'loaded', superseded_by: null },
          { file_name: ORIGINAL, status: 'superseded', superseded_by: releaseIdOf(newer) },
        ]);
      });
    });

    // On the embedded database a run into an empty observation table drops its primary key and builds
    // it after the last file (ObservationFirstLoad); a second release of a data set in that same run is
    // merged on the key, so it must be there by then, and after the run it must refuse duplicates again.
    describe('importing two editions of a data set in one run into an empty database', () => {
      let handle: DatabaseHandle;
      let outcomes: FileOutcome[];

      beforeAll(async () => {
        handle = await openFreshDatabase(engine);
        await importLaLookup(handle.db);
        // The newer edition's path sorts first, so the older is read after it in the same run.
        outcomes = await importPaths(
          handle.db,
          copiesInPathOrder([{ source: OFFICIAL_FILES.dsgDeficitPct, edit: newerEdition, name: NEWER }, { source: OFFICIAL_FILES.dsgDeficitPct }]),
        );
      });

      afterAll(async () => {
        await handle?.close();
      });

      test('loads both, the newer edition first (its path sorts first), the older writing nothing over it', () => {
        expect(outcomes.map((o) => [path.basename(o.file), o.status, o.status === 'loaded' ? o.observations : null])).toEqual([
          [NEWER, 'loaded', 479],
          [ORIGINAL, 'loaded', 0],
        ]);
      });

      test('keeps the newer figure and records the older release as superseded by it', async () => {
        await expect(findObservation(handle.db, englandDeficit(202122))).resolves.toMatchObject({ value: 2.31, file_name: NEWER });
        await expect(releasesOf(handle.db, 'dsg_deficit_pct')).resolves.toMatchObject([
          { file_name: NEWER, status: 'loaded', superseded_by: null },
          { file_name: ORIGINAL, status: 'superseded', superseded_by: releaseIdOf(outcomes[0]) },
        ]);
      });

      test("leaves observation's primary key as the migration made it, refusing a second figure for the same key", async () => {
        const key = await sql<{ definition: string }>`
          select pg_get_constraintdef(c.oid) as definition from pg_constraint c
          where c.conrelid = 'observation'::regclass and c.contype = 'p' and c.conname = 'observation_pkey'
        `.execute(handle.db);
        expect(key.rows).toEqual([{ definition: 'PRIMARY KEY (series_id, period, area_code)' }]);
        await expect(
          sql`insert into observation (series_id, area_code, period, value, status, release_id) select series_id, area_code, period, value, status, release_id from observation limit 1`.execute(handle.db),
        ).rejects.toThrow(/duplicate key value violates unique constraint "observation_pkey"/);
      });
    });

    describe('importing a re-issue of the same edition', () => {
      let handle: DatabaseHandle;
      let reissue: FileOutcome;

      beforeAll(async () => {
        handle = await openFreshDatabase(engine);
        await importLaLookup(handle.db);
        await importFile(handle.db, OFFICIAL_FILES.dsgDeficitPct);
        reissue = await importFile(handle.db, copyWithLines(OFFICIAL_FILES.dsgDeficitPct, reissuedOriginal, 'dsg_deficit_pct_reissued.csv'));
      });

      afterAll(async () => {
        await handle?.close();
      });

      test('replaces every figure, as a correction of the same edition may', () => {
        expect(reissue).toMatchObject({ status: 'loaded', observations: 478 });
      });

      test('marks the first issue superseded by the re-issue', async () => {
        await expect(releasesOf(handle.db, 'dsg_deficit_pct')).resolves.toMatchObject([
          { file_name: ORIGINAL, status: 'superseded', superseded_by: releaseIdOf(reissue) },
          { file_name: 'dsg_deficit_pct_reissued.csv', status: 'loaded', superseded_by: null },
        ]);
      });
    });
  });
}
