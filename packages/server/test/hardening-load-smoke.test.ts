import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { PROJECT_ROOT } from '../src/config';
import type { DatabaseHandle } from '../src/db/connect';
import { Metrics } from '../src/observability/metrics';
import { type ServedApp, serveApp } from './support/hardening';
import { openSharedDatabase } from './support/shared-database';

/**
 * CI smoke of the soak test (infra/load/soak.mjs): 50 requests/s for 10 s of the dashboard's heavy
 * operations against a production-mode server over the whole data set on PostgreSQL, with zero
 * failed requests. The 5-minute run (flat memory) is the documented command:
 * `DATABASE_URL=… node infra/load/soak.mjs`.
 */

const SOAK = path.join(PROJECT_ROOT, 'infra', 'load', 'soak.mjs');

interface SoakSummary {
  requests: number;
  achievedPerSecond: number;
  transportErrors: number;
  timeouts: number;
  non2xx: number;
  failedResponses: number;
  failureExamples: string[];
}

describe('load smoke', () => {
  let handle: DatabaseHandle;
  let served: ServedApp;
  let summary: SoakSummary;
  let code: number | null;

  beforeAll(async () => {
    handle = await openSharedDatabase('postgres');
    served = await serveApp(handle, { production: true, responseCache: true, metrics: new Metrics() });
    const child = spawn(process.execPath, [SOAK, '--rate', '50', '--seconds', '10', '--url', served.base], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    code = await new Promise((resolve) => child.once('exit', resolve));
    try {
      summary = JSON.parse(stdout);
    } catch {
      throw new Error(`soak.mjs printed no summary (exit ${code}):\n${stdout}\n${stderr}`);
    }
  });

  afterAll(async () => {
    await served?.stop();
    await handle?.close();
  });

  // The rate is offered, not asserted (speed is for benchmarks); at least half the 500 requests
  // must have been made, so the run did load the server.
  test('serves 10 s of load at 50 requests/s with no failed request', () => {
    expect({ code, transport: summary.transportErrors, timeouts: summary.timeouts, non2xx: summary.non2xx, failed: summary.failedResponses, examples: summary.failureExamples, loaded: summary.requests >= 250 }).toEqual({
      code: 0,
      transport: 0,
      timeouts: 0,
      non2xx: 0,
      failed: 0,
      examples: [],
      loaded: true,
    });
  });
});
