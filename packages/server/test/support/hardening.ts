import type { DatabaseHandle } from '../../src/db/connect';
import { type App, type AppOptions, createApp } from '../../src/http/app';
import type { TestEngine } from './engines';
import { openFreshDatabase } from './fresh-database';
import { importLaLookup } from './import-file';
import { listen } from './http';
import { type CapturedLogs, captureLogs } from './log-capture';

export interface ServedApp {
  app: App;
  /** http://127.0.0.1:<port> */
  base: string;
  logs: CapturedLogs;
  stop(): Promise<void>;
}

/** Serves an app over `db` on a free port, with its logs captured; the response cache is off unless asked for. */
export async function serveApp(handle: DatabaseHandle, options: Partial<Omit<AppOptions, 'db' | 'logger'>> = {}): Promise<ServedApp> {
  const logs = captureLogs();
  const app = await createApp({ db: handle.db, logger: logs.logger, production: true, responseCache: false, ...options });
  const base = await listen(app);
  return { app, base, logs, stop: () => app.stop() };
}

/** A fresh database of `engine` holding the LA lookup (enough for authority and catalogue queries). */
export async function openLookupDatabase(engine: TestEngine = 'pglite'): Promise<DatabaseHandle> {
  const handle = await openFreshDatabase(engine);
  try {
    await importLaLookup(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
