import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Query limits and their defaults. Every operation the dashboard sends fits under them (a test
 * checks each one's cost); an analyst's ad-hoc query over them gets a specific error code.
 * - depth: the dashboard's deepest operation has depth 5;
 * - aliases: 15 (enough to ask a few metrics side by side);
 * - directives: 10; tokens: 3,000; document: 32 KB (checked by the HTTP layer);
 * - cost: each field costs 1, list fields multiply their children by their maximum size
 *   (authorities: `first`; comparison members: 153; profile metrics: 80; series: 20; …).
 *   The profile page costs about 15,000; the limit is 25,000.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 3000,
  maxCost: 25000,
  maxDocumentBytes: 32 * 1024,
} as const;

/** Error codes of the limits, matched from graphql-armor's messages. */
const LIMIT_CODES: [RegExp, string][] = [
  [/depth limit/i, 'QUERY_TOO_DEEP'],
  [/aliases limit/i, 'TOO_MANY_ALIASES'],
  [/directives limit/i, 'TOO_MANY_DIRECTIVES'],
  [/token limit/i, 'TOO_MANY_TOKENS'],
];

export function limitCodeOf(message: string): string | undefined {
  return LIMIT_CODES.find(([pattern]) => pattern.test(message))?.[1];
}

/** The cost of an operation, as the limit counts it. */
export function operationCost(schema: GraphQLSchema, document: Parameters<typeof getComplexity>[0]['query'], variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Apollo plugins and validation rules enforcing QUERY_LIMITS. */
export function createQueryLimits(schema: GraphQLSchema, options: { hideSuggestions: boolean }): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.hideSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  const cost: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          const value = operationCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          if (value > QUERY_LIMITS.maxCost) {
            throw new GraphQLError(`Query cost ${value} is over the limit of ${QUERY_LIMITS.maxCost}: ask for fewer list fields or smaller pages.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost: value, limit: QUERY_LIMITS.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
  return { plugins: [...plugins, cost], validationRules };
}
