import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import pino from 'pino';
import type { Database, Db } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { connectReadWrite, ReadReplicaConfigError, readOnlySessionUrl, readsOnOneConnection, type ReadWriteHandle, replicationStatus } from '../src/db/read-write';
import { selectDataState } from '../src/features/reference/reference.repository';
import { type App, createApp } from '../src/http/app';
import { copyWithLines, removeCopies, withCell } from './support/file-copies';
import { importLaLookup, importOrThrow } from './support/import-file';
import { OFFICIAL_FILES } from './support/official-data';
import { StreamingReplication, type ThrowawayInstance } from './support/streaming-replica';

const dataVersion = async (db: Db) => (await selectDataState(db)).version;

/**
 * A real streaming replica on this machine: a throwaway primary (initdb) and two replicas made with
 * pg_basebackup -R, each on its own free port. Imports go to the primary through the real import
 * code; the API reads from a replica. Replay is paused on demand to make lag visible.
 */

const DEFICIT = `{ dataVersion comparison(metric: "dsg_deficit_pct", period: 202122, peers: { kind: ENGLAND }) { england { value } } }`;
const RELEASES = `{ dataVersion releases { dataset status } }`;

/** The deficit extract with England's 2021-22 figure (published 2.26) changed to 9.99: a revised release. */
function revisedDeficitFile(englandValue = '9.99'): string {
  return copyWithLines(OFFICIAL_FILES.dsgDeficitPct, (lines) => lines.map((line) => (line.startsWith('202122,Financial year,National,') ? withCell(line, 10, englandValue) : line)), 'dsg_deficit_pct_revised.csv');
}

/** England's 2021-22 deficit as a plain read of the derived table (what a resolver reads). */
async function englandDeficit(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('metric_value')
    .select('value')
    .where('metric_id', '=', 'dsg_deficit_pct')
    .where('period', '=', 202122)
    .where('area_code', '=', 'E92000001')
    .executeTakeFirst();
  return row?.value ?? null;
}

/**
 * A read pool that spreads its connections over two replicas in turn, as a Kubernetes Service in
 * front of several replicas does (CloudNativePG's -ro service).
 */
function balancedReadDb(a: ThrowawayInstance, b: ThrowawayInstance): { db: Db; close(): Promise<void> } {
  const pools = [a, b].map((r) => new Pool({ connectionString: readOnlySessionUrl(r.url('sendbench')), max: 2 }));
  let next = 0;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: () => pools[next++ % 2].connect(), end: async () => undefined } }),
  });
  return {
    db,
    close: async () => {
      await db.destroy();
      await Promise.all(pools.map((p) => p.end()));
    },
  };
}

describe('read/write split without a replica', () => {
  test('reads use the primary when no read URL is set', async () => {
    const handle = await connectReadWrite({ dir: 'memory://' });
    try {
      expect({ same: handle.readDb === handle.db, split: handle.split, readLocation: handle.readLocation }).toEqual({ same: true, split: false, readLocation: 'memory://' });
    } finally {
      await handle.close();
    }
  });

  test('refuses a read URL without a primary URL', async () => {
    await expect(connectReadWrite({ dir: 'memory://', readUrl: 'postgres://postgres@127.0.0.1:5432/x' })).rejects.toBeInstanceOf(ReadReplicaConfigError);
  });
});

describe('streaming replica', () => {
  let cluster: StreamingReplication;
  let replica: ThrowawayInstance;
  let handle: ReadWriteHandle;
  let app: App;

  /** Waits until every replica has replayed all the primary has written so far. */
  async function catchUp(): Promise<void> {
    const lsn = await cluster.primaryLsn();
    for (const r of cluster.replicas) await cluster.waitForReplay(r, lsn);
  }

  beforeAll(async () => {
    cluster = await StreamingReplication.start({ replicas: 2 });
    replica = cluster.replicas[0];
    await cluster.primary.query('create database sendbench');
    handle = await connectReadWrite({ url: cluster.primary.url('sendbench'), readUrl: replica.url('sendbench'), poolSize: 3 });
    await migrateToLatest(handle.db);
    await catchUp();
    app = await createApp({ db: handle.readDb, logger: pino({ level: 'silent' }), production: false, responseCache: true });
  });

  afterAll(async () => {
    await app?.stop();
    await handle?.close();
    await cluster?.destroy();
    removeCopies();
  });

  test('reads go to a standby in read-only sessions and writes to the primary', async () => {
    const [onRead, onWrite] = await Promise.all([
      sql<{ standby: boolean; readOnly: string }>`select pg_is_in_recovery() as standby, current_setting('default_transaction_read_only') as "readOnly"`.execute(handle.readDb),
      sql<{ standby: boolean }>`select pg_is_in_recovery() as standby`.execute(handle.db),
    ]);
    expect({ read: onRead.rows[0], write: onWrite.rows[0], split: handle.split }).toEqual({ read: { standby: true, readOnly: 'on' }, write: { standby: false }, split: true });
  });

  test('shows an import on the primary through the API once the replica has replayed it', async () => {
    await cluster.pauseReplay(replica);
    await importLaLookup(handle.db);
    await importOrThrow(handle.db, OFFICIAL_FILES.dsgDeficitPct);
    const whileLagging = await app.execute({ query: RELEASES });
    const lagging = await replicationStatus(handle);

    await cluster.resumeReplay(replica);
    await cluster.waitForReplay(replica, await cluster.primaryLsn());
    const replayed = await app.execute({ query: RELEASES });
    const deficit = await app.execute({ query: DEFICIT });

    expect({
      whileLagging: { releases: whileLagging.body.data.releases.length, dataVersion: whileLagging.body.data.dataVersion, lagging: lagging.lagBytes! > 0 },
      replayed: { releases: replayed.body.data.releases.map((r: { dataset: string }) => r.dataset).sort(), dataVersion: replayed.body.data.dataVersion },
      england: deficit.body.data.comparison.england.value,
    }).toEqual({
      whileLagging: { releases: 0, dataVersion: '0', lagging: true },
      replayed: { releases: ['dsg_deficit_pct', 'la_lookup'], dataVersion: '2' },
      england: 2.26,
    });
  });

  test('answers from the cache while the replica lags and with the new figures once it has replayed a second import', async () => {
    await app.execute({ query: DEFICIT });
    await cluster.pauseReplay(replica);
    await importOrThrow(handle.db, revisedDeficitFile());
    const whileLagging = await app.execute({ query: DEFICIT });

    await cluster.resumeReplay(replica);
    await cluster.waitForReplay(replica, await cluster.primaryLsn());
    const replayed = await app.execute({ query: DEFICIT });

    expect({
      whileLagging: { ...whileLagging.body.data, statements: whileLagging.sqlStatements },
      replayed: replayed.body.data,
    }).toEqual({
      // One statement: the data version; the answer came from the response cache.
      whileLagging: { dataVersion: '2', comparison: { england: { value: 2.26 } }, statements: 1 },
      replayed: { dataVersion: '3', comparison: { england: { value: 9.99 } } },
    });
  });

  test('reports both sides and next to no lag once the replica has caught up', async () => {
    await catchUp();
    const status = await replicationStatus(handle);
    // Not exactly 0: the primary logs a little WAL of its own (running-transaction snapshots) at any time.
    expect({ ...status, lagBytes: status.lagBytes !== null && status.lagBytes < 64 * 1024 }).toEqual({ split: true, primary: 'ok', replica: 'ok', lagBytes: true });
  });

  test('refuses writes through the read pool', async () => {
    await expect(sql`update data_state set version = version + 1`.execute(handle.readDb)).rejects.toThrow(/read-only transaction/);
  });

  describe('behind a service that balances connections over two replicas', () => {
    let balanced: { db: Db; close(): Promise<void> };
    let lagging: ThrowawayInstance;
    let version: string;

    beforeAll(async () => {
      await catchUp();
      balanced = balancedReadDb(cluster.replicas[0], cluster.replicas[1]);
      lagging = cluster.replicas[1];
      await cluster.pauseReplay(lagging);
      // A third release reaches replica 1 only: England's 2021-22 deficit is 3.33 there, still 9.99 on replica 2.
      await importOrThrow(handle.db, revisedDeficitFile('3.33'));
      await cluster.waitForReplay(cluster.replicas[0], await cluster.primaryLsn());
      version = await dataVersion(handle.db);
    });

    afterAll(async () => {
      await cluster.resumeReplay(lagging);
      await balanced?.close();
    });

    test('statements of one request on separate connections can pair the new version with old figures', async () => {
      const pairs = [];
      for (let i = 0; i < 4; i++) pairs.push({ version: await dataVersion(balanced.db), england: await englandDeficit(balanced.db) });
      expect(pairs).toContainEqual({ version, england: 9.99 });
    });

    test('statements of one request on one connection read figures as new as its version', async () => {
      const pairs = [];
      for (let i = 0; i < 4; i++) {
        pairs.push(await readsOnOneConnection(balanced.db, async (db) => ({ version: await dataVersion(db), england: await englandDeficit(db) })));
      }
      const old = String(Number(version) - 1);
      expect(new Set(pairs.map((p) => JSON.stringify(p)))).toEqual(new Set([JSON.stringify({ version, england: 3.33 }), JSON.stringify({ version: old, england: 9.99 })]));
    });
  });

  describe('while the primary is down', () => {
    beforeAll(async () => {
      await catchUp();
      await cluster.stopPrimary();
    });

    test('answers from the replica and reports the primary unreachable', async () => {
      const [answer, status] = await Promise.all([app.execute({ query: DEFICIT }), replicationStatus(handle, { timeoutMs: 1_000 })]);
      expect({ england: answer.body.data?.comparison.england.value, status }).toEqual({ england: 3.33, status: { split: true, primary: 'unreachable', replica: 'ok', lagBytes: null } });
    });
  });
});
