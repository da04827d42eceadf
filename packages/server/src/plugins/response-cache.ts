import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ApiContext } from '../graphql/context';

/** Entries live this long (seconds) at most; the data version in the key retires them sooner. */
const MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * Whole-response cache keyed by operation, variables and the data version. Data changes only at
 * import, and every import bumps the version, so an entry can never be served for data it was not
 * computed from; a request still reads the version (one indexed read) to build its key. Errors are
 * never cached. Entries are kept in `store` (RedisKeyValueCache, shared by every process) or, by
 * default, in Apollo's in-process cache.
 */
export function createResponseCache(store?: KeyValueCache): ApolloServerPlugin<ApiContext>[] {
  return [
    // Every field may be cached; no Cache-Control headers are sent (browsers must not keep old data).
    ApolloServerPluginCacheControl({ defaultMaxAge: MAX_AGE_SECONDS, calculateHttpHeaders: false }),
    responseCachePlugin<ApiContext>({
      cache: store,
      extraCacheKeyData: async ({ contextValue }) => (await contextValue.reference()).stamp,
    }),
  ];
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
