import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/context';
import { Release } from './release.type';

@Resolver(() => Release)
export class ReleaseResolver {
  @Query(() => [Release], { description: 'What has been imported, from which file (name, SHA-256, rows, time), newest first: any figure can be traced to its source.', complexity: ({ childComplexity }) => 50 * childComplexity })
  async releases(@Ctx() ctx: ApiContext): Promise<Release[]> {
    const rows = await ctx.db.selectFrom('release').selectAll().orderBy('id', 'desc').execute();
    return rows.map((r) => ({
      id: r.id,
      dataset: r.dataset,
      publication: r.publication,
      fileName: r.file_name,
      sha256: r.sha256,
      edition: r.edition,
      rowsRead: r.rows_read,
      rowsLoaded: r.rows_loaded,
      observations: r.observations,
      warnings: r.warnings,
      importedAt: new Date(r.imported_at).toISOString(),
      durationMs: r.duration_ms,
      status: r.status,
      supersededBy: r.superseded_by,
    }));
  }

  @Query(() => String, { description: 'The data version: changes with every import (useful as a cache key).' })
  async dataVersion(@Ctx() ctx: ApiContext): Promise<string> {
    return (await ctx.reference()).version;
  }
}
