import fastifyCookie from '@fastify/cookie';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import { appendAuditEvent } from '../identity/audit.repository';
import { BearerTokenError } from '../identity/bearer-token';
import type { Identity } from '../identity/identity';
import { SignInError } from '../identity/oidc-sign-in';
import { ANONYMOUS, LOCAL_USER, type Principal, principalOfClaims, RoleClaimError } from '../identity/principal';
import { deleteSession, insertPendingSession, insertSignedInSession, selectSessionPrincipal, takePendingSession, upsertAccount } from '../identity/session.repository';

/** A sign-in must come back from the provider within this long. */
const PENDING_SIGN_IN_MS = 10 * 60_000;

export interface SignInRoutes {
  /** Who the request is from: a bearer token (refused: BearerTokenError), a session cookie, embedded mode's local user, or anonymous. */
  principalOf(request: FastifyRequest): Promise<Principal>;
  /** onRequest guard: a POST carrying a session cookie must carry the CSRF token (x-csrf-token), else 403. */
  csrfForSessions(request: FastifyRequest, reply: FastifyReply, done: () => void): void;
  /** The session cookie's name. */
  cookieName: string;
}

/** Only paths on this site, so the sign-in cannot be turned into an open redirect. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

/**
 * Sign-in routes and request identity, as a Fastify plugin set:
 * - GET /auth/sign-in?returnTo=/path — starts the authorization code flow with PKCE (a pending
 *   session holds state, nonce and verifier);
 * - GET /auth/callback — exchanges the code, maps the ID token's claims to a role, records the
 *   sign-in (and a role change) in the audit log, and issues a new session id (the pending one is
 *   deleted: the id always changes at sign-in);
 * - GET /auth/csrf — a CSRF token for the session's POSTs (header x-csrf-token);
 * - POST /auth/sign-out — needs the CSRF token; ends the session and audits it.
 * Session cookies are httpOnly, SameSite=Lax, path /, Secure (and __Host- prefixed) outside localhost.
 */
export async function registerSignIn(fastify: FastifyInstance, options: { db: Db; identity: Identity; logger: Logger }): Promise<SignInRoutes> {
  const { db, identity, logger } = options;
  const secure = identity.secureCookies;
  const cookieName = secure ? '__Host-sendbench-session' : 'sendbench-session';
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  await fastify.register(fastifyCookie);
  await fastify.register(fastifyCsrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: secure ? '__Host-sendbench-csrf' : 'sendbench-csrf',
    cookieOpts: cookieOptions,
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });

  const principalOf = async (request: FastifyRequest): Promise<Principal> => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer ([\w.~+/=-]+)$/i.exec(authorization.trim());
      if (!match) throw new BearerTokenError('TOKEN_MALFORMED', 'The Authorization header must be "Bearer <token>".');
      if (!identity.verifyBearer) throw new BearerTokenError('TOKEN_SIGNATURE', 'This server has no identity provider configured (OIDC_ISSUER), so it accepts no bearer tokens.');
      return identity.verifyBearer(match[1]);
    }
    const token = request.cookies?.[cookieName];
    if (token && identity.mode === 'oidc') return (await selectSessionPrincipal(db, token, identity.sessionIdleMs)) ?? ANONYMOUS;
    return identity.mode === 'local' ? LOCAL_USER : ANONYMOUS;
  };

  const csrfForSessions = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (request.method === 'POST' && request.cookies?.[cookieName]) return fastify.csrfProtection(request, reply, done);
    done();
  };

  const notConfigured = (reply: FastifyReply) =>
    reply
      .code(404)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ error: identity.mode === 'local' ? 'Sign-in is off: this server runs in embedded mode with one local user (no OIDC_ISSUER).' : 'Sign-in is off: no identity provider is configured (OIDC_ISSUER).' }));

  fastify.get('/auth/sign-in', async (request, reply) => {
    if (!identity.signIn) return notConfigured(reply);
    const { url, pending } = await identity.signIn.start(safeReturnTo((request.query as Record<string, unknown>).returnTo));
    const token = await insertPendingSession(db, pending, PENDING_SIGN_IN_MS);
    return reply.setCookie(cookieName, token, { ...cookieOptions, maxAge: PENDING_SIGN_IN_MS / 1000 }).header('cache-control', 'no-store').redirect(url, 302);
  });

  fastify.get('/auth/callback', async (request, reply) => {
    if (!identity.signIn) return notConfigured(reply);
    const token = request.cookies?.[cookieName];
    const pending = token ? await takePendingSession(db, token) : undefined;
    const refuse = async (message: string, detail: Record<string, unknown>) => {
      await appendAuditEvent(db, 'denied', undefined, { what: 'sign-in', ...detail }, request.id);
      return reply.code(400).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').clearCookie(cookieName, cookieOptions).send(`Sign-in failed: ${message} Start again at ${identity.publicUrl}/auth/sign-in.`);
    };
    if (!pending) return refuse('this browser has no sign-in under way (it expired after 10 minutes, or the link was opened elsewhere).', { reason: 'no pending sign-in' });
    let principal: Principal;
    try {
      const claims = await identity.signIn.finish(new URL(request.raw.url ?? '/', identity.publicUrl), pending);
      principal = principalOfClaims(claims, identity.mapping, 'session');
    } catch (error) {
      if (error instanceof SignInError || error instanceof RoleClaimError) {
        logger.warn({ err: error }, 'sign-in refused');
        return refuse(error.message, { reason: error.message });
      }
      throw error;
    }
    const signedIn = principal as Principal & { subject: string };
    const previous = await upsertAccount(db, signedIn);
    if (previous && (previous.role !== principal.role || (previous.laCode ?? undefined) !== principal.laCode)) {
      await appendAuditEvent(db, 'role-change', principal, { from: previous.role, fromLaCode: previous.laCode, to: principal.role, toLaCode: principal.laCode ?? null }, request.id);
    }
    await appendAuditEvent(db, 'sign-in', principal, {}, request.id);
    const sessionToken = await insertSignedInSession(db, principal, identity.sessionTtlMs);
    return reply
      .setCookie(cookieName, sessionToken, { ...cookieOptions, maxAge: identity.sessionTtlMs / 1000 })
      .header('cache-control', 'no-store')
      .redirect(`${identity.publicUrl}${pending.returnTo}`, 303);
  });

  fastify.get('/auth/csrf', async (_request, reply) =>
    reply.header('cache-control', 'no-store').header('content-type', 'application/json; charset=utf-8').send(JSON.stringify({ csrfToken: reply.generateCsrf() })),
  );

  fastify.post('/auth/sign-out', { onRequest: fastify.csrfProtection }, async (request, reply) => {
    const token = request.cookies?.[cookieName];
    if (token) {
      const principal = identity.mode === 'oidc' ? await selectSessionPrincipal(db, token, identity.sessionIdleMs) : undefined;
      await deleteSession(db, token);
      if (principal) await appendAuditEvent(db, 'sign-out', principal, {}, request.id);
    }
    const providerLogout = identity.signIn?.endSessionUrl(`${identity.publicUrl}/`);
    return reply
      .clearCookie(cookieName, cookieOptions)
      .header('cache-control', 'no-store')
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ signedOut: true, ...(providerLogout ? { providerLogout } : {}) }));
  });

  return { principalOf, csrfForSessions, cookieName };
}
