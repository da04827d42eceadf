import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import type { Db } from '../src/db/database';
import { readAsViewer, writeProvisional } from '../src/db/provisional-access';
import { updateUpload } from '../src/features/provisional/provisional.repository';
import * as repo from '../src/ingest/provisional-upload.repository';
import { appendAuditEvent } from '../src/identity/audit.repository';
import type { Principal } from '../src/identity/principal';
import { ENGINES } from './support/engines';
import { openFreshDatabase } from './support/fresh-database';

/**
 * Row-level security on the provisional tables (migration 0010), straight on the database: reads as
 * the reader role see only what the per-transaction settings allow, whatever the query asks for.
 */

const KENT: Principal = { role: 'la_user', source: 'session', subject: 'kent', laCode: '886' };
const CAMDEN: Principal = { role: 'la_user', source: 'session', subject: 'camden', laCode: '202' };
const ANALYST: Principal = { role: 'dfe_analyst', source: 'session', subject: 'analyst' };
const ADMIN: Principal = { role: 'admin', source: 'session', subject: 'admin' };
const ANONYMOUS: Principal = { role: 'anonymous', source: 'none' };

async function seedUpload(db: Db, laCode: string, shared: boolean): Promise<string> {
  return writeProvisional(db, async (trx) => {
    const version = await repo.supersedeAndNextVersion(trx, laCode, 'dsg_deficit_pct');
    const upload = await repo.insertUpload(trx, { laCode, dataset: 'dsg_deficit_pct', version, uploaderSubject: laCode, sha256: 'a'.repeat(64), fileName: 'x.csv', rowCount: 1 });
    await repo.insertObservations(trx, upload.id, 'dsg_deficit_pct', { measure: ['dsg_deficit_pct_of_total_dsg'], breakdown: [''], area: [laCode], period: [202122], value: [Number(laCode) / 100], status: ['value'] });
    await sql`insert into provisional_metric_value (upload_id, metric_id, period, value, status) values (${upload.id}, 'dsg_deficit_pct', 202122, ${Number(laCode) / 100}, 'value')`.execute(trx);
    if (shared) await updateUpload(trx, upload.id, { shared: true });
    return upload.id;
  });
}

/** What each table shows `principal` when the query asks for everything. */
const everything = (db: Db, principal: Principal) =>
  readAsViewer(db, principal, async (trx) => ({
    uploads: (await sql<{ la_code: string }>`select la_code from provisional_upload order by la_code`.execute(trx)).rows.map((r) => r.la_code),
    observations: (await sql<{ value: number }>`select value from provisional_observation order by value`.execute(trx)).rows.map((r) => r.value),
    values: (await sql<{ value: number }>`select value from provisional_metric_value order by value`.execute(trx)).rows.map((r) => r.value),
  }));

for (const engine of ENGINES) {
  describe(`${engine} row-level security on provisional data`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openFreshDatabase(engine);
      await seedUpload(handle.db, '886', false); // Kent: not shared
      await seedUpload(handle.db, '202', true); // Camden: shared with DfE
    });

    afterAll(async () => {
      await handle?.close();
    });

    test('shows an LA user its own LA only, shared or not', async () => {
      expect(await everything(handle.db, KENT)).toEqual({ uploads: ['886'], observations: [8.86], values: [8.86] });
      expect(await everything(handle.db, CAMDEN)).toEqual({ uploads: ['202'], observations: [2.02], values: [2.02] });
    });

    test('shows DfE analysts and admins shared active uploads only', async () => {
      expect(await everything(handle.db, ANALYST)).toEqual({ uploads: ['202'], observations: [2.02], values: [2.02] });
      expect(await everything(handle.db, ADMIN)).toEqual({ uploads: ['202'], observations: [2.02], values: [2.02] });
    });

    test('shows an anonymous caller, or an LA user bound to no LA, nothing', async () => {
      expect(await everything(handle.db, ANONYMOUS)).toEqual({ uploads: [], observations: [], values: [] });
      expect(await everything(handle.db, { role: 'la_user', source: 'session', subject: 'x' })).toEqual({ uploads: [], observations: [], values: [] });
    });

    test('hides a withdrawn upload from DfE but keeps it for its LA', async () => {
      const id = await seedUpload(handle.db, '201', true);
      expect((await everything(handle.db, ANALYST)).uploads).toEqual(['201', '202']);
      await writeProvisional(handle.db, (trx) => updateUpload(trx, id, { status: 'withdrawn' }));
      expect((await everything(handle.db, ANALYST)).uploads).toEqual(['202']);
      expect((await everything(handle.db, { role: 'la_user', source: 'session', subject: 'c', laCode: '201' })).uploads).toEqual(['201']);
    });

    test('refuses writes as the reader role', async () => {
      const write = readAsViewer(handle.db, KENT, (trx) => sql`update provisional_upload set shared_with_dfe = true`.execute(trx));
      await expect(write).rejects.toThrow(/permission denied/);
    });

    test('shows a non-superuser role with table rights nothing, and lets it write only with the writer setting', async () => {
      const role = `sendbench_test_writer_${engine}_${process.pid}`;
      await sql`create role ${sql.id(role)} nologin`.execute(handle.db);
      try {
        await sql`grant select, insert, update on provisional_upload to ${sql.id(role)}`.execute(handle.db);
        const as = (writer: boolean) =>
          handle.db.transaction().execute(async (trx) => {
            if (writer) await sql`select set_config('sendbench.writer', 'on', true)`.execute(trx);
            await sql`set local role ${sql.id(role)}`.execute(trx);
            const seen = (await sql<{ n: number }>`select count(*)::integer as n from provisional_upload`.execute(trx)).rows[0].n;
            const updated = Number((await sql`update provisional_upload set file_name = file_name`.execute(trx)).numAffectedRows ?? 0);
            return { seen, updated };
          });
        const total = (await sql<{ n: number }>`select count(*)::integer as n from provisional_upload`.execute(handle.db)).rows[0].n;
        expect({ without: await as(false), with: await as(true) }).toEqual({ without: { seen: 0, updated: 0 }, with: { seen: total, updated: total } });
      } finally {
        await sql`revoke all on provisional_upload from ${sql.id(role)}`.execute(handle.db);
        await sql`drop role ${sql.id(role)}`.execute(handle.db);
      }
    });

    test('enables and forces row-level security on every provisional table', async () => {
      const { rows } = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
        select relname, relrowsecurity, relforcerowsecurity from pg_class where relname like 'provisional\\_%' and relkind = 'r' and relname <> 'provisional_state' order by relname
      `.execute(handle.db);
      expect(rows).toEqual([
        { relname: 'provisional_metric_value', relrowsecurity: true, relforcerowsecurity: true },
        { relname: 'provisional_observation', relrowsecurity: true, relforcerowsecurity: true },
        { relname: 'provisional_upload', relrowsecurity: true, relforcerowsecurity: true },
      ]);
    });

    test('accepts the provisional events in the audit log', async () => {
      for (const event of ['provisional-upload', 'provisional-share', 'provisional-withdraw', 'provisional-view'] as const) await appendAuditEvent(handle.db, event, KENT, { test: true });
      const { rows } = await sql<{ event: string }>`select event from audit_event where event like 'provisional-%' order by id`.execute(handle.db);
      expect(rows.map((r) => r.event)).toEqual(['provisional-upload', 'provisional-share', 'provisional-withdraw', 'provisional-view']);
    });
  });
}
