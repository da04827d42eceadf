import { afterAll, describe, expect, test } from '@jest/globals';
import { connect } from '../src/db/connect';
import { migrateToLatest, migrationsCurrent } from '../src/db/migrate';
import { PROVISIONAL_READER } from '../src/db/migrations/0010-provisional';
import { asAdministrator, databaseUrl, dropDatabase, uniqueDatabaseName } from './support/postgres-admin';

/**
 * Migrating as a database user that is neither a superuser nor allowed to create roles, as on a
 * managed PostgreSQL service: migration 0010 cannot grant itself `sendbench_reader` (the role
 * provisional figures are read as), so it stops and says what an administrator must run; once that
 * is done, migrating again completes. PostgreSQL only: PGlite has one user, a superuser, and no
 * roles to grant (its migrations run in every other database test).
 */
describe('postgres migrating as a user without CREATEROLE', () => {
  const user = `sendbench_plain_${process.pid}_${Date.now().toString(36)}`;
  const name = uniqueDatabaseName();

  afterAll(async () => {
    await dropDatabase(name);
    await asAdministrator(`drop role if exists "${user}"`);
  });

  test('stops at 0010 naming the GRANT an administrator must run, and completes once it has run', async () => {
    await asAdministrator(
      `do $$ begin create role ${PROVISIONAL_READER} nologin; exception when duplicate_object or unique_violation then null; end $$`,
      `create role "${user}" login nocreaterole nosuperuser`,
      `create database "${name}" owner "${user}"`,
    );
    const url = new URL(databaseUrl(name));
    url.username = user;
    const handle = await connect({ url: url.toString(), poolSize: 1 });
    try {
      await expect(migrateToLatest(handle.db)).rejects.toThrow(
        `Migration 0010-provisional failed: Provisional data are read as the role sendbench_reader, and the database user ${user} may not grant it to itself (it needs CREATEROLE, or the role granted by an administrator). As an administrator, run: GRANT sendbench_reader TO ${user}; then start again (docs/provisional-data.md).`,
      );
      await asAdministrator(`grant ${PROVISIONAL_READER} to "${user}"`);
      await migrateToLatest(handle.db);
      await expect(migrationsCurrent(handle.db)).resolves.toBe(true);
    } finally {
      await handle.close();
    }
  });
});
