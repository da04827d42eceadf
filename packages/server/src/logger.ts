import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** Structured JSON logs (pino), one object per line. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { service: 'sendbench' }, timestamp: pino.stdTimeFunctions.isoTime });
}
