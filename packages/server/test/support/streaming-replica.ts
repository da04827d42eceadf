import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFile = promisify(execFileCallback);

/** PostgreSQL's programs: PG_BIN, else the newest /usr/lib/postgresql/<n>/bin (Debian's layout). */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error(`no PostgreSQL binaries under ${root}: install postgresql or set PG_BIN`);
  return path.join(root, versions[0], 'bin');
}

/** A free TCP port on 127.0.0.1 (free when asked; the cluster binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, run its programs as the `postgres` OS user. */
const asRoot = process.getuid?.() === 0;

function ownerIds(): { uid: number; gid: number } | undefined {
  if (!asRoot) return undefined;
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

async function run(program: string, args: string[]): Promise<string> {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  try {
    const { stdout, stderr } = await execFile(command, argv, { timeout: 60_000 });
    return stdout + stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${path.basename(program)} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

export interface ThrowawayInstance {
  role: 'primary' | 'replica';
  port: number;
  dataDir: string;
  /** postgres://postgres@127.0.0.1:<port>/<database> (trust authentication). */
  url(database?: string): string;
  /** Runs one statement on a short-lived connection and returns its rows. */
  query<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
}

/**
 * A throwaway primary (initdb on a free port, wal_level=replica) and streaming replicas made with
 * `pg_basebackup -R` on other free ports, in a temporary directory owned by the postgres OS user.
 * Never touches the shared server. `destroy()` stops every instance and removes the directory.
 *
 * @example
 * const cluster = await StreamingReplication.start({ replicas: 1 });
 * try { … cluster.primary.url() … cluster.replicas[0].url() … } finally { await cluster.destroy(); }
 */
export class StreamingReplication {
  private constructor(
    readonly root: string,
    readonly primary: ThrowawayInstance,
    readonly replicas: ThrowawayInstance[],
    private readonly started: ThrowawayInstance[],
  ) {}

  static async start(options: { replicas: number }): Promise<StreamingReplication> {
    const bin = postgresBin();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-replication-'));
    const owner = ownerIds();
    if (owner) fs.chownSync(root, owner.uid, owner.gid);
    const started: ThrowawayInstance[] = [];
    const cluster = new StreamingReplication(root, undefined as unknown as ThrowawayInstance, [], started);
    try {
      const primaryDir = path.join(root, 'primary');
      await run(path.join(bin, 'initdb'), ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
      const primary = instance('primary', await freePort(), primaryDir);
      fs.appendFileSync(
        path.join(primaryDir, 'postgresql.conf'),
        [
          '',
          '# throwaway primary for the streaming-replica test',
          `port = ${primary.port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${root}'`,
          'wal_level = replica',
          'max_wal_senders = 10',
          'hot_standby = on',
          // Durability is not the point of a throwaway cluster: skip the fsyncs.
          'fsync = off',
          'shared_buffers = 32MB',
          'max_connections = 60',
          '',
        ].join('\n'),
      );
      await startInstance(bin, root, primary, started);
      (cluster as { primary: ThrowawayInstance }).primary = primary;

      for (let i = 1; i <= options.replicas; i++) {
        const dataDir = path.join(root, `replica${i}`);
        await run(path.join(bin, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
        const replica = instance('replica', await freePort(), dataDir);
        // The copied postgresql.conf names the primary's port; a later line wins.
        fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), `\n# replica ${i}\nport = ${replica.port}\n`);
        await startInstance(bin, root, replica, started);
        cluster.replicas.push(replica);
      }
      return cluster;
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
  }

  /** The end of the WAL the primary has inserted so far (call after a write): every commit made is before it. */
  async primaryLsn(): Promise<string> {
    const [row] = await this.primary.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
    return row.lsn;
  }

  /** Waits until `replica` has replayed the WAL up to `lsn`; returns how long that took (ms). */
  async waitForReplay(replica: ThrowawayInstance, lsn: string, timeoutMs = 15_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      const [row] = await replica.query<{ caught_up: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as caught_up', [lsn]);
      if (row.caught_up) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`replica on port ${replica.port} did not replay up to ${lsn} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops applying WAL on `replica` (it keeps receiving it): lag on demand. */
  async pauseReplay(replica: ThrowawayInstance): Promise<void> {
    await replica.query('select pg_wal_replay_pause()');
    for (let i = 0; i < 500; i++) {
      const [row] = await replica.query<{ state: string }>('select pg_get_wal_replay_pause_state() as state');
      if (row.state === 'paused') return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`replica on port ${replica.port} did not pause`);
  }

  async resumeReplay(replica: ThrowawayInstance): Promise<void> {
    await replica.query('select pg_wal_replay_resume()');
  }

  /** Stops the primary (fast shutdown: its connections are closed), as in an outage; the replicas stay up. */
  async stopPrimary(): Promise<void> {
    await run(path.join(postgresBin(), 'pg_ctl'), ['-D', this.primary.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  /** Stops every instance (immediate: nothing here is worth a checkpoint) and removes the directory. */
  async destroy(): Promise<void> {
    const bin = postgresBin();
    for (const instance of this.started.splice(0).reverse()) {
      await run(path.join(bin, 'pg_ctl'), ['-D', instance.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

function instance(role: ThrowawayInstance['role'], port: number, dataDir: string): ThrowawayInstance {
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    role,
    port,
    dataDir,
    url,
    async query<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]> {
      const client = new Client({ connectionString: url(), connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        return (await client.query<T>(text, values)).rows;
      } finally {
        await client.end();
      }
    },
  };
}

async function startInstance(bin: string, root: string, target: ThrowawayInstance, started: ThrowawayInstance[]): Promise<void> {
  const log = path.join(root, `${path.basename(target.dataDir)}.log`);
  // Recorded first: a start that times out may still leave a postmaster for destroy() to stop.
  started.push(target);
  try {
    await run(path.join(bin, 'pg_ctl'), ['-D', target.dataDir, '-l', log, '-w', '-t', '30', 'start']);
  } catch (error) {
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
    throw new Error(`${(error as Error).message}\n--- ${log} ---\n${tail}`);
  }
}
