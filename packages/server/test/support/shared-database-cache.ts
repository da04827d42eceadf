import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrl, TEST_DATABASE_URL } from './postgres-admin';

/**
 * A developer's cache of the loaded shared databases (opt-in: SENDBENCH_TEST_CACHE=<dir>), so that
 * a targeted `npm test -- <file>` does not import the whole official data set again (~90 s of both
 * cores). The key hashes everything the import's result depends on: the data files (path, size,
 * modification time) and the source of schema, db/, ingest/ and derived/. A hit copies the cached
 * PGlite directory and creates the PostgreSQL database from a cached template; CI never sets it.
 */
export const TEST_CACHE_ENV = 'SENDBENCH_TEST_CACHE';

const REPO = path.resolve(__dirname, '../../../..');
const SOURCES = ['packages/schema/src', 'packages/server/src/db', 'packages/server/src/ingest', 'packages/server/src/derived'];
/** Template databases of one cache directory (two checkouts with caches of their own keep both). */
const templatePrefix = (cacheDir: string) => `sendbench_test_cache_${createHash('sha256').update(path.resolve(cacheDir)).digest('hex').slice(0, 8)}_`;

function walk(dir: string, visit: (file: string) => void): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full);
  }
}

/** The cache key of the data in `dataDir` as the current source would import it. */
export function sharedDatabaseKey(dataDir: string): string {
  const hash = createHash('sha256');
  walk(dataDir, (file) => {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(dataDir, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  });
  for (const source of SOURCES) {
    walk(path.join(REPO, source), (file) => {
      if (/\.test\.ts$/.test(file)) return;
      hash.update(`${path.relative(REPO, file)}\n`).update(fs.readFileSync(file));
    });
  }
  return hash.digest('hex').slice(0, 16);
}

async function onServer<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Restores the cached databases for `key` into `pgliteDir` (must not exist) and a new PostgreSQL
 * database `postgresName`; false (nothing changed) when the cache has no complete entry for the key.
 */
export async function restoreSharedDatabases(cacheDir: string, key: string, pgliteDir: string, postgresName: string): Promise<boolean> {
  const cachedPglite = path.join(cacheDir, key, 'pglite');
  if (!fs.existsSync(path.join(cacheDir, key, 'complete'))) return false;
  const template = `${templatePrefix(cacheDir)}${key}`;
  const exists = await onServer(async (client) => (await client.query('select 1 from pg_database where datname = $1', [template])).rowCount === 1);
  if (!exists) return false;
  fs.cpSync(cachedPglite, pgliteDir, { recursive: true });
  await onServer((client) => client.query(`create database ${quoted(postgresName)} template ${quoted(template)}`));
  return true;
}

/**
 * Keeps copies of freshly loaded databases under `key`, dropping every older entry (the cache
 * holds one key: a changed source or data file makes the old one useless).
 */
export async function saveSharedDatabases(cacheDir: string, key: string, pgliteDir: string, postgresName: string): Promise<void> {
  fs.mkdirSync(cacheDir, { recursive: true });
  for (const entry of fs.readdirSync(cacheDir)) fs.rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  const template = `${templatePrefix(cacheDir)}${key}`;
  await onServer(async (client) => {
    const old = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${templatePrefix(cacheDir)}%`]);
    for (const { datname } of old.rows) await client.query(`drop database if exists ${quoted(datname)} with (force)`);
    await client.query(`create database ${quoted(template)} template ${quoted(postgresName)}`);
  });
  // The lock file is `${pgliteDir}.lock`, beside the directory, so it is not copied.
  fs.cpSync(pgliteDir, path.join(cacheDir, key, 'pglite'), { recursive: true });
  fs.writeFileSync(path.join(cacheDir, key, 'complete'), `${databaseUrl(template)}\n`);
}
