import net from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import type { DatabaseHandle } from '../../src/db/connect';
import { type LocalIdentityProvider, type LocalUser, localSignInSettings, startLocalIdentityProvider } from '../../src/dev/local-identity-provider';
import { type App, type AppOptions, createApp } from '../../src/http/app';
import { createIdentity } from '../../src/identity/identity';

/** A port no one listens on now (the app's redirect URI must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The `name=value` of each Set-Cookie, by name, with the whole header kept for its attributes. */
export function setCookies(response: Response): Map<string, { value: string; header: string }> {
  return new Map(
    response.headers.getSetCookie().map((header) => {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), { value: pair.slice(at + 1), header }];
    }),
  );
}

export interface SignedInApp {
  app: App;
  base: string;
  stop(): Promise<void>;
}

/**
 * The app over `handle` with sign-in through `idp`, listening on `port` (one of the redirect URIs
 * the provider was started with). `roles` overrides OIDC_ROLES; `options` adds to the app's options.
 */
export async function serveWithSignIn(handle: DatabaseHandle, idp: LocalIdentityProvider, port: number, roles?: string, options: Partial<AppOptions> = {}): Promise<SignedInApp> {
  const config = loadConfig({ ...localSignInSettings(idp.issuer, `http://127.0.0.1:${port}`), ...(roles ? { OIDC_ROLES: roles } : {}) });
  const identity = await createIdentity(config, port);
  const app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: false, responseCache: true, identity, ...options });
  await new Promise<void>((resolve) => app.server.listen(port, '127.0.0.1', () => resolve()));
  return { app, base: `http://127.0.0.1:${port}`, stop: () => app.stop() };
}

/** Starts the local provider accepting callbacks on each of `ports`. */
export function startProviderFor(ports: number[]): Promise<LocalIdentityProvider> {
  return startLocalIdentityProvider({ redirectUris: ports.map((port) => `http://127.0.0.1:${port}/auth/callback`) });
}

export interface SignInTrace {
  /** The session cookie set when the sign-in started (the pending session). */
  pendingCookie: string;
  /** The session cookie after sign-in. */
  sessionCookie: string;
  /** Set-Cookie of the signed-in session, whole (for its attributes). */
  sessionSetCookie: string;
  /** Where the callback sent the browser. */
  returnedTo: string;
}

/**
 * Signs in as `user` the way a browser does, without one: the app's /auth/sign-in, the provider's
 * login and consent forms (POSTed as its pages would), back to /auth/callback with the code.
 */
export async function signInThroughProvider(base: string, user: LocalUser, cookieName = 'sendbench-session'): Promise<SignInTrace> {
  const start = await fetch(`${base}/auth/sign-in?returnTo=/compare`, { redirect: 'manual' });
  if (start.status !== 302) throw new Error(`/auth/sign-in answered ${start.status}: ${await start.text()}`);
  const pendingCookie = setCookies(start).get(cookieName)?.value;
  if (!pendingCookie) throw new Error('/auth/sign-in set no session cookie');
  const providerCookies = new Map<string, string>();
  const cookieHeader = () => [...providerCookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let location = start.headers.get('location')!;
  for (let step = 0; step < 12 && !location.startsWith(base); step++) {
    const page = await fetch(location, { redirect: 'manual', headers: { cookie: cookieHeader() } });
    for (const [name, { value }] of setCookies(page)) providerCookies.set(name, value);
    if (page.status >= 300 && page.status < 400) {
      location = new URL(page.headers.get('location')!, location).href;
      continue;
    }
    const html = await page.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`the provider's page at ${location} has no form (${page.status}): ${html.slice(0, 300)}`);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: user, password: 'any' } : { prompt };
    const submitted = await fetch(new URL(action, location), { method: 'POST', redirect: 'manual', headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
    for (const [name, { value }] of setCookies(submitted)) providerCookies.set(name, value);
    location = new URL(submitted.headers.get('location')!, location).href;
  }
  const callback = await fetch(location, { redirect: 'manual', headers: { cookie: `${cookieName}=${pendingCookie}` } });
  if (callback.status !== 303) throw new Error(`/auth/callback answered ${callback.status}: ${await callback.text()}`);
  const session = setCookies(callback).get(cookieName);
  if (!session) throw new Error('/auth/callback set no session cookie');
  return { pendingCookie, sessionCookie: session.value, sessionSetCookie: session.header, returnedTo: callback.headers.get('location')! };
}
