/**
 * Starts the real SENDbench server for the end-to-end run: on a free port, against an already
 * imported PostgreSQL database (E2E_DATABASE_URL) or, failing that, a fresh embedded PGlite
 * database in a temporary directory (the server imports the official files on first start,
 * about 25 seconds). It serves the built dashboard (run `npm run build` first) and /graphql.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(baseUrl, child, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it was ready.`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server was not ready after ${timeoutMs / 1000} s.`);
}

/**
 * Starts the server; returns its base URL, how long it took to be ready and a stop function.
 * `databaseUrl` (default E2E_DATABASE_URL) selects PostgreSQL, else a fresh PGlite directory;
 * `env` overrides settings; `port` is where to listen (default: a free one). The rate limit is off (one browser makes every request) and there is
 * no shutdown drain (nothing balances load in front of it).
 */
export async function startServer(repoRoot, log = console.log, { databaseUrl = process.env.E2E_DATABASE_URL, env: overrides = {}, port: chosenPort } = {}) {
  const cli = path.join(repoRoot, 'packages', 'server', 'dist', 'cli.js');
  const dashboard = path.join(repoRoot, 'packages', 'dashboard', 'dist', 'index.html');
  if (!fs.existsSync(cli) || !fs.existsSync(dashboard)) throw new Error('The server or dashboard is not built: run `npm run build` first.');
  const port = chosenPort ?? (await freePort());
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn', RATE_LIMIT: 'off', SHUTDOWN_DRAIN_MS: '0', ...overrides };
  let tempDir;
  if (databaseUrl) {
    env.DATABASE_URL = databaseUrl;
    log(`Starting the server on port ${port} against ${databaseUrl}`);
  } else {
    delete env.DATABASE_URL;
    delete env.DATABASE_READ_URL;
    // E2E_DB_DIR: an embedded database kept between runs (CI's two browser stages share one import).
    const kept = process.env.E2E_DB_DIR;
    if (kept) fs.mkdirSync(kept, { recursive: true });
    else tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-e2e-db-'));
    env.SENDBENCH_DB_DIR = kept ?? tempDir;
    log(`Starting the server on port ${port} with ${kept ? 'the' : 'a fresh'} PGlite database in ${env.SENDBENCH_DB_DIR} (a first start imports the official files, about 25 seconds)`);
  }
  const started = Date.now();
  const child = spawn(process.execPath, [cli, 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(baseUrl, child, 10 * 60_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${error.message}\nServer output:\n${output.join('')}`);
  }
  return {
    baseUrl,
    database: databaseUrl ? 'postgres' : 'pglite',
    readySeconds: Math.round((Date.now() - started) / 100) / 10,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      if (tempDir) {
        fs.rmSync(tempDir, { recursive: true, force: true });
        fs.rmSync(`${tempDir}.lock`, { force: true });
      }
    },
  };
}
