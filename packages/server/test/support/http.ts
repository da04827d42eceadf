import type { AddressInfo } from 'node:net';
import http from 'node:http';
import type { App } from '../../src/http/app';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: any;
}

/** Starts `app` on a free local port; returns its base URL. */
export async function listen(app: App): Promise<string> {
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/**
 * One HTTP request on a connection of its own (no keep-alive, so a test never leaves sockets open).
 *
 * @example await request(`${base}/graphql`, { method: 'POST', json: { query: '{ dataVersion }' } })
 */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; json?: unknown; body?: string | Buffer; signal?: AbortSignal } = {},
): Promise<HttpAnswer> {
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
  const headers: Record<string, string> = { ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, agent: false, signal: options.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs a GraphQL request as JSON to `${base}/graphql`. */
export function postGraphQL(base: string, payload: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return request(`${base}/graphql`, { method: 'POST', json: payload, headers });
}
