import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthorityResolver } from '../features/authorities/authority.resolver';
import { ComparisonResolver } from '../features/comparisons/comparison.resolver';
import { DataQualityResolver, MetricValueNotesResolver, TrendNotesResolver } from '../features/data-quality/data-quality.resolver';
import { EvaluationResolver } from '../features/evaluation/evaluation.resolver';
import { ForecastResolver } from '../features/forecast/forecast.resolver';
import { IdentityResolver } from '../features/identity/identity.resolver';
import { MetricResolver } from '../features/metrics/metric.resolver';
import { PeerGroupResolver } from '../features/peer-groups/peer-group.resolver';
import { ProfileResolver } from '../features/profiles/profile.resolver';
import { ComparisonProvisionalResolver, ProfileProvisionalResolver, ProvisionalResolver, TrendProvisionalResolver } from '../features/provisional/provisional.resolver';
import { RelationshipResolver } from '../features/relationships/relationship.resolver';
import { SavedSetResolver } from '../features/saved-sets/saved-set.resolver';
import { ReleaseResolver } from '../features/releases/release.resolver';
import { TrendResolver } from '../features/trends/trend.resolver';

export const RESOLVERS = [
  AuthorityResolver,
  MetricResolver,
  PeerGroupResolver,
  ComparisonResolver,
  TrendResolver,
  RelationshipResolver,
  ProfileResolver,
  ReleaseResolver,
  EvaluationResolver,
  ForecastResolver,
  DataQualityResolver,
  MetricValueNotesResolver,
  TrendNotesResolver,
  IdentityResolver,
  SavedSetResolver,
  ProvisionalResolver,
  ComparisonProvisionalResolver,
  ProfileProvisionalResolver,
  TrendProvisionalResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/**
 * The API schema (built once per process from the type-graphql resolvers). Every object type is
 * declared with `simpleResolvers: true`: there are no middlewares or auth checks, so a plain field
 * is read by graphql-js's default resolver instead of a type-graphql wrapper (a profile has ~7,000
 * fields). A type that needs middleware must drop the flag.
 */
export function buildApiSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, validate: { forbidUnknownValues: false }, emitSchemaFile: false });
  return built;
}

/** The SDL as committed in packages/schema/schema.graphql: sorted, so diffs are meaningful. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
