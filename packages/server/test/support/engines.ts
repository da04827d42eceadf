import type { Engine } from '../../src/db/connect';

/** Every storage engine the suite runs against: `for (const engine of ENGINES) describe(engine, …)`. */
export const ENGINES = ['pglite', 'postgres'] as const satisfies readonly Engine[];

export type TestEngine = (typeof ENGINES)[number];
