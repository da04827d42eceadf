import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

/**
 * Structured JSON logs (pino), one object per line on stdout (or `destination`, e.g. in tests).
 * GraphQL requests log one line each (plugins/request-logging.ts): request id, operation,
 * status, outcome, error codes, duration and SQL statements.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options = { level: config.LOG_LEVEL, base: { service: 'sendbench' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
