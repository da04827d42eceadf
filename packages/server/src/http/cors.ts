import type http from 'node:http';

/**
 * What cross-origin callers of /graphql may send and read. No credentials: session cookies are for
 * the same-origin dashboard; a cross-origin client signs in with a bearer token (Authorization).
 */
export const CORS_DEFAULTS = {
  methods: 'GET, POST, OPTIONS',
  allowHeaders: 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id',
  exposeHeaders: 'x-request-id, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset',
  maxAgeSeconds: 600,
} as const;

export type CorsDecision =
  /** Not a cross-origin request, or a request from an origin that is not allowed (no CORS headers: the browser blocks reading it). */
  | { kind: 'none' }
  /** An allowed cross-origin request: headers set, carry on. */
  | { kind: 'allowed' }
  /** A preflight that has been answered (204 allowed, 403 refused). */
  | { kind: 'answered' };

/**
 * CORS for the API, limited to configured origins (CORS_ORIGINS; `*` allows any). The dashboard is
 * same-origin and needs none. A preflight from an origin not in the list is refused with 403; an
 * actual request from one gets no CORS headers, so the browser does not let the page read it.
 */
export function applyCors(req: http.IncomingMessage, res: http.ServerResponse, allowed: readonly string[]): CorsDecision {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (!origin) return { kind: 'none' };
  const anyOrigin = allowed.includes('*');
  const permitted = anyOrigin || allowed.includes(origin);
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (preflight) {
    if (!permitted) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Origin ${origin} is not allowed to call this API (CORS_ORIGINS).`);
      return { kind: 'answered' };
    }
    res.writeHead(204, {
      'access-control-allow-origin': anyOrigin ? '*' : origin,
      'access-control-allow-methods': CORS_DEFAULTS.methods,
      'access-control-allow-headers': CORS_DEFAULTS.allowHeaders,
      'access-control-max-age': String(CORS_DEFAULTS.maxAgeSeconds),
    });
    res.end();
    return { kind: 'answered' };
  }
  if (!permitted) return { kind: 'none' };
  res.setHeader('access-control-allow-origin', anyOrigin ? '*' : origin);
  res.setHeader('access-control-expose-headers', CORS_DEFAULTS.exposeHeaders);
  return { kind: 'allowed' };
}
