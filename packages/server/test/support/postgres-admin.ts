import { Client } from 'pg';

/** The server the suite creates its databases on (trust auth, user postgres, by default). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let created = 0;

/** A database name no other run or test shares: prefix, PID, time, counter. */
export function uniqueDatabaseName(prefix = 'sendbench_test'): string {
  created += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${created}`;
}

/** The URL of `name` on the test server (the base URL with its database replaced). */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${(error as Error).message}). ` +
        'Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set TEST_DATABASE_URL.',
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates an empty database and returns its URL. */
export async function createDatabase(name: string): Promise<string> {
  await onServer((client) => client.query(`create database ${quoted(name)}`));
  return databaseUrl(name);
}

/** Drops a database, closing any connection still open to it. */
export async function dropDatabase(name: string): Promise<void> {
  await onServer((client) => client.query(`drop database if exists ${quoted(name)} with (force)`));
}

/** Runs statements on the test server as its administrator (e.g. creating a role). */
export async function asAdministrator(...statements: string[]): Promise<void> {
  await onServer(async (client) => {
    for (const statement of statements) await client.query(statement);
  });
}
