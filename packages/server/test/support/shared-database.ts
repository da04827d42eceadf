import { connect, type DatabaseHandle } from '../../src/db/connect';
import type { TestEngine } from './engines';

/**
 * Where global-setup.ts put the databases holding the whole official data set, one per engine.
 * Global setup writes these variables; test files read them (workers inherit the environment).
 */
export const SHARED_DATABASE_ENV = {
  pglite: 'SENDBENCH_TEST_SHARED_PGLITE_DIR',
  postgres: 'SENDBENCH_TEST_SHARED_POSTGRES_URL',
  postgresName: 'SENDBENCH_TEST_SHARED_POSTGRES_DB',
} as const;

/** Set to 1 to skip loading the shared databases (for a quick run of unit tests only). */
export const SKIP_SHARED_ENV = 'SENDBENCH_TEST_SKIP_SHARED';

/**
 * The embedded database's directory for this jest worker. PGlite is one process's at a time (the
 * lock file), so global setup copies the loaded directory once per extra worker, and worker N
 * reads `<dir>-worker-N`; worker 1 (and a run in band) reads the original.
 */
export function sharedPgliteDirFor(dir: string, workerId = process.env.JEST_WORKER_ID): string {
  const worker = Number.parseInt(workerId ?? '1', 10);
  return worker > 1 ? `${dir}-worker-${worker}` : dir;
}

/**
 * Opens the database that holds the whole official data set, imported once per run by global
 * setup. Read it only: a test that writes opens a fresh database (openFreshDatabase).
 * The embedded one is a directory guarded by the lock file, so open it once per test file.
 */
export async function openSharedDatabase(engine: TestEngine): Promise<DatabaseHandle> {
  const location = process.env[SHARED_DATABASE_ENV[engine]];
  if (!location) {
    throw new Error(
      `${SHARED_DATABASE_ENV[engine]} is not set: the shared ${engine} database is loaded by packages/server/test/global-setup.ts ` +
        `(run the suite with npm test${process.env[SKIP_SHARED_ENV] ? `, without ${SKIP_SHARED_ENV}` : ''}).`,
    );
  }
  return engine === 'pglite' ? connect({ dir: sharedPgliteDirFor(location) }) : connect({ url: location, poolSize: 2 });
}
