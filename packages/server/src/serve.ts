import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type Config, ConfigError, isProduction } from './config';
import { connectReadWrite, type ReadWriteHandle } from './db/read-write';
import { connect, type DatabaseHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { type App, createApp } from './http/app';
import { UPLOAD_BUDGET_DEFAULTS } from './http/upload-budget';
import { createIdentity, type Identity } from './identity/identity';
import { terminalReporter } from './ingest/import-report';
import { importPaths } from './ingest/import.service';
import { createLogger } from './logger';
import { Metrics } from './observability/metrics';
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from './plugins/rate-limit';
import { RedisKeyValueCache } from './plugins/response-cache';
import { loadTrustedDocuments, type TrustedDocuments, TrustedDocumentsError } from './plugins/trusted-documents';

/**
 * The trusted-documents manifest: required (and checked) when TRUSTED_DOCUMENTS=on; in open mode
 * used when present, so the dashboard may send hashes instead of text.
 */
function trustedDocumentsOf(config: Config, logger: Logger): { documents: TrustedDocuments; mode: 'on' | 'off' } | undefined {
  try {
    const documents = loadTrustedDocuments(config.TRUSTED_DOCUMENTS_FILE);
    logger.info({ file: config.TRUSTED_DOCUMENTS_FILE, operations: documents.size, mode: config.TRUSTED_DOCUMENTS }, 'trusted documents loaded');
    return { documents, mode: config.TRUSTED_DOCUMENTS };
  } catch (error) {
    if (!(error instanceof TrustedDocumentsError)) throw error;
    if (config.TRUSTED_DOCUMENTS === 'on') throw new ConfigError(`Invalid configuration:\n  TRUSTED_DOCUMENTS_FILE: ${error.message} (TRUSTED_DOCUMENTS=on needs it)`);
    logger.info({ file: config.TRUSTED_DOCUMENTS_FILE, reason: error.message }, 'no trusted-documents manifest; open mode accepts operation text only');
    return undefined;
  }
}

/**
 * The one Redis connection (REDIS_URL) the rate limiter and the response cache share, when either
 * is on. It fails fast while Redis is away (each then falls back) and reconnects in the background.
 */
async function redisOf(config: Config, logger: Logger): Promise<Redis | undefined> {
  if (!config.REDIS_URL || (config.RATE_LIMIT === 'off' && config.RESPONSE_CACHE === 'off')) return undefined;
  const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    logger.info('connected to Redis');
  } catch (error) {
    logger.warn({ err: error }, 'Redis is not reachable: rate limiting in process and responses not cached until it is');
  }
  return redis;
}

/** The per-client budget: in Redis when REDIS_URL is set (shared by every process), else in process. */
function rateLimiterOf(config: Config, logger: Logger, redis: Redis | undefined): RateLimiter | undefined {
  if (config.RATE_LIMIT === 'off') return undefined;
  const policy = { requests: config.RATE_LIMIT_REQUESTS, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 };
  if (!redis) return new MemoryRateLimiter(policy);
  return new RedisRateLimiter(policy, redis, { logger, keyPrefix: `${config.REDIS_KEY_PREFIX}ratelimit:` });
}

/** Each LA user's budget of provisional uploads: in Redis when there is one (shared by every process), else in process. */
function uploadBudgetOf(config: Config, logger: Logger, redis: Redis | undefined): RateLimiter {
  const policy = { requests: config.PROVISIONAL_UPLOADS_PER_HOUR, windowMs: UPLOAD_BUDGET_DEFAULTS.windowMs };
  if (!redis) return new MemoryRateLimiter(policy);
  return new RedisRateLimiter(policy, redis, { logger, keyPrefix: `${config.REDIS_KEY_PREFIX}uploads:` });
}

/** Migrates and, on first start, imports the default data set, on a connection without the serving statement timeout. */
async function prepareDatabase(config: Config, logger: Logger, metrics: Metrics | undefined, handle: DatabaseHandle): Promise<void> {
  const applied = await migrateToLatest(handle.db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const releases = await handle.db.selectFrom('release').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(releases.n) > 0) return;
  console.error(`First start: importing the official data from ${config.SENDBENCH_DATA_DIR} into ${handle.location} …`);
  try {
    const outcomes = await importPaths(handle.db, [config.SENDBENCH_DATA_DIR], terminalReporter());
    metrics?.observeImport(outcomes);
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    if (rejected.length) console.error(`${rejected.length} file(s) were rejected (see above); the rest is loaded.`);
  } catch (error) {
    metrics?.observeImportFailure();
    throw error;
  }
}

/** One line on how callers are identified, for the start-up message. */
function signInSummary(identity: Identity): string {
  if (identity.mode === 'oidc') return `Sign-in: OpenID Connect with ${identity.issuer} (sessions and bearer tokens).`;
  if (identity.mode === 'local') return 'Sign-in: none (embedded mode). Every caller is the one local user, with the admin role: this is allowed on a loopback address only.';
  return 'Sign-in: none. Every caller is anonymous (published data only); set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET for accounts (docs/sign-in.md).';
}

/** How long idle keep-alive connections stay open after SIGTERM (requests may already be on their way in them). */
export const SHUTDOWN_IDLE_GRACE_MS = 1_000;

/**
 * Graceful stop: /readyz turns 503 and answers carry Connection: close at once; for
 * SHUTDOWN_DRAIN_MS the server still accepts connections (a load balancer has time to stop sending,
 * and connections already queued in the kernel are taken in rather than reset), then the listening
 * socket closes; requests received are answered for up to SHUTDOWN_TIMEOUT_MS, then remaining
 * connections are closed; then Apollo, the rate limiter, the Redis connection and the database (pool, or
 * the embedded database and its lock) are closed.
 */
function onSignals(app: App, close: () => Promise<void>, config: Config, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: app.inFlight(), drainMs: config.SHUTDOWN_DRAIN_MS }, 'shutting down: finishing in-flight requests');
    app.beginShutdown();
    if (config.SHUTDOWN_DRAIN_MS > 0) await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_MS));
    const deadline = setTimeout(() => {
      logger.warn({ inFlight: app.inFlight(), timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'in-flight requests did not finish in time; closing their connections');
      app.server.closeAllConnections();
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    try {
      await app.stop({ idleGraceMs: SHUTDOWN_IDLE_GRACE_MS });
      await close();
      logger.info('stopped');
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exitCode = 1;
    } finally {
      clearTimeout(deadline);
      // Whatever still holds the event loop (a reconnecting client…) must not keep a stopped server alive.
      setTimeout(() => process.exit(), 2_000).unref();
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/**
 * `sendbench serve`: opens the database (embedded by default), applies migrations, imports the
 * default data set the first time (with progress), and serves the API and the dashboard with the
 * production hardening the configuration asks for.
 */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config);
  const started = Date.now();
  const production = isProduction(config);
  const trustedDocuments = trustedDocumentsOf(config, logger);
  // A stray rejection is logged, not allowed to take down a server that is answering everyone else.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  const serving = { statementTimeoutMs: config.STATEMENT_TIMEOUT_MS, poolSize: config.DATABASE_POOL_SIZE, parallelQuery: false };
  let handle: ReadWriteHandle | undefined;
  const metrics = config.METRICS === 'on' ? new Metrics({ poolStats: () => handle?.poolStats?.() }) : undefined;
  if (config.DATABASE_URL) {
    const setup = await connect({ url: config.DATABASE_URL, poolSize: 2 });
    try {
      await prepareDatabase(config, logger, metrics, setup);
    } finally {
      await setup.close();
    }
    handle = await connectReadWrite({ url: config.DATABASE_URL, readUrl: config.DATABASE_READ_URL, readPoolSize: config.DATABASE_READ_POOL_SIZE, ...serving });
  } else {
    // One connection (and one lock) for the embedded database; it has no statement timeout to lift.
    handle = await connectReadWrite({ dir: config.SENDBENCH_DB_DIR });
  }
  let limiter: RateLimiter | undefined;
  let uploadBudget: RateLimiter | undefined;
  let redis: Redis | undefined;
  try {
    if (!config.DATABASE_URL) await prepareDatabase(config, logger, metrics, handle);
    redis = await redisOf(config, logger);
    limiter = rateLimiterOf(config, logger, redis);
    uploadBudget = uploadBudgetOf(config, logger, redis);
    const identity = await createIdentity(config);
    const app = await createApp({
      db: handle.readDb,
      primaryDb: handle.split ? handle.db : undefined,
      pinReadConnection: handle.split,
      logger,
      production,
      responseCache: config.RESPONSE_CACHE === 'on',
      responseCacheStore: redis && config.RESPONSE_CACHE === 'on' ? new RedisKeyValueCache(redis, { keyPrefix: `${config.REDIS_KEY_PREFIX}response:`, logger }) : undefined,
      introspection: config.INTROSPECTION === 'on',
      explorer: config.EXPLORER === 'on',
      corsOrigins: config.CORS_ORIGINS,
      rateLimiter: limiter,
      uploadBudget,
      trustProxyHops: config.TRUST_PROXY_HOPS,
      trustedDocuments,
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      metrics,
      executor: config.GRAPHQL_EXECUTOR,
      identity,
      writeDb: handle.db,
    });
    await new Promise<void>((resolve, reject) => {
      app.server.once('error', reject);
      app.server.listen(config.PORT, config.HOST, () => resolve());
    });
    const { port } = app.server.address() as AddressInfo;
    logger.info(
      {
        port,
        engine: handle.engine,
        database: handle.location,
        readDatabase: handle.readLocation,
        startupMs: Date.now() - started,
        production,
        introspection: config.INTROSPECTION,
        trustedDocuments: trustedDocuments ? config.TRUSTED_DOCUMENTS : 'no manifest',
        rateLimit: limiter ? `${limiter.policy.requests}/${limiter.policy.windowMs / 1000}s${redis ? ' (Redis)' : ''}` : 'off',
        responseCache: config.RESPONSE_CACHE === 'off' ? 'off' : redis ? 'Redis' : 'in process',
        executor: config.GRAPHQL_EXECUTOR,
        signIn: identity.mode === 'oidc' ? identity.issuer : identity.mode,
      },
      'ready',
    );
    console.error(`SENDbench is ready at http://${config.HOST}:${port}/ (GraphQL at /graphql), ${handle.engine} database ${handle.location}, started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.error(signInSummary(identity));
    const openHandle = handle;
    const openLimiter = limiter;
    const openUploadBudget = uploadBudget;
    const openRedis = redis;
    onSignals(
      app,
      async () => {
        await openLimiter?.close();
        await openUploadBudget.close();
        openRedis?.disconnect();
        await openHandle.close();
      },
      config,
      logger,
    );
  } catch (error) {
    await limiter?.close();
    await uploadBudget?.close();
    redis?.disconnect();
    await handle.close();
    throw error;
  }
}
