import { type Selectable, sql } from 'kysely';
import type { ComparatorSetTable, Db, SavedViewTable } from '../../db/database';

/** Which of the two saved things: a comparator set (names LAs) or a view (a page's URL state). */
export type SavedKind = 'comparator_set' | 'saved_view';

/** A comparator set as read. */
export type ComparatorSetRow = Selectable<ComparatorSetTable>;

/** A saved view as read. */
export type SavedViewRow = Selectable<SavedViewTable>;

/**
 * Every change to a comparator set bumps the one revision row in the same statement batch, so the
 * response cache's key for answers naming a saved set moves with it.
 *
 * SQL: update saved_set_revision set revision = revision + 1 where id = 1
 */
async function bumpRevision(db: Db): Promise<void> {
  await db.updateTable('saved_set_revision').set({ revision: sql`revision + 1` }).where('id', '=', 1).execute();
}

/**
 * The comparator sets' revision (0 before any change): part of the response cache's key for
 * requests that name a saved set.
 *
 * SQL: select revision from saved_set_revision where id = 1
 */
export async function selectSavedSetRevision(db: Db): Promise<string> {
  const row = await db.selectFrom('saved_set_revision').select('revision').where('id', '=', 1).executeTakeFirst();
  return String(row?.revision ?? 0);
}

/**
 * Makes an owner's saves take turns until the transaction ends: two identical saves sent at once
 * (a double click, a retry racing the first) then find each other, and no one passes the limit on
 * saved things by saving several at once.
 *
 * SQL: select pg_advisory_xact_lock(hashtext('saved|' || $owner))
 */
export async function lockOwnerSaves(trx: Db, owner: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`saved|${owner}`}))`.execute(trx);
}

/**
 * A comparator set by id, whoever owns it (the service decides who may see it).
 *
 * SQL: select … from comparator_set where id = $1
 */
export async function selectComparatorSet(db: Db, id: string): Promise<ComparatorSetRow | undefined> {
  return db.selectFrom('comparator_set').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * An owner's comparator sets, by name.
 *
 * SQL: select … from comparator_set where owner = $1 order by name, id
 */
export async function selectComparatorSetsOf(db: Db, owner: string): Promise<ComparatorSetRow[]> {
  return db.selectFrom('comparator_set').selectAll().where('owner', '=', owner).orderBy('name').orderBy('id').execute();
}

/**
 * Run inside a transaction (the service's, with its audit event), so the revision moves with the set.
 *
 * SQL: insert into comparator_set (id, owner, name, codes, visibility) values (…) returning *
 */
export async function insertComparatorSet(trx: Db, row: Pick<ComparatorSetRow, 'id' | 'owner' | 'name' | 'codes' | 'visibility'>): Promise<ComparatorSetRow> {
  const inserted = await trx.insertInto('comparator_set').values(row).returningAll().executeTakeFirstOrThrow();
  await bumpRevision(trx);
  return inserted;
}

/**
 * Changes an owner's set (name, codes, visibility), adding 1 to its version; undefined when the
 * owner has no set with that id. Run inside a transaction, as `insertComparatorSet`.
 *
 * SQL: update comparator_set set …, version = version + 1, updated_at = now() where id = $1 and owner = $2 returning *
 */
export async function updateComparatorSet(trx: Db, id: string, owner: string, changes: Partial<Pick<ComparatorSetRow, 'name' | 'codes' | 'visibility'>>): Promise<ComparatorSetRow | undefined> {
  const updated = await trx
    .updateTable('comparator_set')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('owner', '=', owner)
    .returningAll()
    .executeTakeFirst();
  if (updated) await bumpRevision(trx);
  return updated;
}

/**
 * Changes an owner's view (name, visibility); undefined when the owner has no view with that id.
 *
 * SQL: update saved_view set …, updated_at = now() where id = $1 and owner = $2 returning *
 */
export async function updateSavedView(db: Db, id: string, owner: string, changes: Partial<Pick<SavedViewRow, 'name' | 'visibility'>>): Promise<SavedViewRow | undefined> {
  return db.updateTable('saved_view').set({ ...changes, updated_at: sql`now()` }).where('id', '=', id).where('owner', '=', owner).returningAll().executeTakeFirst();
}

/**
 * Deletes an owner's set or view; false when the owner has none with that id. Run inside a
 * transaction, as `insertComparatorSet`.
 *
 * SQL: delete from comparator_set where id = $1 and owner = $2
 */
export async function deleteSaved(trx: Db, kind: SavedKind, id: string, owner: string): Promise<boolean> {
  const { numDeletedRows } = await trx.deleteFrom(kind).where('id', '=', id).where('owner', '=', owner).executeTakeFirst();
  if (numDeletedRows > 0n && kind === 'comparator_set') await bumpRevision(trx);
  return numDeletedRows > 0n;
}

/** SQL: select … from saved_view where id = $1 */
export async function selectSavedView(db: Db, id: string): Promise<SavedViewRow | undefined> {
  return db.selectFrom('saved_view').selectAll().where('id', '=', id).executeTakeFirst();
}

/** SQL: select … from saved_view where owner = $1 order by name, id */
export async function selectSavedViewsOf(db: Db, owner: string): Promise<SavedViewRow[]> {
  return db.selectFrom('saved_view').selectAll().where('owner', '=', owner).orderBy('name').orderBy('id').execute();
}

/** SQL: insert into saved_view (id, owner, name, path, search, visibility) values (…) returning * */
export async function insertSavedView(db: Db, row: Pick<SavedViewRow, 'id' | 'owner' | 'name' | 'path' | 'search' | 'visibility'>): Promise<SavedViewRow> {
  return db.insertInto('saved_view').values(row).returningAll().executeTakeFirstOrThrow();
}
