import type http from 'node:http';

/**
 * The dashboard's content security policy. The dashboard is a Vite build served from this origin:
 * module scripts and CSS files under /assets, GOV.UK Frontend fonts and images under /assets, API
 * calls to /graphql on the same origin, no inline script or style element (React and recharts set
 * styles through the CSSOM, which style-src does not govern). `img-src data:` is for the small SVG
 * icons GOV.UK Frontend's CSS inlines.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON answers load nothing and are never framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers on every response (dashboard, API, health and metrics). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const SECURITY_HEADER_ENTRIES = Object.entries(SECURITY_HEADERS);

/** Sent in production: browsers ignore it over plain HTTP and keep to HTTPS once they saw it over HTTPS (TLS ends at the proxy). */
export const HSTS = 'max-age=31536000; includeSubDomains';

export type ContentKind = 'dashboard' | 'api' | 'explorer';

/**
 * Sets the security headers for one response. The API explorer (development only: Apollo's landing
 * page loads its scripts from Apollo's CDN) gets no CSP; everything else gets the one of its kind.
 */
export function setSecurityHeaders(res: http.ServerResponse, kind: ContentKind, options: { hsts: boolean }): void {
  for (const [name, value] of SECURITY_HEADER_ENTRIES) res.setHeader(name, value);
  if (options.hsts) res.setHeader('strict-transport-security', HSTS);
  if (kind === 'dashboard') res.setHeader('content-security-policy', DASHBOARD_CSP);
  else if (kind === 'api') res.setHeader('content-security-policy', API_CSP);
  else res.removeHeader('content-security-policy');
}
