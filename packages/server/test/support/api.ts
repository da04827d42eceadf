import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import pino from 'pino';
import type { DatabaseHandle } from '../../src/db/connect';
import { type App, createApp } from '../../src/http/app';
import type { TestEngine } from './engines';
import { OFFICIAL_FILES } from './official-data';
import { openSharedDatabase } from './shared-database';

export interface ApiHarness {
  handle: DatabaseHandle;
  app: App;
  /** Runs one operation in-process through Apollo, as over HTTP; returns status, body and the SQL statements it ran. */
  run(query: string, variables?: Record<string, unknown>): ReturnType<App['execute']>;
  close(): Promise<void>;
}

/** The API over the shared database holding the whole official data set (read only), without the response cache so every request does its work. */
export async function openApi(engine: TestEngine, options: { production?: boolean } = {}): Promise<ApiHarness> {
  const handle = await openSharedDatabase(engine);
  const app = await createApp({ db: handle.db, logger: pino({ level: 'silent' }), production: options.production ?? false, responseCache: false });
  return {
    handle,
    app,
    run: (query, variables) => app.execute({ query, variables }),
    close: async () => {
      await app.stop();
      await handle.close();
    },
  };
}

/** A second app over the same database, with nothing cached yet (a process that has just started). */
export function openColdApp(api: ApiHarness): Promise<App> {
  return createApp({ db: api.handle.db, logger: pino({ level: 'silent' }), production: false, responseCache: false });
}

/** The error codes of a GraphQL response, in order. */
export function errorCodes(body: { errors?: { extensions?: { code?: string } }[] }): string[] {
  return (body.errors ?? []).map((e) => String(e.extensions?.code));
}

/** True when any error carries a stack trace or a message that looks like one. */
export function hasStackTrace(body: { errors?: { message: string; extensions?: Record<string, unknown> }[] }): boolean {
  return (body.errors ?? []).some((e) => e.extensions?.stacktrace !== undefined || e.extensions?.exception !== undefined || /\n\s+at /.test(e.message));
}


/** An LA's 10 neighbours as the 2025 model file lists them, by rank. */
export function neighboursFromFile(laCode: string): string[] {
  const rows = parse(fs.readFileSync(OFFICIAL_FILES.statisticalNeighbours), { bom: true, columns: true }) as Record<string, string>[];
  return rows.filter((r) => r.old_la_code === laCode).sort((a, b) => Number(a.sn_rank) - Number(b.sn_rank)).map((r) => r.sn_old_la_code);
}

/**
 * An independent calculation from caseload.csv: the published mainstream_total_pc of each LA in
 * January 2025 ("All EHC plans" rows), competition-ranked highest first, and quartile bands
 * ceil(4 × ascending position / n) (ties take the lower position).
 */
export function mainstreamRanksFromFile(laCodes: readonly string[]): Record<string, { value: number; rank: number; quartileBand: number }> {
  const rows = parse(fs.readFileSync(OFFICIAL_FILES.caseload), { bom: true, columns: true }) as Record<string, string>[];
  const values = new Map(
    rows
      .filter((r) => r.time_period === '202425' && r.geographic_level === 'Local authority' && r.breakdown_topic === 'All EHC plans' && laCodes.includes(r.old_la_code))
      .map((r) => [r.old_la_code, Number(r.mainstream_total_pc)]),
  );
  const all = [...values.values()];
  return Object.fromEntries(
    [...values].map(([code, value]) => [
      code,
      { value, rank: 1 + all.filter((v) => v > value).length, quartileBand: Math.ceil((4 * (1 + all.filter((v) => v < value).length)) / all.length) },
    ]),
  );
}
