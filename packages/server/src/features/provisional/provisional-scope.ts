import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { PROVISIONAL_READER } from '../../db/migrations/0010-provisional';
import type { Principal } from '../../identity/principal';

/**
 * Test-only switch: when false, the services skip their own visibility checks, so a test can show
 * that row-level security alone still refuses (test/provisional-leak-matrix.test.ts). Never set in
 * the server.
 */
export const provisionalChecks = { service: true };

/** Whether `principal` can ever see a provisional figure: anonymous callers never read the tables at all. */
export function readsProvisional(principal: Principal): boolean {
  return principal.role !== 'anonymous';
}

/**
 * Runs `read` in a transaction as the non-owner reader role, with the caller's role and LA set for
 * the row-level security policies (migration 0010): the database itself filters what `read` sees.
 *
 * SQL: begin; select set_config('sendbench.role', $1, true), set_config('sendbench.la', $2, true);
 * set local role sendbench_reader; …; commit
 */
export function readAsViewer<T>(db: Db, principal: Principal, read: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('sendbench.role', ${principal.role}, true), set_config('sendbench.la', ${principal.laCode ?? ''}, true)`.execute(trx);
    await sql`set local role ${sql.id(PROVISIONAL_READER)}`.execute(trx);
    return read(trx);
  });
}

/**
 * Runs `write` in a transaction with `sendbench.writer` on, which the write policies ask for.
 *
 * SQL: begin; select set_config('sendbench.writer', 'on', true); …; commit
 */
export function writeProvisional<T>(db: Db, write: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('sendbench.writer', 'on', true)`.execute(trx);
    return write(trx);
  });
}
