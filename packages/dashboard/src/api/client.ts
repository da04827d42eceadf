import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * The one GraphQL client: same origin as the page, POST with JSON (the server's CSRF prevention
 * blocks simple GET requests), and urql's document cache so going back to a view is instant.
 */
export function createApiClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    requestPolicy: 'cache-first',
  });
}
