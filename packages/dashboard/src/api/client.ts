import { Client, cacheExchange, fetchExchange } from 'urql';

/** The signed-in session's CSRF token (the server asks for it on a session's POSTs), fetched when first refused. */
let csrfToken: string | undefined;
/** The one request for a token under way: concurrent refusals share it (two would set two secrets, and one token would not match). */
let tokenRequest: Promise<string> | undefined;

/** Asks the server for the session's CSRF token (GET /auth/csrf), once for all callers waiting on it. */
export function fetchCsrfToken(): Promise<string> {
  tokenRequest ??= fetch('/auth/csrf', { credentials: 'same-origin' })
    .then(async (response) => (csrfToken = ((await response.json()) as { csrfToken: string }).csrfToken))
    .finally(() => (tokenRequest = undefined));
  return tokenRequest;
}

/**
 * fetch with the session's CSRF token: anonymous callers never need one; a signed-in browser's
 * first POST is refused with 403 CSRF_TOKEN_INVALID, and is sent again once with a fresh token.
 */
export async function fetchWithCsrf(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | undefined) => fetch(input, { ...init, credentials: 'same-origin', headers: { ...(init.headers as Record<string, string>), ...(token ? { 'x-csrf-token': token } : {}) } });
  const sentWith = csrfToken;
  const response = await send(sentWith);
  if (response.status !== 403 || (init.method ?? 'GET') !== 'POST') return response;
  const body = (await response.clone().json().catch(() => undefined)) as { errors?: { extensions?: { code?: string } }[] } | undefined;
  if (body?.errors?.[0]?.extensions?.code !== 'CSRF_TOKEN_INVALID') return response;
  // Another request may have fetched a token since this one was sent: use it rather than ask again.
  return send(csrfToken && csrfToken !== sentWith ? csrfToken : await fetchCsrfToken());
}

/**
 * The one GraphQL client: same origin as the page, POST with JSON (the server's CSRF prevention
 * blocks simple GET requests), the session's CSRF token when signed in, and urql's document cache
 * so going back to a view is instant.
 */
export function createApiClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    requestPolicy: 'cache-first',
    fetch: fetchWithCsrf,
  });
}
