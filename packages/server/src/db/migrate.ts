import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-metric-period';
import * as m0003 from './migrations/0003-covering-indexes';
import * as m0004 from './migrations/0004-england-set';
import * as m0005 from './migrations/0005-area-period-index';
import * as m0006 from './migrations/0006-neighbour-set';
import * as m0007 from './migrations/0007-forecast-input';
import * as m0008 from './migrations/0008-quality-flag';
import * as m0009 from './migrations/0009-identity';
import * as m0010 from './migrations/0010-provisional';
import * as m0011 from './migrations/0011-saved-sets';
import * as m0012 from './migrations/0012-audit-events';
import * as m0013 from './migrations/0013-session-idle';

/** Static provider: the same code runs from src (jest) and dist (node). Add new migrations here. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-metric-period': m0002,
  '0003-covering-indexes': m0003,
  '0004-england-set': m0004,
  '0005-area-period-index': m0005,
  '0006-neighbour-set': m0006,
  '0007-forecast-input': m0007,
  '0008-quality-flag': m0008,
  '0009-identity': m0009,
  '0010-provisional': m0010,
  '0011-saved-sets': m0011,
  '0012-audit-events': m0012,
  '0013-session-idle': m0013,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;

export class MigrationError extends Error {
  readonly code = 'MIGRATION_FAILED';
}

/** Brings the schema to the latest migration; returns the names applied now. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied (used by readiness checks). */
export async function migrationsCurrent(db: Kysely<any>): Promise<boolean> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
