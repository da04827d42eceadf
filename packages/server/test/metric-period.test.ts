import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/connect';
import { ENGINES } from './support/engines';
import { openSharedDatabase } from './support/shared-database';

/**
 * metric_period (what the API lists as a metric's periods, read by every reference snapshot) is
 * kept by the import: after the whole official data set it must equal what metric_value holds.
 */

for (const engine of ENGINES) {
  describe(`${engine} metric periods kept by the import`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openSharedDatabase(engine);
    });

    afterAll(async () => {
      await handle?.close();
    });

    test('equal the periods of every metric value with a figure, and whether an LA has one', async () => {
      const fromValues = await sql<{ key: string }>`
        select metric_id || '|' || period || '|' || bool_or(area_code ~ '^[0-9]{3}$') as key
        from metric_value where status = 'value' group by metric_id, period order by 1
      `.execute(handle.db);
      const kept = await sql<{ key: string }>`select metric_id || '|' || period || '|' || la_value as key from metric_period order by 1`.execute(handle.db);
      expect({ metrics: new Set(kept.rows.map((r) => r.key.split('|')[0])).size, same: kept.rows.map((r) => r.key) }).toEqual({ metrics: 74, same: fromValues.rows.map((r) => r.key) });
    });

    test('ehc_plans has LA figures in every January 2019–2025', async () => {
      const kept = await sql<{ period: number; la_value: boolean }>`select period, la_value from metric_period where metric_id = 'ehc_plans' and period between 201819 and 202425 order by period`.execute(handle.db);
      expect(kept.rows).toEqual([201819, 201920, 202021, 202122, 202223, 202324, 202425].map((period) => ({ period, la_value: true })));
    });
  });
}
