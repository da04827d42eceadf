import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { connect, type DatabaseHandle } from '../src/db/connect';
import { type CliResult, runCli } from './support/cli';

/**
 * The embedded database is guarded by a lock file: a second process fails fast with the owner's
 * PID instead of silently losing rows, and a lock left by a dead process is taken over.
 * PGlite only (PostgreSQL is shared by design), so this suite does not loop over ENGINES.
 */

/** `npm run migrate` and `npm start`: both must stop before touching a database another process holds. */
const SECOND_PROCESSES = ['migrate', 'serve'];

/** A PID that certainly belonged to a process that has exited. */
const DEAD_PID = spawnSync(process.execPath, ['-e', '']).pid;

describe('pglite lock file', () => {
  let root: string;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-lock-'));
  });

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe.each(SECOND_PROCESSES)('a second `sendbench %s` on a directory this process holds', (command) => {
    let holder: DatabaseHandle;
    let second: CliResult;

    beforeAll(async () => {
      holder = await connect({ dir: path.join(root, command) });
      second = await runCli([command], { SENDBENCH_DB_DIR: path.join(root, command), PORT: '0' }, 20_000);
    });

    afterAll(async () => {
      await holder?.close();
    });

    test('exits with a non-zero code', () => {
      expect(second.code).toBe(1);
    });

    test('says the database is in use by this PID and what to do', () => {
      expect(second.stderr).toContain(`sendbench: The embedded database at ${path.join(root, command)} is in use by PID ${process.pid}. Stop that process first`);
    });

    test('leaves the lock with its owner', () => {
      expect(fs.readFileSync(`${path.join(root, command)}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    });
  });

  describe('a lock left by a dead process', () => {
    let lockWhileOpen: string;
    let lockAfterClose: boolean;

    beforeAll(async () => {
      fs.writeFileSync(path.join(root, 'stale.lock'), `${DEAD_PID}\n`);
      const handle = await connect({ dir: path.join(root, 'stale') });
      lockWhileOpen = fs.readFileSync(path.join(root, 'stale.lock'), 'utf8');
      await handle.close();
      lockAfterClose = fs.existsSync(path.join(root, 'stale.lock'));
    });

    test('is taken over by the process that opens the directory', () => {
      expect(lockWhileOpen).toBe(`${process.pid}\n`);
    });

    test('is released when that process closes the database', () => {
      expect(lockAfterClose).toBe(false);
    });
  });
});
