import { sql } from 'kysely';
import type { Db } from '../../src/db/database';

/** Every table the schema defines (migrations), in a fixed order. */
export const ALL_TABLES = [
  'area',
  'local_authority',
  'la_code_alias',
  'la_predecessor',
  'programme_membership',
  'statistical_neighbour',
  'release',
  'series',
  'observation',
  'metric_value',
  'data_state',
] as const;

/**
 * The exact content of every table: row count and an MD5 over its rows in text form, sorted.
 * Two equal fingerprints mean the data is exactly the same (sequences aside).
 *
 * @example expect(await fingerprint(db)).toEqual(before)
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of ALL_TABLES) {
    const { rows } = await sql<{ n: number; digest: string }>`
      select count(*)::integer as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.table(table)} t
    `.execute(db);
    result[table] = `${rows[0].n} rows, md5 ${rows[0].digest}`;
  }
  return result;
}
