import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { Db } from '../src/db/database';
import { connectReadWrite, type ReadWriteHandle } from '../src/db/read-write';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './support/postgres-admin';

/**
 * Serving connections run without parallel workers (db/connect.ts, `parallelQuery: false`, set by
 * serve.ts). At ×10 the areas PostgreSQL planned the profile's read with two workers, whose start-up
 * took it from 7 to 73 ms. Imports keep PostgreSQL's own default. (PostgreSQL only: PGlite has no
 * parallel workers.)
 */
const name = uniqueDatabaseName();
let url: string;
let serving: ReadWriteHandle;
let importing: ReadWriteHandle;

beforeAll(async () => {
  url = await createDatabase(name);
  // The read pool is a second pool on the same server, as with a replica.
  serving = await connectReadWrite({ url, readUrl: url, poolSize: 3, parallelQuery: false });
  importing = await connectReadWrite({ url, poolSize: 2 });
});

afterAll(async () => {
  await serving?.close();
  await importing?.close();
  await dropDatabase(name);
});

const workersPerGather = async (db: Db) =>
  (await sql<{ max_parallel_workers_per_gather: string }>`show max_parallel_workers_per_gather`.execute(db)).rows[0].max_parallel_workers_per_gather;

test('every connection of the serving pools, primary and read, plans without parallel workers', async () => {
  // Three at once, so that each is a connection of its own.
  const held = await Promise.all(
    [serving.db, serving.readDb, serving.readDb, serving.readDb].map((db) =>
      db.connection().execute(async (conn) => {
        const setting = await workersPerGather(conn);
        await sql`select pg_sleep(0.05)`.execute(conn);
        return setting;
      }),
    ),
  );
  expect(held).toEqual(['0', '0', '0', '0']);
  expect(serving.poolStats?.().total).toBe(3);
});

test('an import connection keeps PostgreSQL’s default', async () => {
  const { rows } = await sql<{ setting: string }>`select boot_val as setting from pg_settings where name = 'max_parallel_workers_per_gather'`.execute(importing.db);
  expect(await workersPerGather(importing.db)).toBe(rows[0].setting);
  expect(rows[0].setting).not.toBe('0');
});
