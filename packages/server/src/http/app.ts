import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { Logger } from 'pino';
import sirv from 'sirv';
import { PROJECT_ROOT } from '../config';
import type { Db } from '../db/database';
import { readsOnOneConnection, replicationStatus } from '../db/read-write';
import { readGraphQLMultipart } from './graphql-multipart';
import { migrationsCurrent } from '../db/migrate';
import { RequestAbortedError, StopAbortedRequestsPlugin } from '../db/query-cancellation';
import { selectProvisionalState } from '../db/provisional-access';
import { readsProvisional } from '../features/provisional/provisional.service';
import { ReferenceCache, type ReferenceSnapshot } from '../features/reference/reference.service';
import { MAX_UPLOAD_BYTES } from '../ingest/provisional-upload.service';
import { savedSetRevision } from '../features/saved-sets/saved-set-revision';
import { type ApiContext, createContext, type RequestStore, requestStore } from '../graphql/context';
import { appendAuditEvent } from '../identity/audit.repository';
import { BearerTokenError } from '../identity/bearer-token';
import type { Identity } from '../identity/identity';
import { ANONYMOUS, type Principal } from '../identity/principal';
import { jitGateway } from '../graphql/jit-executor';
import { buildApiSchema } from '../graphql/schema';
import type { Metrics } from '../observability/metrics';
import { createErrorFormatter, MASKED_FAILURES } from '../plugins/error-masking';
import { createQueryLimits, jsonDepthOver, QUERY_LIMITS } from '../plugins/query-limits';
import { clientAddress, MemoryRateLimiter, type RateLimiter, rateLimitHeaders } from '../plugins/rate-limit';
import { apolloLogger, createOperationRecorder, logRequest } from '../plugins/request-logging';
import { type CacheableRequest, requestMentions, ResponseCache } from '../plugins/response-cache';
import { resolveDocument, TRUSTED_DOCUMENT_ERRORS, type TrustedDocuments } from '../plugins/trusted-documents';
import { newRequestStore } from '../request-store';
import { applyCors } from './cors';
import { EXAMPLE_OPERATION } from './example-operations';
import { REQUEST_DEADLINE_DEFAULTS, startRequestDeadline } from './request-deadline';
import { type ContentKind, setSecurityHeaders } from './security-headers';
import { registerProvisionalRoutes } from './provisional-routes';
import { spendUploadBudget, UPLOAD_BUDGET_DEFAULTS } from './upload-budget';
import { ClientClosedError, PayloadTooLargeError, readBody } from './read-body';
import { registerSignIn } from './sign-in';

export const DASHBOARD_DIST = path.join(PROJECT_ROOT, 'packages', 'dashboard', 'dist');

/** /readyz gives up on the database after this long (a partitioned network must not hang probes). */
export const READINESS_TIMEOUT_MS = 2_000;

export interface AppOptions {
  /** Where GraphQL reads go (the replica pool when reads are split). */
  db: Db;
  /** The primary, when reads go to replicas: /readyz reports replication lag. */
  primaryDb?: Db;
  /** Run each request's statements on one read connection (needed behind a service of several replicas). */
  pinReadConnection?: boolean;
  logger: Logger;
  /** Production defaults: no introspection or explorer, schema hints hidden, HSTS. */
  production: boolean;
  /** Cache whole responses per operation, variables and data version (default on). */
  responseCache?: boolean;
  /** Where cached responses are kept (default: Apollo's in-process cache). */
  responseCacheStore?: KeyValueCache;
  /** Serve the built dashboard (when it exists). */
  dashboardDir?: string;
  /** Schema introspection (default: on outside production). */
  introspection?: boolean;
  /** Apollo's explorer on GET /graphql (default: as introspection). */
  explorer?: boolean;
  /** Origins allowed to call /graphql from a browser, or ['*'] (default: same origin only). */
  corsOrigins?: readonly string[];
  /** Per-client budget on /graphql (default: none). */
  rateLimiter?: RateLimiter;
  /** Each LA user's budget of provisional uploads (default: UPLOAD_BUDGET_DEFAULTS, in process). */
  uploadBudget?: RateLimiter;
  /** Proxies in front whose X-Forwarded-For is trusted for the client address (default 0). */
  trustProxyHops?: number;
  /** The manifest of trusted operations and whether only they may run (default: none, open). */
  trustedDocuments?: { documents: TrustedDocuments; mode: 'on' | 'off' };
  /** Deadline of a GraphQL request (default REQUEST_DEADLINE_DEFAULTS.timeoutMs). */
  requestTimeoutMs?: number;
  /** Prometheus metrics, served on /metrics (default: none). */
  metrics?: Metrics;
  /** How operations are executed: compiled by graphql-jit (default) or interpreted by graphql-js. */
  executor?: 'jit' | 'graphql-js';
  /** Who may sign in and how (identity/identity.ts); default: nobody, every caller is anonymous. */
  identity?: Identity;
  /** Where sessions and the audit log are written (default: `db`; the primary when reads go to replicas). */
  writeDb?: Db;
}

/** No identity provider and no local user: every caller is anonymous. */
const NO_IDENTITY: Identity = {
  mode: 'anonymous',
  mapping: { roleClaim: 'roles', laClaim: 'la_code', roles: {} },
  publicUrl: 'http://127.0.0.1',
  secureCookies: false,
  sessionTtlMs: 0,
  sessionIdleMs: 0,
};

/**
 * Who an answer is for, in the response cache's key: '' for anonymous callers (their keys are as
 * before sign-in existed); for anyone signed in, who they are (so their role and LA: the
 * visibility scope of provisional data) and the provisional data's version, which every upload,
 * share and withdrawal bumps, so a cached answer never outlives the provisional figures it showed.
 */
async function audienceOf(db: Db, principal: Principal): Promise<string> {
  if (principal === ANONYMOUS || (principal.role === 'anonymous' && principal.source === 'none')) return '';
  const provisional = readsProvisional(principal) ? await selectProvisionalState(db) : null;
  return JSON.stringify([principal.source, principal.role, principal.laCode ?? null, principal.subject ?? null, provisional]);
}

export interface App {
  server: http.Server;
  /** The Fastify instance that routes every request (ready before createApp returns). */
  fastify: FastifyInstance;
  apollo: ApolloServer<ApiContext>;
  /** Runs one GraphQL operation in-process, exactly as over HTTP (used by tests and benchmarks), as `principal` (default anonymous) as if its sign-in had been checked. */
  execute(body: { query: string; variables?: Record<string, unknown>; operationName?: string }, principal?: Principal): Promise<{ status: number; body: any; sqlStatements: number; responseCache?: 'hit' | 'miss' }>;
  /** Starts draining: /readyz answers 503 and answers ask clients to close their connection. */
  beginShutdown(): void;
  /** GraphQL requests being answered now. */
  inFlight(): number;
  /**
   * Stops accepting connections and resolves once every open one has ended; connections with no
   * request in progress are closed after `idleGraceMs` (default 0), which gives requests already
   * received but not yet read (the event loop was busy) time to be read and answered. Then Apollo stops.
   */
  stop(options?: { idleGraceMs?: number }): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function errorBody(message: string, code: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

/** Whether a JSON query parameter nests deeper than `limit` (unparseable text is left to Apollo). */
function jsonParamOver(text: string | null, limit: number): boolean {
  if (text === null) return false;
  try {
    return jsonDepthOver(JSON.parse(text), limit);
  } catch {
    return false;
  }
}

/** The error codes of a JSON error answer Apollo wrote itself (bad request, CSRF, batching…). */
function codesOfBody(text: string): string[] {
  try {
    const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] };
    return (parsed.errors ?? []).map((e) => String(e.extensions?.code ?? 'BAD_REQUEST'));
  } catch {
    return [];
  }
}

/**
 * The HTTP application on Fastify: /graphql (Apollo Server through its documented integration API,
 * on the raw response: see below), /healthz, /readyz, /metrics, sign-in (/auth/…, http/sign-in.ts)
 * and the built dashboard (sirv), on one origin. On /graphql, in order: CORS, rate
 * limit, body size, trusted documents, then Apollo (CSRF prevention, no batching, query limits,
 * error masking) under a deadline that also cancels the request's database work when its client
 * goes away. Every answer carries the security headers and an x-request-id; every GraphQL request
 * writes one log line and its metrics.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { logger, production, metrics } = options;
  const db = options.db.withPlugin(new StopAbortedRequestsPlugin());
  const schema = await buildApiSchema();
  const cache = new ReferenceCache();
  const limits = createQueryLimits(schema, { hideSuggestions: production });
  const introspection = options.introspection ?? !production;
  const explorer = options.explorer ?? introspection;
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_DEADLINE_DEFAULTS.timeoutMs;
  const corsOrigins = options.corsOrigins ?? [];
  const trusted = options.trustedDocuments;
  const apollo = new ApolloServer<ApiContext>({
    // The executor: graphql-jit (default) or graphql-js's interpreter; see graphql/jit-executor.ts.
    ...(options.executor === 'graphql-js' ? { schema } : { gateway: jitGateway(schema) }),
    introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Automatic persisted queries would let any client register any text; trusted documents replace them.
    persistedQueries: false,
    // Apollo would stop itself on SIGTERM and then re-raise the signal, killing the process before
    // in-flight requests are answered: serve.ts drains the HTTP server first, then stops Apollo.
    stopOnTerminationSignals: false,
    logger: apolloLogger(logger),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: createErrorFormatter(logger, { requestIdOf: () => requestStore.getStore()?.requestId, hideSuggestions: production }),
    plugins: [
      ...limits.plugins,
      createOperationRecorder(),
      // Cache hints are useless work on every field: the response cache (below) does not use them.
      ApolloServerPluginCacheControlDisabled(),
      explorer ? ApolloServerPluginLandingPageLocalDefault({ embed: true, document: EXAMPLE_OPERATION }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  const responses = options.responseCache === false ? undefined : new ResponseCache(options.responseCacheStore, JSON.stringify({ introspection }));

  /**
   * Answers one GraphQL request: from the response cache when it holds the answer for the current
   * data version (one statement: the version), else through Apollo, whose answer is then stored.
   * The version is read first and the request's context reuses that snapshot, so the answer is
   * stored under the version it was computed from. A version that cannot be read (database away,
   * request aborted) skips the cache: Apollo then answers with its masked error. A request naming a
   * saved comparator set (`savedSetId`) is keyed on the saved sets' revision too (read from the
   * primary, where the sets are): an edited, unshared or deleted set never serves an old answer.
   */
  const answer = async (requestDb: Db, request: CacheableRequest, store: RequestStore, principal: Principal): Promise<HTTPGraphQLResponse> => {
    let snapshot: ReferenceSnapshot | undefined;
    let key: string | undefined;
    if (responses) {
      snapshot = await cache.current(requestDb).catch(() => undefined);
      const stamp = snapshot && (requestMentions(request, 'savedSetId') ? await savedSetRevision(writeDb).then((revision) => `${snapshot!.stamp}+saved${revision}`, () => undefined) : snapshot.stamp);
      const audience = stamp && (await audienceOf(requestDb, principal).catch(() => undefined));
      key = stamp && audience !== undefined ? responses.keyOf(request, stamp, audience) : undefined;
      const hit = key && (await responses.get(key, store));
      if (hit) return hit;
    }
    const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => createContext(requestDb, cache, store, snapshot, principal, writeDb) });
    // Written after answering: a slow store (Redis) must not delay the answer.
    if (key) void responses!.setIfCacheable(key, result, store);
    return result;
  };

  // With reads on replicas behind one service, a request's statements share one connection, so the
  // data version it keys the response cache on and the figures it reads come from the same replica.
  const runGraphQL = async (method: string, headers: HeaderMap, search: string, body: unknown, store: RequestStore, principal: Principal = ANONYMOUS) =>
    requestStore.run(store, () => {
      const execute = (requestDb: Db) => answer(requestDb, { method, headers, search, body }, store, principal);
      return options.pinReadConnection ? readsOnOneConnection(db, execute) : execute(db);
    });

  const dashboardDir = options.dashboardDir ?? DASHBOARD_DIST;
  const hasDashboard = fs.existsSync(path.join(dashboardDir, 'index.html'));
  const assets = hasDashboard
    ? sirv(dashboardDir, {
        single: true,
        etag: true,
        // The build writes .br and .gz copies of each file (dashboard/scripts/compress.mjs).
        gzip: true,
        brotli: true,
        setHeaders: (res, pathname) => {
          if (pathname.startsWith('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        },
      })
    : undefined;

  let draining = false;
  let inFlight = 0;
  const writeDb = options.writeDb ?? options.db;
  const uploadBudget = options.uploadBudget ?? new MemoryRateLimiter(UPLOAD_BUDGET_DEFAULTS);

  type Admission = { ok: true; search: string; body: unknown } | { ok: false; status: number; code: keyof typeof TRUSTED_DOCUMENT_ERRORS };

  /** Applies trusted documents: the search and body to run, or why the request may not run. */
  const admitDocument = (method: string, search: string, body: unknown): Admission => {
    if (!trusted) return { ok: true, search, body };
    if (method === 'GET') {
      const params = new URLSearchParams(search);
      let extensions: unknown;
      try {
        extensions = params.has('extensions') ? JSON.parse(params.get('extensions')!) : undefined;
      } catch {
        extensions = undefined;
      }
      const resolution = resolveDocument({ query: params.get('query') ?? undefined, extensions }, trusted.documents, trusted.mode);
      if (!resolution.ok) return resolution;
      if (resolution.query !== undefined) params.set('query', resolution.query);
      if (resolution.extensions) params.set('extensions', JSON.stringify(resolution.extensions));
      else params.delete('extensions');
      return { ok: true, search: `?${params.toString()}`, body };
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      // Batches and non-object bodies go to Apollo, which refuses them; in trusted mode they are refused here.
      return trusted.mode === 'on' && Array.isArray(body) ? { ok: false, status: 400, code: 'OPERATION_NOT_TRUSTED' } : { ok: true, search, body };
    }
    const fields = body as Record<string, unknown>;
    const resolution = resolveDocument(fields, trusted.documents, trusted.mode);
    if (!resolution.ok) return resolution;
    const { extensions: _drop, ...rest } = fields;
    return { ok: true, search, body: { ...rest, ...(resolution.query !== undefined ? { query: resolution.query } : {}), ...(resolution.extensions ? { extensions: resolution.extensions } : {}) } };
  };

  const writeApolloResult = async (res: http.ServerResponse, result: HTTPGraphQLResponse): Promise<string | undefined> => {
    for (const [key, value] of result.headers) res.setHeader(key, value);
    if ((result.headers.get('content-type') ?? '').startsWith('text/html')) setSecurityHeaders(res, 'explorer', { hsts: production });
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return result.body.string;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
    return undefined;
  };

  const handleGraphQL = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    requestId: string,
    started: bigint,
    principalOf: () => Promise<Principal>,
    /** A body already read (a multipart request's operation with its file): used as it is. */
    preread?: Record<string, unknown>,
  ) => {
    const store = newRequestStore(requestId);
    let cancelled = false;
    const finish = () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const outcome = logRequest(logger, {
        requestId,
        method: req.method ?? 'GET',
        path: url.pathname,
        status: res.statusCode,
        operation: store.operationName,
        durationMs: seconds * 1000,
        sqlStatements: store.sqlStatements,
        errorCodes: store.errorCodes ?? [],
        client: clientAddress(req, options.trustProxyHops ?? 0),
        clientClosed: cancelled,
        responseCache: store.responseCache,
      });
      metrics?.observeRequest(store.operationName, outcome, seconds, store.errorCodes ?? []);
    };

    if (applyCors(req, res, corsOrigins).kind === 'answered') return;

    if (options.rateLimiter && req.method !== 'OPTIONS') {
      const decision = await options.rateLimiter.consume(clientAddress(req, options.trustProxyHops ?? 0));
      const headers = rateLimitHeaders(decision);
      if (!decision.allowed) {
        metrics?.observeRateLimited();
        store.errorCodes = ['RATE_LIMITED'];
        const seconds = headers['retry-after'];
        sendJson(res, 429, errorBody(`Too many requests: this API allows ${decision.limit} requests per ${options.rateLimiter.policy.windowMs / 1000} s per client. Try again in ${seconds} s.`, 'RATE_LIMITED', { retryAfter: Number(seconds) }), headers);
        res.once('close', finish);
        return;
      }
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }

    let principal: Principal;
    try {
      principal = await principalOf();
    } catch (error) {
      if (!(error instanceof BearerTokenError)) throw error;
      res.once('close', finish);
      if (error.code === 'TOKEN_KEYS_UNAVAILABLE') {
        // The provider's keys could not be fetched: the token may be good, so this is our outage, not the caller's fault.
        store.errorCodes = ['IDENTITY_PROVIDER_UNAVAILABLE'];
        logger.warn({ requestId, reason: error.message }, 'bearer token not checked: the identity provider is unreachable');
        return sendJson(res, 503, errorBody(error.message, 'IDENTITY_PROVIDER_UNAVAILABLE', { retryAfter: 30, requestId }), { 'retry-after': '30' });
      }
      store.errorCodes = ['UNAUTHENTICATED'];
      void appendAuditEvent(writeDb, 'denied', undefined, { what: 'bearer token', reason: error.code, path: url.pathname }, requestId).catch((auditError: unknown) => logger.error({ err: auditError, requestId }, 'audit log write failed'));
      return sendJson(res, 401, errorBody(error.message, 'UNAUTHENTICATED', { reason: error.code, requestId }), {
        'www-authenticate': `Bearer error="invalid_token", error_description="${error.message.replace(/["\\]/g, "'")}"`,
      });
    }

    inFlight++;
    const deadline = startRequestDeadline(res, timeoutMs);
    store.signal = deadline.signal;
    res.once('close', () => {
      inFlight--;
      cancelled = !res.writableFinished;
      deadline.dispose();
      finish();
    });

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    let body: unknown;
    if (preread) {
      // Read as multipart (its CSRF check done there), handed to Apollo as the JSON operation it carried.
      body = preread;
      headers.set('content-type', 'application/json');
    } else if (req.method === 'POST') {
      let text: string;
      try {
        text = (await readBody(req, QUERY_LIMITS.maxDocumentBytes)).toString('utf8');
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          store.errorCodes = ['PAYLOAD_TOO_LARGE'];
          return sendJson(res, 413, errorBody(`The request is over ${QUERY_LIMITS.maxDocumentBytes} bytes.`, 'PAYLOAD_TOO_LARGE', { limit: QUERY_LIMITS.maxDocumentBytes }), { connection: 'close' });
        }
        if (error instanceof ClientClosedError) return;
        throw error;
      }
      if (text && (headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(text);
        } catch {
          store.errorCodes = ['BAD_REQUEST'];
          return sendJson(res, 400, errorBody('The request body is not valid JSON.', 'BAD_REQUEST'));
        }
        if (jsonDepthOver(body, QUERY_LIMITS.maxJsonDepth)) {
          store.errorCodes = ['BAD_REQUEST'];
          return sendJson(res, 400, errorBody(`The request body nests deeper than ${QUERY_LIMITS.maxJsonDepth} levels.`, 'BAD_REQUEST', { limit: QUERY_LIMITS.maxJsonDepth }));
        }
      } else body = text;
    }

    if (req.method === 'GET' && ['variables', 'extensions'].some((name) => jsonParamOver(url.searchParams.get(name), QUERY_LIMITS.maxJsonDepth))) {
      store.errorCodes = ['BAD_REQUEST'];
      return sendJson(res, 400, errorBody(`The request's variables or extensions nest deeper than ${QUERY_LIMITS.maxJsonDepth} levels.`, 'BAD_REQUEST', { limit: QUERY_LIMITS.maxJsonDepth }));
    }

    const admitted = admitDocument(req.method ?? 'GET', url.search, body);
    if (!admitted.ok) {
      store.errorCodes = [admitted.code];
      // Apollo's clients retry a PERSISTED_QUERY_NOT_FOUND with the full text: it must not be cached.
      return sendJson(res, admitted.status, errorBody(TRUSTED_DOCUMENT_ERRORS[admitted.code], admitted.code, { requestId }), admitted.status === 200 ? { 'cache-control': 'private, no-cache, must-revalidate' } : {});
    }

    const execution = runGraphQL(req.method ?? 'GET', headers, admitted.search, admitted.body, store, principal);
    execution.catch(() => undefined); // settled late when the deadline or the client won the race
    const winner = await Promise.race([execution, deadline.aborted]);
    if (winner instanceof RequestAbortedError) {
      if (winner.code === 'CLIENT_CLOSED_REQUEST') return; // nobody to answer
      store.errorCodes = ['REQUEST_TIMEOUT'];
      logger.warn({ requestId, timeoutMs, operation: store.operationName }, 'request deadline passed; its database work was cancelled');
      return sendJson(res, 503, errorBody(MASKED_FAILURES.REQUEST_TIMEOUT, 'REQUEST_TIMEOUT', { requestId }));
    }
    if (res.destroyed) return;
    if (draining) res.setHeader('connection', 'close');
    const written = await writeApolloResult(res, winner);
    if ((store.errorCodes ?? []).length === 0 && res.statusCode >= 400 && written) store.errorCodes = codesOfBody(written);
  };

  const handleReadiness = async (reply: FastifyReply) => {
    if (draining) return replyJson(reply, 503, { status: 'shutting down' });
    try {
      const [current, loaded] = await withTimeout(
        Promise.all([migrationsCurrent(options.db), options.db.selectFrom('release').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()]),
        READINESS_TIMEOUT_MS,
      );
      const ready = current && Number(loaded.n) > 0;
      // Replication is reported, not required: a primary fail-over must not take every server out of service.
      const replication = options.primaryDb ? await replicationStatus({ db: options.primaryDb, readDb: options.db, split: true }, { timeoutMs: READINESS_TIMEOUT_MS }) : undefined;
      return replyJson(reply, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', migrationsCurrent: current, releases: Number(loaded.n), ...(replication ? { replication } : {}) });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      return replyJson(reply, 503, { status: 'not ready', database: 'unreachable' });
    }
  };

  /** A JSON answer through Fastify (health, readiness, 404, errors outside /graphql). */
  const replyJson = (reply: FastifyReply, status: number, body: unknown) => reply.code(status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));

  /** The client's x-request-id when it is a plain token, else a new UUID: on the answer, in logs and in the audit log. */
  const requestIdOf = (req: http.IncomingMessage): string => {
    const supplied = req.headers['x-request-id'];
    return typeof supplied === 'string' && /^[\w-]{1,64}$/.test(supplied) ? supplied : randomUUID();
  };

  /** What every answer carries, set on the raw response (the dashboard's files are written by sirv, outside Fastify's reply). */
  const stampResponse = (res: http.ServerResponse, requestId: string, route: string) => {
    res.setHeader('x-request-id', requestId);
    setSecurityHeaders(res, route === 'static' ? 'dashboard' : 'api', { hsts: production });
    if (draining) res.setHeader('connection', 'close');
    if (metrics) res.once('finish', () => metrics.observeResponse(route, res.statusCode));
  };

  const fastify = Fastify({
    // One log line per GraphQL request is written by the handler (plugins/request-logging.ts).
    logger: false,
    // Liveness, polled by every balancer and orchestrator, is answered before Fastify's router
    // (its request and reply objects, routing and hooks were most of this answer's cost); every
    // other request goes to Fastify. With a server of our own, its timeouts are set here.
    serverFactory: (handler) => {
      const server = http.createServer((req, res) => {
        if (req.url !== '/healthz') return handler(req, res);
        stampResponse(res, requestIdOf(req), '/healthz');
        sendJson(res, 200, { status: 'ok' });
      });
      // Slow clients may not hold a connection open: the whole request must arrive within 30 s.
      server.requestTimeout = 30_000;
      // Node's own default; Fastify's 72 s would keep idle sockets open long after a client is gone.
      server.keepAliveTimeout = 5_000;
      server.headersTimeout = 20_000;
      return server;
    },
    // Draining is ours (beginShutdown/stop): answers keep coming while in-flight requests finish.
    return503OnClosing: false,
    // HEAD goes where it went before: to the route's own handler, or to the dashboard's files.
    exposeHeadRoutes: false,
    genReqId: requestIdOf,
  });
  // /graphql reads its own body (size limit, client-closed detection): no parser consumes it first.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  // multipart/form-data: parsed only where asked (a GraphQL upload, graphql-multipart.ts), part by part.
  await fastify.register(fastifyMultipart);

  fastify.addHook('onRequest', (request, reply, done) => {
    // The path as the router sees it (no URL object: this runs on every request).
    const url = request.raw.url ?? '/';
    const query = url.indexOf('?');
    const pathname = query < 0 ? url : url.slice(0, query);
    const route = ['/graphql', '/healthz', '/readyz', '/metrics'].includes(pathname) ? pathname : pathname.startsWith('/auth/') ? 'auth' : pathname.startsWith('/provisional/') ? 'provisional' : assets ? 'static' : 'other';
    stampResponse(reply.raw, request.id, route);
    done();
  });

  const identity = options.identity ?? NO_IDENTITY;
  const signIn = await registerSignIn(fastify, { db: writeDb, identity, logger });

  registerProvisionalRoutes(fastify, { db: writeDb, principalOf: signIn.principalOf, csrfForSessions: signIn.csrfForSessions, reference: () => cache.current(db), uploadBudget, logger });

  // Liveness with a query string (plain /healthz is answered before the router, in serverFactory above).
  fastify.all('/healthz', (_request, reply) => {
    reply.hijack();
    sendJson(reply.raw, 200, { status: 'ok' });
  });
  fastify.all('/readyz', (_request, reply) => handleReadiness(reply));
  fastify.all('/metrics', async (request, reply) => {
    if (!metrics) return notFound(request.raw, reply);
    return reply.code(200).header('content-type', metrics.contentType()).header('cache-control', 'no-store').send(await metrics.text());
  });
  fastify.all('/graphql', { onRequest: signIn.csrfForSessions }, async (request, reply) => {
    // Written on the raw response: the answer races a deadline and a client that may go away.
    reply.hijack();
    const req = request.raw;
    const res = reply.raw;
    const requestId = request.id;
    try {
      const started = process.hrtime.bigint();
      let preread: Record<string, unknown> | undefined;
      // A refused bearer token goes on to handleGraphQL, which answers 401 before reading any body.
      const caller = req.method === 'POST' && request.isMultipart() ? await signIn.principalOf(request).catch(() => undefined) : undefined;
      if (caller && caller.role !== 'la_user') {
        // Files are uploaded by LA users only (provisional data): anyone else is refused before a byte of the file is read.
        void appendAuditEvent(writeDb, 'denied', caller, { what: 'provisional upload', needed: 'la_user', path: '/graphql' }, requestId).catch((auditError: unknown) => logger.error({ err: auditError, requestId }, 'audit log write failed'));
        return sendJson(res, 403, errorBody(`Uploading a file is for LA users (an LA's own provisional figures); this request's role is ${caller.role}.`, 'FORBIDDEN', { needed: 'la_user', role: caller.role, requestId }), { connection: 'close' });
      }
      if (caller) {
        const spent = await spendUploadBudget(uploadBudget, caller, requestId);
        if (spent) return sendJson(res, 429, spent.body, { ...spent.headers, connection: 'close' });
        const read = await readGraphQLMultipart(request, { fileBytes: MAX_UPLOAD_BYTES, fieldBytes: QUERY_LIMITS.maxDocumentBytes });
        if (!read.ok) return sendJson(res, read.status, errorBody(read.message, read.code, { requestId }), read.status === 413 ? { connection: 'close' } : {});
        preread = read.body;
      }
      // The uploader was resolved above: not a second session read or token check.
      await handleGraphQL(req, res, new URL(req.url ?? '/', 'http://localhost'), requestId, started, caller ? async () => caller : () => signIn.principalOf(request), preread);
    } catch (error) {
      logger.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, errorBody('Unexpected error.', 'INTERNAL_SERVER_ERROR', { requestId }));
      else res.end();
    }
  });

  const notFound = (req: http.IncomingMessage, reply: FastifyReply) => {
    if (assets && (req.method === 'GET' || req.method === 'HEAD')) {
      reply.hijack();
      return assets(req, reply.raw, () => sendJson(reply.raw, 404, { error: 'Not found' }));
    }
    return replyJson(reply, 404, { error: hasDashboard ? 'Not found' : 'Not found (the dashboard is not built: run npm run build)' });
  };
  fastify.setNotFoundHandler((request, reply) => notFound(request.raw, reply));
  fastify.setErrorHandler((error: { statusCode?: number; code?: string; message?: string }, request, reply) => {
    const requestId = request.id;
    if (error.code?.startsWith('FST_CSRF_')) {
      return replyJson(reply, 403, errorBody('This request needs the CSRF token of its session: ask GET /auth/csrf and send the token in the x-csrf-token header.', 'CSRF_TOKEN_INVALID', { requestId }));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return replyJson(reply, error.statusCode, errorBody(error.message ?? 'Bad request.', 'BAD_REQUEST', { requestId }));
    logger.error({ err: error, requestId }, 'request failed');
    return replyJson(reply, 500, errorBody('Unexpected error.', 'INTERNAL_SERVER_ERROR', { requestId }));
  });
  await fastify.ready();
  const server = fastify.server;

  return {
    server,
    fastify,
    apollo,
    async execute(body, principal = ANONYMOUS) {
      const headers = new HeaderMap([['content-type', 'application/json']]);
      const store = newRequestStore(randomUUID());
      const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      const result = await runGraphQL('POST', headers, '', clean, store, principal);
      const text = result.body.kind === 'complete' ? result.body.string : '';
      return { status: result.status ?? 200, body: JSON.parse(text), sqlStatements: store.sqlStatements, responseCache: store.responseCache };
    },
    beginShutdown() {
      draining = true;
    },
    inFlight: () => inFlight,
    async stop({ idleGraceMs = 0 } = {}) {
      draining = true;
      if (server.listening) {
        // net.Server's close stops accepting; http.Server's would also close idle connections at once,
        // including those whose request is in the socket but not yet read.
        const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
        const grace = setTimeout(() => server.closeIdleConnections(), idleGraceMs);
        await closed;
        clearTimeout(grace);
      }
      await apollo.stop();
      if (!options.uploadBudget) await uploadBudget.close();
    },
  };
}
