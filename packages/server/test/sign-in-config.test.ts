import { describe, expect, test } from '@jest/globals';
import pino from 'pino';
import { ConfigError, loadConfig } from '../src/config';
import { createApp } from '../src/http/app';
import { createIdentity } from '../src/identity/identity';
import { runCli } from './support/cli';
import { ENGINES } from './support/engines';
import { openFreshDatabase } from './support/fresh-database';
import { listen, request } from './support/http';

/** Sign-in settings are validated at start like every other; embedded mode's local user stays on this machine. */

const refused = (env: Record<string, string>, message: string) => () => expect(() => loadConfig(env)).toThrow(new ConfigError(`Invalid configuration:\n  ${message}`));

describe('sign-in settings', () => {
  test(
    'refuses OIDC_ISSUER without its client',
    refused({ OIDC_ISSUER: 'https://login.example.org' }, 'OIDC_ISSUER: OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (the client registered with the issuer) (got "https://login.example.org")'),
  );

  test(
    'refuses an OIDC_ROLES pair naming no role',
    refused({ OIDC_ROLES: 'SENDbench.Admin=boss' }, 'OIDC_ROLES: OIDC_ROLES must be comma-separated claim-value=role pairs with role one of la_user, dfe_analyst, admin (bad pair: "SENDbench.Admin=boss") (got "SENDbench.Admin=boss")'),
  );

  test('refuses a PUBLIC_URL without https outside localhost', refused({ PUBLIC_URL: 'http://sendbench.example.org' }, 'PUBLIC_URL: PUBLIC_URL must use https outside localhost (session cookies are Secure there) (got "http://sendbench.example.org")'));

  test(
    'refuses LOCAL_USER=on on a non-loopback HOST without OIDC',
    refused(
      { HOST: '0.0.0.0', LOCAL_USER: 'on' },
      'LOCAL_USER: LOCAL_USER=on makes every caller the admin; without sign-in it is allowed only on a loopback HOST (127.0.0.1, ::1, localhost). Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (docs/sign-in.md), or listen on 127.0.0.1 (got "on")',
    ),
  );

  test(
    'refuses an idle limit longer than the session itself',
    refused(
      { SESSION_TTL_SECONDS: '3600', SESSION_IDLE_SECONDS: '7200' },
      'SESSION_IDLE_SECONDS: SESSION_IDLE_SECONDS must not be longer than SESSION_TTL_SECONDS (a session ends at whichever comes first) (got "7200")',
    ),
  );

  test('ends sessions idle for 30 minutes, within 8 hours, by default', () => {
    expect(loadConfig({})).toMatchObject({ SESSION_IDLE_SECONDS: 1800, SESSION_TTL_SECONDS: 28800 });
  });

  test('reads an Entra-style role mapping', () => {
    expect(loadConfig({ OIDC_ROLES: 'SENDbench.Admin=admin, SENDbench.Analyst=dfe_analyst,SENDbench.LA=la_user' }).OIDC_ROLES).toEqual({ 'SENDbench.Admin': 'admin', 'SENDbench.Analyst': 'dfe_analyst', 'SENDbench.LA': 'la_user' });
  });

  test('gives the local user on loopback only, by default', () => {
    expect([loadConfig({}).LOCAL_USER, loadConfig({ HOST: '0.0.0.0' }).LOCAL_USER, loadConfig({ HOST: '::1' }).LOCAL_USER]).toEqual(['on', 'off', 'on']);
  });

  test('stops serve at start-up, naming LOCAL_USER, on 0.0.0.0 without OIDC', async () => {
    const result = await runCli(['serve'], { HOST: '0.0.0.0', LOCAL_USER: 'on', SENDBENCH_DB_DIR: '/nonexistent/never-created' });
    expect({ code: result.code, names: result.stderr.includes('LOCAL_USER: LOCAL_USER=on makes every caller the admin; without sign-in it is allowed only on a loopback HOST') }).toEqual({ code: 1, names: true });
  });

  test('makes session cookies Secure, with the __Host- prefix, when the public address is not this machine', async () => {
    const handle = await openFreshDatabase('pglite');
    const app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: true, identity: await createIdentity(loadConfig({ PUBLIC_URL: 'https://sendbench.example.org', LOCAL_USER: 'off' })) });
    try {
      const answer = await request(`${await listen(app)}/auth/csrf`);
      expect(String(answer.headers['set-cookie']).replace(/=[^;]+;/, '=…;')).toBe('__Host-sendbench-csrf=…; Path=/; HttpOnly; Secure; SameSite=Lax');
    } finally {
      await app.stop();
      await handle.close();
    }
  });
});

for (const engine of ENGINES) {
  describe(`${engine} embedded mode`, () => {
    test('answers every caller as the one local user, an admin, who may read the audit log', async () => {
      const handle = await openFreshDatabase(engine);
      const app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: false, identity: await createIdentity(loadConfig({})) });
      try {
        const answer = await request(`${await listen(app)}/graphql`, { method: 'POST', json: { query: '{ me { role method signedIn name } auditEvents(first: 1) { totalCount } }' } });
        expect(answer.json).toEqual({ data: { me: { role: 'ADMIN', method: 'LOCAL', signedIn: true, name: 'Local user (embedded mode, no sign-in)' }, auditEvents: { totalCount: 0 } } });
      } finally {
        await app.stop();
        await handle.close();
      }
    });

    test('says sign-in is off on /auth/sign-in', async () => {
      const handle = await openFreshDatabase(engine);
      const app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: false, identity: await createIdentity(loadConfig({})) });
      try {
        const answer = await request(`${await listen(app)}/auth/sign-in`);
        expect({ status: answer.status, body: answer.json }).toEqual({ status: 404, body: { error: 'Sign-in is off: this server runs in embedded mode with one local user (no OIDC_ISSUER).' } });
      } finally {
        await app.stop();
        await handle.close();
      }
    });
  });
}
