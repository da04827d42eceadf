import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { connect } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { createApp } from './http/app';
import { terminalReporter } from './ingest/import-report';
import { importPaths } from './ingest/import.service';
import { createLogger } from './logger';

/**
 * `sendbench serve`: opens the database (embedded by default), applies migrations, imports the
 * default data set the first time (with progress), and serves the API and the dashboard.
 * SIGTERM/SIGINT stop it gracefully: no new connections, in-flight requests finish, the database
 * (and its lock) is released.
 */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config);
  const started = Date.now();
  const handle = await connect({ url: config.DATABASE_URL, dir: config.SENDBENCH_DB_DIR, poolSize: config.DATABASE_POOL_SIZE });
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const releases = await handle.db.selectFrom('release').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(releases.n) === 0) {
      console.error(`First start: importing the official data from ${config.SENDBENCH_DATA_DIR} into ${handle.location} …`);
      const outcomes = await importPaths(handle.db, [config.SENDBENCH_DATA_DIR], terminalReporter());
      const rejected = outcomes.filter((o) => o.status === 'rejected');
      if (rejected.length) console.error(`${rejected.length} file(s) were rejected (see above); the rest is loaded.`);
    }
    const app = await createApp({ db: handle.db, logger, production: config.NODE_ENV === 'production', responseCache: config.RESPONSE_CACHE === 'on' });
    await new Promise<void>((resolve, reject) => {
      app.server.once('error', reject);
      app.server.listen(config.PORT, config.HOST, () => resolve());
    });
    const { port } = app.server.address() as AddressInfo;
    logger.info({ port, engine: handle.engine, database: handle.location, startupMs: Date.now() - started }, 'ready');
    console.error(`SENDbench is ready at http://${config.HOST}:${port}/ (GraphQL at /graphql), ${handle.engine} database ${handle.location}, started in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      const deadline = setTimeout(() => {
        logger.warn('in-flight requests did not finish within 10 s; closing anyway');
        app.server.closeAllConnections();
      }, 10_000);
      deadline.unref();
      app.server.closeIdleConnections();
      await app.stop();
      await handle.close();
      clearTimeout(deadline);
      logger.info('stopped');
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    await handle.close();
    throw error;
  }
}
