import type { Config } from './config';

export async function serve(_config: Config): Promise<void> {
  throw new Error('not yet');
}
