import path from 'node:path';
import { z } from 'zod';

/** The repository root: packages/server/{src,dist}/config.* → three levels up. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

const positiveInt = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .positive(`${name} must be positive`)
    .default(fallback);

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: positiveInt('DATABASE_POOL_SIZE', 10),
  SENDBENCH_DB_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, '.sendbench', 'db')),
  SENDBENCH_DATA_DIR: z.string().min(1).default(path.resolve(PROJECT_ROOT, '..', 'shared', 'data')),
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

export class ConfigError extends Error {
  readonly code = 'BAD_CONFIGURATION';
}

/**
 * Reads and validates configuration once. A bad value stops start-up with a message that names
 * the variable, e.g. `PORT: Too big: expected number to be <=65535 (got "70000")`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `${name}: ${issue.message} (got ${JSON.stringify(env[name])})`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return Object.freeze(parsed.data);
}
