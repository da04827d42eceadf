import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import { newRequestStore, requestStore } from '../request-store';
import { connect, type DatabaseHandle } from './connect';
import { RequestAbortedError, StopAbortedRequestsPlugin } from './query-cancellation';

/**
 * On PGlite nothing can interrupt a running statement (it runs synchronously in WebAssembly), so
 * the one defence is not to start the next statement of an aborted request.
 */

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await connect({ dir: 'memory://' });
});

afterAll(async () => {
  await handle?.close();
});

const inRequest = <T>(signal: AbortSignal, run: () => Promise<T>) => requestStore.run(newRequestStore('test', signal), run);

test('runs statements of a request that is not aborted', async () => {
  const db = handle.db.withPlugin(new StopAbortedRequestsPlugin());
  const { rows } = await inRequest(new AbortController().signal, () => sql<{ one: number }>`select 1 as one`.execute(db));
  expect(rows).toEqual([{ one: 1 }]);
});

test('refuses to start a statement for a request whose deadline passed', async () => {
  const db = handle.db.withPlugin(new StopAbortedRequestsPlugin());
  const controller = new AbortController();
  controller.abort(new RequestAbortedError('deadline'));
  await expect(inRequest(controller.signal, () => sql`select 1`.execute(db))).rejects.toMatchObject({ code: 'REQUEST_TIMEOUT' });
});

test('runs statements outside any request (imports, start-up)', async () => {
  const db = handle.db.withPlugin(new StopAbortedRequestsPlugin());
  const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
  expect(rows).toHaveLength(1);
});
