import { spawn } from 'node:child_process';
import path from 'node:path';

/** The built command line (`npm test` builds before running jest). */
export const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `sendbench <args>` in a separate process with exactly the given environment variables
 * (plus PATH and HOME), so a DATABASE_URL of the caller cannot leak in.
 *
 * @example await runCli(['migrate'], { SENDBENCH_DB_DIR: dir }) // { code: 1, stderr: 'sendbench: … in use by PID 123 …' }
 */
export function runCli(args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
