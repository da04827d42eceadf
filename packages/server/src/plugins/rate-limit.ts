import type http from 'node:http';
import { isIP } from 'node:net';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Per-client budget on /graphql: 600 requests a minute (10 a second sustained), all of which may
 * come at once. A dashboard view is one request; the budget is generous because many users of one
 * organisation can share an address behind its proxy.
 */
export const RATE_LIMIT_DEFAULTS = {
  requests: 600,
  windowMs: 60_000,
  /** Redis keys are `<prefix><client>`. */
  keyPrefix: 'sendbench:ratelimit:',
  /** A Redis call slower than this counts as failed (the in-process budget is used instead). */
  redisTimeoutMs: 250,
  /** The in-process limiter forgets clients whose budget is full again; it never holds more than this many. */
  maxTrackedClients: 100_000,
} as const;

export interface RateLimitPolicy {
  /** Requests allowed per window; that many may arrive at once, then one per window/requests. */
  requests: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests that could still be made at once. */
  remaining: number;
  /** Milliseconds until the next request would be allowed (0 when allowed). */
  retryAfterMs: number;
  /** Milliseconds until the whole budget is back. */
  resetMs: number;
}

export interface RateLimiter {
  readonly policy: RateLimitPolicy;
  /** Takes one request from `client`'s budget. */
  consume(client: string): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

/**
 * One step of the generic cell rate algorithm (GCRA): `tat` is the client's theoretical arrival
 * time. Each request moves it on by window/requests; a request is refused when that would put it
 * more than a window ahead of now. Same arithmetic in process and in Redis (Lua below).
 */
export function gcra(policy: RateLimitPolicy, tat: number | undefined, now: number): { decision: RateLimitDecision; tat?: number } {
  const interval = policy.windowMs / policy.requests;
  const start = Math.max(tat ?? now, now);
  const next = start + interval;
  const allowAt = next - policy.windowMs;
  if (now < allowAt) {
    return { decision: { allowed: false, limit: policy.requests, remaining: 0, retryAfterMs: allowAt - now, resetMs: start - now } };
  }
  const remaining = Math.floor((policy.windowMs - (next - now)) / interval + 1e-9);
  return { decision: { allowed: true, limit: policy.requests, remaining, retryAfterMs: 0, resetMs: next - now }, tat: next };
}

/** The budget of each client in this process's memory. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly tats = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly policy: RateLimitPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.max(1_000, policy.windowMs));
    this.sweeper.unref();
  }

  async consume(client: string): Promise<RateLimitDecision> {
    return this.consumeNow(client);
  }

  consumeNow(client: string): RateLimitDecision {
    const now = this.now();
    const { decision, tat } = gcra(this.policy, this.tats.get(client), now);
    if (tat !== undefined) {
      this.tats.delete(client); // re-insert: the map stays in order of last use
      this.tats.set(client, tat);
      if (this.tats.size > RATE_LIMIT_DEFAULTS.maxTrackedClients) this.sweep();
    }
    return decision;
  }

  /** Clients tracked now (for tests). */
  get size(): number {
    return this.tats.size;
  }

  /** Forgets clients whose budget is full again; if still over the cap, the least recently seen. */
  sweep(): void {
    const now = this.now();
    for (const [client, tat] of this.tats) if (tat <= now) this.tats.delete(client);
    for (const client of this.tats.keys()) {
      if (this.tats.size <= RATE_LIMIT_DEFAULTS.maxTrackedClients) break;
      this.tats.delete(client);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}

/** GCRA in Redis, on Redis's clock, so every process sharing the key shares one budget. */
const GCRA_LUA = `
local interval = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local nextTat = tat + interval
local allowAt = nextTat - window
if now < allowAt then
  return {0, tostring(allowAt - now), tostring(tat - now)}
end
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now))
return {1, '0', tostring(nextTat - now)}
`;

type GcraRedis = Redis & { sendbenchGcra(key: string, interval: number, window: number): Promise<[number, string, string]> };

/**
 * The budget kept in Redis (REDIS_URL), shared by every process using the same key prefix. When
 * Redis does not answer within RATE_LIMIT_DEFAULTS.redisTimeoutMs, the request is counted against
 * an in-process budget instead (logged at most once a minute): a Redis outage neither stops the
 * API nor lifts the limit.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly fallback: MemoryRateLimiter;
  private lastWarning = 0;

  constructor(
    readonly policy: RateLimitPolicy,
    private readonly redis: Redis,
    private readonly options: { keyPrefix?: string; logger?: Logger } = {},
  ) {
    this.fallback = new MemoryRateLimiter(policy);
    redis.defineCommand('sendbenchGcra', { numberOfKeys: 1, lua: GCRA_LUA });
    // Errors are handled per call; a down Redis must not become an unhandled 'error' event.
    redis.on('error', () => undefined);
  }

  async consume(client: string): Promise<RateLimitDecision> {
    const interval = this.policy.windowMs / this.policy.requests;
    try {
      const [allowed, retryAfter, reset] = await withTimeout(
        (this.redis as GcraRedis).sendbenchGcra(`${this.options.keyPrefix ?? RATE_LIMIT_DEFAULTS.keyPrefix}${client}`, interval, this.policy.windowMs),
        RATE_LIMIT_DEFAULTS.redisTimeoutMs,
      );
      const resetMs = Number(reset);
      return {
        allowed: allowed === 1,
        limit: this.policy.requests,
        remaining: allowed === 1 ? Math.floor((this.policy.windowMs - resetMs) / interval + 1e-9) : 0,
        retryAfterMs: Number(retryAfter),
        resetMs,
      };
    } catch (error) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.options.logger?.warn({ err: error }, 'rate limit: Redis did not answer; counting in process until it does');
      }
      return this.fallback.consumeNow(client);
    }
  }

  async close(): Promise<void> {
    await this.fallback.close();
    this.redis.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** An IPv6 address's /64 network (a client can rotate addresses within its /64 at will). */
function ipv6Network(address: string): string {
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * The client a request counts against: the socket's address, or with `trustedProxyHops` proxies in
 * front, the address the outermost trusted proxy saw (that many entries from the right of
 * X-Forwarded-For). IPv4-mapped addresses are plain IPv4; IPv6 clients count per /64.
 */
export function clientAddress(req: http.IncomingMessage, trustedProxyHops: number): string {
  let address = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxyHops > 0) {
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((h) => h.trim()).filter(Boolean);
    const candidate = hops[Math.max(0, hops.length - trustedProxyHops)];
    if (candidate && isIP(candidate)) address = candidate;
  }
  if (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) === 6 ? ipv6Network(address) : address;
}

/** The 429 answer, with Retry-After in whole seconds (at least 1). */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(Math.ceil(decision.resetMs / 1000)),
  };
  if (!decision.allowed) headers['retry-after'] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  return headers;
}
