import { type ChildProcess, spawn } from 'node:child_process';
import { CLI } from './cli';

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Parsed JSON log lines written so far (stdout). */
  logs(): Record<string, any>[];
  stderr(): string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGKILL if it still runs (cleanup). */
  kill(): void;
}

/**
 * Starts `sendbench serve` (the built CLI) in a child process with exactly `env` (plus PATH/HOME),
 * on a free port, and resolves once its "ready" log line names the port.
 *
 * @example const server = await startServerProcess({ DATABASE_URL: url, LOG_LEVEL: 'info' });
 */
export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, any>[] = [];
  let stderr = '';
  let partial = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sendbench serve was not ready within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      partial += chunk.toString();
      const complete = partial.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) {
        if (!line.trim()) continue;
        let parsed: Record<string, any>;
        try {
          parsed = JSON.parse(line);
        } catch {
          continue;
        }
        lines.push(parsed);
        if (parsed.msg === 'ready') {
          clearTimeout(timer);
          resolve({
            child,
            base: `http://127.0.0.1:${parsed.port}`,
            logs: () => lines,
            stderr: () => stderr,
            exited,
            kill: () => {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            },
          });
        }
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`sendbench serve exited (${code ?? signal}) before it was ready:\n${stderr}`));
    });
  });
}
