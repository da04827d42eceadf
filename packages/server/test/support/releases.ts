import type { Db } from '../../src/db/database';

/** The releases (imported files) of a data set, oldest first, with their provenance. */
export function releasesOf(db: Db, dataset: string) {
  return db
    .selectFrom('release')
    .select(['id', 'file_name', 'edition', 'rows_read', 'status', 'superseded_by'])
    .where('dataset', '=', dataset)
    .orderBy('id')
    .execute();
}

/** How many stored figures point to each release of a data set. */
export async function figuresPerRelease(db: Db, dataset: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('release as r')
    .leftJoin('observation as o', 'o.release_id', 'r.id')
    .select(['r.file_name', (eb) => eb.fn.count<number>('o.release_id').as('figures')])
    .where('r.dataset', '=', dataset)
    .groupBy(['r.id', 'r.file_name'])
    .orderBy('r.id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.file_name, Number(r.figures)]));
}
