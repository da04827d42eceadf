import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { MASKED_FAILURES, SAFE_CODES, UNEXPECTED_ERROR } from '../src/plugins/error-masking';
import type { ApiHarness } from './support/api';
import { hasStackTrace, openApi } from './support/api';
import { ENGINES, type TestEngine } from './support/engines';
import { type HttpAnswer, listen, request } from './support/http';
import { type FuzzCase, OperationFuzzer } from './support/operation-fuzzer';
import { createApp } from '../src/http/app';
import pino from 'pino';

/**
 * A fuzzer generating thousands of random valid and invalid operations and variables from the SDL
 * (support/operation-fuzzer.ts), sent over HTTP to a production-mode server over the whole
 * official data set. It must find no unmasked error, no 5xx other than the documented ones, no
 * "Unexpected error." (a masked bug is still a bug) and no crash.
 *
 * FUZZ_SEED=<n> repeats a run (the seed is printed); FUZZ_RUNS=<n> sets its length (default 1,200 on PostgreSQL, half on PGlite: each CI run draws a new seed, so runs add up; FUZZ_RUNS=20000 for a long session).
 */

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS: Record<TestEngine, number> = { postgres: Number(process.env.FUZZ_RUNS ?? 1_200), pglite: Math.ceil(Number(process.env.FUZZ_RUNS ?? 1_200) / 2) };
const CONCURRENCY: Record<TestEngine, number> = { postgres: 6, pglite: 2 };

/** Codes a client may receive (INTERNAL_SERVER_ERROR is masked but is a finding). */
const DOCUMENTED_CODES = new Set([...SAFE_CODES, 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'OPERATION_NOT_TRUSTED', 'PERSISTED_QUERY_HASH_MISMATCH', ...Object.keys(MASKED_FAILURES)]);
/** 5xx answers that are documented: the request deadline. */
const DOCUMENTED_5XX = new Set([503]);

interface Finding {
  index: number;
  problem: string;
  request: string;
  answer: string;
}

function check(fuzzCase: FuzzCase, answer: HttpAnswer): string | undefined {
  if (answer.status >= 500 && !DOCUMENTED_5XX.has(answer.status)) return `HTTP ${answer.status}`;
  if (![200, 400, 413, 503].includes(answer.status)) return `unexpected HTTP ${answer.status}`;
  if (!answer.json || typeof answer.json !== 'object') return 'answer is not a JSON object';
  const errors: { message: string; extensions?: Record<string, unknown> }[] = answer.json.errors ?? [];
  if (!('data' in answer.json) && errors.length === 0) return 'neither data nor errors';
  if (hasStackTrace(answer.json)) return 'stack trace';
  for (const error of errors) {
    const code = String(error.extensions?.code);
    if (code === 'INTERNAL_SERVER_ERROR' || error.message === UNEXPECTED_ERROR) return 'masked internal error (a bug)';
    if (!DOCUMENTED_CODES.has(code)) return `undocumented code ${code}`;
    if (/Did you mean/.test(error.message)) return 'schema suggestion in production';
    if (/node_modules|\.ts:\d+|\.js:\d+|Kysely|pg-protocol|PGlite|apollo/i.test(error.message)) return `internal detail in message: ${error.message.slice(0, 120)}`;
  }
  void fuzzCase;
  return undefined;
}

for (const engine of ENGINES) {
  describe(`${engine} fuzzing`, () => {
    let api: ApiHarness;
    let base: string;
    let stop: () => Promise<void>;
    const findings: Finding[] = [];
    let sent = 0;
    let statuses: Record<number, number> = {};
    const codes: Record<string, number> = {};
    let aliveAfter = false;

    beforeAll(async () => {
      process.stderr.write(`fuzz (${engine}): FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS[engine]}\n`);
      api = await openApi(engine);
      const app = await createApp({ db: api.handle.db, logger: pino({ level: 'silent' }), production: true, responseCache: true });
      base = await listen(app);
      stop = () => app.stop();
      const fuzzer = new OperationFuzzer(SEED + (engine === 'pglite' ? 1 : 0));
      const cases = Array.from({ length: RUNS[engine] }, (_, i) => fuzzer.next(i));
      let nextCase = 0;
      const worker = async () => {
        while (nextCase < cases.length) {
          const fuzzCase = cases[nextCase++];
          const payload = fuzzCase.raw ?? JSON.stringify(fuzzCase.body);
          const answer = await request(`${base}/graphql`, { method: 'POST', body: payload, headers: { 'content-type': 'application/json' } }).catch((error: Error) => error);
          sent++;
          if (!('status' in answer)) {
            findings.push({ index: fuzzCase.index, problem: `no answer: ${String(answer.message)}`, request: payload.slice(0, 500), answer: '' });
            continue;
          }
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          for (const e of answer.json?.errors ?? []) codes[String(e.extensions?.code)] = (codes[String(e.extensions?.code)] ?? 0) + 1;
          const problem = check(fuzzCase, answer);
          if (problem) findings.push({ index: fuzzCase.index, problem, request: payload.slice(0, 300), answer: answer.text.slice(0, 300) });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY[engine] }, worker));
      aliveAfter = (await request(`${base}/healthz`)).status === 200;
      process.stderr.write(`fuzz (${engine}): ${sent} requests, statuses ${JSON.stringify(statuses)}, error codes ${JSON.stringify(codes)}, ${findings.length} findings\n`);
    });

    afterAll(async () => {
      await stop?.();
      await api?.close();
      statuses = {};
    });

    test(`sends every generated request (seed ${SEED})`, () => {
      expect(sent).toBe(RUNS[engine]);
    });

    test(`finds no unmasked error, undocumented 5xx or masked bug (seed ${SEED})`, () => {
      expect(findings.slice(0, 10)).toEqual([]);
    });

    test('answers health checks after the run', () => {
      expect(aliveAfter).toBe(true);
    });
  });
}
