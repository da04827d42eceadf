import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataDirectoryMissingError, listDataFiles } from '../src/ingest/import.service';
import { type CliResult, runCli } from './support/cli';

/** A missing data directory is a message that says what to do, not a crash. */

const MISSING = path.join(os.tmpdir(), 'sendbench-no-such-data-directory');
const ADVICE = `No data at ${MISSING}. Put the official files there (see README, "Data"), or set SENDBENCH_DATA_DIR to the folder that holds them.`;

describe('missing data directory', () => {
  test('throws DataDirectoryMissingError naming the folder and SENDBENCH_DATA_DIR', () => {
    expect(() => listDataFiles(MISSING)).toThrow(new DataDirectoryMissingError(ADVICE));
  });

  describe('sendbench import', () => {
    let root: string;
    let result: CliResult;

    beforeAll(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-data-'));
      result = await runCli(['import'], { SENDBENCH_DB_DIR: path.join(root, 'db'), SENDBENCH_DATA_DIR: MISSING });
    });

    afterAll(() => {
      fs.rmSync(root, { recursive: true, force: true });
    });

    test('exits with a non-zero code', () => {
      expect(result.code).toBe(1);
    });

    test('prints the advice without a stack trace', () => {
      expect(result.stderr).toBe(`sendbench: ${ADVICE}\n`);
    });
  });
});
