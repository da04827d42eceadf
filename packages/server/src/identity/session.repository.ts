import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import type { Principal, Role } from './principal';

/** What a pending sign-in keeps between the redirect to the provider and its callback. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A path on this site to return to after sign-in. */
  returnTo: string;
}

/** A fresh session token (256 random bits) and the hash stored for it. */
function newToken(): { token: string; idHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, idHash: hashOf(token) };
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Starts a sign-in: a session holding only the pending sign-in, for `ttlMs`. Returns the cookie's
 * token. Expired sessions (abandoned sign-ins among them) are deleted on the way.
 *
 * SQL: delete from user_session where expires_at <= now(); insert into user_session (id_hash, pending, expires_at) values ($1, $2, $3)
 */
export async function insertPendingSession(db: Db, pending: PendingSignIn, ttlMs: number): Promise<string> {
  const { token, idHash } = newToken();
  await db.deleteFrom('user_session').where('expires_at', '<=', new Date()).execute();
  await db.insertInto('user_session').values({ id_hash: idHash, pending: JSON.stringify(pending), expires_at: new Date(Date.now() + ttlMs) }).execute();
  return token;
}

/**
 * Ends the pending session `token` and returns what it held (undefined when unknown, expired or
 * already signed in). The session is deleted: sign-in always issues a new session id.
 *
 * SQL: delete from user_session where id_hash = $1 and pending is not null and expires_at > now() returning pending
 */
export async function takePendingSession(db: Db, token: string): Promise<PendingSignIn | undefined> {
  const row = await db.deleteFrom('user_session').where('id_hash', '=', hashOf(token)).where('pending', 'is not', null).where('expires_at', '>', new Date()).returning('pending').executeTakeFirst();
  return row?.pending ?? undefined;
}

/** A signed-in session for `principal`, for `ttlMs`. Returns the cookie's (new) token. */
export async function insertSignedInSession(db: Db, principal: Principal, ttlMs: number): Promise<string> {
  const { token, idHash } = newToken();
  await db
    .insertInto('user_session')
    .values({ id_hash: idHash, subject: principal.subject ?? null, name: principal.name ?? null, email: principal.email ?? null, role: principal.role, la_code: principal.laCode ?? null, expires_at: new Date(Date.now() + ttlMs) })
    .execute();
  return token;
}

/** A session's last use is written at most this often: a request a minute after the last moves it on. */
export const LAST_SEEN_STEP_MS = 60_000;

/**
 * The principal of a signed-in session that has neither expired nor been idle for `idleMs`, or
 * undefined. Using it moves its last use on, written at most once a minute (a request every few
 * milliseconds does not write a row each time), so an idle limit is kept to within a minute.
 *
 * SQL: select subject, name, email, role, la_code, last_seen_at from user_session
 *      where id_hash = $1 and subject is not null and expires_at > now() and last_seen_at > now() - idle;
 *      then, when last_seen_at is a minute old: update user_session set last_seen_at = now() where id_hash = $1
 */
export async function selectSessionPrincipal(db: Db, token: string, idleMs: number): Promise<Principal | undefined> {
  const now = Date.now();
  const idHash = hashOf(token);
  const row = await db
    .selectFrom('user_session')
    .select(['subject', 'name', 'email', 'role', 'la_code', 'last_seen_at'])
    .where('id_hash', '=', idHash)
    .where('subject', 'is not', null)
    .where('expires_at', '>', new Date(now))
    .where('last_seen_at', '>', new Date(now - idleMs))
    .executeTakeFirst();
  if (!row || !row.subject || !row.role) return undefined;
  if (now - row.last_seen_at.getTime() >= LAST_SEEN_STEP_MS) {
    await db.updateTable('user_session').set({ last_seen_at: new Date(now) }).where('id_hash', '=', idHash).execute();
  }
  return Object.freeze({ role: row.role as Role, source: 'session' as const, subject: row.subject, name: row.name ?? undefined, email: row.email ?? undefined, ...(row.la_code ? { laCode: row.la_code } : {}) });
}

/** Ends the session `token` (sign-out); also clears expired sessions. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('user_session').where((eb) => eb.or([eb('id_hash', '=', hashOf(token)), eb('expires_at', '<=', new Date())])).execute();
}

/**
 * Records `principal`'s sign-in and returns the role it had at its previous sign-in (undefined the
 * first time), so a role change can be audited.
 */
export async function upsertAccount(db: Db, principal: Principal & { subject: string }): Promise<{ role: string; laCode: string | null } | undefined> {
  return db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom('account').select(['role', 'la_code']).where('subject', '=', principal.subject).forUpdate().executeTakeFirst();
    await trx
      .insertInto('account')
      .values({ subject: principal.subject, role: principal.role, la_code: principal.laCode ?? null, last_sign_in_at: new Date() })
      .onConflict((oc) => oc.column('subject').doUpdateSet({ role: principal.role, la_code: principal.laCode ?? null, last_sign_in_at: new Date() }))
      .execute();
    return previous && { role: previous.role, laCode: previous.la_code };
  });
}
