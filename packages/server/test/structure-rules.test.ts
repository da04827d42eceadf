import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { PROJECT_ROOT } from '../src/config';

/**
 * The structure rules in .dependency-cruiser.cjs, each shown to fire: a small tree laid out like
 * the project, with one file breaking each rule, is cruised with the project's own configuration.
 * (`npm test` cruises the real tree first; this shows that a break would be caught, and named.)
 */
const DEPCRUISE = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'depcruise');

const TREE: Record<string, string> = {
  // fine on their own
  'packages/schema/src/index.ts': `export const ENGLAND_CODE = 'E92000001';\n`,
  'packages/server/src/db/database.ts': `export type Db = unknown;\n`,
  'packages/server/src/derived/metric-value.repository.ts': `import type { Db } from '../db/database';\nexport const read = (db: Db) => db;\n`,
  'packages/server/src/features/metrics/metric.service.ts': `import { read } from '../../derived/metric-value.repository';\nexport const metric = read;\n`,
  // one break each
  'packages/dashboard/src/page.tsx': `import { metric } from '../../server/src/features/metrics/metric.service';\nexport const page = metric;\n`,
  'packages/schema/src/contract.ts': `import { page } from '../../dashboard/src/page';\nexport const contract = page;\n`,
  'packages/server/src/http/app.ts': `import { page } from '../../../dashboard/src/page';\nexport const app = page;\n`,
  'packages/server/src/ingest/import.service.ts': `import { metric } from '../features/metrics/metric.service';\nexport const load = metric;\n`,
  'packages/server/src/db/migrations/0099-x.ts': `import { metric } from '../../features/metrics/metric.service';\nexport const up = metric;\n`,
  'packages/server/src/derived/england-set.repository.ts': `import { metric } from '../features/metrics/metric.service';\nexport const rank = metric;\n`,
  'packages/server/src/features/trends/trend.service.ts': `import { load } from '../../ingest/import.service';\nexport const trend = load;\n`,
  'packages/server/src/statistics/quantile.ts': `import type { Db } from '../db/database';\nexport const q = (db: Db) => db;\n`,
  'packages/server/src/features/profiles/profile.repository.ts': `export const own = 1;\n`,
  'packages/server/src/features/comparisons/comparison.resolver.ts': `import { own } from '../profiles/profile.repository';\nexport const r = own;\n`,
  'packages/server/src/features/comparisons/comparison.type.ts': `import { s } from './comparison.service';\nexport const t = s;\n`,
  'packages/server/src/features/comparisons/comparison.service.ts': `import type { t } from './comparison.type';\nexport const s = 1 as unknown as typeof t;\n`,
  'packages/server/src/features/releases/release.service.ts': `import { nothing } from './no-such-file';\nexport const n = nothing;\n`,
};

/** Every rule with the file that breaks it in TREE. */
const BREAKS: [rule: string, from: string][] = [
  ['dashboard-imports-only-schema', 'packages/dashboard/src/page.tsx'],
  ['schema-imports-neither', 'packages/schema/src/contract.ts'],
  ['server-never-imports-dashboard', 'packages/server/src/http/app.ts'],
  ['ingest-and-db-never-import-features', 'packages/server/src/ingest/import.service.ts'],
  ['ingest-and-db-never-import-features', 'packages/server/src/db/migrations/0099-x.ts'],
  ['derived-never-imports-features-or-ingest', 'packages/server/src/derived/england-set.repository.ts'],
  ['features-never-import-ingest', 'packages/server/src/features/trends/trend.service.ts'],
  ['statistics-is-pure', 'packages/server/src/statistics/quantile.ts'],
  ['no-feature-reads-another-features-repository', 'packages/server/src/features/comparisons/comparison.resolver.ts'],
  ['no-cycles', 'packages/server/src/features/comparisons/comparison.service.ts'],
  ['not-to-unresolvable', 'packages/server/src/features/releases/release.service.ts'],
];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(tree: Record<string, string>): { status: number | null; output: string; violations: Violation[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-structure-'));
  try {
    for (const [file, text] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    fs.copyFileSync(path.join(PROJECT_ROOT, 'tsconfig.depcruise.json'), path.join(dir, 'tsconfig.depcruise.json'));
    const config = path.join(PROJECT_ROOT, '.dependency-cruiser.cjs');
    const json = spawnSync(DEPCRUISE, ['packages', '--config', config, '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
    const text = spawnSync(DEPCRUISE, ['packages', '--config', config], { cwd: dir, encoding: 'utf8' });
    return { status: text.status, output: text.stdout + text.stderr, violations: JSON.parse(json.stdout).summary.violations };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('structure rules', () => {
  const result = cruise(TREE);

  test.each(BREAKS)('names %s for %s', (rule, from) => {
    expect(result.violations.filter((v) => v.from === from).map((v) => v.rule.name)).toContain(rule);
    expect(result.output).toContain(`error ${rule}: ${from}`);
  });

  test('fails the check when a rule is broken and passes the same tree without the breaks', () => {
    // Without the breaking files (and the other half of the cycle), what is left is allowed.
    const allowed = Object.fromEntries(Object.entries(TREE).filter(([file]) => !BREAKS.some(([, from]) => from === file) && !file.endsWith('comparison.type.ts')));
    const clean = cruise(allowed);
    expect({ brokenFails: result.status !== 0, clean: clean.status, cleanViolations: clean.violations }).toEqual({ brokenFails: true, clean: 0, cleanViolations: [] });
  });
});
