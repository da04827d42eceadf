import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Logger } from 'pino';
import sirv from 'sirv';
import { PROJECT_ROOT } from '../config';
import type { Db } from '../db/database';
import { migrationsCurrent } from '../db/migrate';
import { ReferenceCache } from '../features/reference/reference.service';
import { type ApiContext, createContext, type RequestStore, requestStore } from '../graphql/context';
import { buildApiSchema } from '../graphql/schema';
import { createErrorFormatter } from '../plugins/error-masking';
import { createQueryLimits, QUERY_LIMITS } from '../plugins/query-limits';
import { createResponseCache } from '../plugins/response-cache';
import { EXAMPLE_OPERATION } from './example-operations';

export const DASHBOARD_DIST = path.join(PROJECT_ROOT, 'packages', 'dashboard', 'dist');

export interface AppOptions {
  db: Db;
  logger: Logger;
  production: boolean;
  /** Cache whole responses per operation, variables and data version (default on). */
  responseCache?: boolean;
  /** Serve the built dashboard (when it exists). */
  dashboardDir?: string;
}

export interface App {
  server: http.Server;
  apollo: ApolloServer<ApiContext>;
  /** Runs one GraphQL operation in-process, exactly as over HTTP (used by tests and benchmarks). */
  execute(body: { query: string; variables?: Record<string, unknown>; operationName?: string }): Promise<{ status: number; body: any; sqlStatements: number }>;
  stop(): Promise<void>;
}

class PayloadTooLargeError extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new PayloadTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The HTTP application: /graphql (Apollo Server through its documented integration API),
 * /healthz, /readyz and the built dashboard, on one origin.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { db, logger, production } = options;
  const schema = await buildApiSchema();
  const cache = new ReferenceCache();
  const limits = createQueryLimits(schema, { hideSuggestions: production });
  const apollo = new ApolloServer<ApiContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    validationRules: limits.validationRules,
    formatError: createErrorFormatter(logger, () => requestStore.getStore()?.requestId),
    plugins: [
      ...limits.plugins,
      // Without the response cache, cache hints are useless work on every field: switch them off.
      ...(options.responseCache === false ? [ApolloServerPluginCacheControlDisabled()] : createResponseCache()),
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, document: EXAMPLE_OPERATION }),
    ],
  });
  await apollo.start();

  const runGraphQL = async (method: string, headers: HeaderMap, search: string, body: unknown, store: RequestStore) =>
    requestStore.run(store, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search, body },
        context: async () => createContext(db, cache, store),
      }),
    );

  const dashboardDir = options.dashboardDir ?? DASHBOARD_DIST;
  const hasDashboard = fs.existsSync(path.join(dashboardDir, 'index.html'));
  const assets = hasDashboard ? sirv(dashboardDir, { single: true, etag: true, gzip: false, setHeaders: (res, pathname) => {
    if (pathname.startsWith('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  } }) : undefined;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = (typeof req.headers['x-request-id'] === 'string' && /^[\w-]{1,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : undefined) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    try {
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz') {
        try {
          const [current, loaded] = await Promise.all([
            migrationsCurrent(db),
            db.selectFrom('release').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
          ]);
          const ready = current && Number(loaded.n) > 0;
          return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', migrationsCurrent: current, releases: Number(loaded.n) });
        } catch (error) {
          logger.warn({ err: error }, 'readiness check failed');
          return sendJson(res, 503, { status: 'not ready', database: 'unreachable' });
        }
      }
      if (url.pathname === '/graphql') {
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        let body: unknown;
        if (req.method === 'POST') {
          const text = await readBody(req, QUERY_LIMITS.maxDocumentBytes);
          if (text && (headers.get('content-type') ?? '').includes('application/json')) {
            try {
              body = JSON.parse(text);
            } catch {
              return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
            }
          } else body = text;
        }
        const store: RequestStore = { requestId, sqlStatements: 0 };
        const started = process.hrtime.bigint();
        const result = await runGraphQL(req.method ?? 'GET', headers, url.search, body, store);
        for (const [key, value] of result.headers) res.setHeader(key, value);
        res.statusCode = result.status ?? 200;
        if (result.body.kind === 'complete') res.end(result.body.string);
        else {
          for await (const chunk of result.body.asyncIterator) res.write(chunk);
          res.end();
        }
        logger.debug({ requestId, status: res.statusCode, sqlStatements: store.sqlStatements, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'graphql request');
        return;
      }
      if (assets && (req.method === 'GET' || req.method === 'HEAD')) return assets(req, res, () => sendJson(res, 404, { error: 'Not found' }));
      return sendJson(res, 404, { error: hasDashboard ? 'Not found' : 'Not found (the dashboard is not built: run npm run build)' });
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        return sendJson(res, 413, { errors: [{ message: `The request is over ${QUERY_LIMITS.maxDocumentBytes} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      logger.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
      else res.end();
    }
  });

  return {
    server,
    apollo,
    async execute(body) {
      const headers = new HeaderMap([['content-type', 'application/json']]);
      const store: RequestStore = { requestId: randomUUID(), sqlStatements: 0 };
      const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      const result = await runGraphQL('POST', headers, '', clean, store);
      const text = result.body.kind === 'complete' ? result.body.string : '';
      return { status: result.status ?? 200, body: JSON.parse(text), sqlStatements: store.sqlStatements };
    },
    async stop() {
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
      await apollo.stop();
    },
  };
}
