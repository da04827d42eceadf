import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { Pool, types } from 'pg';
import { countStatement } from '../request-store';
import { registerPgliteBulk, registerPostgresBulk } from './bulk-copy';
import type { Database } from './database';
import { LockFile } from './lock-file';
import { cancellablePool } from './query-cancellation';

// bigint (count(*), sums) as JS numbers: every count here is far below 2^53.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
types.setTypeParser(types.builtins.NUMERIC, (value) => Number(value));

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives: the embedded directory, or the URL without its password. */
  location: string;
  /** Connections of the PostgreSQL pool (undefined for the embedded database, which has one). */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  /** Open connections, idle or in use. */
  total: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
  max: number;
}

export interface ConnectOptions {
  /** PostgreSQL URL; when absent the embedded database in `dir` is used. */
  url?: string;
  poolSize?: number;
  /** Embedded data directory, or 'memory://' for a throwaway in-memory database. */
  dir?: string;
  /** Options passed to pg for each connection (e.g. statement_timeout). */
  statementTimeoutMs?: number;
  /**
   * False for serving: no parallel workers for a query. The API's reads are short index scans, and
   * once metric_value passes ~600k rows (×10 the areas) PostgreSQL plans the profile's read with
   * two workers, whose start-up took it from 7 to 73 ms. Imports keep PostgreSQL's default.
   */
  parallelQuery?: boolean;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/**
 * PGlite's WAL settings. PGlite already runs without fsync (its default `-F`): its durability is the
 * host file system's. Full-page images in the WAL then protect against nothing more (a torn page
 * needs an OS crash, which fsync-off does not survive either), and with no replicas the WAL needs
 * only what recovery after a process crash needs (`wal_level=minimal`). Together they halve what
 * the first start writes through PGlite's emulated file system (measured in docs/benchmarks.md).
 */
const PGLITE_WAL_SETTINGS = ['-c', 'full_page_writes=off', '-c', 'wal_level=minimal', '-c', 'max_wal_senders=0'];

/**
 * Opens the database: PostgreSQL when `url` is given, otherwise embedded PGlite in `dir`, guarded by
 * an exclusive lock file so a second process fails fast instead of corrupting data.
 *
 * @example
 * const { db, close } = await connect({ url: process.env.DATABASE_URL, dir: '.sendbench/db' });
 */
export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      statement_timeout: options.statementTimeoutMs,
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => undefined);
    if (options.parallelQuery === false) {
      // Queued before the client's first statement; a failure shows on that statement instead.
      pool.on('connect', (client) => void client.query('set max_parallel_workers_per_gather = 0').catch(() => undefined));
    }
    // A request that is aborted (deadline, client gone) cancels the statement it is running.
    const clients = cancellablePool(pool);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: clients }), log: countStatement });
    registerPostgresBulk(db, () => clients.connect());
    return {
      db,
      engine: 'postgres',
      location: redact(options.url),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }),
      close: () => db.destroy(),
    };
  }

  const dir = options.dir ?? 'memory://';
  const inMemory = dir.startsWith('memory://');
  const lock = inMemory ? undefined : LockFile.acquire(dir);
  try {
    const pglite = await PGlite.create(inMemory ? undefined : dir, { startParams: [...PGlite.defaultStartParams, ...PGLITE_WAL_SETTINGS] });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), log: countStatement });
    registerPgliteBulk(db, pglite);
    return {
      db,
      engine: 'pglite',
      location: inMemory ? 'memory://' : dir,
      close: async () => {
        try {
          // Write everything out now, so the next start does not replay the WAL (seconds after a big import).
          if (!inMemory) await pglite.exec('checkpoint').catch(() => undefined);
          await db.destroy();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
