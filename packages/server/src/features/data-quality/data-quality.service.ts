import { type MetricDefinition, periodLabel, PERIOD_TYPES } from '@sendbench/schema';
import type { QualityFlagRow } from '../../derived/quality-flag.repository';
import { UNUSUAL_CHANGE_RULE } from '../../statistics/unusual-change';
import { toAuthority } from '../authorities/authority.service';
import { requireMetric, toMetric, toPeriod } from '../metrics/metric.service';
import type { ReferenceSnapshot } from '../reference/reference.service';
import { type CuratedNoteRule, curatedNotesOn } from './curated-notes';
import { type CuratedNote, NoteKind, type QualityFlag, type ValueNote } from './data-quality.type';

/** The automatic rule in plain words (the data-quality page and the API say it). */
export const RULE_TEXT =
  `A value is marked "check" when its change from the period before is far outside both the authority's own year-on-year changes and every authority's changes in the same period: ` +
  `the change is taken on the log scale, and its distance from each median is measured in scaled median absolute deviations (a robust z-score, floored at a spread of ${UNUSUAL_CHANGE_RULE.minScale} log units); ` +
  `both must be at least ${UNUSUAL_CHANGE_RULE.threshold} on the same side. An authority needs ${UNUSUAL_CHANGE_RULE.minOwnChanges} changes and a period ${UNUSUAL_CHANGE_RULE.minEnglandChanges} authorities before they are judged; ` +
  `changes into a series break and growth metrics are not judged. A flagged value is shown as published, never hidden or altered.`;

const grouped = (value: number, decimals: number) => value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** A value as a sentence reads it, in the metric's unit ("1,199", "43.6%", "£12,345"). */
export function formatFigure(metric: MetricDefinition, value: number): string {
  switch (metric.unit) {
    case 'percent':
      return `${grouped(value, metric.decimals)}%`;
    case 'gbp':
    case 'gbp_per_plan':
    case 'gbp_per_head':
      return `£${grouped(value, metric.decimals)}`;
    default:
      return grouped(value, metric.decimals);
  }
}

const percentOfLog = (d: number) => (Math.exp(d) - 1) * 100;
const signed = (percent: number) => `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${Math.abs(percent).toFixed(1)}%`;

/** What a flag says, e.g. "Check: 1,199 at January 2025 against 2,705 at January 2024 (−55.7%) …". */
export function flagText(metric: MetricDefinition, flag: QualityFlagRow, laName: string): string {
  const label = (p: number) => periodLabel(metric.periodType, p);
  return (
    `Check: ${laName}'s ${formatFigure(metric, flag.value)} in ${label(flag.period)} against ${formatFigure(metric, flag.previous_value)} in ${label(flag.previous_period)} ` +
    `(${signed(percentOfLog(flag.log_change))}) is far outside its usual year-on-year change (median ${signed(percentOfLog(flag.own_median))}) ` +
    `and every authority's that year (median ${signed(percentOfLog(flag.england_median))}). Shown as published.`
  );
}

const flagId = (flag: Pick<QualityFlagRow, 'metric_id' | 'area_code' | 'period'>) => `check:${flag.metric_id}:${flag.area_code}:${flag.period}`;

/** A kept flag as the API shows it. */
export function toQualityFlag(reference: ReferenceSnapshot, flag: QualityFlagRow): QualityFlag {
  const metric = requireMetric(flag.metric_id);
  const la = reference.authority(flag.area_code)!;
  return {
    id: flagId(flag),
    metric: toMetric(metric, reference),
    authority: toAuthority(la),
    period: toPeriod(metric.periodType, flag.period),
    previousPeriod: toPeriod(metric.periodType, flag.previous_period),
    value: flag.value,
    previousValue: flag.previous_value,
    changePercent: percentOfLog(flag.log_change),
    ownMedianChangePercent: percentOfLog(flag.own_median),
    englandMedianChangePercent: percentOfLog(flag.england_median),
    zOwn: flag.z_own,
    zEngland: flag.z_england,
    ownChanges: flag.own_changes,
    englandChanges: flag.england_changes,
    text: flagText(metric, flag, la.name),
  };
}

/** A curated note as the API shows it. */
export function toCuratedNote(reference: ReferenceSnapshot, rule: CuratedNoteRule): CuratedNote {
  const la = rule.la === null ? undefined : reference.authority(rule.la);
  const types = PERIOD_TYPES.filter((type) => [...rule.metricIds].some((id) => requireMetric(id).periodType === type));
  return {
    id: rule.id,
    authority: la ? toAuthority(la) : null,
    selector: rule.selector,
    metricIds: [...rule.metricIds],
    periods: types.map((type) => toPeriod(type, rule.period)),
    text: rule.note,
    source: rule.source,
  };
}

/** Every note on one value: the curated ones first (file order), then the automatic check. */
export function notesOn(reference: ReferenceSnapshot, metricId: string, areaCode: string, period: number): ValueNote[] {
  const curated = curatedNotesOn(metricId, areaCode, period);
  const flag = reference.qualityFlag(metricId, areaCode, period);
  if (!curated.length && !flag) return [];
  const metric = requireMetric(metricId);
  const at = toPeriod(metric.periodType, period);
  const notes: ValueNote[] = curated.map((rule) => ({ id: rule.id, kind: NoteKind.NOTE, text: rule.note, source: rule.source, metricId, areaCode, period: at }));
  if (flag) {
    const la = reference.authority(areaCode);
    notes.push({
      id: flagId(flag),
      kind: NoteKind.CHECK,
      text: flagText(metric, flag, la?.name ?? areaCode),
      source: 'SENDbench automatic data-quality rule (see the data-quality page), over the published figures of this and the period before',
      metricId,
      areaCode,
      period: at,
    });
  }
  return notes;
}
