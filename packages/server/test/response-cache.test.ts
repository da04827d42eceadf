import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import pino from 'pino';
import type { DatabaseHandle } from '../src/db/connect';
import { type App, createApp } from '../src/http/app';
import { ENGINES } from './support/engines';
import { copyWithLines, removeCopies, withCell } from './support/file-copies';
import { openFreshDatabase } from './support/fresh-database';
import { importLaLookup, importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';

const DEFICIT = `{ comparison(metric: "dsg_deficit_pct", period: 202122, peers: { kind: ENGLAND }) { england { value } statistics { median } } }`;

/** The deficit extract with England's 2021-22 figure (published 2.26) changed to 9.99: a revised release. */
function revisedDeficitFile(): string {
  return copyWithLines(OFFICIAL_FILES.dsgDeficitPct, (lines) => lines.map((line) => (line.startsWith('202122,Financial year,National,') ? withCell(line, 10, '9.99') : line)), 'dsg_deficit_pct_revised.csv');
}

for (const engine of ENGINES) {
  describe(`${engine} response cache`, () => {
    let handle: DatabaseHandle;
    let app: App;

    beforeEach(async () => {
      handle = await openFreshDatabase(engine);
      await importLaLookup(handle.db);
      await importOrThrow(handle.db, OFFICIAL_FILES.dsgDeficitPct);
      app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: false, responseCache: true });
    });

    afterEach(async () => {
      await app?.stop();
      await handle?.close();
    });

    afterAll(() => removeCopies());

    test('answers a repeated operation from the cache with one statement', async () => {
      const first = await app.execute({ query: DEFICIT });
      const second = await app.execute({ query: DEFICIT });
      expect({ body: second.body, statements: second.sqlStatements, firstDidWork: first.sqlStatements > 1 }).toEqual({ body: first.body, statements: 1, firstDidWork: true });
    });

    test('serves the new figures after an import changes the data', async () => {
      await app.execute({ query: DEFICIT });
      await importOrThrow(handle.db, revisedDeficitFile());
      const after = await app.execute({ query: DEFICIT });
      expect(after.body.data.comparison.england.value).toBe(9.99);
    });
  });
}
