import { connect, type DatabaseHandle } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import type { TestEngine } from './engines';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './postgres-admin';

/**
 * An empty, migrated database of its own for a test that writes: PGlite in memory, or a uniquely
 * named PostgreSQL database that `close()` drops. Never use the shared database for writes.
 *
 * @example
 * const handle = await openFreshDatabase('postgres');
 * try { … } finally { await handle.close(); }
 */
export async function openFreshDatabase(engine: TestEngine): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const handle = await connect({ dir: 'memory://' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const name = uniqueDatabaseName();
  const url = await createDatabase(name);
  const handle = await connect({ url, poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    await dropDatabase(name);
    throw error;
  }
  return {
    ...handle,
    close: async () => {
      try {
        await handle.close();
      } finally {
        await dropDatabase(name);
      }
    },
  };
}
