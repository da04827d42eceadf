/// <reference path="./oidc-provider.d.ts" />
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID Connect provider for tests and local development: `oidc-provider` (the certified
 * Node implementation) with one user per role, the dashboard's client (authorization code + PKCE)
 * and one API client per role (client credentials) whose JWT access tokens carry the same claims.
 * Its login page accepts any password (oidc-provider's development interactions): never deploy it.
 */

/** The provider's users: log in with the key as the login name. */
export const LOCAL_USERS = {
  admin: { name: 'Ada Admin', email: 'admin@sendbench.test', roles: ['sendbench-admin'] },
  analyst: { name: 'Dana Analyst', email: 'analyst@dfe.sendbench.test', roles: ['sendbench-dfe-analyst'] },
  'kent-officer': { name: 'Kit Kent', email: 'officer@kent.sendbench.test', roles: ['sendbench-la-user'], la_code: '886' },
  // A second LA (one of Kent's statistical neighbours), so that one LA's provisional figures can be shown not to reach another.
  'medway-officer': { name: 'Mo Medway', email: 'officer@medway.sendbench.test', roles: ['sendbench-la-user'], la_code: '887' },
  visitor: { name: 'Vic Visitor', email: 'visitor@sendbench.test', roles: [] as string[] },
} as const satisfies Record<string, { name: string; email: string; roles: readonly string[]; la_code?: string }>;

export type LocalUser = keyof typeof LOCAL_USERS;

/** The API's resource indicator, which is also the audience of the provider's access tokens. */
export const LOCAL_API_AUDIENCE = 'urn:sendbench:api';
export const LOCAL_CLIENT = { id: 'sendbench-dashboard', secret: 'local-dashboard-secret' } as const;
/** Client-credentials clients (scripts) acting as a user of each role: `script-<user>` / `script-<user>-secret`. */
export const scriptClientOf = (user: LocalUser) => ({ id: `script-${user}`, secret: `script-${user}-secret` });

/**
 * The settings that make a SENDbench server at `publicUrl` sign in with the local provider at
 * `issuer` (for its environment or loadConfig).
 */
export function localSignInSettings(issuer: string, publicUrl: string): Record<string, string> {
  return {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: LOCAL_CLIENT.id,
    OIDC_CLIENT_SECRET: LOCAL_CLIENT.secret,
    OIDC_AUDIENCE: LOCAL_API_AUDIENCE,
    OIDC_SCOPES: 'openid profile email sendbench',
    PUBLIC_URL: publicUrl,
  };
}

export interface LocalIdentityProvider {
  issuer: string;
  /** The provider's private signing key (JWK) — for tests that must forge tokens it would sign. */
  signingKey: Record<string, unknown>;
  /** A JWT access token for the API from the client-credentials grant of `user`'s script client. */
  accessTokenFor(user: LocalUser): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the provider on 127.0.0.1 (`port` 0: a free one). `redirectUris` are the dashboard's
 * callbacks it accepts (e.g. http://127.0.0.1:4000/auth/callback).
 *
 * @example const idp = await startLocalIdentityProvider({ redirectUris: [`${base}/auth/callback`] })
 */
export async function startLocalIdentityProvider(options: { port?: number; redirectUris: string[] }): Promise<LocalIdentityProvider> {
  const [{ default: Provider }, jose] = await Promise.all([import('oidc-provider'), import('jose')]);
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await jose.exportJWK(privateKey)), kid: 'local-1', alg: 'RS256', use: 'sig' };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const claimsOf = (user: LocalUser) => {
    const { la_code, ...rest } = LOCAL_USERS[user] as (typeof LOCAL_USERS)[LocalUser] & { la_code?: string };
    return { ...rest, roles: [...rest.roles], ...(la_code ? { la_code } : {}) };
  };
  const userOfClient = (clientId: string | undefined) => (Object.keys(LOCAL_USERS) as LocalUser[]).find((u) => scriptClientOf(u).id === clientId);

  // oidc-provider is an untyped ES module: its configuration is checked by the provider at start.
  const provider = new Provider(issuer, {
    clients: [
      { client_id: LOCAL_CLIENT.id, client_secret: LOCAL_CLIENT.secret, redirect_uris: options.redirectUris, post_logout_redirect_uris: options.redirectUris.map((u) => new URL('/', u).href), grant_types: ['authorization_code'], response_types: ['code'] },
      ...(Object.keys(LOCAL_USERS) as LocalUser[]).map((user) => ({ client_id: scriptClientOf(user).id, client_secret: scriptClientOf(user).secret, grant_types: ['client_credentials'], response_types: [], redirect_uris: [] })),
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['local-identity-provider-cookie-key'] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'sendbench', 'api'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], sendbench: ['roles', 'la_code'] },
    // Put the requested claims in the ID token itself (the dashboard reads them there).
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, sub: string) => (sub in LOCAL_USERS ? { accountId: sub, claims: async () => ({ sub, ...claimsOf(sub as LocalUser) }) } : undefined),
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => LOCAL_API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'api', audience: LOCAL_API_AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    extraTokenClaims: async (_ctx: unknown, token: { accountId?: string; clientId?: string }) => {
      const user = (token.accountId as LocalUser | undefined) ?? userOfClient(token.clientId);
      return user && user in LOCAL_USERS ? { ...claimsOf(user), ...(token.accountId ? {} : { sub: user }) } : undefined;
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, IdToken: 600, AccessToken: 600, ClientCredentials: 600, AuthorizationCode: 60 },
  });
  // Quiet: the provider logs every misconfiguration warning of a development setup on the console.
  provider.on('server_error', () => undefined);
  server.on('request', provider.callback());

  return {
    issuer,
    signingKey,
    async accessTokenFor(user) {
      const client = scriptClientOf(user);
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api', resource: LOCAL_API_AUDIENCE }),
      });
      const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
      if (!body.access_token) throw new Error(`the local identity provider refused a token for ${user}: ${body.error} ${body.error_description ?? ''}`);
      return body.access_token;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
