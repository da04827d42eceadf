import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLSchema, type ParseOptions, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Query limits and their defaults. Every operation the dashboard sends fits under them (a test
 * checks each one's cost); an analyst's ad-hoc query over them gets a specific error code.
 * - depth: the dashboard's deepest operation has depth 5;
 * - aliases: 15 (enough to ask a few metrics side by side);
 * - directives: 10; tokens: 3,000; request body: 32 KB, JSON nested at most 64 deep (checked by the HTTP layer);
 * - cost: each field costs 1, list fields multiply their children by their maximum size
 *   (authorities: `first`; comparison members: 153; profile metrics: 80; series: 20; …).
 *   The profile page costs about 15,000; the limit is 25,000.
 * - nodes: the cost is counted by walking the operation with fragments expanded; an operation that
 *   expands to more than 10,000 fields (fragments spread inside fragments) is refused as too complex
 *   before anything runs;
 * - introspection: graphql-armor leaves `__schema` out of the depth count (the standard
 *   introspection query is 13 levels deep); graphql-js's own MaxIntrospectionDepthRule refuses the
 *   nested `fields { type { fields … } }` queries that blow up when introspection is on.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 3000,
  maxCost: 25000,
  maxNodes: 10_000,
  maxDocumentBytes: 32 * 1024,
  /** Nesting of the request's JSON (variables, extensions): deeper values overflow recursive code downstream. */
  maxJsonDepth: 64,
} as const;

/** Error codes of the limits, matched from graphql-armor's messages. */
const LIMIT_CODES: [RegExp, string][] = [
  [/depth limit/i, 'QUERY_TOO_DEEP'],
  [/aliases limit/i, 'TOO_MANY_ALIASES'],
  [/directives limit/i, 'TOO_MANY_DIRECTIVES'],
  [/token limit|contains more tha[nt] \d+ tokens/i, 'TOO_MANY_TOKENS'],
];

export function limitCodeOf(message: string): string | undefined {
  return LIMIT_CODES.find(([pattern]) => pattern.test(message))?.[1];
}

/** An operation that expands to more fields than QUERY_LIMITS.maxNodes while its cost is counted. */
export class TooManyNodesError extends Error {}

/** The cost of an operation, as the limit counts it. Throws TooManyNodesError past QUERY_LIMITS.maxNodes. */
export function operationCost(schema: GraphQLSchema, document: Parameters<typeof getComplexity>[0]['query'], variables: Record<string, unknown> = {}, operationName?: string): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      maxQueryNodes: QUERY_LIMITS.maxNodes,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) throw new TooManyNodesError(error.message);
    throw error;
  }
}

/** Apollo plugins and validation rules enforcing QUERY_LIMITS. */
export function createQueryLimits(
  schema: GraphQLSchema,
  options: { hideSuggestions: boolean },
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[]; parseOptions: ParseOptions } {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // graphql-armor's Apollo token plugin throws from a hook, which Apollo answers with 500: graphql-js's
    // own parser limit (parseOptions below) fails the parse instead, answered with 400.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.hideSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  const cost: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          let value: number;
          try {
            value = operationCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            // Counting the cost coerces the variables and arguments first: a bad variable, or a null
            // variable given to a non-null argument with a default (`$n: Int` into `first: Int! = 20`,
            // which validation allows), is the client's error, as execution would say.
            if (error instanceof GraphQLError && /^(Variable "\$|Argument ")/.test(error.message)) {
              throw new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            }
            if (!(error instanceof TooManyNodesError)) throw error;
            throw new GraphQLError(`The operation expands to more than ${QUERY_LIMITS.maxNodes} fields (fragments spread inside fragments): ask for less.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', limit: QUERY_LIMITS.maxNodes, http: { status: 400 } },
            });
          }
          if (value > QUERY_LIMITS.maxCost) {
            throw new GraphQLError(`Query cost ${value} is over the limit of ${QUERY_LIMITS.maxCost}: ask for fewer list fields or smaller pages.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost: value, limit: QUERY_LIMITS.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
  return { plugins: [...plugins, cost], validationRules, parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}

/**
 * How deeply a parsed JSON value nests (a scalar is 0, [] is 1, [[1]] is 2), counted without
 * recursion and stopping as soon as `limit` is passed.
 */
export function jsonDepthOver(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
