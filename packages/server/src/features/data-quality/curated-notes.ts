import fs from 'node:fs';
import path from 'node:path';
import { DATASETS, type DatasetId, datasetsOfMetric, isPeriodCode, METRICS, type MetricDefinition } from '@sendbench/schema';
import { parse } from 'csv-parse/sync';

/**
 * The curated data-quality notes shipped with the project (packages/schema/data/data-quality-notes.csv):
 * one row per known problem — an LA (or `*`, every area), the metrics it touches, a period, the
 * note, and its source. A metric cell holds one or more selectors separated by spaces: a metric id,
 * `dataset:<id>` (every metric that reads the data set), `series-break` (every metric whose series
 * breaks at that period) or `*` (every metric). The file is read once per process.
 */
export const CURATED_NOTES_FILE = path.join(path.dirname(require.resolve('@sendbench/schema/package.json')), 'data', 'data-quality-notes.csv');

export interface CuratedNoteRule {
  /** `note:<line>`: stable while the file's lines stay in place. */
  id: string;
  line: number;
  /** DfE LA number, or null for every area (LAs, regions and England). */
  la: string | null;
  /** The metric cell as written. */
  selector: string;
  metricIds: ReadonlySet<string>;
  period: number;
  note: string;
  source: string;
}

export class CuratedNotesError extends Error {
  readonly code = 'CURATED_NOTES_INVALID';
}

const DATASET_IDS = new Set<string>(DATASETS.map((d) => d.id));

function metricsOf(selector: string, period: number, fail: (field: string, message: string) => never): MetricDefinition[] {
  if (selector === '*') return [...METRICS];
  if (selector === 'series-break') return METRICS.filter((m) => m.seriesBreaks?.some((b) => b.period === period));
  if (selector.startsWith('dataset:')) {
    const dataset = selector.slice('dataset:'.length);
    if (!DATASET_IDS.has(dataset)) fail('metric', `unknown data set "${dataset}"`);
    return METRICS.filter((m) => datasetsOfMetric(m).has(dataset as DatasetId));
  }
  const metric = METRICS.find((m) => m.id === selector);
  if (!metric) fail('metric', `unknown metric "${selector}" (use a metric id, dataset:<id>, series-break or *)`);
  return [metric];
}

/**
 * Reads and checks a notes file: every column present, LA `*` or a 3-digit number, every selector
 * known and matching at least one metric whose periods the code fits, note and source not empty.
 * A bad row stops the read with its line and field named.
 */
export function parseCuratedNotes(text: string, file = CURATED_NOTES_FILE): CuratedNoteRule[] {
  const records = parse(text, { bom: true, columns: true, skip_empty_lines: true, info: true, trim: true }) as { record: Record<string, string>; info: { lines: number } }[];
  return records.map(({ record, info }) => {
    const line = info.lines;
    const fail = (field: string, message: string): never => {
      throw new CuratedNotesError(`${file}, line ${line}, ${field}: ${message}`);
    };
    for (const column of ['la', 'metric', 'period', 'note', 'source']) if (!record[column]) fail(column, 'is empty');
    const la = record.la === '*' ? null : /^\d{3}$/.test(record.la) ? record.la : fail('la', `"${record.la}" is neither * nor a 3-digit DfE LA number`);
    const period = Number(record.period);
    const metrics = record.metric.split(/\s+/).flatMap((s) => metricsOf(s, period, fail)).filter((m) => isPeriodCode(m.periodType, period));
    if (!metrics.length) fail('period', `${record.period} is not a period of any metric the selector "${record.metric}" names`);
    return { id: `note:${line}`, line, la, selector: record.metric, metricIds: new Set(metrics.map((m) => m.id)), period, note: record.note, source: record.source };
  });
}

let loaded: { rules: CuratedNoteRule[]; byKey: Map<string, CuratedNoteRule[]> } | undefined;

function load() {
  if (!loaded) {
    const rules = parseCuratedNotes(fs.readFileSync(CURATED_NOTES_FILE, 'utf8'));
    const byKey = new Map<string, CuratedNoteRule[]>();
    for (const rule of rules) {
      for (const id of rule.metricIds) {
        const key = `${id}|${rule.period}`;
        byKey.set(key, [...(byKey.get(key) ?? []), rule]);
      }
    }
    loaded = { rules, byKey };
  }
  return loaded;
}

/** Every curated note, in file order. */
export function curatedNotes(): readonly CuratedNoteRule[] {
  return load().rules;
}

/** The curated notes on one value (an LA's, a region's or England's). */
export function curatedNotesOn(metricId: string, areaCode: string, period: number): CuratedNoteRule[] {
  return (load().byKey.get(`${metricId}|${period}`) ?? []).filter((rule) => rule.la === null || rule.la === areaCode);
}
