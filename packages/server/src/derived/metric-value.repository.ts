import {
  datasetById,
  ENGLAND_CODE,
  type MetricDefinition,
  type PeriodMapping,
  type Source,
  type SourceRef,
} from '@sendbench/schema';
import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { Db, MetricValueTable } from '../db/database';

/**
 * Derives metric values from observations by the catalogue's formulas, entirely in SQL: one
 * INSERT … SELECT per metric, then one more that fills region and England values from LA rows
 * where none is published. Run inside the import transaction so metric values never disagree with
 * the observations they come from.
 */
export async function deriveMetricValues(db: Db, metrics: readonly MetricDefinition[]): Promise<number> {
  let rows = 0;
  for (const metric of metrics) {
    await db.deleteFrom('metric_value').where('metric_id', '=', metric.id).execute();
    const inserted = await sql`
      insert into metric_value (metric_id, area_code, period, value, status, numerator, denominator, aggregated, release_ids)
      select ${metric.id}, area_code, period, value, status, numerator, denominator, false, release_ids
      from (${selectMetric(metric)}) m
    `.execute(db);
    rows += Number(inserted.numAffectedRows ?? 0);
    const aggregate = aggregateFromAuthorities(metric);
    if (aggregate) {
      const filled = await aggregate.execute(db);
      rows += Number(filled.numAffectedRows ?? 0);
    }
    await refreshMetricPeriods(db, metric.id);
  }
  return rows;
}

/** The periods in which the metric has a figure, and whether an LA has one (read by every request's reference snapshot). */
async function refreshMetricPeriods(db: Db, metricId: string): Promise<void> {
  await db.deleteFrom('metric_period').where('metric_id', '=', metricId).execute();
  await sql`
    insert into metric_period (metric_id, period, la_value)
    select metric_id, period, bool_or(area_code ~ '^[0-9]{3}$') from metric_value
    where metric_id = ${metricId} and status = 'value' group by metric_id, period
  `.execute(db);
}

/** Metric period expression for a source period column, per mapping. */
function mapPeriod(mapping: PeriodMapping | undefined, o: RawBuilder<unknown> = sql`o`): RawBuilder<number> {
  switch (mapping ?? 'same') {
    case 'same':
      return sql`${o}.period`;
    case 'calendar_year_of_january':
      // January 2022 coded as calendar year 2022 → academic-year code 202122
      return sql`((${o}.period - 1) * 100 + ${o}.period % 100)`;
    case 'mid_year_before_january':
      // mid-2020 estimate (2020) → January 2021 (202021)
      return sql`(${o}.period * 100 + (${o}.period + 1) % 100)`;
  }
}

/**
 * Where a derivation reads observations: the published table (the default), or an LA's upload laid
 * over its published rows (derived/provisional-metric-value.repository.ts), as rows of
 * (dataset, measure, breakdown, area_code, period, value, status, release_id) whose uploaded rows
 * carry release_id PROVISIONAL_RELEASE.
 */
export type ObservationSource = { kind: 'published' } | { kind: 'overlay'; rows: RawBuilder<unknown> };

const PUBLISHED: ObservationSource = { kind: 'published' };

/** The release id an uploaded (provisional) observation carries in an overlay: a derived value holding it comes from the upload. */
export const PROVISIONAL_RELEASE = -1;

/**
 * One source ref: the sum of its measures per area and period, only where every measure has a row.
 * A symbol in any measure makes the sum that symbol (never a partial sum).
 */
function selectRef(ref: SourceRef, priority: number, source: ObservationSource): RawBuilder<unknown> {
  const breakdown = ref.breakdown ?? datasetById(ref.dataset).totalBreakdown;
  const measures = sql.join(ref.measures.map((m) => sql.lit(m)));
  const k = ref.measures.length;
  // In an overlay the upload's marker (the lowest id) must survive the aggregate.
  const from = source.kind === 'published' ? sql`observation o join series s on s.id = o.series_id` : sql`(${source.rows}) s`;
  const o = source.kind === 'published' ? sql`o` : sql`s`;
  return sql`
    select ${o}.area_code, ${mapPeriod(ref.period, o)} as period,
      case when bool_and(${o}.status = 'value') then sum(${o}.value) end as value,
      case when bool_and(${o}.status = 'value') then 'value' else min(${o}.status) filter (where ${o}.status <> 'value') end as status,
      ${source.kind === 'published' ? sql`max(o.release_id)` : sql`min(s.release_id)`} as release_id,
      ${sql.lit(priority)} as priority
    from ${from}
    where s.dataset = ${sql.lit(ref.dataset)} and s.breakdown = ${sql.lit(breakdown)} and s.measure in (${measures})
    group by ${o}.area_code, ${o}.period
    having count(*) = ${sql.lit(k)}
  `;
}

/** A source (one ref or a priority list): per area and period, the first ref that has a row. */
function selectSource(source: Source, from: ObservationSource): RawBuilder<unknown> {
  const refs: readonly SourceRef[] = Array.isArray(source) ? (source as readonly SourceRef[]) : [source as SourceRef];
  if (refs.length === 1) return selectRef(refs[0], 0, from);
  const union = sql.join(
    refs.map((ref, i) => selectRef(ref, i, from)),
    sql` union all `,
  );
  return sql`select distinct on (area_code, period) * from (${union}) u order by area_code, period, priority`;
}

/** A metric's values by area and period, from `from` (published observations by default). */
export function selectMetric(metric: MetricDefinition, from: ObservationSource = PUBLISHED): RawBuilder<unknown> {
  const f = metric.formula;
  switch (f.kind) {
    case 'value':
      return sql`
        select area_code, period, value, status,
          ${f.additive ? sql`value` : sql`null::double precision`} as numerator,
          null::double precision as denominator,
          array[release_id] as release_ids
        from (${selectSource(f.value, from)}) v
      `;
    case 'ratio': {
      const published = f.published ? selectSource(f.published, from) : sql`select null::text as area_code, null::integer as period, null::double precision as value, null::text as status, null::integer as release_id where false`;
      return sql`
        with num as (${selectSource(f.numerator, from)}),
        den as (${selectSource(f.denominator, from)}),
        pub as (${published}),
        periods as (select period from num intersect select period from den),
        keys as (
          select area_code, period from num where period in (select period from periods)
          union
          select area_code, period from den where period in (select period from periods)
        )
        select k.area_code, k.period,
          case
            when pub.status = 'value' then pub.value
            when num.status = 'value' and den.status = 'value' and den.value <> 0 then num.value / den.value * ${sql.lit(f.scale)}
          end as value,
          case
            when pub.status = 'value' then 'value'
            when num.status = 'value' and den.status = 'value' and den.value <> 0 then 'value'
            when pub.status is not null then pub.status
            when num.status is null or den.status is null then 'x'
            when num.status <> 'value' then num.status
            when den.status <> 'value' then den.status
            else 'z'
          end as status,
          case when num.status = 'value' and den.status = 'value' then num.value end as numerator,
          case when num.status = 'value' and den.status = 'value' then den.value end as denominator,
          array_remove(array[num.release_id, den.release_id, pub.release_id], null) as release_ids
        from keys k
        left join num on num.area_code = k.area_code and num.period = k.period
        left join den on den.area_code = k.area_code and den.period = k.period
        left join pub on pub.area_code = k.area_code and pub.period = k.period
      `;
    }
    case 'change': {
      const step = metric.periodType === 'calendar_year' ? 1 : 101;
      return sql`
        with cur as (${selectSource(f.of, from)}),
        prev as (select area_code, period + ${sql.lit(step)} as period, value, status, release_id from (${selectSource(f.of, from)}) p),
        periods as (select period from cur intersect select period from prev)
        select cur.area_code, cur.period,
          case when cur.status = 'value' and prev.status = 'value' and prev.value <> 0
            then (cur.value - prev.value) / prev.value * 100 end as value,
          case
            when prev.status is null then 'x'
            when cur.status <> 'value' then cur.status
            when prev.status <> 'value' then prev.status
            when prev.value = 0 then 'z'
            else 'value'
          end as status,
          case when cur.status = 'value' and prev.status = 'value' then cur.value - prev.value end as numerator,
          case when cur.status = 'value' and prev.status = 'value' then prev.value end as denominator,
          array_remove(array[cur.release_id, prev.release_id], null) as release_ids
        from cur
        left join prev on prev.area_code = cur.area_code and prev.period = cur.period
        where cur.period in (select period from periods)
      `;
    }
  }
}

/**
 * Region and England values where the source publishes none: sum of numerators over sum of
 * denominators (or the sum, for additive values) over the LAs that have a value, marked
 * `aggregated`. Published region and England figures are never overwritten; a row that is only
 * "x" because one of its sources has no region or England figure is.
 */
function aggregateFromAuthorities(metric: MetricDefinition) {
  const f = metric.formula;
  if (f.kind === 'value' && !f.additive) return undefined;
  const scale = f.kind === 'ratio' ? f.scale : 100;
  const value = f.kind === 'value' ? sql`sum(mv.numerator)` : sql`sum(mv.numerator) / nullif(sum(mv.denominator), 0) * ${sql.lit(scale)}`;
  const usable = f.kind === 'value' ? sql`mv.numerator is not null` : sql`mv.numerator is not null and mv.denominator is not null`;
  return sql`
    insert into metric_value (metric_id, area_code, period, value, status, numerator, denominator, aggregated, release_ids)
    select ${metric.id}, g.code, mv.period, ${value}, 'value', sum(mv.numerator),
      ${f.kind === 'value' ? sql`null::double precision` : sql`sum(mv.denominator)`}, true,
      array_remove(array_agg(distinct mv.release_ids[1]) || array_agg(distinct mv.release_ids[2]) || array_agg(distinct mv.release_ids[3]), null)
    from metric_value mv
    join local_authority la on la.la_code = mv.area_code
    cross join lateral (values (la.region_code), (${ENGLAND_CODE})) g(code)
    where mv.metric_id = ${metric.id} and ${usable}
    group by g.code, mv.period
    having ${f.kind === 'value' ? sql`true` : sql`sum(mv.denominator) <> 0`}
    on conflict (metric_id, period, area_code) do update
      set value = excluded.value, status = excluded.status, numerator = excluded.numerator,
        denominator = excluded.denominator, aggregated = true, release_ids = excluded.release_ids
      -- only a row that is "not available" because one side has no region/England figure
      -- (spend per plan: plans are published for England, spend is not); a published figure stays
      where metric_value.status = 'x'
  `;
}

/** A stored metric value. */
export type MetricValueRow = Selectable<MetricValueTable>;

/**
 * Above this many areas, a read takes the metrics' periods whole (a range of the primary key) and
 * keeps the set's areas in JS: the planner otherwise probes the area index once per code, which at
 * 15,300 areas (the ×100 benchmark) took 170 ms where the whole period took 20 ms. England's 153
 * LAs stay under it, so real comparisons read exactly their areas.
 */
export const WHOLE_PERIOD_ABOVE = 1000;

/**
 * Values of some metrics for a set of areas, in some periods (all periods when `periods` is
 * omitted), in no particular order. One indexed read, whatever the number of areas; the rows come
 * back as columns (see `columnsOf`).
 *
 * @example SQL: select json_build_object('a', array_agg(area_code), …) from metric_value where metric_id = any($1) and area_code = any($2) and period = any($3)
 */
export async function selectMetricValues(
  db: Db,
  filter: { metricIds: readonly string[]; areas: readonly string[]; periods?: readonly number[]; releaseIds?: boolean },
): Promise<MetricValueRow[]> {
  const whole = filter.periods !== undefined && filter.areas.length > WHOLE_PERIOD_ABOVE;
  const conditions = [sql`metric_id = any(${[...filter.metricIds]}::text[])`];
  if (!whole) conditions.push(sql`area_code = any(${[...filter.areas]}::text[])`);
  if (filter.periods) conditions.push(sql`period = any(${[...filter.periods]}::integer[])`);
  const rows = sql`select * from metric_value where ${sql.join(conditions, sql` and `)}`;
  return columnsOf(db, rows, {
    metricId: filter.metricIds.length === 1 ? filter.metricIds[0] : undefined,
    period: filter.periods?.length === 1 ? filter.periods[0] : undefined,
    areas: whole ? new Set(filter.areas) : undefined,
    releaseIds: filter.releaseIds,
  });
}

/**
 * Reads metric_value rows (a select of whole rows) as one JSON document of columns
 * (`{"a": [area codes…], "v": [values…], …}`) and turns them back into rows. For large reads this
 * halves the time from query to rows: pg parses each text field of each row in JS (at 15,300 rows
 * × 9 fields, ~45 ms), where JSON.parse reads the whole document natively. Values keep their exact
 * doubles (PostgreSQL writes float8 the same shortest round-trip way in JSON as in text). Nothing
 * is sent that the reader knows already: the metric and period when the read has only one, the
 * status of a row with a value (always "value", by the table's check), release ids when the
 * operation does not ask for them (`releaseIds: false`; ~30% of the read's time at 15,300 rows),
 * and `known.areas` filters rows before they are built. All columns are aggregates over the same rows in the same order.
 */
async function columnsOf(db: Db, rows: RawBuilder<unknown>, known: KnownColumns = {}): Promise<MetricValueRow[]> {
  const result = await sql<{ columns: string }>`select (${columnsDocument(rows, known)})::text as columns`.execute(db);
  return rowsOfColumns(JSON.parse(result.rows[0].columns) as ColumnsDocument, known);
}

/** What a read of metric_value rows need not send back (see `columnsOf`). */
export interface KnownColumns {
  metricId?: string;
  period?: number;
  areas?: ReadonlySet<string>;
  releaseIds?: boolean;
}

/** The columns of some metric_value rows, as `columnsDocument` writes them. */
export interface ColumnsDocument {
  a: string[] | null; v: (number | null)[]; n: (number | null)[]; d: (number | null)[]; s: string[] | null; g: number[]; r?: number[][]; m?: string[]; p?: number[];
}

/** `columnsOf`'s JSON document of columns, as a scalar subquery another select can embed. */
export function columnsDocument(rows: RawBuilder<unknown>, known: KnownColumns = {}): RawBuilder<unknown> {
  const releaseIds = known.releaseIds ?? true;
  return sql`
    select json_build_object(
      'a', array_agg(area_code), 'v', array_agg(value), 'n', array_agg(numerator), 'd', array_agg(denominator),
      's', array_agg(status) filter (where value is null), 'g', array_agg(aggregated::int)
      ${releaseIds ? sql`, 'r', json_agg(release_ids)` : sql``}
      ${known.metricId === undefined ? sql`, 'm', array_agg(metric_id)` : sql``}
      ${known.period === undefined ? sql`, 'p', array_agg(period)` : sql``}
    )
    from (${rows}) mv
  `;
}

/** The rows of a `columnsDocument`. */
export function rowsOfColumns(c: ColumnsDocument, known: KnownColumns = {}): MetricValueRow[] {
  if (c.a === null) return [];
  const out: MetricValueRow[] = [];
  let symbol = 0;
  for (let i = 0; i < c.a.length; i++) {
    const value = c.v[i];
    const status = value === null ? c.s![symbol++] : 'value';
    if (known.areas && !known.areas.has(c.a[i])) continue;
    out.push({
      metric_id: known.metricId ?? c.m![i],
      area_code: c.a[i],
      period: known.period ?? c.p![i],
      value,
      status,
      numerator: c.n[i],
      denominator: c.d[i],
      aggregated: c.g[i] === 1,
      // Left out only when the operation does not ask for releaseIds (see operationSelects).
      release_ids: c.r?.[i] as number[],
    });
  }
  return out;
}

/**
 * Values by exact keys (metric, period, area) — the batch read behind the per-request DataLoader.
 *
 * @example SQL: select … from metric_value join unnest($1::text[], $2::int[], $3::text[]) k(m, p, a) on …
 */
export async function selectMetricValuesByKey(db: Db, keys: readonly { metricId: string; period: number; area: string }[]): Promise<MetricValueRow[]> {
  const result = await sql<MetricValueRow>`
    select mv.metric_id, mv.area_code, mv.period, mv.value, mv.status, mv.numerator, mv.denominator, mv.aggregated, mv.release_ids
    from unnest(${keys.map((k) => k.metricId)}::text[], ${keys.map((k) => k.period)}::integer[], ${keys.map((k) => k.area)}::text[]) as k(m, p, a)
    join metric_value mv on mv.metric_id = k.m and mv.period = k.p and mv.area_code = k.a
  `.execute(db);
  return result.rows;
}

/**
 * Every period of some (metric, area) pairs — the batch read behind `series` fields.
 *
 * @example SQL: select … from metric_value join unnest($1::text[], $2::text[]) k(m, a) on … order by period
 */
export async function selectSeriesByKey(db: Db, keys: readonly { metricId: string; area: string }[]): Promise<MetricValueRow[]> {
  const result = await sql<MetricValueRow>`
    select mv.metric_id, mv.area_code, mv.period, mv.value, mv.status, mv.numerator, mv.denominator, mv.aggregated, mv.release_ids
    from unnest(${keys.map((k) => k.metricId)}::text[], ${keys.map((k) => k.area)}::text[]) as k(m, a)
    join metric_value mv on mv.metric_id = k.m and mv.area_code = k.a
    order by mv.period
  `.execute(db);
  return result.rows;
}
