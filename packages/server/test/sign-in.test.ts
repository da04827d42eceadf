import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import type { LocalIdentityProvider } from '../src/dev/local-identity-provider';
import { ENGINES } from './support/engines';
import { openFreshDatabase } from './support/fresh-database';
import { freePort, serveWithSignIn, setCookies, type SignedInApp, signInThroughProvider, startProviderFor } from './support/sign-in';

/**
 * Sign-in against a real OpenID Connect provider (oidc-provider, started here with one user per
 * role): the authorization code flow with PKCE, the session cookie and its flags, CSRF on the
 * session's POSTs, sign-out, role changes and the audit log, on both engines.
 */

const ME = '{ me { role method signedIn subject name laCode } }';
const AUDIT = (first: number, before?: string) => `{ auditEvents(first: ${first}${before ? `, before: "${before}"` : ''}) { totalCount nextBefore events { id event subject role laCode detail } } }`;

/** The stored id of a session cookie's token (session.repository.ts keeps only its SHA-256). */
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A GraphQL GET (not a POST: no CSRF token needed) with `cookie`. */
async function get(base: string, query: string, cookie?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}/graphql?${new URLSearchParams({ query })}`, { headers: { 'apollo-require-preflight': 'true', ...(cookie ? { cookie } : {}) } });
  return { status: response.status, body: await response.json() };
}

/** The CSRF token and its cookie for the session `cookie`. */
async function csrfFor(base: string, cookie: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${base}/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const secret = setCookies(response).get('sendbench-csrf')!.value;
  return { token: csrfToken, cookie: `${cookie}; sendbench-csrf=${secret}` };
}

for (const engine of ENGINES) {
  describe(`${engine} sign-in with OpenID Connect`, () => {
    let handle: DatabaseHandle;
    let idp: LocalIdentityProvider;
    let served: SignedInApp;
    let remapped: SignedInApp;

    beforeAll(async () => {
      const [port, otherPort] = [await freePort(), await freePort()];
      handle = await openFreshDatabase(engine);
      idp = await startProviderFor([port, otherPort]);
      served = await serveWithSignIn(handle, idp, port);
      // The same service after an administrator maps the analysts' group to admin.
      remapped = await serveWithSignIn(handle, idp, otherPort, 'sendbench-admin=admin,sendbench-dfe-analyst=admin,sendbench-la-user=la_user');
    });

    afterAll(async () => {
      await served?.stop();
      await remapped?.stop();
      await idp?.close();
      await handle?.close();
    });

    test('signs in each role and returns to the page it started from', async () => {
      const seen: Record<string, unknown> = {};
      for (const user of ['admin', 'analyst', 'kent-officer', 'visitor'] as const) {
        const trace = await signInThroughProvider(served.base, user);
        const { body } = await get(served.base, ME, `sendbench-session=${trace.sessionCookie}`);
        seen[user] = { ...body.data.me, returnedTo: trace.returnedTo };
      }
      expect(seen).toEqual({
        admin: { role: 'ADMIN', method: 'SESSION', signedIn: true, subject: 'admin', name: 'Ada Admin', laCode: null, returnedTo: `${served.base}/compare` },
        analyst: { role: 'DFE_ANALYST', method: 'SESSION', signedIn: true, subject: 'analyst', name: 'Dana Analyst', laCode: null, returnedTo: `${served.base}/compare` },
        'kent-officer': { role: 'LA_USER', method: 'SESSION', signedIn: true, subject: 'kent-officer', name: 'Kit Kent', laCode: '886', returnedTo: `${served.base}/compare` },
        visitor: { role: 'ANONYMOUS', method: 'SESSION', signedIn: true, subject: 'visitor', name: 'Vic Visitor', laCode: null, returnedTo: `${served.base}/compare` },
      });
    });

    test('sets the session cookie httpOnly, SameSite=Lax, path / and not Secure on localhost', async () => {
      const { sessionSetCookie } = await signInThroughProvider(served.base, 'analyst');
      const attributes = sessionSetCookie.split(';').slice(1).map((a) => a.trim().toLowerCase()).sort();
      expect(attributes).toEqual(['httponly', 'max-age=28800', 'path=/', 'samesite=lax']);
    });

    test('changes the session id at sign-in and forgets the one before', async () => {
      const trace = await signInThroughProvider(served.base, 'analyst');
      expect(trace.sessionCookie).not.toEqual(trace.pendingCookie);
      const before = await get(served.base, ME, `sendbench-session=${trace.pendingCookie}`);
      expect(before.body.data.me).toMatchObject({ role: 'ANONYMOUS', method: 'NONE', signedIn: false });
    });

    test('keeps a session in use alive, moving its last use on at most once a minute', async () => {
      const { sessionCookie } = await signInThroughProvider(served.base, 'analyst');
      const cookie = `sendbench-session=${sessionCookie}`;
      const lastSeen = () => handle.db.selectFrom('user_session').select(sql<number>`extract(epoch from now() - last_seen_at)::float8`.as('age')).where('id_hash', '=', hashOf(sessionCookie)).executeTakeFirstOrThrow();
      // 20 s ago: used again, but not written (under a minute); 29 minutes ago: written now.
      await sql`update user_session set last_seen_at = now() - interval '20 seconds' where id_hash = ${hashOf(sessionCookie)}`.execute(handle.db);
      expect((await get(served.base, ME, cookie)).body.data.me).toMatchObject({ role: 'DFE_ANALYST', signedIn: true });
      expect((await lastSeen()).age).toBeGreaterThanOrEqual(20);
      await sql`update user_session set last_seen_at = now() - interval '29 minutes' where id_hash = ${hashOf(sessionCookie)}`.execute(handle.db);
      expect((await get(served.base, ME, cookie)).body.data.me).toMatchObject({ role: 'DFE_ANALYST', signedIn: true });
      expect((await lastSeen()).age).toBeLessThan(60);
    });

    test('ends a session idle for longer than SESSION_IDLE_SECONDS (30 minutes)', async () => {
      const { sessionCookie } = await signInThroughProvider(served.base, 'kent-officer');
      const cookie = `sendbench-session=${sessionCookie}`;
      await sql`update user_session set last_seen_at = now() - interval '31 minutes' where id_hash = ${hashOf(sessionCookie)}`.execute(handle.db);
      expect((await get(served.base, ME, cookie)).body.data.me).toMatchObject({ role: 'ANONYMOUS', method: 'NONE', signedIn: false });
    });

    test('refuses a callback whose browser started no sign-in, with a clear message', async () => {
      const response = await fetch(`${served.base}/auth/callback?code=abc&state=def`, { redirect: 'manual' });
      expect({ status: response.status, text: await response.text() }).toEqual({
        status: 400,
        text: `Sign-in failed: this browser has no sign-in under way (it expired after 10 minutes, or the link was opened elsewhere). Start again at ${served.base}/auth/sign-in.`,
      });
    });

    test('refuses a POST of a signed-in session without the CSRF token with 403', async () => {
      const { sessionCookie } = await signInThroughProvider(served.base, 'admin');
      const response = await fetch(`${served.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `sendbench-session=${sessionCookie}` }, body: JSON.stringify({ query: 'mutation { __typename }' }) });
      expect({ status: response.status, code: ((await response.json()) as any).errors[0].extensions.code }).toEqual({ status: 403, code: 'CSRF_TOKEN_INVALID' });
    });

    test('runs a POST of a signed-in session that carries its CSRF token', async () => {
      const { sessionCookie } = await signInThroughProvider(served.base, 'admin');
      const csrf = await csrfFor(served.base, `sendbench-session=${sessionCookie}`);
      const response = await fetch(`${served.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: csrf.cookie, 'x-csrf-token': csrf.token }, body: JSON.stringify({ query: ME }) });
      expect({ status: response.status, role: ((await response.json()) as any).data.me.role }).toEqual({ status: 200, role: 'ADMIN' });
    });

    test('signs out with the CSRF token only, ends the session and audits it', async () => {
      const { sessionCookie } = await signInThroughProvider(served.base, 'kent-officer');
      const cookie = `sendbench-session=${sessionCookie}`;
      const refused = await fetch(`${served.base}/auth/sign-out`, { method: 'POST', headers: { cookie } });
      expect(refused.status).toBe(403);
      const csrf = await csrfFor(served.base, cookie);
      const signedOut = await fetch(`${served.base}/auth/sign-out`, { method: 'POST', headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token } });
      expect({ status: signedOut.status, cleared: setCookies(signedOut).get('sendbench-session')?.header.includes('Expires=Thu, 01 Jan 1970') }).toEqual({ status: 200, cleared: true });
      expect((await get(served.base, ME, cookie)).body.data.me).toMatchObject({ role: 'ANONYMOUS', signedIn: false });
      const last = await handle.db.selectFrom('audit_event').select(['event', 'subject', 'role', 'la_code']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toEqual({ event: 'sign-out', subject: 'kent-officer', role: 'la_user', la_code: '886' });
    });

    test('audits a role change when the same subject signs in with another role', async () => {
      await signInThroughProvider(served.base, 'analyst');
      const { sessionCookie } = await signInThroughProvider(remapped.base, 'analyst');
      expect((await get(remapped.base, ME, `sendbench-session=${sessionCookie}`)).body.data.me.role).toBe('ADMIN');
      const change = await handle.db.selectFrom('audit_event').select(['subject', 'role', 'detail']).where('event', '=', 'role-change').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(change).toEqual({ subject: 'analyst', role: 'admin', detail: { from: 'dfe_analyst', fromLaCode: null, to: 'admin', toLaCode: null } });
    });

    test('shows the audit log to an admin, a page at a time, newest first', async () => {
      const { sessionCookie } = await signInThroughProvider(served.base, 'admin');
      const cookie = `sendbench-session=${sessionCookie}`;
      const first = (await get(served.base, AUDIT(2), cookie)).body.data.auditEvents;
      const second = (await get(served.base, AUDIT(2, first.nextBefore), cookie)).body.data.auditEvents;
      const total = await handle.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect({ total: first.totalCount, newest: first.events[0].event, ids: [...first.events, ...second.events].map((e: { id: string }) => Number(e.id)) }).toEqual({
        total: Number(total.n),
        newest: 'sign-in',
        ids: [Number(first.events[0].id), Number(first.events[0].id) - 1, Number(first.events[0].id) - 2, Number(first.events[0].id) - 3],
      });
    });

    test('refuses the audit log to an analyst with FORBIDDEN and audits the denial', async () => {
      const { sessionCookie } = await signInThroughProvider(served.base, 'kent-officer');
      const { body } = await get(served.base, AUDIT(5), `sendbench-session=${sessionCookie}`);
      expect(body.errors.map((e: any) => [e.extensions.code, e.message])).toEqual([['FORBIDDEN', "The audit log needs the admin role; this request's role is la_user."]]);
      const last = await handle.db.selectFrom('audit_event').select(['event', 'subject', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toEqual({ event: 'denied', subject: 'kent-officer', detail: { what: 'auditEvents', needed: 'admin' } });
    });

    test('keeps the audit log append-only: UPDATE and DELETE are refused', async () => {
      await expect(sql`update audit_event set event = 'sign-in'`.execute(handle.db)).rejects.toThrow('audit_event is append-only: UPDATE is not allowed');
      await expect(sql`delete from audit_event`.execute(handle.db)).rejects.toThrow('audit_event is append-only: DELETE is not allowed');
    });
  });
}
