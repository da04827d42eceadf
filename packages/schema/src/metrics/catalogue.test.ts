import { describe, expect, it } from '@jest/globals';
import { METRICS, metricById } from './catalogue';
import { DATASETS, type DatasetDefinition } from '../datasets';
import { THEMES, UNITS, POLARITIES, type MetricDefinition, type Source, type SourceRef } from './metric';
import { PERIOD_TYPES, isPeriodCode, type PeriodType } from '../vocabulary';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const DATASET_BY_ID = new Map<string, DatasetDefinition>(DATASETS.map((d) => [d.id, d]));

const refsOf = (s: Source): readonly SourceRef[] => (Array.isArray(s) ? s : [s as SourceRef]);

/** Every source ref a metric reads, with where it is used. */
function refsOfMetric(m: MetricDefinition): { role: string; ref: SourceRef }[] {
  const f = m.formula;
  const tag = (role: string, s: Source) => refsOf(s).map((ref) => ({ role, ref }));
  switch (f.kind) {
    case 'value':
      return tag('value', f.value);
    case 'change':
      return tag('of', f.of);
    case 'ratio':
      return [
        ...tag('numerator', f.numerator),
        ...tag('denominator', f.denominator),
        ...(f.published ? tag('published', f.published) : []),
      ];
  }
}

/** Which source time identifiers each period mapping may read for a metric of each period type. */
const COMPATIBLE: Record<string, Partial<Record<PeriodType, readonly string[]>>> = {
  same: { january: ['Academic year'], calendar_year: ['Calendar year'], financial_year: ['Financial year', 'Academic year'] },
  calendar_year_of_january: { january: ['Calendar year'], financial_year: ['Calendar year'] },
  mid_year_before_january: { january: ['Calendar year'] },
};

/** Problems with the data references of a metric (empty when all is well). */
function referenceProblems(m: MetricDefinition): string[] {
  const problems: string[] = [];
  for (const { role, ref } of refsOfMetric(m)) {
    const ds = DATASET_BY_ID.get(ref.dataset);
    if (!ds) {
      problems.push(`${m.id} ${role}: unknown dataset ${ref.dataset}`);
      continue;
    }
    if (ref.measures.length === 0) problems.push(`${m.id} ${role}: no measures`);
    for (const col of ref.measures) {
      if (!ds.columns.includes(col)) problems.push(`${m.id} ${role}: ${ref.dataset} has no column "${col}"`);
      if (ds.textColumns?.includes(col)) problems.push(`${m.id} ${role}: "${col}" is a text column`);
    }
    if (ref.breakdown !== undefined) {
      const parts = ref.breakdown === '' ? 0 : ref.breakdown.split(' | ').length;
      if (parts !== ds.filters.length) {
        problems.push(`${m.id} ${role}: breakdown "${ref.breakdown}" does not match the ${ds.filters.length} filter(s) of ${ref.dataset}`);
      }
    }
    const mapping = ref.period ?? 'same';
    const allowed = COMPATIBLE[mapping]?.[m.periodType] ?? [];
    if (!allowed.includes(ds.timeIdentifier)) {
      problems.push(`${m.id} ${role}: period mapping "${mapping}" cannot read ${ds.timeIdentifier} data for a ${m.periodType} metric`);
    }
  }
  return problems;
}

describe('metric catalogue', () => {
  it('has at least 35 metrics', () => {
    expect(METRICS.length).toBeGreaterThanOrEqual(35);
  });

  it('has unique snake_case ids', () => {
    const ids = METRICS.map((m) => m.id);
    expect(ids.filter((id) => !SNAKE.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('covers every theme', () => {
    const themes = new Set(METRICS.map((m) => m.theme));
    for (const t of THEMES) expect(themes.has(t)).toBe(true);
  });

  it('uses only known themes, units, polarities and period types', () => {
    for (const m of METRICS) {
      expect(THEMES).toContain(m.theme);
      expect(UNITS).toContain(m.unit);
      expect(POLARITIES).toContain(m.polarity);
      expect(PERIOD_TYPES).toContain(m.periodType);
    }
  });

  it('references only columns that exist in the data set, with valid breakdowns and period mappings', () => {
    expect(METRICS.flatMap(referenceProblems)).toEqual([]);
  });

  it('reports a misspelt column, an unknown data set and a bad breakdown (the check can fail)', () => {
    const good = metricById('pct_plans_mainstream')!;
    const bad: MetricDefinition = {
      ...good,
      id: 'broken',
      formula: {
        kind: 'ratio',
        numerator: { dataset: 'ehcp_caseload', measures: ['mainstream_totl'] },
        denominator: [
          { dataset: 'ehcp_annual_reviews', measures: ['number_decision_4weeks'] },
          { dataset: 'ehcp_caseload', measures: ['ehcplans'], breakdown: 'All EHC plans' },
        ],
        scale: 100,
        published: { dataset: 'no_such_dataset' as never, measures: ['x'] },
        proportion: true,
      },
    };
    const problems = referenceProblems(bad);
    expect(problems.some((p) => p.includes('"mainstream_totl"'))).toBe(true);
    expect(problems.some((p) => p.includes('"number_decision_4weeks"'))).toBe(true);
    expect(problems.some((p) => p.includes('breakdown "All EHC plans"'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown dataset no_such_dataset'))).toBe(true);
  });

  it('describes every metric fully', () => {
    for (const m of METRICS) {
      expect([m.id, m.label.trim().length > 0]).toEqual([m.id, true]);
      expect([m.id, m.description.trim().length > 0]).toEqual([m.id, true]);
      expect([m.id, m.formulaText.trim().length > 0]).toEqual([m.id, true]);
      expect([m.id, m.source.trim().length > 0]).toEqual([m.id, true]);
      expect([m.id, m.caveats.length > 0 && m.caveats.every((c) => c.trim().length > 0)]).toEqual([m.id, true]);
      expect([m.id, Number.isInteger(m.decimals) && m.decimals >= 0]).toEqual([m.id, true]);
    }
  });

  it('matches units to formulas and decimals to units', () => {
    for (const m of METRICS) {
      const f = m.formula;
      if (m.unit === 'count') {
        expect([m.id, f.kind === 'value' && f.additive, m.decimals]).toEqual([m.id, true, 0]);
      }
      if (m.unit === 'gbp') expect([m.id, f.kind === 'value' && f.additive, m.decimals]).toEqual([m.id, true, 0]);
      if (m.unit === 'percent') expect([m.id, m.decimals]).toEqual([m.id, 1]);
      if (m.unit === 'rate_per_1000') expect([m.id, f.kind === 'ratio' && f.scale === 1000]).toEqual([m.id, true]);
      if (f.kind === 'ratio' && f.scale === 100) expect([m.id, m.unit]).toEqual([m.id, 'percent']);
      if (f.kind === 'ratio' && f.proportion) expect([m.id, f.scale === 100 || f.scale === 1000]).toEqual([m.id, true]);
      if (f.kind === 'value' && m.unit === 'percent') expect([m.id, f.additive]).toEqual([m.id, false]);
    }
  });

  it('gives series breaks as valid period codes of the metric', () => {
    for (const m of METRICS) {
      for (const b of m.seriesBreaks ?? []) {
        expect([m.id, b.period, isPeriodCode(m.periodType, b.period), b.note.length > 0]).toEqual([m.id, b.period, true, true]);
      }
    }
  });

  it('holds the published checks the formulas were verified against', () => {
    const ratio = (id: string) => {
      const f = metricById(id)?.formula;
      if (!f || f.kind !== 'ratio') throw new Error(`${id} is not a ratio`);
      return f;
    };
    expect(refsOf(ratio('pct_requests_refused').numerator)[0].measures).toEqual(['requests_decided_not_to_assess']);
    expect(refsOf(ratio('pct_requests_refused').denominator)[0].measures).toEqual(['requests_received_in_year']);
    expect(refsOf(ratio('pct_plans_mainstream').published!)[0].measures).toEqual(['mainstream_total_pc']);
    expect(metricById('pct_issued_within_20_weeks')?.polarity).toBe('higher_is_better');
    expect(metricById('hn_spend_top_up_and_services')?.label).toContain('1.2.x');
    expect(metricById('nope')).toBeUndefined();
  });
});
