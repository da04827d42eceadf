import { sql } from 'kysely';
import { connect, type ConnectOptions, type DatabaseHandle } from './connect';
import type { Db } from './database';

export interface ReadWriteOptions extends ConnectOptions {
  /**
   * PostgreSQL URL for reads: one streaming replica, or a service in front of several (e.g.
   * CloudNativePG's `<cluster>-ro`). Needs `url` (the primary). Unset: reads use the primary pool.
   */
  readUrl?: string;
  /** Connections of the read pool (default: `poolSize`). */
  readPoolSize?: number;
}

export interface ReadWriteHandle extends DatabaseHandle {
  /** Where GraphQL reads go: the replica pool, or `db` itself when no read URL is set. */
  readDb: Db;
  /** The read pool's URL without its password, or `location` when reads use the primary. */
  readLocation: string;
  /** True when reads go to a pool of their own. */
  split: boolean;
  /** The primary pool's connections when reads are split off (`poolStats` then reports the read pool, which serves requests). */
  primaryPoolStats?: DatabaseHandle['poolStats'];
}

export class ReadReplicaConfigError extends Error {
  readonly code = 'BAD_READ_REPLICA_CONFIGURATION';
}

/**
 * The read URL with `default_transaction_read_only=on` for every session it opens, so nothing can
 * write through the read pool even when the URL points at a primary by mistake (on a hot standby
 * writes fail anyway). Existing `options` in the URL are kept.
 *
 * @example readOnlySessionUrl('postgres://app@db-ro/sendbench')
 * // 'postgres://app@db-ro/sendbench?options=-c+default_transaction_read_only%3Don'
 */
export function readOnlySessionUrl(url: string): string {
  const parsed = new URL(url);
  const existing = parsed.searchParams.get('options');
  parsed.searchParams.set('options', [existing, '-c default_transaction_read_only=on'].filter(Boolean).join(' '));
  return parsed.toString();
}

/** The location as the operator wrote it: without the option readOnlySessionUrl added. */
function withoutReadOnlyOption(location: string): string {
  try {
    const parsed = new URL(location);
    const options = (parsed.searchParams.get('options') ?? '').replace('-c default_transaction_read_only=on', '').trim();
    if (options) parsed.searchParams.set('options', options);
    else parsed.searchParams.delete('options');
    return parsed.toString();
  } catch {
    return location;
  }
}

/**
 * Opens the primary (imports, migrations: `db`) and, when `readUrl` is set, a second pool for
 * reads (`readDb`, read-only sessions). Without `readUrl`, `readDb` is `db`, so callers can always
 * read through `readDb`. `close()` closes both.
 *
 * @example
 * const handle = await connectReadWrite({ url: config.DATABASE_URL, readUrl: config.DATABASE_READ_URL, dir: config.SENDBENCH_DB_DIR });
 * await migrateToLatest(handle.db);                  // primary
 * const app = await createApp({ db: handle.readDb, … }); // replica
 */
export async function connectReadWrite(options: ReadWriteOptions): Promise<ReadWriteHandle> {
  const { readUrl, readPoolSize, ...primaryOptions } = options;
  if (readUrl && !options.url) {
    throw new ReadReplicaConfigError('DATABASE_READ_URL is set but DATABASE_URL is not: a read replica needs a PostgreSQL primary for imports and migrations.');
  }
  const primary = await connect(primaryOptions);
  if (!readUrl) return { ...primary, readDb: primary.db, readLocation: primary.location, split: false };

  let replica: DatabaseHandle;
  try {
    replica = await connect({ url: readOnlySessionUrl(readUrl), poolSize: readPoolSize ?? options.poolSize, statementTimeoutMs: options.statementTimeoutMs, parallelQuery: options.parallelQuery });
  } catch (error) {
    await primary.close();
    throw error;
  }
  return {
    ...primary,
    readDb: replica.db,
    readLocation: withoutReadOnlyOption(replica.location),
    split: true,
    poolStats: replica.poolStats,
    primaryPoolStats: primary.poolStats,
    close: async () => {
      const results = await Promise.allSettled([replica.close(), primary.close()]);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}

/**
 * Runs `work` with every statement on one connection of the read pool. Behind a service that
 * balances connections over several replicas, each at its own replay position, a request whose
 * statements took different connections could read the data version on an up-to-date replica and
 * the figures on a lagging one, and the response cache would keep the old figures under the new
 * version. On one connection, a request sees one replica, whose replay only moves forward: the
 * figures it reads are at least as new as the version it read first.
 *
 * @example
 * readsOnOneConnection(handle.readDb, (db) => apollo.executeHTTPGraphQLRequest({ …, context: async () => createContext(db, cache, store) }))
 */
export function readsOnOneConnection<T>(readDb: Db, work: (db: Db) => Promise<T>): Promise<T> {
  return readDb.connection().execute(work);
}

export interface ReplicationStatus {
  /** False when reads use the primary (no DATABASE_READ_URL). */
  split: boolean;
  primary: 'ok' | 'unreachable';
  replica: 'ok' | 'unreachable' | 'not a standby';
  /** WAL the replica has received but not yet replayed, plus WAL not yet received, in bytes (null when unknown). */
  lagBytes: number | null;
}

/** `work`, or a rejection after `ms` (the statement itself is left to the pool's timeouts). */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Both sides of the split, for /readyz: whether each answers (within `timeoutMs`), and how far
 * the replica is behind the primary in WAL bytes (time-based lag is misleading when nothing is
 * being written). Never rejects and never takes longer than `timeoutMs`. Readiness should follow
 * the read side only: GraphQL never writes, and a primary fail-over must not take every API
 * process out of service.
 *
 * @example await replicationStatus(handle) // { split: true, primary: 'ok', replica: 'ok', lagBytes: 0 }
 */
export async function replicationStatus(handle: Pick<ReadWriteHandle, 'db' | 'readDb' | 'split'>, options: { timeoutMs?: number } = {}): Promise<ReplicationStatus> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  if (!handle.split) {
    const reachable = await within(sql`select 1`.execute(handle.db), timeoutMs).then(() => true, () => false);
    return { split: false, primary: reachable ? 'ok' : 'unreachable', replica: reachable ? 'ok' : 'unreachable', lagBytes: reachable ? 0 : null };
  }
  const [primary, replica] = await Promise.allSettled([
    within(sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(handle.db), timeoutMs),
    within(sql<{ standby: boolean; lsn: string | null }>`select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn`.execute(handle.readDb), timeoutMs),
  ]);
  const primaryLsn = primary.status === 'fulfilled' ? primary.value.rows[0].lsn : null;
  const standby = replica.status === 'fulfilled' ? replica.value.rows[0] : undefined;
  return {
    split: true,
    primary: primaryLsn ? 'ok' : 'unreachable',
    replica: !standby ? 'unreachable' : standby.standby ? 'ok' : 'not a standby',
    lagBytes: primaryLsn && standby?.lsn ? Math.max(0, lsnToBytes(primaryLsn) - lsnToBytes(standby.lsn)) : null,
  };
}

/** A WAL position ('16/B374D848') as a byte offset; exact below 2^53 bytes (8 PiB of WAL). */
export function lsnToBytes(lsn: string): number {
  const [high, low] = lsn.split('/');
  return parseInt(high, 16) * 2 ** 32 + parseInt(low, 16);
}
