import { METRICS, metricById, type MetricDefinition, previousPeriod } from '@sendbench/schema';
import { type Selectable, sql } from 'kysely';
import type { Db, QualityFlagTable } from '../db/database';
import { type ChangeInput, flagUnusualChanges, type JudgedChange } from '../statistics/unusual-change';

/** Metrics whose values the rule judges: not the growth metrics (their values are changes already, and may be negative). */
export const JUDGED_METRIC_IDS: readonly string[] = METRICS.filter((m) => m.formula.kind !== 'change').map((m) => m.id);

/**
 * The automatic data-quality flags (statistics/unusual-change.ts), kept when the metrics' values
 * are derived: every LA value with a positive value in the period before (January 2024 before
 * January 2025, 2023 before 2024), not across a series break, judged by `flagUnusualChanges`
 * against the LA's own changes and every LA's changes in the same period. One read of the judged
 * values (a JSON document of columns per metric), the rule in JS, one insert of the flags. Values
 * are never altered: a flag sits beside them.
 *
 * Why not SQL: the rule needs medians of each LA's and each period's changes and medians of the
 * deviations from them, joined back to every change; on a database without statistics the planner
 * nested-looped those joins of CTEs (minutes on the official data, where this takes about a second).
 *
 * @example await refreshQualityFlags(trx, ['ehc_plans']);
 */
export async function refreshQualityFlags(db: Db, metricIds: readonly string[] | null): Promise<void> {
  const judged = JUDGED_METRIC_IDS.filter((id) => metricIds === null || metricIds.includes(id));
  if (metricIds === null) await sql`delete from quality_flag`.execute(db);
  else await sql`delete from quality_flag where metric_id = any(${[...metricIds]}::text[])`.execute(db);
  if (!judged.length) return;
  const read = await sql<{ metric_id: string; columns: string }>`
    select metric_id, json_build_object('a', array_agg(area_code), 'p', array_agg(period), 'v', array_agg(value))::text as columns
    from metric_value
    where metric_id = any(${judged}::text[]) and status = 'value' and value > 0 and area_code ~ '^[0-9]{3}$'
    group by metric_id
  `.execute(db);
  const flags: QualityFlagRow[] = [];
  for (const { metric_id: metricId, columns } of read.rows) {
    const { a, p, v } = JSON.parse(columns) as { a: string[]; p: number[]; v: number[] };
    const flagged = flagUnusualChanges(changesOf(metricById(metricId)!, a, p, v));
    for (const f of flagged) flags.push(toRow(metricId, f));
  }
  if (!flags.length) return;
  const column = <K extends keyof QualityFlagRow>(key: K) => flags.map((f) => f[key]);
  await sql`
    insert into quality_flag (metric_id, area_code, period, previous_period, value, previous_value, log_change,
      own_median, own_scale, own_changes, england_median, england_scale, england_changes, z_own, z_england)
    select * from unnest(
      ${column('metric_id')}::text[], ${column('area_code')}::text[], ${column('period')}::integer[], ${column('previous_period')}::integer[],
      ${column('value')}::float8[], ${column('previous_value')}::float8[], ${column('log_change')}::float8[],
      ${column('own_median')}::float8[], ${column('own_scale')}::float8[], ${column('own_changes')}::integer[],
      ${column('england_median')}::float8[], ${column('england_scale')}::float8[], ${column('england_changes')}::integer[],
      ${column('z_own')}::float8[], ${column('z_england')}::float8[])
  `.execute(db);
}

/** A metric's changes from each LA's value in the period before, leaving out changes into a series break. */
export function changesOf(metric: MetricDefinition, areas: readonly string[], periods: readonly number[], values: readonly number[]): ChangeInput[] {
  const breaks = new Set((metric.seriesBreaks ?? []).map((b) => b.period));
  const byKey = new Map<string, number>();
  for (let i = 0; i < areas.length; i++) byKey.set(`${areas[i]}|${periods[i]}`, values[i]);
  const changes: ChangeInput[] = [];
  for (let i = 0; i < areas.length; i++) {
    if (breaks.has(periods[i])) continue;
    const before = previousPeriod(metric.periodType, periods[i]);
    const previous = byKey.get(`${areas[i]}|${before}`);
    if (previous !== undefined) changes.push({ area: areas[i], period: periods[i], previousPeriod: before, value: values[i], previous });
  }
  return changes;
}

function toRow(metricId: string, f: JudgedChange): QualityFlagRow {
  return {
    metric_id: metricId,
    area_code: f.area,
    period: f.period,
    previous_period: f.previousPeriod,
    value: f.value,
    previous_value: f.previous,
    log_change: f.logChange,
    own_median: f.ownMedian,
    own_scale: f.ownScale,
    own_changes: f.ownChanges,
    england_median: f.englandMedian,
    england_scale: f.englandScale,
    england_changes: f.englandChanges,
    z_own: f.zOwn,
    z_england: f.zEngland,
  };
}

export type QualityFlagRow = Selectable<QualityFlagTable>;

/** Every kept flag (a few hundred rows), by metric, area and period: read with the reference data once per data version. */
export async function selectQualityFlags(db: Db): Promise<QualityFlagRow[]> {
  return db.selectFrom('quality_flag').selectAll().orderBy('metric_id').orderBy('area_code').orderBy('period').execute();
}
