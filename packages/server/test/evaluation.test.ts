import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import pino from 'pino';
import { createApp } from '../src/http/app';
import { type ApiHarness, errorCodes, openApi } from './support/api';
import { ENGINES } from './support/engines';
import { OFFICIAL_FILES } from './support/official-data';

/** SQL statements a warm request may run (the data-version check and one read of metric values). */
const WARM_STATEMENT_BOUND = 3;

const EVALUATION = `query Evaluation($cohort: String!, $metric: MetricId!, $from: PeriodCode, $to: PeriodCode, $comparison: EvaluationComparison, $starts: [EvaluationStartInput!], $draws: Int, $seed: Int, $focus: LaCode) {
  evaluation(cohort: $cohort, metric: $metric, from: $from, to: $to, comparison: $comparison, starts: $starts, draws: $draws, seed: $seed, focus: $focus) {
    starts { id firstPostPeriod { code } authorities }
    overall { effect low high standardError validDraws }
    eventStudy { eventTime estimate { effect low high } }
    simple { estimate cohorts { startId cohortBefore cohortAfter comparisonBefore comparisonAfter cohortAuthorities comparisonAuthorities } }
    permutation { pValue exceedances }
    preTrends { joint { available pValue } placebo { available estimate { effect low high } } }
    groupMeans { period { code } cohort { authorities level { value low high } } comparison { authorities level { value low high } } }
    synthetic { available weights { code weight } preRmspe placeboPValue }
    authorities { code codes role }
    dropped { code reason }
    successions
    verdict { finding headline caveats }
    method { seed draws }
    dataVersion
  }
}`;

const MAINSTREAM_TRANCHE_1 = { cohort: 'dbv:1', metric: 'pct_plans_mainstream', from: 201819, to: 202425 };

type Row = Record<string, string>;

/**
 * An independent 2×2 from the official files, for DBV tranche 1 and the share of EHC plans in
 * mainstream schools, January 2019 to January 2025: the tranche and the LAs in no programme from
 * the LA lookup's dbv_tranche and safety_valve_year columns; each LA's published
 * mainstream_total_pc from caseload.csv ("All EHC plans"), or mainstream_total ÷ ehcplans × 100
 * where it is not published; Cumbria (909) and Northamptonshire (928) up to their splits, then
 * their successors' summed counts; before = January 2019–2022, after = January 2023–2025 (the
 * first January after a start in autumn 2022); each mean pooled over every LA-period value.
 */
function mainstreamTranche1FromFiles(): { cohortBefore: number; cohortAfter: number; comparisonBefore: number; comparisonAfter: number; estimate: number } {
  const lookup = (parse(fs.readFileSync(OFFICIAL_FILES.laLookup), { bom: true, columns: true }) as Row[]).filter((r) => r.current_la === 'yes');
  const caseload = (parse(fs.readFileSync(OFFICIAL_FILES.caseload), { bom: true, columns: true }) as Row[]).filter((r) => r.geographic_level === 'Local authority' && r.breakdown_topic === 'All EHC plans');
  const row = new Map(caseload.map((r) => [`${r.old_la_code}|${r.time_period}`, r]));
  const number = (text: string | undefined) => (text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : null);
  const share = (code: string, period: string): number | null => {
    const r = row.get(`${code}|${period}`);
    if (!r) return null;
    const published = number(r.mainstream_total_pc);
    const [mainstream, plans] = [number(r.mainstream_total), number(r.ehcplans)];
    return published ?? (mainstream !== null && plans ? (mainstream / plans) * 100 : null);
  };
  const joined = (predecessor: string, successors: string[], period: string): number | null => {
    const own = share(predecessor, period);
    if (own !== null) return own;
    const rows = successors.map((s) => row.get(`${s}|${period}`));
    const mainstream = rows.map((r) => number(r?.mainstream_total));
    const plans = rows.map((r) => number(r?.ehcplans));
    if ([...mainstream, ...plans].some((v) => v === null)) return null;
    return (mainstream.reduce((a, b) => a! + b!, 0)! / plans.reduce((a, b) => a! + b!, 0)!) * 100;
  };
  const periods = ['201819', '201920', '202021', '202122', '202223', '202324', '202425'];
  const splits: Record<string, string[]> = { '909': ['942', '943'], '928': ['940', '941'] };
  const successors = new Set(Object.values(splits).flat());
  const seriesOf = (codes: string[]) => codes.map((code) => periods.map((p) => (splits[code] ? joined(code, splits[code], p) : share(code, p))));
  const units = (keep: (r: Row) => boolean, predecessor: string) => [...lookup.filter(keep).map((r) => r.old_la_code).filter((c) => !successors.has(c)), predecessor];
  const cohort = seriesOf(units((r) => r.dbv_tranche === '1', '909'));
  const comparison = seriesOf(units((r) => r.dbv_tranche === '' && r.safety_valve_year === '', '928'));
  const pooled = (series: (number | null)[][], from: number, to: number) => {
    const values = series.flatMap((s) => s.slice(from, to)).filter((v): v is number => v !== null);
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  const means = { cohortBefore: pooled(cohort, 0, 4), cohortAfter: pooled(cohort, 4, 7), comparisonBefore: pooled(comparison, 0, 4), comparisonAfter: pooled(comparison, 4, 7) };
  return { ...means, estimate: means.cohortAfter - means.cohortBefore - (means.comparisonAfter - means.comparisonBefore) };
}

for (const engine of ENGINES) {
  describe(`${engine} evaluation`, () => {
    let api: ApiHarness;

    beforeAll(async () => {
      api = await openApi(engine);
    });

    afterAll(async () => {
      await api?.close();
    });

    test('gives the 2×2 for DBV tranche 1 on mainstream share that the official files give', async () => {
      const { body } = await api.run(EVALUATION, MAINSTREAM_TRANCHE_1);
      expect(body.errors).toBeUndefined();
      const [cohort] = body.data.evaluation.simple.cohorts;
      const expected = mainstreamTranche1FromFiles();
      expect({
        cohortBefore: cohort.cohortBefore,
        cohortAfter: cohort.cohortAfter,
        comparisonBefore: cohort.comparisonBefore,
        comparisonAfter: cohort.comparisonAfter,
        estimate: body.data.evaluation.simple.estimate,
      }).toEqual({
        cohortBefore: expect.closeTo(expected.cohortBefore, 9),
        cohortAfter: expect.closeTo(expected.cohortAfter, 9),
        comparisonBefore: expect.closeTo(expected.comparisonBefore, 9),
        comparisonAfter: expect.closeTo(expected.comparisonAfter, 9),
        estimate: expect.closeTo(expected.estimate, 9),
      });
    });

    test('starts DBV tranche 1 in January 2023 with its 20 authorities, Cumbria joined to its successors', async () => {
      const { body } = await api.run(EVALUATION, MAINSTREAM_TRANCHE_1);
      const { starts, authorities, successions } = body.data.evaluation;
      const cumbria = authorities.find((a: { code: string }) => a.code === '909');
      expect({ starts, cumbria, joinedNoted: successions.some((s: string) => s.startsWith('Joined across a boundary change: Cumbria (909)')) }).toEqual({
        starts: [{ id: 'dbv:1', firstPostPeriod: { code: 202223 }, authorities: 20 }],
        cumbria: { code: '909', codes: ['909', '942', '943'], role: 'COHORT' },
        joinedNoted: true,
      });
    });

    test('drops Cumberland and Westmorland and Furness as a boundary change where the metric has no counts to join', async () => {
      const { body } = await api.run(EVALUATION, { cohort: 'dbv:1', metric: 'pct_pupils_ehc_plan' });
      expect(body.data.evaluation.dropped).toEqual([
        { code: '942', reason: 'BOUNDARY_CHANGE' },
        { code: '943', reason: 'BOUNDARY_CHANGE' },
      ]);
    });

    test('gives the same answer to the last digit for the same seed', async () => {
      const first = await api.run(EVALUATION, { ...MAINSTREAM_TRANCHE_1, focus: '867', seed: 7 });
      const second = await api.run(EVALUATION, { ...MAINSTREAM_TRANCHE_1, focus: '867', seed: 7 });
      expect({ same: JSON.stringify(second.body) === JSON.stringify(first.body), seed: first.body.data.evaluation.method.seed }).toEqual({ same: true, seed: 7 });
    });

    test(`runs at most ${WARM_STATEMENT_BOUND} SQL statements a request`, async () => {
      await api.run(EVALUATION, { cohort: 'safety_valve', metric: 'hn_spend_top_up_and_services' });
      const { body, sqlStatements } = await api.run(EVALUATION, { cohort: 'dbv', metric: 'ehc_plans' });
      expect({ errors: body.errors, withinBound: sqlStatements <= WARM_STATEMENT_BOUND }).toEqual({ errors: undefined, withinBound: true });
    });

    test('refuses to straddle the 2023 SEN2 break for the 20-week timeliness of DBV tranche 1', async () => {
      const { body } = await api.run(EVALUATION, { cohort: 'dbv:1', metric: 'pct_issued_within_20_weeks' });
      expect({ codes: errorCodes(body), field: body.errors[0].extensions.field, refuses: /Refusing to straddle the break/.test(body.errors[0].message) }).toEqual({ codes: ['BAD_USER_INPUT'], field: 'metric', refuses: true });
    });

    test.each([
      ['an unknown cohort', { cohort: 'dbv:7', metric: 'ehc_plans' }, 'cohort'],
      ['a start outside the series', { cohort: 'dbv:1', metric: 'ehc_plans', starts: [{ id: 'dbv:1', year: 2026, month: 1 }] }, 'starts[0]'],
      ['a reference start after the series ends', { cohort: 'dbv:1', metric: 'dsg_deficit_pct' }, 'cohort'],
      ['a metric without a series', { cohort: 'dbv:1', metric: 'pct_plans_need_asd' }, 'metric'],
      ['draws over the limit', { cohort: 'dbv:1', metric: 'ehc_plans', draws: 5000 }, 'draws'],
      ['a focus outside the cohort', { cohort: 'dbv:1', metric: 'ehc_plans', focus: '886' }, 'focus'],
      ['an unknown focus authority', { cohort: 'dbv:1', metric: 'ehc_plans', focus: '999' }, 'focus'],
      ['an unknown metric', { cohort: 'dbv:1', metric: 'no_such_metric' }, 'metric'],
      ['a window of one period', { cohort: 'dbv:1', metric: 'ehc_plans', from: 202425 }, 'from'],
    ])('answers %s with BAD_USER_INPUT naming the field', async (_, variables, field) => {
      const { body } = await api.run(EVALUATION, variables);
      expect({ codes: errorCodes(body), field: body.errors?.[0]?.extensions?.field, data: body.data?.evaluation ?? null }).toEqual({ codes: ['BAD_USER_INPUT'], field, data: null });
    });

    test('answers a repeated evaluation from the response cache with one statement', async () => {
      const app = await createApp({ db: api.handle.db, logger: pino({ level: 'silent' }), production: false, responseCache: true });
      try {
        const first = await app.execute({ query: EVALUATION, variables: MAINSTREAM_TRANCHE_1, operationName: 'Evaluation' });
        const second = await app.execute({ query: EVALUATION, variables: MAINSTREAM_TRANCHE_1, operationName: 'Evaluation' });
        expect({ cache: second.responseCache, statements: second.sqlStatements, same: JSON.stringify(second.body) === JSON.stringify(first.body) }).toEqual({ cache: 'hit', statements: 1, same: true });
      } finally {
        await app.stop();
      }
    });
  });
}
