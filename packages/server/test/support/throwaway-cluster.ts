import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The PostgreSQL binaries: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinaries(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  if (versions.length === 0) throw new Error('initdb not found: install PostgreSQL server binaries or set PG_BIN to their folder');
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/** A TCP port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dir: string;
  start(): Promise<void>;
  /** Fast shutdown: connections are terminated, as in a restart. */
  stop(): Promise<void>;
  /** Stops the server if it runs and deletes the cluster's directory. */
  remove(): Promise<void>;
}

/**
 * A PostgreSQL cluster of its own for a destructive test: initdb in a temporary directory, on a free
 * local port, trust authentication, fsync off. When the test runs as root, initdb and the server
 * run as the `postgres` user (initdb refuses root). `remove()` stops it and deletes everything.
 *
 * @example
 * const cluster = await createThrowawayCluster();
 * try { … await cluster.stop(); … await cluster.start(); } finally { await cluster.remove(); }
 */
export async function createThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = postgresBinaries();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-pg-'));
  const dir = path.join(base, 'data');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? (await run('id', ['-u', 'postgres'])).stdout.trim() : undefined;
  if (owner) {
    const gid = (await run('id', ['-g', 'postgres'])).stdout.trim();
    fs.chownSync(base, Number(owner), Number(gid));
  }
  const as = (command: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]) : run(path.join(bin, command), args));
  const port = await freePort();
  await as('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let running = false;
  const cluster: ThrowawayCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async start() {
      await as('pg_ctl', ['-D', dir, '-o', options, '-l', path.join(base, 'server.log'), '-w', '-t', '30', 'start']);
      running = true;
    },
    async stop() {
      await as('pg_ctl', ['-D', dir, '-m', 'fast', '-w', '-t', '30', 'stop']);
      running = false;
    },
    async remove() {
      try {
        if (running) await as('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', '-t', '30', 'stop']);
      } finally {
        fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    fs.rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}
