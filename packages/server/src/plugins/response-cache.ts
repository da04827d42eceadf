import { createHash } from 'node:crypto';
import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RequestStore } from '../request-store';

/** Entries live this long (seconds) at most; the data version in the key retires them sooner. */
const MAX_AGE_SECONDS = 24 * 60 * 60;

/** The in-process store's budget (characters of stored answers): the largest answer, ×100 areas, is ~3.4 MB. */
const IN_PROCESS_MAX_SIZE = 64 * 2 ** 20;

/** Content types a browser sends cross-site without a preflight (as Apollo's CSRF prevention lists them). */
const NON_PREFLIGHTED_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
/** Headers that force a preflight (Apollo's default csrfPrevention.requestHeaders). */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/** One GraphQL request as it reaches Apollo (after CORS, rate limit, size and trusted documents). */
export interface CacheableRequest {
  method: string;
  headers: HeaderMap;
  search: string;
  body: unknown;
}

/**
 * Whether Apollo's CSRF prevention certainly lets the request through: a content type that needs a
 * preflight, or one of its preflight headers. Anything else (including a content type that does not
 * parse) is not answered from the cache but left to Apollo, which decides.
 */
function preflighted(headers: HeaderMap): boolean {
  const contentType = headers.get('content-type');
  if (contentType !== undefined) {
    const essence = contentType.split(';')[0].trim().toLowerCase();
    if (/^[\w.+-]+\/[\w.+-]+$/.test(essence) && !NON_PREFLIGHTED_CONTENT_TYPES.includes(essence)) return true;
  }
  return PREFLIGHT_HEADERS.some((name) => (headers.get(name) ?? '').length > 0);
}

/**
 * The part of a request its answer depends on — the document, operation name, variables and
 * extensions, and the Accept header (Apollo picks the response's content type from it) — or
 * undefined when the request cannot be answered from the cache (not a well-formed JSON POST or GET,
 * or not certainly past CSRF prevention).
 */
function requestIdentity(request: CacheableRequest): unknown[] | undefined {
  if (!preflighted(request.headers)) return undefined;
  const accept = request.headers.get('accept') ?? '';
  if (request.method === 'POST') {
    const body = request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const { query, operationName, variables, extensions } = body as Record<string, unknown>;
    if (typeof query !== 'string') return undefined;
    return ['POST', accept, query, operationName ?? null, variables ?? null, extensions ?? null];
  }
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    const query = params.get('query');
    if (query === null) return undefined;
    return ['GET', accept, query, params.get('operationName'), params.get('variables'), params.get('extensions')];
  }
  return undefined;
}

/**
 * Whether the request's document or variables contain `word` (e.g. `savedSetId`): the answers of
 * such requests depend on more than the data version, and their key must say on what. Any way of
 * giving a field names it in the document or in the variables.
 */
export function requestMentions(request: CacheableRequest, word: string): boolean {
  if (request.method === 'GET') return request.search.includes(word);
  const body = request.body;
  if (!body || typeof body !== 'object') return false;
  const { query, variables } = body as Record<string, unknown>;
  return (typeof query === 'string' && query.includes(word)) || (variables != null && JSON.stringify(variables).includes(word));
}

/**
 * Whole-response cache in front of Apollo, keeping the bytes Apollo wrote: a hit is answered with
 * the stored text, without parsing, validating, executing or serialising anything, so its cost does
 * not grow with the answer (Apollo's response-cache plugin kept `data` and serialised it again on
 * every hit: ~53 ms for the 3.4 MB comparison over 15,300 areas).
 *
 * Keyed by the request (requestIdentity), a fingerprint of the server's settings that change answers
 * (introspection) and the data version's stamp. Data changes only at import and every import bumps
 * the version, so an entry is never served for data it was not computed from; a request still reads
 * the version (one indexed read) to build its key. Only successful queries are stored: no errors,
 * status 200, one complete body. Entries are kept in `store` (RedisKeyValueCache, shared by every
 * process) or, by default, in an in-process LRU of IN_PROCESS_MAX_SIZE.
 */
export class ResponseCache {
  private readonly store: KeyValueCache<string>;

  constructor(
    store?: KeyValueCache<string>,
    /** Settings of this server that change answers (a production server and a development one must not share entries). */
    private readonly fingerprint = '',
  ) {
    this.store = store ?? new InMemoryLRUCache<string>({ maxSize: IN_PROCESS_MAX_SIZE });
  }

  /** The request's key under data version `stamp` for `audience` (the caller, when not anonymous), or undefined when it is not answered from the cache. */
  keyOf(request: CacheableRequest, stamp: string, audience = ''): string | undefined {
    const identity = requestIdentity(request);
    if (!identity) return undefined;
    // `audience` is who the answer is for: '' for anonymous callers (their keys are as before sign-in existed).
    const digest = createHash('sha256').update(JSON.stringify(audience ? [this.fingerprint, ...identity, audience] : [this.fingerprint, ...identity])).digest('base64url');
    return `${stamp}:${digest}`;
  }

  /**
   * The stored answer for `key`, with an Age header (seconds since it was stored), recording its
   * operation's name in the request's store; undefined when there is none.
   */
  async get(key: string, requestStore: RequestStore): Promise<HTTPGraphQLResponse | undefined> {
    const entry = await this.store.get(key);
    if (entry === undefined) return undefined;
    // An entry is "<stored at, ms>\n<content type>\n<operation name>\n<body>".
    const ends: number[] = [];
    for (let at = -1; ends.length < 3; ) {
      at = entry.indexOf('\n', at + 1);
      if (at < 0) return undefined;
      ends.push(at);
    }
    const storedAt = Number(entry.slice(0, ends[0]));
    const operationName = entry.slice(ends[1] + 1, ends[2]);
    if (operationName) requestStore.operationName = operationName;
    requestStore.responseCache = 'hit';
    const headers = new HeaderMap([
      ['content-type', entry.slice(ends[0] + 1, ends[1])],
      ['age', String(Math.max(0, Math.floor((Date.now() - storedAt) / 1000)))],
    ]);
    return { status: 200, headers, body: { kind: 'complete', string: entry.slice(ends[2] + 1) } };
  }

  /** Stores Apollo's answer under `key` if it is a successful query's. Never throws (a cache that fails only misses). */
  async setIfCacheable(key: string, result: HTTPGraphQLResponse, requestStore: RequestStore): Promise<void> {
    requestStore.responseCache = 'miss';
    if ((result.status ?? 200) !== 200 || result.body.kind !== 'complete') return;
    if (requestStore.operationType !== 'query' || requestStore.uncacheable || (requestStore.errorCodes ?? []).length > 0) return;
    const contentType = result.headers.get('content-type');
    if (!contentType) return;
    const entry = `${Date.now()}\n${contentType}\n${requestStore.operationName ?? ''}\n${result.body.string}`;
    await this.store.set(key, entry, { ttl: MAX_AGE_SECONDS }).catch(() => undefined);
  }
}

/**
 * Apollo's KeyValueCache in Redis (`SET key value EX ttl`), under `keyPrefix`. A Redis that fails
 * or does not answer within `timeoutMs` is a cache miss, never a failed request: get answers
 * undefined, set and delete do nothing. One warning per outage, not one per request.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly options: { keyPrefix: string; logger?: Logger; timeoutMs?: number },
  ) {
    // Errors are handled per call; a down Redis must not become an unhandled 'error' event.
    redis.on('error', () => undefined);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.call(() => this.redis.get(this.options.keyPrefix + key))) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = Math.max(1, Math.ceil(options?.ttl ?? MAX_AGE_SECONDS));
    await this.call(() => this.redis.set(this.options.keyPrefix + key, value, 'EX', ttl));
  }

  async delete(key: string): Promise<boolean> {
    return (await this.call(() => this.redis.del(this.options.keyPrefix + key))) === 1;
  }

  private async call<T>(command: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${this.options.timeoutMs ?? 250} ms`)), this.options.timeoutMs ?? 250);
      });
      const result = await Promise.race([command(), timeout]);
      if (this.failing) this.options.logger?.info('response cache: Redis answers again');
      this.failing = false;
      return result;
    } catch (error) {
      if (!this.failing) this.options.logger?.warn({ err: error }, 'response cache: Redis did not answer; responses are computed, not cached, until it does');
      this.failing = true;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
