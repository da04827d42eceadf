import { sql } from 'kysely';
import type { CopyInto } from '../db/bulk-copy';
import type { Db } from '../db/database';
import { LA_SUCCESSIONS } from './la-successions';
import type { LaLookupFile, ObservationFile, ProgrammeFile, StatisticalNeighbourFile } from './parsed-file';

/** Series per INSERT … SELECT FROM unnest(…). */
const CHUNK = 20_000;

export interface NewRelease {
  dataset: string;
  publication: string;
  fileName: string;
  sha256: string;
  edition: number;
  rowsRead: number;
  rowsLoaded: number;
  observations: number;
  warnings: string[];
  durationMs: number;
}

/** @example SQL: insert into release (...) values (...) returning id */
export async function insertRelease(db: Db, release: NewRelease): Promise<number> {
  const row = await db
    .insertInto('release')
    .values({
      dataset: release.dataset,
      publication: release.publication,
      file_name: release.fileName,
      sha256: release.sha256,
      edition: release.edition,
      rows_read: release.rowsRead,
      rows_loaded: release.rowsLoaded,
      observations: release.observations,
      warnings: release.warnings,
      duration_ms: release.durationMs,
      status: 'loaded',
      superseded_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findReleaseBySha(db: Db, sha256: string) {
  return db.selectFrom('release').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/** Which of `shas` are already recorded as a release. */
export async function knownShas(db: Db, shas: readonly string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await db.selectFrom('release').select('sha256').where('sha256', 'in', shas).execute();
  return new Set(rows.map((r) => r.sha256));
}

export async function finishRelease(db: Db, id: number, durationMs: number): Promise<void> {
  await db.updateTable('release').set({ duration_ms: durationMs }).where('id', '=', id).execute();
}

/**
 * The first load of the embedded database's empty observation table (the first `npm start`), done
 * the way PostgreSQL loads fastest. The table is truncated inside the run's transaction, so (with
 * PGlite's wal_level=minimal) its rows are written without WAL; and its primary key is dropped and
 * built once after the last file, by one sort, instead of being kept up row by row (5.2 million
 * rows: the copies took 6.9 s instead of 11.6 s, and the build 1.8 s; docs/benchmarks.md). The
 * key is built before anything needs it: a later release of a data set, merged with ON CONFLICT
 * on it, and the derived figures' reads. The readers refuse duplicate rows, so the build finds
 * none; a failure anywhere rolls all of it back with the run.
 *
 * Only where this process holds the database's only session (`hasSoleSession`): on PostgreSQL a
 * truncate would lock the table against every other reader until the run commits.
 */
export class ObservationFirstLoad {
  private keyDropped = true;

  private constructor() {}

  /** Starts a first load when the observation table is empty; undefined when it holds figures. */
  static async begin(db: Db): Promise<ObservationFirstLoad | undefined> {
    const any = await db.selectFrom('observation').select('series_id').limit(1).executeTakeFirst();
    if (any) return undefined;
    await sql`truncate observation`.execute(db);
    await sql`alter table observation drop constraint observation_pkey`.execute(db);
    return new ObservationFirstLoad();
  }

  /** Builds the primary key again (once; later calls do nothing). */
  async restoreKey(db: Db): Promise<void> {
    if (!this.keyDropped) return;
    try {
      await sql`alter table observation add constraint observation_pkey primary key (series_id, period, area_code)`.execute(db);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`the files loaded hold two figures for the same series, period and area, so observation's primary key could not be built (${detail}); nothing was imported`);
    }
    this.keyDropped = false;
  }
}

/**
 * Writes a file's observations with COPY. A figure already held for the same series, period and area is
 * replaced only by a release of the same or a newer edition, so importing an older release after
 * a newer one never brings old figures back. Returns how many figures were written, and whether
 * they were merged with an earlier release's (false: the data set's first release, copied straight in).
 */
export async function writeObservations(
  db: Db,
  copy: CopyInto,
  releaseId: number,
  file: ObservationFile,
  firstLoad?: ObservationFirstLoad,
): Promise<{ written: number; merged: boolean }> {
  const { observations: o, dataset } = file;
  // Series first: one row per (measure, breakdown) of the data set. Keyed by measure, then
  // breakdown (no string built per figure: a file holds up to 1.2 million).
  const seen = new Map<string, Set<string>>();
  const measures: string[] = [];
  const breakdowns: string[] = [];
  for (let i = 0; i < o.measure.length; i++) {
    let ofMeasure = seen.get(o.measure[i]);
    if (!ofMeasure) seen.set(o.measure[i], (ofMeasure = new Set()));
    if (ofMeasure.has(o.breakdown[i])) continue;
    ofMeasure.add(o.breakdown[i]);
    measures.push(o.measure[i]);
    breakdowns.push(o.breakdown[i]);
  }
  for (let i = 0; i < measures.length; i += CHUNK) {
    await sql`
      insert into series (dataset, measure, breakdown)
      select ${dataset.id}, m, b from unnest(${measures.slice(i, i + CHUNK)}::text[], ${breakdowns.slice(i, i + CHUNK)}::text[]) as t(m, b)
      on conflict (dataset, measure, breakdown) do nothing
    `.execute(db);
  }
  const seriesRows = await db.selectFrom('series').select(['id', 'measure', 'breakdown']).where('dataset', '=', dataset.id).execute();
  const seriesId = new Map<string, Map<string, number>>();
  for (const s of seriesRows) {
    let byBreakdown = seriesId.get(s.measure);
    if (!byBreakdown) seriesId.set(s.measure, (byBreakdown = new Map()));
    byBreakdown.set(s.breakdown, s.id);
  }
  const ids = o.measure.map((m, i) => seriesId.get(m)!.get(o.breakdown[i])!);
  const order = primaryKeyOrder(ids, o.period, o.area);
  const rows = { series_id: ids, area_code: o.area, period: o.period, value: o.value, status: o.status, release_id: new Array<number>(ids.length).fill(releaseId) };
  // The first release of a data set cannot conflict with anything: its rows are copied straight in.
  // (A release that is still 'loaded' holds figures; one that holds none is marked superseded.)
  const earlier = await db
    .selectFrom('release')
    .select('id')
    .where('dataset', '=', dataset.id)
    .where('status', '=', 'loaded')
    .where('id', '<>', releaseId)
    .limit(1)
    .executeTakeFirst();
  let written: number;
  if (!earlier) {
    written = await copy('observation', rows, order);
  } else {
    // A later release replaces figures only where its edition is the same or newer: copied into a
    // scratch table first, then merged.
    await firstLoad?.restoreKey(db);
    await sql`create temporary table observation_in (like observation) on commit drop`.execute(db);
    await copy('observation_in', rows, order);
    const result = await sql`
      insert into observation (series_id, area_code, period, value, status, release_id)
      select series_id, area_code, period, value, status, release_id from observation_in
      on conflict (series_id, period, area_code) do update
        set value = excluded.value, status = excluded.status, release_id = excluded.release_id
        where (select r.edition from release r where r.id = observation.release_id) <= ${file.edition}::integer
    `.execute(db);
    written = Number(result.numAffectedRows ?? 0);
  }
  if (file.newAliases.length > 0) {
    await db
      .insertInto('la_code_alias')
      .values(file.newAliases.map((a) => ({ code: a.code, la_code: a.laCode, kind: 'seen', release_id: releaseId })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  return { written, merged: earlier !== undefined };
}

/**
 * The figures' positions in the order of observation's primary key (series, period, area). A file's
 * figures come row by row, each row holding many series, so copied as read one series' figures lie
 * on hundreds of pages and COPY inserts all over the key's B-tree. In key order, the read of one
 * series that deriving a metric makes touched 23 pages instead of 794 (PGlite, EHC plans by LA and
 * January: 1,144 figures), and a COPY of 1.2 million rows took 18 s instead of 31 s.
 */
function primaryKeyOrder(series: readonly number[], period: readonly number[], area: readonly string[]): Uint32Array {
  const seriesRank = new Map([...new Set(series)].sort((a, b) => a - b).map((id, rank) => [id, rank]));
  const areaRank = new Map([...new Set(area)].sort().map((code, rank) => [code, rank]));
  const periodRank = new Map([...new Set(period)].sort((a, b) => a - b).map((p, rank) => [p, rank]));
  const n = series.length;
  const areas = areaRank.size;
  const periods = periodRank.size;
  const order = new Uint32Array(n);
  const keyOf = (i: number) => (seriesRank.get(series[i])! * periods + periodRank.get(period[i])!) * areas + areaRank.get(area[i])!;
  // Each figure's key (its rank in key order, dense per column) and its position packed into one
  // number, sorted by the typed array's own numeric sort: 3–4× faster than sorting positions with a
  // comparator over 1.2 million figures. Exact while the packed numbers stay below 2^53.
  if (seriesRank.size * periods * areas * n < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = keyOf(i) * n + i;
    packed.sort();
    for (let k = 0; k < n; k++) order[k] = packed[k] % n;
    return order;
  }
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = keyOf(i);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => key[a] - key[b]);
}

/** Older releases of the data set that no longer hold any figure are marked superseded by this one. */
export async function markSuperseded(db: Db, dataset: string, releaseId: number): Promise<number> {
  const result = await sql`
    update release r set status = 'superseded', superseded_by = ${releaseId}::integer
    where r.dataset = ${dataset} and r.id <> ${releaseId}::integer and r.status = 'loaded'
      and r.id not in (
        select distinct o.release_id from observation o
        where o.series_id in (select s.id from series s where s.dataset = ${dataset})
      )
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * A release that wrote no figure (an older edition imported after a newer one: every figure it
 * has is already held by a newer release) is recorded as superseded by the latest loaded edition
 * of the data set, instead of being left 'loaded' with nothing behind it.
 */
export async function markSupersededOnArrival(db: Db, dataset: string, releaseId: number): Promise<void> {
  await sql`
    update release r set status = 'superseded', superseded_by = newer.id
    from (
      select n.id from release n
      where n.dataset = ${dataset} and n.id <> ${releaseId}::integer and n.status = 'loaded'
      order by n.edition desc, n.id desc
      limit 1
    ) newer
    where r.id = ${releaseId}::integer
  `.execute(db);
}

/** Reference releases replace their predecessors whole. */
export async function supersedeAll(db: Db, dataset: string, releaseId: number): Promise<void> {
  await db
    .updateTable('release')
    .set({ status: 'superseded', superseded_by: releaseId })
    .where('dataset', '=', dataset)
    .where('id', '<>', releaseId)
    .where('status', '=', 'loaded')
    .execute();
}

export async function writeLaLookup(db: Db, releaseId: number, file: LaLookupFile): Promise<void> {
  for (const la of file.authorities) {
    await db
      .insertInto('area')
      .values({ code: la.laCode, level: 'local_authority', name: la.name, region_code: la.regionCode })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name: la.name, region_code: la.regionCode }))
      .execute();
    const row = {
      la_code: la.laCode,
      name: la.name,
      ons_code: la.onsCode,
      region_code: la.regionCode,
      is_current: la.isCurrent,
      first_period: la.firstPeriod,
      last_period: la.lastPeriod,
      notes: la.notes,
      release_id: releaseId,
    };
    await db
      .insertInto('local_authority')
      .values(row)
      .onConflict((oc) => oc.column('la_code').doUpdateSet(row))
      .execute();
  }
  const aliases = new Map<string, { la_code: string; kind: string }>();
  for (const la of file.authorities) {
    aliases.set(la.laCode, { la_code: la.laCode, kind: 'dfe' });
    for (const code of la.sen2Codes) aliases.set(code, { la_code: la.laCode, kind: 'sen2' });
    if (!la.sen2Codes.includes(la.onsCode)) aliases.set(la.onsCode, { la_code: la.laCode, kind: 'ons_current' });
  }
  for (const [code, alias] of aliases) {
    await db
      .insertInto('la_code_alias')
      .values({ code, la_code: alias.la_code, kind: alias.kind, release_id: releaseId })
      .onConflict((oc) => oc.column('code').doUpdateSet({ la_code: alias.la_code, kind: alias.kind, release_id: releaseId }))
      .execute();
  }
  const known = new Set(file.authorities.map((a) => a.laCode));
  for (const succession of LA_SUCCESSIONS) {
    for (const successor of succession.successors) {
      if (!known.has(succession.predecessor) || !known.has(successor)) continue;
      await db
        .insertInto('la_predecessor')
        .values({ predecessor_code: succession.predecessor, successor_code: successor, from_period: succession.fromPeriod, note: succession.note })
        .onConflict((oc) => oc.columns(['predecessor_code', 'successor_code']).doNothing())
        .execute();
    }
  }
}

export async function writeStatisticalNeighbours(db: Db, releaseId: number, file: StatisticalNeighbourFile): Promise<void> {
  await db.deleteFrom('statistical_neighbour').where('model', '=', file.model).execute();
  await db
    .insertInto('statistical_neighbour')
    .values(file.rows.map((r) => ({ model: file.model, la_code: r.laCode, rank: r.rank, neighbour_code: r.neighbourCode, proximity: r.proximity, release_id: releaseId })))
    .execute();
}

export async function writeProgrammes(db: Db, releaseId: number, file: ProgrammeFile): Promise<void> {
  await db.deleteFrom('programme_membership').execute();
  await db
    .insertInto('programme_membership')
    .values(
      file.rows.map((r) => ({
        programme: r.programme,
        cohort: r.cohort,
        la_code: r.laCode,
        source: r.source,
        list_incomplete: r.listIncomplete,
        note: r.note,
        release_id: releaseId,
      })),
    )
    .execute();
}

/** Every change of data bumps the version that response caches are keyed on. */
export async function bumpDataVersion(db: Db): Promise<void> {
  await sql`update data_state set version = version + 1, updated_at = now() where id = 1`.execute(db);
}

/**
 * Refreshes the planner's statistics of the tables an import grows. Without it, reads right after
 * a large import are planned for the table as it was (autovacuum gets to it later): on a copy with
 * 100× the areas the profile's read went from an index walk to seconds. metric_value is also
 * vacuumed, so that its pages are marked all-visible and reads are answered from its covering
 * indexes alone (migration 0003) from the first request, not once autovacuum has been by.
 * Runs outside any transaction (VACUUM cannot run in one).
 */
export async function analyzeFigures(db: Db): Promise<void> {
  await sql`vacuum (analyze) metric_value`.execute(db);
  await sql`analyze observation, series`.execute(db);
}
