import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { PROGRAMME_COHORTS } from '@sendbench/schema';
import { UNEXPECTED_ERROR } from '../src/plugins/error-masking';
import { type ApiHarness, openApi } from './support/api';
import { ENGINES, type TestEngine } from './support/engines';
import { seededRandom } from './support/operation-fuzzer';

/**
 * Random evaluations of the right shape over the whole official data set, in production mode:
 * every cohort, outcomes with and without series, breaks and gaps, every scale, comparison and
 * timing, and extreme windows, index bases, starts, seeds, focus authorities and donor pools. The
 * general fuzzer (fuzz-operations.test.ts) mostly stops at validation; this one reaches the
 * statistics. An answer is either figures or BAD_USER_INPUT naming the argument at fault — never
 * "Unexpected error." (a masked bug) and never a NaN sent as a figure.
 *
 * EVALUATION_FUZZ_SEED=<n> repeats a run (the seed is printed).
 */
const SEED = Number(process.env.EVALUATION_FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS: Record<TestEngine, number> = { postgres: 60, pglite: 30 };

const EVALUATION = `query ($cohort: String!, $metric: MetricId!, $transform: EvaluationTransform, $comparison: EvaluationComparison, $comparisonTiming: EvaluationComparisonTiming,
  $starts: [EvaluationStartInput!], $from: PeriodCode, $to: PeriodCode, $indexBase: PeriodCode, $straddleSeriesBreak: Boolean, $draws: Int, $seed: Int, $focus: LaCode, $donors: EvaluationDonorPool) {
  evaluation(cohort: $cohort, metric: $metric, transform: $transform, comparison: $comparison, comparisonTiming: $comparisonTiming, starts: $starts, from: $from, to: $to,
    indexBase: $indexBase, straddleSeriesBreak: $straddleSeriesBreak, draws: $draws, seed: $seed, focus: $focus, donors: $donors) {
    overall { effect low high } simple { estimate } permutation { pValue } groupMeans { cohort { level { value low } indexed { value } } }
    eventStudy { eventTime estimate { effect low } } preTrends { joint { pValue } placebo { estimate { effect } } }
    synthetic { available preRmspe rmspeRatio placeboPValue weights { weight } } verdict { headline }
  }
}`;

const METRICS = ['pct_pupils_ehc_plan', 'ehc_plans', 'new_ehc_plans', 'pct_plans_mainstream', 'hn_spend_top_up_and_services', 'pct_issued_within_20_weeks', 'dsg_deficit_pct', 'ehc_plans_growth', 'pct_plans_need_asd', 'hn_spend_per_plan'];
const PERIODS = [200910, 201516, 201718, 201819, 201920, 202021, 202122, 202223, 202324, 202425, 2014, 2016, 2019, 2021, 2022, 2023, 2024];
const AUTHORITIES = ['867', '909', '942', '943', '886', '850', '839', '201', '940', '928', '302', '330', '999'];

/** One request's variables, each optional argument present about a third of the time. */
function randomVariables(random: () => number): Record<string, unknown> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const sometimes = (p: number, value: () => unknown) => (random() < p ? value() : undefined);
  const cohort = pick(PROGRAMME_COHORTS);
  const variables: Record<string, unknown> = {
    cohort: cohort.id,
    metric: pick(METRICS),
    transform: sometimes(0.4, () => pick(['LEVEL', 'LOG', 'INDEXED'])),
    comparison: sometimes(0.4, () => pick(['NO_PROGRAMME', 'ALL_OTHERS', 'NEIGHBOURS_NO_PROGRAMME'])),
    comparisonTiming: sometimes(0.3, () => 'NOT_YET_TREATED'),
    from: sometimes(0.3, () => pick(PERIODS)),
    to: sometimes(0.3, () => pick(PERIODS)),
    indexBase: sometimes(0.3, () => pick(PERIODS)),
    straddleSeriesBreak: sometimes(0.2, () => true),
    draws: random() < 0.9 ? 999 : pick([998, 1000, 5000]),
    seed: sometimes(0.3, () => pick([0, 1, 2_147_483_647])),
    focus: sometimes(0.4, () => pick(AUTHORITIES)),
    donors: sometimes(0.3, () => pick(['COMPARISON', 'NEIGHBOURS'])),
    starts: sometimes(0.4, () =>
      [...new Set(Array.from({ length: 1 + Math.floor(random() * cohort.starts.length) }, () => pick(cohort.starts)))].map((id) => ({
        id,
        year: random() < 0.8 ? pick([2016, 2019, 2020, 2021, 2022, 2023, 2024]) : pick([2000, 2035, 1999]),
        month: random() < 0.9 ? pick([1, 3, 4, 9, 12]) : pick([0, 13]),
      })),
    ),
  };
  return Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined));
}

/** Outcomes the issue names whose series have periods before and after every cohort's start (no series break in the way). */
const ANSWERABLE_METRICS = ['pct_pupils_ehc_plan', 'ehc_plans', 'pct_plans_mainstream', 'hn_spend_top_up_and_services'];

/**
 * One request that must be answered: a cohort, an answerable outcome and the optional choices that
 * are valid for any cohort. Every third run is one of these, so the statistics are reached on every
 * seed — the count of answers is not left to chance.
 */
function answerableVariables(random: () => number): Record<string, unknown> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const variables: Record<string, unknown> = {
    cohort: pick(PROGRAMME_COHORTS).id,
    metric: pick(ANSWERABLE_METRICS),
    transform: random() < 0.5 ? pick(['LEVEL', 'LOG', 'INDEXED']) : undefined,
    comparison: random() < 0.5 ? pick(['NO_PROGRAMME', 'ALL_OTHERS', 'NEIGHBOURS_NO_PROGRAMME']) : undefined,
    comparisonTiming: random() < 0.3 ? 'NOT_YET_TREATED' : undefined,
    draws: 999,
    seed: pick([0, 1, 2_147_483_647]),
  };
  return Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined));
}

/** What is wrong with an answer, or undefined: a masked error, an unnamed refusal, or a NaN among the figures. */
function problemWith(body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }): string | undefined {
  for (const error of body.errors ?? []) {
    if (error.message === UNEXPECTED_ERROR || error.extensions?.code === 'INTERNAL_SERVER_ERROR') return `masked error (${String(error.extensions?.code)})`;
    if (error.extensions?.code !== 'BAD_USER_INPUT') return `code ${String(error.extensions?.code)}: ${error.message}`;
    if (typeof error.extensions?.field !== 'string') return `BAD_USER_INPUT naming no field: ${error.message}`;
  }
  return /NaN|Infinity/.test(JSON.stringify(body.data ?? null)) ? 'a figure that is not a number' : undefined;
}

for (const engine of ENGINES) {
  describe(`${engine} evaluation fuzzing`, () => {
    let api: ApiHarness;
    const findings: string[] = [];
    const outcomes: Record<string, number> = {};
    const unanswered: string[] = [];

    beforeAll(async () => {
      process.stderr.write(`evaluation fuzz (${engine}): EVALUATION_FUZZ_SEED=${SEED}\n`);
      api = await openApi(engine, { production: true });
      const random = seededRandom(SEED + (engine === 'pglite' ? 1 : 0));
      for (let i = 0; i < RUNS[engine]; i++) {
        const answerable = i % 3 === 0;
        const variables = answerable ? answerableVariables(random) : randomVariables(random);
        const { body } = await api.run(EVALUATION, variables);
        const outcome = body.errors ? `${String(body.errors[0].extensions?.code)} ${String(body.errors[0].extensions?.field)}` : 'answered';
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (answerable && body.errors) unanswered.push(`${outcome}: ${body.errors[0].message} for ${JSON.stringify(variables)}`);
        const problem = problemWith(body);
        if (problem) findings.push(`${problem} for ${JSON.stringify(variables)}`);
      }
      process.stderr.write(`evaluation fuzz (${engine}): ${JSON.stringify(outcomes)}\n`);
    });

    afterAll(async () => {
      await api?.close();
    });

    test(`answers every random evaluation with figures or a refusal naming its field (seed ${SEED})`, () => {
      expect(findings).toEqual([]);
    });

    test('computes figures for every answerable evaluation (one run in three), so the statistics are reached on every seed', () => {
      expect(unanswered).toEqual([]);
      expect(outcomes.answered).toBeGreaterThanOrEqual(Math.ceil(RUNS[engine] / 3));
    });
  });
}
