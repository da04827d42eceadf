import fs from 'node:fs';
import path from 'node:path';

export class DatabaseInUseError extends Error {
  readonly code = 'DATABASE_IN_USE';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database at ${dir} is in use by PID ${pid}. ` +
        'Stop that process first, or set DATABASE_URL to use PostgreSQL, which many processes can share.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on an embedded database directory: a file created with O_EXCL that holds the
 * owner's PID. PGlite has no locking of its own and two writers silently lose rows, so every
 * process that opens the directory must hold this. A lock left by a dead process is taken over.
 */
export class LockFile {
  private released = false;

  private constructor(readonly file: string) {}

  static acquire(dir: string): LockFile {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const file = `${dir}.lock`;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = fs.openSync(file, 'wx');
        fs.writeSync(fd, `${process.pid}\n`);
        fs.closeSync(fd);
        return new LockFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
        if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DatabaseInUseError(dir, pid);
        // Stale: the owner died without releasing. Remove and retry; O_EXCL settles any race.
        fs.rmSync(file, { force: true });
      }
    }
    throw new Error(`Could not take the lock ${file}`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      if (fs.readFileSync(this.file, 'utf8').trim() === String(process.pid)) fs.rmSync(this.file);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
