import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  astFromValue,
  type DocumentNode,
  type ExecutionResult,
  getNullableType,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isInputType,
  isListType,
  printSchema,
  typeFromAST,
  valueFromASTUntyped,
  type VariableDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type SchemaListener = Parameters<Gateway['onSchemaLoadOrUpdate']>[0];

/**
 * graphql-jit's errors are its own GraphQLError, whose message cannot be changed (and which has no
 * `nodes`): plugins that rewrite messages (graphql-armor hides "Did you mean" hints) then threw, and
 * every error became INTERNAL_SERVER_ERROR. The same error as graphql-js's class, with jit's locations.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  if (error.locations) (converted as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}

/**
 * The variables with every omitted input-object field that has a default written in (as a client
 * would write it). graphql-jit, which coerces variables again, rejects an omitted non-null field
 * even when it has a default (`diversionToSenSupport: Float! = 0` of the forecast's levers was
 * "not provided", an internal error), where graphql-js uses the default. graphql-js's own coerced
 * values cannot be passed instead: they hold enums' internal values, which jit rejects.
 */
export function withInputFieldDefaults(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>): Record<string, unknown> {
  const fill = (type: GraphQLInputType, value: unknown): unknown => {
    const nullable = getNullableType(type);
    if (value === null || value === undefined) return value;
    if (isListType(nullable)) return Array.isArray(value) ? value.map((v) => fill(nullable.ofType, v)) : fill(nullable.ofType, value);
    if (!isInputObjectType(nullable) || typeof value !== 'object') return value;
    const filled: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const field of Object.values(nullable.getFields())) {
      if (field.name in filled) filled[field.name] = fill(field.type, filled[field.name]);
      else if (field.defaultValue !== undefined) {
        const literal = astFromValue(field.defaultValue, field.type);
        if (literal) filled[field.name] = valueFromASTUntyped(literal);
      }
    }
    return filled;
  };
  const out = { ...variables };
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (type && isInputType(type) && name in out) out[name] = fill(type, out[name]);
  }
  return out;
}

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter: each document (and
 * operation in it) is compiled once into JavaScript that resolves exactly its fields, then reused.
 * The answers are the same; graphql-js's per-field work (resolving each field's definition,
 * arguments, type checks and path bookkeeping at run time) is what a large answer spends most of
 * its time on (a comparison over 153 LAs is ~3,000 fields; over 15,300 areas, ~215,000).
 *
 * Apollo Server 4 and later take a custom executor only through its gateway interface (its
 * migration guide's advice for `executor`): `jitGateway(schema)` is passed as `gateway` instead of
 * `schema`. Parsing, validation (with the query limits), the document cache, plugins, context and
 * error formatting stay Apollo's.
 *
 * Variables are coerced by graphql-js first, so a bad variable gets graphql-js's own error (which
 * Apollo recognises as bad user input: 400, BAD_USER_INPUT), exactly as without the JIT.
 */
export function jitGateway(schema: GraphQLSchema): Gateway {
  let listener: SchemaListener | undefined;
  // Apollo's document store hands out the same DocumentNode for the same text, so compiled queries
  // are kept per document object and go when Apollo drops the document.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

  const compiledFor = (document: DocumentNode, operationName: string | null | undefined): CompiledQuery | ExecutionResult => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let entry = byOperation.get(key);
    if (!entry) byOperation.set(key, (entry = compileQuery(schema, document, operationName ?? undefined)));
    return entry;
  };

  const executor: Executor = async (requestContext) => {
    const { document, request, context, operation } = requestContext;
    // Apollo has resolved the operation; without one (a name not in the document) compiling reports it.
    let variables = request.variables ?? {};
    if (operation) {
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
      if (coerced.errors) return { errors: coerced.errors };
      variables = withInputFieldDefaults(schema, operation.variableDefinitions ?? [], variables);
    }
    const query = compiledFor(document, request.operationName);
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, context, variables);
    return (result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result) as Awaited<ReturnType<Executor>>;
  };

  return {
    // Apollo subscribes before load(), and must have the schema before load() returns.
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = undefined;
      };
    },
    async stop() {},
  };
}
