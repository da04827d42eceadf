import { sql } from 'kysely';
import type { Principal } from '../identity/principal';
import type { Db } from './database';
import { PROVISIONAL_READER } from './migrations/0010-provisional';

/*
 * How provisional data (migration 0010) is reached: reads as the reader role under row-level
 * security, writes with the writer setting, and the version that keys signed-in callers' caches.
 */

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

/** Signed-in callers' cached answers key on this version: bumped by every change to provisional data. */
export async function bumpProvisionalState(db: Db): Promise<void> {
  await sql`update provisional_state set version = version + 1 where id = 1`.execute(db);
}

/** The provisional data's version (see bumpProvisionalState). */
export async function selectProvisionalState(db: Db): Promise<string> {
  const row = await db.selectFrom('provisional_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return String(row.version);
}
