import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { ApiContext } from '../graphql/context';

/**
 * Whole-response cache keyed by operation, variables and the data version. Data changes only at
 * import, and every import bumps the version, so an entry can never be served for data it was not
 * computed from; a request still reads the version (one indexed read) to build its key. Errors are
 * never cached. Storage is Apollo's cache (in process by default).
 */
export function createResponseCache(): ApolloServerPlugin<ApiContext>[] {
  return [
    // Every field may be cached; no Cache-Control headers are sent (browsers must not keep old data).
    ApolloServerPluginCacheControl({ defaultMaxAge: 24 * 60 * 60, calculateHttpHeaders: false }),
    responseCachePlugin<ApiContext>({
      extraCacheKeyData: async ({ contextValue }) => (await contextValue.reference()).version,
    }),
  ];
}
