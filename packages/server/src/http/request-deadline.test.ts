import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { expect, test } from '@jest/globals';
import { startRequestDeadline } from './request-deadline';

/** Just enough of a response for the deadline: a 'close' event and writableFinished. */
const fakeResponse = () => Object.assign(new EventEmitter(), { writableFinished: false }) as unknown as http.ServerResponse;

test('aborts with REQUEST_TIMEOUT when the deadline passes', async () => {
  const deadline = startRequestDeadline(fakeResponse(), 10);
  const reason = await deadline.aborted;
  expect([reason.code, deadline.signal.aborted]).toEqual(['REQUEST_TIMEOUT', true]);
});

test('aborts with CLIENT_CLOSED_REQUEST when the connection closes before the answer', async () => {
  const res = fakeResponse();
  const deadline = startRequestDeadline(res, 60_000);
  res.emit('close');
  const reason = await deadline.aborted;
  deadline.dispose();
  expect(reason.code).toBe('CLIENT_CLOSED_REQUEST');
});

test('does not abort when the answer was written before the connection closed', () => {
  const res = fakeResponse();
  const deadline = startRequestDeadline(res, 60_000);
  (res as { writableFinished: boolean }).writableFinished = true;
  res.emit('close');
  deadline.dispose();
  expect(deadline.signal.aborted).toBe(false);
});
