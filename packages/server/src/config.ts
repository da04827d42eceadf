import path from 'node:path';
import { z } from 'zod';
import { REQUEST_DEADLINE_DEFAULTS } from './http/request-deadline';
import { UPLOAD_BUDGET_DEFAULTS } from './http/upload-budget';
import { RATE_LIMIT_DEFAULTS } from './plugins/rate-limit';

/** The repository root: packages/server/{src,dist}/config.* → three levels up. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where the dashboard's build writes the manifest of its operations (see plugins/trusted-documents.ts). */
export const DEFAULT_TRUSTED_DOCUMENTS_FILE = path.join(PROJECT_ROOT, 'packages', 'dashboard', 'dist', 'trusted-documents.json');

const positiveInt = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .positive(`${name} must be positive`)
    .default(fallback);

const nonNegativeInt = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be 0 or more`)
    .default(fallback);

const onOff = (name: string) => z.enum(['on', 'off'], { error: `${name} must be on or off` });

/** An origin as browsers send it: scheme, host and optional port, nothing else. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Whether `host` names this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

const ROLE_NAMES = ['la_user', 'dfe_analyst', 'admin'] as const;

/** OIDC_ROLES: `claim-value=role` pairs, comma-separated, e.g. `SENDbench.Admin=admin,SENDbench.Analyst=dfe_analyst`. */
const roleMapping = z
  .string()
  .default('sendbench-admin=admin,sendbench-dfe-analyst=dfe_analyst,sendbench-la-user=la_user')
  .transform((text, ctx) => {
    const roles: Record<string, (typeof ROLE_NAMES)[number]> = {};
    for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [value, role, extra] = pair.split('=').map((p) => p.trim());
      if (!value || extra !== undefined || !(ROLE_NAMES as readonly string[]).includes(role)) {
        ctx.addIssue({ code: 'custom', message: `OIDC_ROLES must be comma-separated claim-value=role pairs with role one of ${ROLE_NAMES.join(', ')} (bad pair: ${JSON.stringify(pair)})` });
        return z.NEVER;
      }
      roles[value] = role as (typeof ROLE_NAMES)[number];
    }
    return roles;
  });

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_SIZE: positiveInt('DATABASE_POOL_SIZE', 10),
    SENDBENCH_DB_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, '.sendbench', 'db')),
    SENDBENCH_DATA_DIR: z.string().min(1).default(path.resolve(PROJECT_ROOT, '..', 'shared', 'data')),
    RESPONSE_CACHE: onOff('RESPONSE_CACHE').default('on'),
    /** graphql-jit compiles each operation once (default); graphql-js interprets it (the reference, for comparison). */
    GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js'], { error: 'GRAPHQL_EXECUTOR must be jit or graphql-js' }).default('jit'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    /** Schema introspection; off by default in production (the dashboard's Data page documents the schema). */
    INTROSPECTION: onOff('INTROSPECTION').optional(),
    /** Apollo's explorer on GET /graphql; follows INTROSPECTION unless set. */
    EXPLORER: onOff('EXPLORER').optional(),
    /** Comma-separated origins allowed to call /graphql from a browser, or * for any; empty: same origin only. */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean))
      .refine((origins) => origins.every((o) => o === '*' || isOrigin(o)), 'CORS_ORIGINS must be a comma-separated list of origins such as https://example.org (no path or trailing slash), or *'),
    /** Requests per client per window on /graphql; RATE_LIMIT=off disables the limit. */
    RATE_LIMIT: onOff('RATE_LIMIT').default('on'),
    RATE_LIMIT_REQUESTS: positiveInt('RATE_LIMIT_REQUESTS', RATE_LIMIT_DEFAULTS.requests),
    RATE_LIMIT_WINDOW_SECONDS: positiveInt('RATE_LIMIT_WINDOW_SECONDS', RATE_LIMIT_DEFAULTS.windowMs / 1000),
    /** Provisional uploads each LA user may make per hour (both ways in). */
    PROVISIONAL_UPLOADS_PER_HOUR: positiveInt('PROVISIONAL_UPLOADS_PER_HOUR', UPLOAD_BUDGET_DEFAULTS.requests),
    /** Shares the rate-limit budget between processes. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
      .optional(),
    /** Prefix of every Redis key this server writes (several deployments may share one Redis). */
    REDIS_KEY_PREFIX: z.string().min(1).max(100).default('sendbench:'),
    /** Proxies in front of the server whose X-Forwarded-For entries are trusted (0: use the socket address). */
    TRUST_PROXY_HOPS: nonNegativeInt('TRUST_PROXY_HOPS', 0),
    /** Deadline for one GraphQL request, from its arrival to its answer. */
    REQUEST_TIMEOUT_MS: positiveInt('REQUEST_TIMEOUT_MS', REQUEST_DEADLINE_DEFAULTS.timeoutMs),
    /** PostgreSQL statement_timeout for serving (imports run without it). */
    STATEMENT_TIMEOUT_MS: positiveInt('STATEMENT_TIMEOUT_MS', 5_000),
    /** How long SIGTERM waits for in-flight requests before closing their connections. */
    SHUTDOWN_TIMEOUT_MS: positiveInt('SHUTDOWN_TIMEOUT_MS', 10_000),
    /**
     * After SIGTERM, how long the server keeps accepting connections (answering with Connection: close,
     * /readyz false) before it closes its socket, so that a load balancer stops sending first and
     * connections already queued are taken in. Default 5 s in production, 0 otherwise.
     */
    SHUTDOWN_DRAIN_MS: z.coerce
      .number({ error: 'SHUTDOWN_DRAIN_MS must be a whole number' })
      .int('SHUTDOWN_DRAIN_MS must be a whole number')
      .min(0, 'SHUTDOWN_DRAIN_MS must be 0 or more')
      .optional(),
    /** Accept only the operations listed in TRUSTED_DOCUMENTS_FILE. */
    TRUSTED_DOCUMENTS: onOff('TRUSTED_DOCUMENTS').default('off'),
    TRUSTED_DOCUMENTS_FILE: z.string().min(1).default(DEFAULT_TRUSTED_DOCUMENTS_FILE),
    /** Prometheus metrics on /metrics. */
    METRICS: onOff('METRICS').default('on'),
    /** A streaming replica (or a read-only service in front of several) for GraphQL reads; imports and migrations use DATABASE_URL. */
    DATABASE_READ_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_READ_URL must start with postgres:// or postgresql://').optional(),
    DATABASE_READ_POOL_SIZE: positiveInt('DATABASE_READ_POOL_SIZE', 10),

    /** The OpenID Connect issuer (its discovery document is at ISSUER/.well-known/openid-configuration); unset: embedded mode, no sign-in. */
    OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'OIDC_ISSUER must be an http(s) URL such as https://login.microsoftonline.com/<tenant>/v2.0' }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The audience bearer tokens for this API must carry (default OIDC_CLIENT_ID). */
    OIDC_AUDIENCE: z.string().min(1).optional(),
    /** Scopes asked for at sign-in. */
    OIDC_SCOPES: z.string().min(1).default('openid profile email'),
    /** The claim holding role names, and the one holding an LA user's 3-digit LA code. */
    OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
    OIDC_LA_CLAIM: z.string().min(1).default('la_code'),
    OIDC_ROLES: roleMapping,
    /** The address browsers use for this service (sign-in's redirect URI is PUBLIC_URL/auth/callback); default http://HOST:PORT. */
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL such as https://sendbench.example.gov.uk' }).optional(),
    /** Signed-in sessions last this long. */
    SESSION_TTL_SECONDS: positiveInt('SESSION_TTL_SECONDS', 8 * 60 * 60),
    /** A signed-in session not used for this long has ended (at most SESSION_TTL_SECONDS). */
    SESSION_IDLE_SECONDS: positiveInt('SESSION_IDLE_SECONDS', 30 * 60),
    /** Embedded mode's one local user (admin, no sign-in): default on when HOST is loopback and no OIDC_ISSUER is set. */
    LOCAL_USER: onOff('LOCAL_USER').optional(),
  })
  .refine((c) => c.SESSION_IDLE_SECONDS <= c.SESSION_TTL_SECONDS, {
    path: ['SESSION_IDLE_SECONDS'],
    message: 'SESSION_IDLE_SECONDS must not be longer than SESSION_TTL_SECONDS (a session ends at whichever comes first)',
  })
  .refine((c) => !c.DATABASE_READ_URL || c.DATABASE_URL, { path: ['DATABASE_READ_URL'], message: 'DATABASE_READ_URL needs DATABASE_URL (the primary, for imports and migrations)' })
  .refine((c) => !c.OIDC_ISSUER || (c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET), { path: ['OIDC_ISSUER'], message: 'OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (the client registered with the issuer)' })
  .refine((c) => c.OIDC_ISSUER || (!c.OIDC_CLIENT_ID && !c.OIDC_CLIENT_SECRET), { path: ['OIDC_CLIENT_ID'], message: 'OIDC_CLIENT_ID and OIDC_CLIENT_SECRET need OIDC_ISSUER' })
  .refine((c) => !c.PUBLIC_URL || c.PUBLIC_URL.startsWith('https:') || isLoopbackHost(new URL(c.PUBLIC_URL).hostname), {
    path: ['PUBLIC_URL'],
    message: 'PUBLIC_URL must use https outside localhost (session cookies are Secure there)',
  })
  .refine((c) => !c.OIDC_ISSUER || c.PUBLIC_URL || isLoopbackHost(c.HOST), {
    path: ['PUBLIC_URL'],
    message: 'PUBLIC_URL is needed with OIDC_ISSUER on a non-loopback HOST: it is the address browsers use, and sign-in returns to PUBLIC_URL/auth/callback',
  })
  .refine((c) => c.OIDC_ISSUER || c.LOCAL_USER !== 'on' || isLoopbackHost(c.HOST), {
    path: ['LOCAL_USER'],
    message:
      'LOCAL_USER=on makes every caller the admin; without sign-in it is allowed only on a loopback HOST (127.0.0.1, ::1, localhost). Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (docs/sign-in.md), or listen on 127.0.0.1',
  })
  .transform((c) => {
    const production = c.NODE_ENV === 'production';
    const introspection = c.INTROSPECTION ?? (production ? 'off' : 'on');
    const localUser = c.LOCAL_USER ?? (!c.OIDC_ISSUER && isLoopbackHost(c.HOST) ? 'on' : 'off');
    return {
      ...c,
      INTROSPECTION: introspection,
      EXPLORER: c.EXPLORER ?? introspection,
      SHUTDOWN_DRAIN_MS: c.SHUTDOWN_DRAIN_MS ?? (production ? 5_000 : 0),
      OIDC_AUDIENCE: c.OIDC_AUDIENCE ?? c.OIDC_CLIENT_ID,
      LOCAL_USER: c.OIDC_ISSUER ? ('off' as const) : localUser,
    };
  });

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

export class ConfigError extends Error {
  readonly code = 'BAD_CONFIGURATION';
}

/**
 * Reads and validates configuration once. A bad value stops start-up with a message that names
 * the variable, e.g. `PORT: Too big: expected number to be <=65535 (got "70000")`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `${name}: ${issue.message} (got ${JSON.stringify(env[name])})`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return Object.freeze(parsed.data);
}

/** True when the configuration asks for production behaviour. */
export function isProduction(config: Pick<Config, 'NODE_ENV'>): boolean {
  return config.NODE_ENV === 'production';
}
