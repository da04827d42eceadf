import { sql } from 'kysely';
import type { Db, KeptStatisticsColumns } from '../db/database';
import type { MetricValueRow } from './metric-value.repository';

/**
 * England's comparator set — every current LA — ranked once per metric period when the metric's
 * values are derived (`refreshEnglandSet`), so that a comparison over it reads only the places it
 * shows (`selectEnglandSet`). Ranking 15,300 members per request (the ×100 benchmark) cost ~35 ms
 * in Node and as much in PostgreSQL; reading 200 ranked rows costs ~2 ms. Other sets (regions,
 * neighbours, custom) are small and ranked per request (`summariseSet`).
 *
 * The figures are those `summariseSet` computes: competition ranks highest first, the ascending
 * position that gives the quartile band, quartiles by linear interpolation (percentile_cont does
 * the same arithmetic as `quantileOfSorted`), range, and the sums behind the aggregate. Sums are
 * exact (numeric) and rounded once, where JS adds doubles in member order: they can differ in the
 * last bit for the few metrics with fractional numerators.
 */
export async function refreshEnglandSet(db: Db, metricIds: readonly string[] | null): Promise<void> {
  const only = (alias: string) => (metricIds === null ? sql`true` : sql`${sql.ref(`${alias}.metric_id`)} = any(${[...metricIds]}::text[])`);
  await sql`delete from england_rank r where ${only('r')}`.execute(db);
  await sql`delete from england_statistics s where ${only('s')}`.execute(db);
  await sql`
    insert into england_rank (metric_id, period, rank, area_code, position)
    select mv.metric_id, mv.period,
      rank() over (partition by mv.metric_id, mv.period order by mv.value desc),
      mv.area_code,
      rank() over (partition by mv.metric_id, mv.period order by mv.value asc)
    from metric_value mv
    join local_authority la on la.la_code = mv.area_code and la.is_current
    where ${only('mv')} and mv.value is not null
  `.execute(db);
  await sql`
    insert into england_statistics (metric_id, period, with_value, quartiles, min, max, numerators, numerator_sum, pairs, pair_numerator, pair_denominator)
    select mv.metric_id, mv.period,
      count(mv.value),
      percentile_cont(array[0.25, 0.5, 0.75]::float8[]) within group (order by mv.value),
      min(mv.value), max(mv.value),
      count(mv.numerator),
      sum(mv.numerator::numeric)::float8,
      count(*) filter (where mv.numerator is not null and mv.denominator is not null),
      sum(mv.numerator::numeric) filter (where mv.denominator is not null)::float8,
      sum(mv.denominator::numeric) filter (where mv.numerator is not null)::float8
    from metric_value mv
    join local_authority la on la.la_code = mv.area_code and la.is_current
    where ${only('mv')}
    group by mv.metric_id, mv.period
  `.execute(db);
}

/** Sums behind a set's aggregate (see `aggregateOfSums`). */
export interface SetSums {
  /** Members with a numerator, and their sum. */
  numerators: number;
  numeratorSum: number | null;
  /** Members with both a numerator and a denominator, and the two sums over them. */
  pairs: number;
  pairNumerator: number | null;
  pairDenominator: number | null;
}

/** A set's statistics as kept at import (england_statistics, neighbour_statistics). */
export interface KeptFigures {
  withValue: number;
  /** Lower quartile, median, upper quartile; null when no member has a value. */
  quartiles: [number, number, number] | null;
  min: number | null;
  max: number | null;
  sums: SetSums;
}

/** The kept figures of a row of england_statistics or neighbour_statistics; none kept: an empty set. */
export function keptFigures(row: KeptStatisticsColumns | null | undefined): KeptFigures {
  return {
    withValue: row?.with_value ?? 0,
    quartiles: (row?.quartiles as [number, number, number] | null | undefined) ?? null,
    min: row?.min ?? null,
    max: row?.max ?? null,
    sums: {
      numerators: row?.numerators ?? 0,
      numeratorSum: row?.numerator_sum ?? null,
      pairs: row?.pairs ?? 0,
      pairNumerator: row?.pair_numerator ?? null,
      pairDenominator: row?.pair_denominator ?? null,
    },
  };
}

export interface EnglandSetRead extends KeptFigures {
  /** The members ranked `through` or better (every member tied with them too; all when `through` is null), in no particular order. */
  ranked: { row: MetricValueRow; rank: number; position: number }[];
  /** The focus's rank and position; null without a focus or when it has no value. */
  focus: { rank: number; position: number } | null;
  /** Rows of members without a value — read only when `through` reaches past the members with one. */
  unvalued: MetricValueRow[] | null;
  /** Rows of the other areas asked for (England, region, the focus). */
  others: MetricValueRow[];
}

interface RowJson {
  a: string;
  v: number | null;
  s: string;
  n: number | null;
  d: number | null;
  g: boolean;
  r?: number[];
}

/**
 * One metric period of England's set, as ranked at import: its statistics, the members in the
 * first `through` places, the focus's place, and the rows of `others`. One statement; ~200 rows
 * whatever the number of LAs.
 *
 * @example SQL: select json_build_object('s', (select … from england_statistics …), 'm', (select … from england_rank r join metric_value mv … where r.rank <= $3), …)
 */
export async function selectEnglandSet(
  db: Db,
  read: { metricId: string; period: number; through: number | null; focus: string | null; others: readonly string[]; releaseIds: boolean },
): Promise<EnglandSetRead> {
  const key = (alias: string) => sql`${sql.ref(`${alias}.metric_id`)} = ${read.metricId} and ${sql.ref(`${alias}.period`)} = ${read.period}`;
  const rowJson = sql`'a', mv.area_code, 'v', mv.value, 's', mv.status, 'n', mv.numerator, 'd', mv.denominator, 'g', mv.aggregated`;
  const releaseIds = read.releaseIds ? sql`, 'r', mv.release_ids` : sql``;
  const through = sql`${read.through}::int`;
  const result = await sql<{ doc: string }>`
    select json_build_object(
      's', (select row_to_json(e) from england_statistics e where ${key('e')}),
      'm', (select json_build_object(
          'k', array_agg(r.rank), 'p', array_agg(r.position), 'a', array_agg(mv.area_code), 'v', array_agg(mv.value),
          'n', array_agg(mv.numerator), 'd', array_agg(mv.denominator), 'g', array_agg(mv.aggregated::int)
          ${read.releaseIds ? sql`, 'r', json_agg(mv.release_ids)` : sql``})
        from england_rank r
        join metric_value mv on mv.metric_id = r.metric_id and mv.period = r.period and mv.area_code = r.area_code
        where ${key('r')} and (${through} is null or r.rank <= ${through})),
      'f', (select json_build_object('k', r.rank, 'p', r.position) from england_rank r where ${key('r')} and r.area_code = ${read.focus}),
      'u', (select json_agg(json_build_object(${rowJson} ${releaseIds}))
        from metric_value mv
        join local_authority la on la.la_code = mv.area_code and la.is_current
        where ${key('mv')} and mv.value is null
          and (${through} is null or ${through} > coalesce((select e.with_value from england_statistics e where ${key('e')}), 0))),
      'x', (select json_agg(json_build_object(${rowJson}, 'r', mv.release_ids))
        from metric_value mv where ${key('mv')} and mv.area_code = any(${[...read.others]}::text[]))
    )::text as doc
  `.execute(db);
  const doc = JSON.parse(result.rows[0].doc) as {
    s: KeptStatisticsColumns | null;
    // Columns of the ranked rows (every one has a value, so its status is "value"): one JSON array each, parsed natively.
    m: { k: number[] | null; p: number[]; a: string[]; v: number[]; n: (number | null)[]; d: (number | null)[]; g: number[]; r?: number[][] };
    f: { k: number; p: number } | null;
    u: RowJson[] | null;
    x: RowJson[] | null;
  };
  const toRow = (j: RowJson): MetricValueRow => ({
    metric_id: read.metricId,
    area_code: j.a,
    period: read.period,
    value: j.v,
    status: j.s,
    numerator: j.n,
    denominator: j.d,
    aggregated: j.g,
    // Left out only when the operation does not ask for releaseIds (see operationSelects).
    release_ids: j.r as number[],
  });
  const kept = keptFigures(doc.s);
  return {
    ...kept,
    ranked: (doc.m.k ?? []).map((rank, i) => ({
      row: { metric_id: read.metricId, area_code: doc.m.a[i], period: read.period, value: doc.m.v[i], status: 'value', numerator: doc.m.n[i], denominator: doc.m.d[i], aggregated: doc.m.g[i] === 1, release_ids: doc.m.r?.[i] as number[] },
      rank,
      position: doc.m.p[i],
    })),
    focus: doc.f ? { rank: doc.f.k, position: doc.f.p } : null,
    unvalued: doc.u === null && (read.through === null || read.through > kept.withValue) ? [] : doc.u && doc.u.map(toRow),
    others: (doc.x ?? []).map(toRow),
  };
}
