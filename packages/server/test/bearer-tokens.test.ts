import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DatabaseHandle } from '../src/db/connect';
import { LOCAL_API_AUDIENCE, type LocalIdentityProvider } from '../src/dev/local-identity-provider';
import { ENGINES } from './support/engines';
import { openFreshDatabase } from './support/fresh-database';
import { freePort, serveWithSignIn, type SignedInApp, startProviderFor } from './support/sign-in';

/**
 * Bearer tokens for API clients: JWT access tokens from the local provider's client-credentials
 * grant are accepted with their role; forged, expired and misdirected tokens are refused with 401
 * and a message saying what was wrong, and each refusal is audited. Both engines.
 */

const ME = '{ me { role method signedIn subject laCode } }';

interface Answer {
  status: number;
  body: any;
  wwwAuthenticate: string | null;
}

async function withToken(base: string, authorization: string | undefined, query = ME): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json(), wwwAuthenticate: response.headers.get('www-authenticate') };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

for (const engine of ENGINES) {
  describe(`${engine} bearer tokens`, () => {
    let handle: DatabaseHandle;
    let idp: LocalIdentityProvider;
    let served: SignedInApp;
    let jose: typeof import('jose');
    /** A token signed with the provider's own key, with `claims` over sensible defaults. */
    let signAsProvider: (claims: Record<string, unknown>) => Promise<string>;

    beforeAll(async () => {
      jose = await import('jose');
      const port = await freePort();
      handle = await openFreshDatabase(engine);
      idp = await startProviderFor([port]);
      served = await serveWithSignIn(handle, idp, port);
      const key = await jose.importJWK(idp.signingKey, 'RS256');
      signAsProvider = (claims) => {
        const now = Math.floor(Date.now() / 1000);
        return new jose.SignJWT({ roles: ['sendbench-dfe-analyst'], iss: idp.issuer, aud: LOCAL_API_AUDIENCE, sub: 'forged', iat: now, exp: now + 300, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'local-1' }).sign(key);
      };
    });

    afterAll(async () => {
      await served?.stop();
      await idp?.close();
      await handle?.close();
    });

    test('accepts the provider’s access token of each role', async () => {
      const seen: Record<string, unknown> = {};
      for (const user of ['admin', 'analyst', 'kent-officer'] as const) seen[user] = (await withToken(served.base, `Bearer ${await idp.accessTokenFor(user)}`)).body.data.me;
      expect(seen).toEqual({
        admin: { role: 'ADMIN', method: 'BEARER', signedIn: true, subject: 'script-admin', laCode: null },
        analyst: { role: 'DFE_ANALYST', method: 'BEARER', signedIn: true, subject: 'script-analyst', laCode: null },
        'kent-officer': { role: 'LA_USER', method: 'BEARER', signedIn: true, subject: 'script-kent-officer', laCode: '886' },
      });
    });

    test('answers a request without a token as anonymous', async () => {
      expect((await withToken(served.base, undefined)).body.data.me).toEqual({ role: 'ANONYMOUS', method: 'NONE', signedIn: false, subject: null, laCode: null });
    });

    test('keeps anonymous and signed-in answers apart in the response cache', async () => {
      const token = await idp.accessTokenFor('admin');
      const answers = [await withToken(served.base, undefined), await withToken(served.base, `Bearer ${token}`), await withToken(served.base, undefined), await withToken(served.base, `Bearer ${token}`)];
      expect(answers.map((a) => a.body.data.me.role)).toEqual(['ANONYMOUS', 'ADMIN', 'ANONYMOUS', 'ADMIN']);
    });

    const refusals: [string, () => Promise<string>, string, string][] = [
      ['an empty bearer token', async () => 'Bearer ', 'TOKEN_MALFORMED', 'The Authorization header must be "Bearer <token>".'],
      ['another scheme', async () => 'Basic YWRtaW46YWRtaW4=', 'TOKEN_MALFORMED', 'The Authorization header must be "Bearer <token>".'],
      ['an unsigned token (alg none)', async () => `Bearer ${b64({ alg: 'none' })}.${b64({ sub: 'admin', roles: ['sendbench-admin'], aud: LOCAL_API_AUDIENCE })}.`, 'TOKEN_ALGORITHM', 'The bearer token is signed with "none"; this API accepts only RS256, PS256, ES256, EdDSA.'],
      [
        'a token signed with another key',
        async () => {
          const { privateKey } = await jose.generateKeyPair('RS256');
          return `Bearer ${await new jose.SignJWT({ roles: ['sendbench-admin'] }).setProtectedHeader({ alg: 'RS256', kid: 'local-1' }).setIssuer(idp.issuer).setAudience(LOCAL_API_AUDIENCE).setSubject('x').setExpirationTime('5m').sign(privateKey)}`;
        },
        'TOKEN_SIGNATURE',
        '',
      ],
      ['an expired token', async () => `Bearer ${await signAsProvider({ exp: Math.floor(Date.now() / 1000) - 3600 })}`, 'TOKEN_EXPIRED', 'The bearer token has expired: ask the identity provider for a new one.'],
      ['a token for another audience', async () => `Bearer ${await signAsProvider({ aud: 'urn:another:api' })}`, 'TOKEN_AUDIENCE', 'The bearer token is not for this API: its audience must include "urn:sendbench:api".'],
      ['a token from another issuer', async () => `Bearer ${await signAsProvider({ iss: 'https://login.example.org' })}`, 'TOKEN_ISSUER', ''],
      [
        'a token whose payload was changed',
        async () => {
          const [header, payload, signature] = (await idp.accessTokenFor('analyst')).split('.');
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
          return `Bearer ${header}.${b64({ ...claims, roles: ['sendbench-admin'] })}.${signature}`;
        },
        'TOKEN_SIGNATURE',
        '',
      ],
      ['an LA user’s token without an LA code', async () => `Bearer ${await signAsProvider({ roles: ['sendbench-la-user'] })}`, 'TOKEN_CLAIMS', 'An LA user\'s token must carry a 3-digit LA code in the "la_code" claim (got null).'],
    ];

    test.each(refusals)('refuses %s with 401 and a clear message', async (_name, token, reason, message) => {
      const answer = await withToken(served.base, await token());
      const error = answer.body.errors[0];
      expect({ status: answer.status, code: error.extensions.code, reason: error.extensions.reason, data: answer.body.data, challenge: answer.wwwAuthenticate?.startsWith('Bearer error="invalid_token"') }).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
        reason,
        data: undefined,
        challenge: true,
      });
      if (message) expect(error.message).toBe(message);
      else expect(error.message).toMatch(reason === 'TOKEN_ISSUER' ? `was not issued by ${idp.issuer}` : `does not verify with the keys of ${idp.issuer}`);
    });

    test('audits every refused token with its reason', async () => {
      await withToken(served.base, `Bearer ${await signAsProvider({ exp: Math.floor(Date.now() / 1000) - 60 * 60 })}`);
      // The audit write does not hold up the 401: wait for it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const last = await handle.db.selectFrom('audit_event').select(['event', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toEqual({ event: 'denied', detail: { what: 'bearer token', reason: 'TOKEN_EXPIRED', path: '/graphql' } });
    });

    test('answers 503 with Retry-After, not 401, when the provider’s keys cannot be fetched', async () => {
      // A second server whose key set is not fetched yet, then its provider goes away: the token may be good.
      const port = await freePort();
      const provider = await startProviderFor([port]);
      const app = await serveWithSignIn(handle, provider, port);
      try {
        const token = await provider.accessTokenFor('analyst');
        await provider.close();
        const response = await fetch(`${app.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: ME }) });
        const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
        expect({ status: response.status, retryAfter: response.headers.get('retry-after'), code: body.errors[0].extensions.code, data: body.data }).toEqual({
          status: 503,
          retryAfter: '30',
          code: 'IDENTITY_PROVIDER_UNAVAILABLE',
          data: undefined,
        });
        expect(body.errors[0].message).toMatch(/^The identity provider's keys could not be fetched from http:\/\/127\.0\.0\.1:\d+\/.*; try again shortly\.$/);
      } finally {
        await app.stop();
      }
    });
  });
}
