import { createBearerVerifier, type BearerVerifier } from './bearer-token';
import { discoverSignIn, type SignInClient } from './oidc-sign-in';
import type { RoleMapping } from './principal';

/**
 * How this server knows who is asking:
 * - `oidc`: sign-in with the configured OpenID Connect issuer (sessions) and its bearer tokens;
 * - `local`: embedded mode, no identity provider: every caller is the one local user (admin),
 *   allowed only on a loopback address (config.ts refuses LOCAL_USER=on elsewhere);
 * - `anonymous`: no identity provider and not on loopback: everyone is anonymous (published data only).
 */
export type IdentityMode = 'oidc' | 'local' | 'anonymous';

export interface Identity {
  mode: IdentityMode;
  mapping: RoleMapping;
  signIn?: SignInClient;
  verifyBearer?: BearerVerifier;
  /** The issuer, for messages. */
  issuer?: string;
  /** The address browsers use (PUBLIC_URL): redirects and the callback are built on it. */
  publicUrl: string;
  /** Cookies are Secure unless the public address is this machine (http://127.0.0.1 in development). */
  secureCookies: boolean;
  sessionTtlMs: number;
  /** A signed-in session unused for this long has ended. */
  sessionIdleMs: number;
}

export interface IdentitySettings {
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_AUDIENCE?: string;
  OIDC_SCOPES: string;
  OIDC_ROLE_CLAIM: string;
  OIDC_LA_CLAIM: string;
  OIDC_ROLES: RoleMapping['roles'];
  LOCAL_USER: 'on' | 'off';
  SESSION_TTL_SECONDS: number;
  SESSION_IDLE_SECONDS: number;
  PUBLIC_URL?: string;
  HOST: string;
  PORT: number;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * The identity set-up of a server from its settings: with OIDC_ISSUER, the issuer is discovered now
 * (unreachable: start-up stops with its message) and bearer tokens are verified against its keys.
 * `port` is the port actually listened on, for the default public address.
 */
export async function createIdentity(settings: IdentitySettings, port = settings.PORT): Promise<Identity> {
  const publicUrl = (settings.PUBLIC_URL ?? `http://${settings.HOST === '0.0.0.0' || settings.HOST === '::' ? '127.0.0.1' : settings.HOST}:${port}`).replace(/\/$/, '');
  const secureCookies = !LOOPBACK.test(new URL(publicUrl).hostname);
  const mapping: RoleMapping = { roleClaim: settings.OIDC_ROLE_CLAIM, laClaim: settings.OIDC_LA_CLAIM, roles: settings.OIDC_ROLES };
  const base = { mapping, publicUrl, secureCookies, sessionTtlMs: settings.SESSION_TTL_SECONDS * 1000, sessionIdleMs: settings.SESSION_IDLE_SECONDS * 1000 };
  if (!settings.OIDC_ISSUER || !settings.OIDC_CLIENT_ID || !settings.OIDC_CLIENT_SECRET) return { ...base, mode: settings.LOCAL_USER === 'on' ? 'local' : 'anonymous' };
  const signIn = await discoverSignIn({ issuer: settings.OIDC_ISSUER, clientId: settings.OIDC_CLIENT_ID, clientSecret: settings.OIDC_CLIENT_SECRET, scopes: settings.OIDC_SCOPES, redirectUri: `${publicUrl}/auth/callback` });
  const verifyBearer = await createBearerVerifier({ issuer: settings.OIDC_ISSUER, audience: settings.OIDC_AUDIENCE ?? settings.OIDC_CLIENT_ID, jwksUri: signIn.jwksUri, mapping });
  return { ...base, mode: 'oidc', signIn, verifyBearer, issuer: settings.OIDC_ISSUER };
}
