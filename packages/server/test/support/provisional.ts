import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database';
import type { DatabaseHandle } from '../../src/db/connect';
import type { LocalIdentityProvider, LocalUser } from '../../src/dev/local-identity-provider';
import type { AppOptions } from '../../src/http/app';
import type { TestEngine } from './engines';
import { openFreshDatabase } from './fresh-database';
import { importLaLookup, importOrThrow } from './import-file';
import { OFFICIAL_FILES } from './official-data';
import { freePort, serveWithSignIn, type SignedInApp, startProviderFor } from './sign-in';

/** The DSG deficit extract's header and one LA's rows (all three years): an upload an LA could send. */
export function deficitRowsOf(laCode: string, edit: (line: string) => string = (l) => l): string {
  const lines = fs.readFileSync(OFFICIAL_FILES.dsgDeficitPct, 'utf8').split('\n');
  return `${[lines[0], ...lines.filter((l) => l.split(',')[8] === laCode).map(edit)].join('\n')}\n`;
}

/** An LA's 2021-22 row only, with its deficit replaced by `value`. */
export function deficitUpload(laCode: string, value: string): string {
  const lines = deficitRowsOf(laCode).trimEnd().split('\n');
  return `${lines[0]}\n${lines.filter((l) => l.startsWith('202122,')).map((l) => l.replace(/,[^,]*$/, `,${value}`)).join('\n')}\n`;
}

/** Row counts of the provisional tables and of their audit events: what a refused upload must leave as it was. */
export async function provisionalCounts(db: Db): Promise<Record<string, number>> {
  const { rows } = await sql<{ uploads: number; observations: number; values: number; audited: number }>`
    select (select count(*)::integer from provisional_upload) as uploads, (select count(*)::integer from provisional_observation) as observations,
      (select count(*)::integer from provisional_metric_value) as values, (select count(*)::integer from audit_event where event = 'provisional-upload') as audited
  `.execute(db);
  return rows[0];
}

/** POSTs `body` as an upload with `headers` (e.g. a bearer token); the status and JSON answer. */
export async function postUpload(base: string, body: string | Buffer, headers: Record<string, string>, file = 'upload.csv'): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}/provisional/uploads?file=${encodeURIComponent(file)}`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body });
  return { status: response.status, body: await response.json() };
}

/** A GraphQL POST with `headers`; the status and JSON answer. */
export async function graphql(base: string, query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: await response.json() };
}

/** A fresh database with the LA lookup and the deficit extract, served with sign-in through a local provider; bearer headers per user. */
export interface ProvisionalHarness {
  handle: DatabaseHandle;
  idp: LocalIdentityProvider;
  served: SignedInApp;
  /** Each user's Authorization header (plus `extra`). */
  as: Record<string, Record<string, string>>;
  close(): Promise<void>;
}

export async function openProvisionalHarness(engine: TestEngine, users: readonly LocalUser[], extra: Record<string, string> = {}, options: Partial<AppOptions> = {}): Promise<ProvisionalHarness> {
  const port = await freePort();
  const handle = await openFreshDatabase(engine);
  await importLaLookup(handle.db);
  await importOrThrow(handle.db, OFFICIAL_FILES.dsgDeficitPct);
  const idp = await startProviderFor([port]);
  const served = await serveWithSignIn(handle, idp, port, undefined, options);
  const as: Record<string, Record<string, string>> = {};
  for (const user of users) as[user] = { authorization: `Bearer ${await idp.accessTokenFor(user)}`, ...extra };
  return {
    handle,
    idp,
    served,
    as,
    async close() {
      await served.stop();
      await idp.close();
      await handle.close();
    },
  };
}
