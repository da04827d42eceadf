import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { Client, type ClientConfig, type Pool, type PoolClient } from 'pg';
import { requestStore } from '../request-store';

/** Why a request was aborted: its deadline passed, or its client closed the connection. */
export class RequestAbortedError extends Error {
  readonly code: 'REQUEST_TIMEOUT' | 'CLIENT_CLOSED_REQUEST';

  constructor(reason: 'deadline' | 'client-closed', detail = '') {
    super(reason === 'deadline' ? `The request deadline passed${detail}.` : 'The client closed the connection before the answer was ready.');
    this.code = reason === 'deadline' ? 'REQUEST_TIMEOUT' : 'CLIENT_CLOSED_REQUEST';
  }
}

function throwIfRequestAborted(): void {
  const signal = requestStore.getStore()?.signal;
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new RequestAbortedError('client-closed');
}

/**
 * A Kysely plugin that refuses to start a statement for a request that has been aborted, so a
 * request whose client went away (or whose deadline passed) stops at its next statement on either
 * engine. It is the only cancellation PGlite gets: PGlite runs each statement synchronously in
 * WebAssembly on the event loop, so a running statement can be neither interrupted nor timed out.
 *
 * @example const db = handle.db.withPlugin(new StopAbortedRequestsPlugin());
 */
export class StopAbortedRequestsPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    throwIfRequestAborted();
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The parts of pg's Client used to cancel its running statement (pg has them, its types do not). */
interface CancellableClient extends PoolClient {
  _getActiveQuery?(): unknown;
  processID?: number | null;
  secretKey?: number | null;
}

interface CancellingClient {
  host: string;
  port: number;
  connection: {
    on(event: 'error' | 'connect', listener: () => void): void;
    connect(port: number | string, host?: string): void;
    cancel(processID: number, secretKey: number): void;
    stream?: { destroy(): void };
  };
}

/** Statements cancelled on behalf of aborted requests since start (for metrics). */
export const cancellationStats = { sent: 0 };

/**
 * Sends PostgreSQL's CancelRequest for the statement `client` is running, on a separate short-lived
 * connection (no pool slot and no authentication needed: the backend key identifies it). The
 * statement then fails with SQLSTATE 57014, which the request turns into its own error. Returns
 * whether a cancel was sent (false when the client runs nothing).
 *
 * (pg's own Client#cancel reads a deprecated property and leaves the cancel connection's errors
 * unhandled; this does the same two protocol steps itself.)
 */
export function cancelRunningStatement(client: CancellableClient, config: ClientConfig): boolean {
  if (!client._getActiveQuery?.() || !client.processID || !client.secretKey) return false;
  const { processID, secretKey } = client;
  const canceller = new Client(config) as unknown as CancellingClient;
  const connection = canceller.connection;
  // Never let a failed cancel (e.g. the server is gone) become an unhandled 'error' event.
  connection.on('error', () => undefined);
  connection.on('connect', () => connection.cancel(processID, secretKey));
  if (canceller.host?.startsWith('/')) connection.connect(`${canceller.host}/.s.PGSQL.${canceller.port}`);
  else connection.connect(canceller.port, canceller.host);
  const giveUp = setTimeout(() => connection.stream?.destroy(), 5_000);
  giveUp.unref();
  cancellationStats.sent++;
  return true;
}

/**
 * Wraps a pg Pool for Kysely:
 * - a checked-out client gets an 'error' listener while it is out. pg-pool only listens on idle
 *   clients, and a client that is between two statements when the server goes away (restart,
 *   `pg_terminate_backend`) emits 'error' with nobody listening, which would end the process. The
 *   client is not queryable afterwards, and the pool drops it when it comes back;
 * - a client checked out by a request is watched while the request holds it: when the request's
 *   signal aborts (deadline, or the client went away), the statement it is running is cancelled
 *   with a CancelRequest, and the connection is closed instead of going back to the pool.
 * Outside a request (imports, start-up) only the first applies.
 *
 * @example new PostgresDialect({ pool: cancellablePool(new Pool({ connectionString })) })
 */
export function cancellablePool(pool: Pool, onClientError: (error: Error) => void = () => undefined): { connect(): Promise<PoolClient>; end(): Promise<void> } {
  return {
    async connect() {
      throwIfRequestAborted();
      const signal = requestStore.getStore()?.signal;
      const client = (await pool.connect()) as CancellableClient;
      client.on('error', onClientError);
      // A CancelRequest names the backend, not the statement: one that arrives late could cancel
      // the next user's statement. So a connection we sent one for is closed, never reused.
      let cancelled = false;
      const cancel = () => {
        cancelled = cancelRunningStatement(client, pool.options as ClientConfig) || cancelled;
      };
      signal?.addEventListener('abort', cancel, { once: true });
      const release = client.release;
      client.release = (err?: Error | boolean) => {
        signal?.removeEventListener('abort', cancel);
        client.off('error', onClientError);
        client.release = release;
        return release.call(client, cancelled ? true : err);
      };
      if (signal?.aborted) {
        client.release();
        throwIfRequestAborted();
      }
      return client;
    },
    end: () => pool.end(),
  };
}
