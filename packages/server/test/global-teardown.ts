import fs from 'node:fs';
import path from 'node:path';
import { dropDatabase } from './support/postgres-admin';
import { SHARED_DATABASE_ENV } from './support/shared-database';

/** Drops the shared PostgreSQL database and removes the shared PGlite directory (and its lock). */
export default async function globalTeardown(): Promise<void> {
  const postgresName = process.env[SHARED_DATABASE_ENV.postgresName];
  const pgliteDir = process.env[SHARED_DATABASE_ENV.pglite];
  if (postgresName) await dropDatabase(postgresName);
  // The directory is <tmp>/sendbench-test-XXXX/db: remove the whole temporary folder.
  if (pgliteDir) fs.rmSync(path.dirname(pgliteDir), { recursive: true, force: true });
}
