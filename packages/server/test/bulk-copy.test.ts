import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PGlite } from '@electric-sql/pglite';
import { bulkTransaction } from '../src/db/bulk-copy';
import type { DatabaseHandle } from '../src/db/connect';
import type { Database } from '../src/db/database';
import { ENGINES } from './support/engines';
import { openFreshDatabase } from './support/fresh-database';

/**
 * The import writes observations with COPY (db/bulk-copy.ts): PostgreSQL through pg-copy-streams
 * on the transaction's own client, PGlite through COPY FROM '/dev/blob' inside Kysely's
 * transaction. What goes in must come back exactly, and a failed COPY must leave nothing behind.
 */
const AWKWARD = ['tab\there', 'new\nline', 'carriage\rreturn', 'back\\slash', '\\N', '', 'Cōdé ✓', 'a\\tb'];

for (const engine of ENGINES) {
  describe(engine, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openFreshDatabase(engine);
      await sql`create table copy_probe (id integer primary key, label text, amount double precision)`.execute(handle.db);
    });

    afterAll(async () => {
      await handle?.close();
    });

    test('text with tabs, line breaks, backslashes and \\N comes back exactly, and null stays NULL', async () => {
      const amounts = [0.1 + 0.2, -1e-300, 638745, 1.7976931348623157e308, null, 5e-324, -0, 12.5];
      const written = await bulkTransaction(handle.db, (_trx, copy) =>
        copy('copy_probe', { id: AWKWARD.map((_, i) => i + 1), label: AWKWARD, amount: amounts }),
      );
      expect(written).toBe(AWKWARD.length);
      const rows = await sql<{ id: number; label: string; amount: number | null }>`select id, label, amount from copy_probe order by id`.execute(handle.db);
      expect(rows.rows.map((r) => r.label)).toEqual(AWKWARD);
      expect(rows.rows.map((r) => r.amount)).toEqual([0.30000000000000004, -1e-300, 638745, 1.7976931348623157e308, null, 5e-324, 0, 12.5]);
      const nulls = await sql<{ n: number }>`select count(*)::int as n from copy_probe where label is null`.execute(handle.db);
      expect(nulls.rows[0].n).toBe(0);
    });

    test('more rows than one chunk arrive whole, and in the same transaction as the statements around them', async () => {
      const ids = Array.from({ length: 120_000 }, (_, i) => 1_000 + i);
      await bulkTransaction(handle.db, async (trx, copy) => {
        await sql`delete from copy_probe where id >= 1000`.execute(trx);
        await copy('copy_probe', { id: ids, label: ids.map((id) => `row ${id}`), amount: ids.map((id) => id / 4) });
        // Seen by the transaction before commit, so COPY ran on the transaction's own connection.
        const inside = await sql<{ n: number; total: number }>`select count(*)::int as n, sum(amount) as total from copy_probe where id >= 1000`.execute(trx);
        expect(inside.rows[0]).toEqual({ n: 120_000, total: ids.reduce((a, id) => a + id / 4, 0) });
      });
      const after = await sql<{ n: number; last: string }>`select count(*)::int as n, max(label) as last from copy_probe where id >= 1000`.execute(handle.db);
      expect(after.rows[0]).toEqual({ n: 120_000, last: 'row 99999' });
    });

    test('a COPY that breaks a constraint fails with PostgreSQL’s error and leaves nothing, and the database stays usable', async () => {
      const before = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(handle.db);
      await expect(
        bulkTransaction(handle.db, async (trx, copy) => {
          await sql`insert into copy_probe (id, label) values (-1, 'written before the copy')`.execute(trx);
          await copy('copy_probe', { id: [-2, -3, -2], label: ['a', 'b', 'duplicate'], amount: [1, 2, 3] });
        }),
      ).rejects.toThrow(/duplicate key value violates unique constraint "copy_probe_pkey"/);
      const after = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(handle.db);
      expect(after.rows[0].n).toBe(before.rows[0].n);
      const next = await bulkTransaction(handle.db, (_trx, copy) => copy('copy_probe', { id: [-4], label: ['after the failure'], amount: [null] }));
      expect(next).toBe(1);
      if (handle.poolStats) expect(handle.poolStats().total - handle.poolStats().idle).toBe(0);
    });

    test('columns of different lengths are refused before anything is written', async () => {
      await expect(
        bulkTransaction(handle.db, (_trx, copy) => copy('copy_probe', { id: [-10, -11], label: ['only one'], amount: [1, 2] })),
      ).rejects.toThrow('column label has 1 rows, not 2');
      await expect(bulkTransaction(handle.db, (_trx, copy) => copy('copy_probe', { id: [-12], label: ['x'], amount: [Number.NaN] }))).rejects.toThrow(
        'cannot copy the number NaN',
      );
      const left = await sql<{ n: number }>`select count(*)::int as n from copy_probe where id <= -10`.execute(handle.db);
      expect(left.rows[0].n).toBe(0);
    });

    test('rows given an order are written in that order (the import copies in primary-key order without reordering its columns)', async () => {
      const ids = [-20, -21, -22, -23];
      await bulkTransaction(handle.db, (_trx, copy) =>
        copy('copy_probe', { id: ids, label: ['w', 'x', 'y', 'z'], amount: [1, 2, 3, 4] }, Uint32Array.from([2, 0, 3, 1])),
      );
      // Physical order of a fresh heap is insertion order: ctid shows which row went in first.
      const rows = await sql<{ id: number; label: string }>`select id, label from copy_probe where id <= -20 and id >= -23 order by ctid`.execute(handle.db);
      expect(rows.rows).toEqual([
        { id: -22, label: 'y' },
        { id: -20, label: 'w' },
        { id: -23, label: 'z' },
        { id: -21, label: 'x' },
      ]);
      await expect(bulkTransaction(handle.db, (_trx, copy) => copy('copy_probe', { id: [-30, -31] }, Uint32Array.from([0])))).rejects.toThrow(
        'the row order has 1 positions, not 2',
      );
    });

    test('a table or column name that is not a plain identifier is refused', async () => {
      await expect(bulkTransaction(handle.db, (_trx, copy) => copy('copy_probe; drop table area', { id: [1] }))).rejects.toThrow(
        'not a plain identifier: copy_probe; drop table area',
      );
    });
  });
}

test('a database not opened by connect() has no COPY and says so', async () => {
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    expect(() => bulkTransaction(db, async () => undefined)).toThrow('bulk writes need a database opened by connect()');
  } finally {
    await db.destroy();
  }
});
