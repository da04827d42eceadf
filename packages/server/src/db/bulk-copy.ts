import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './database';

/** One column of rows to copy: strings, numbers (finite) or null for SQL NULL. */
export type CopyColumn = readonly (string | number | null)[];

/**
 * Writes rows into a table of the transaction with PostgreSQL's COPY: the import's writing of
 * the whole data set took 22 s instead of 40.5 s with `INSERT … SELECT unnest(…)` (docs/benchmarks.md).
 * Columns are given column-major, as the readers hold them. Returns the number of rows written.
 */
export type CopyInto = (table: string, columns: Record<string, CopyColumn>, order?: RowOrder) => Promise<number>;

/** Positions of the rows in the order to copy them (every row once), instead of the columns' order. */
export type RowOrder = Uint32Array;

/** Runs work in one transaction of the database, with COPY available inside it. */
type BulkTransaction = <T>(work: (trx: Db, copy: CopyInto) => Promise<T>) => Promise<T>;

const bulkTransactions = new WeakMap<Db, BulkTransaction>();
/** Databases whose one session is this process's: nobody else can read a table while it is rewritten. */
const soleSessions = new WeakSet<Db>();

/** Rows per COPY message (PostgreSQL) or per blob (PGlite): a few MB each. */
const ROWS_PER_CHUNK = 50_000;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** COPY's text format: tab between fields, \N for NULL, backslash escapes for \, tab, CR, LF. */
function field(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot copy the number ${value}`);
    return String(value);
  }
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : value;
}

function copyStatement(table: string, names: readonly string[], source: string): string {
  for (const name of [table, ...names]) if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `copy ${table} (${names.join(', ')}) from ${source}`;
}

/**
 * The rows as chunks of COPY text, each ROWS_PER_CHUNK rows at most, in `order` when given (read
 * through it rather than copying every column into that order first: a file has up to 1.2 million rows).
 */
function* chunksOf(columns: Record<string, CopyColumn>, order?: RowOrder): Generator<string> {
  const values = Object.values(columns);
  const rows = values[0]?.length ?? 0;
  for (const [name, column] of Object.entries(columns)) {
    if (column.length !== rows) throw new Error(`column ${name} has ${column.length} rows, not ${rows}`);
  }
  if (order && order.length !== rows) throw new Error(`the row order has ${order.length} positions, not ${rows}`);
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
    const end = Math.min(rows, start + ROWS_PER_CHUNK);
    let text = '';
    for (let n = start; n < end; n++) {
      const i = order ? order[n] : n;
      text += field(values[0][i]);
      for (let c = 1; c < values.length; c++) text += `\t${field(values[c][i])}`;
      text += '\n';
    }
    yield text;
  }
}

function rowCount(columns: Record<string, CopyColumn>): number {
  return Object.values(columns)[0]?.length ?? 0;
}

/**
 * PostgreSQL: the transaction runs on one client taken from the pool for it, so COPY (which pg
 * runs through pg-copy-streams on the raw client) is inside the same transaction as the Kysely
 * statements around it.
 */
export function registerPostgresBulk(db: Db, connectClient: () => Promise<PoolClient>): void {
  bulkTransactions.set(db, async (work) => {
    const client = await connectClient();
    // Kysely releases its connection after commit; the client goes back to the pool only here.
    const borrowed = { query: client.query.bind(client), release: () => undefined } as unknown as PoolClient;
    const single = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => borrowed, end: async () => undefined } }) });
    let failed = false;
    try {
      return await single.transaction().execute((trx) =>
        work(trx, async (table, columns, order) => {
          if (rowCount(columns) === 0) return 0;
          const stream = client.query(copyFrom(copyStatement(table, Object.keys(columns), 'stdin')));
          await pipeline(Readable.from(chunksOf(columns, order)), stream);
          return Number(stream.rowCount);
        }),
      );
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // A client whose COPY failed half-way may be mid-protocol: close it rather than reuse it.
      client.release(failed);
      await single.destroy();
    }
  });
}

/**
 * PGlite: one session, so a COPY sent to the PGlite instance directly runs inside the transaction
 * Kysely opened on it (Kysely's PGlite driver holds the only connection until commit).
 */
export function registerPgliteBulk(db: Db, pglite: PGlite): void {
  soleSessions.add(db);
  bulkTransactions.set(db, (work) =>
    db.transaction().execute((trx) =>
      work(trx, async (table, columns, order) => {
        const statement = copyStatement(table, Object.keys(columns), `'/dev/blob'`);
        let written = 0;
        for (const chunk of chunksOf(columns, order)) {
          const result = await pglite.query(statement, [], { blob: new Blob([chunk]) });
          written += result.affectedRows ?? 0;
        }
        return written;
      }),
    ),
  );
}

/**
 * True when this process holds the database's only session (the embedded database): a table
 * rewritten inside a transaction then blocks no other reader. On PostgreSQL other processes (a
 * second API process, a reader) may be reading, so a bulk load there must not lock tables whole.
 */
export function hasSoleSession(db: Db): boolean {
  return soleSessions.has(db);
}

/**
 * Runs `work` in one transaction with COPY available. The database must have been opened by
 * `connect()`, which registers how each engine copies.
 */
export function bulkTransaction<T>(db: Db, work: (trx: Db, copy: CopyInto) => Promise<T>): Promise<T> {
  const run = bulkTransactions.get(db);
  if (!run) throw new Error('bulk writes need a database opened by connect() (this one has no COPY registered)');
  return run(work);
}
