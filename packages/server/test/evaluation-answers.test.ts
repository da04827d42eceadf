import path from 'node:path';
import { describeRecordedAnswers } from './support/recorded-answers';

/**
 * Whole evaluation answers, every field, recorded once (test/fixtures/evaluation-answers.json) and
 * compared on both engines: making the statistical core faster must not change one digit of what
 * it says, and the same seed must give the same answer on either engine. Re-record only when an
 * answer is meant to change, and say why in the commit:
 *   RECORD_ANSWERS=1 npm test -- packages/server/test/evaluation-answers.test.ts
 * (the PGlite pass writes the file; the PostgreSQL pass then compares with it).
 */
const FIXTURE = path.join(__dirname, 'fixtures', 'evaluation-answers.json');

const PERIOD = 'code label';
const EFFECT = 'effect low high standardError validDraws';
const ESTIMATE = 'value low high';
const GROUP = `authorities level { ${ESTIMATE} } indexed { ${ESTIMATE} }`;

const EVALUATION = `query (
  $cohort: String!, $metric: MetricId!, $transform: EvaluationTransform, $comparison: EvaluationComparison, $comparisonTiming: EvaluationComparisonTiming,
  $starts: [EvaluationStartInput!], $from: PeriodCode, $to: PeriodCode, $indexBase: PeriodCode, $straddleSeriesBreak: Boolean, $draws: Int, $seed: Int, $focus: LaCode, $donors: EvaluationDonorPool
) {
  evaluation(
    cohort: $cohort, metric: $metric, transform: $transform, comparison: $comparison, comparisonTiming: $comparisonTiming, starts: $starts, from: $from, to: $to,
    indexBase: $indexBase, straddleSeriesBreak: $straddleSeriesBreak, draws: $draws, seed: $seed, focus: $focus, donors: $donors
  ) {
    cohort { id label programme listIncomplete note }
    metric { id }
    transform unitLabel comparison comparisonLabel comparisonTiming
    window { from { ${PERIOD} } to { ${PERIOD} } periods { ${PERIOD} } seriesBreaks { period { ${PERIOD} } note } straddled handling note }
    starts { id label year month monthLabel precision known source uncertainty overridden firstPostPeriod { ${PERIOD} } authorities note }
    indexBase { ${PERIOD} }
    groupMeans { period { ${PERIOD} } cohort { ${GROUP} } comparison { ${GROUP} } }
    eventStudy { eventTime post estimate { ${EFFECT} } weights { startId weight } }
    groupTime { startId period { ${PERIOD} } basePeriod { ${PERIOD} } eventTime estimate { ${EFFECT} } cohortAuthorities comparisonAuthorities }
    overall { ${EFFECT} }
    simple {
      estimate skipped
      cohorts { startId beforeFrom { ${PERIOD} } beforeTo { ${PERIOD} } afterFrom { ${PERIOD} } afterTo { ${PERIOD} } cohortBefore cohortAfter comparisonBefore comparisonAfter estimate weight cohortAuthorities comparisonAuthorities }
    }
    permutation { pValue observed draws validDraws exceedances eligibleAuthorities }
    preTrends {
      joint { available reason eventTimes statistic degreesOfFreedom pValue }
      placebo { available reason shift estimate { ${EFFECT} } }
    }
    synthetic {
      available reason code name start { ${PERIOD} } donorPool weights { code name weight } donors
      path { period { ${PERIOD} } actual synthetic gap } fitPeriods { ${PERIOD} } preRmspe postRmspe rmspeRatio placeboPValue placeboRank placebos note
    }
    authorities { code name codes role startId firstPostPeriod { ${PERIOD} } observedPeriods joined }
    dropped { code name role reason detail }
    successions
    verdict { finding preTrendsPass headline details caveats }
    method { estimator comparisonTiming bootstrap permutation preTrends synthetic groupMeans firstPostRule draws seed confidenceLevel placeboShift }
  }
}`;

/** A spread of cohorts, metrics, scales, comparison groups and options, each with a synthetic comparison where one applies. */
const EVALUATIONS: Record<string, Record<string, unknown>> = {
  'DBV tranche 1, % of plans in mainstream, Bracknell Forest against the comparison group': { cohort: 'dbv:1', metric: 'pct_plans_mainstream', focus: '867' },
  'every DBV tranche, EHC plans on the log scale, not yet treated, Cumbria against its neighbours': {
    cohort: 'dbv',
    metric: 'ehc_plans',
    transform: 'LOG',
    comparisonTiming: 'NOT_YET_TREATED',
    focus: '909',
    donors: 'NEIGHBOURS',
    seed: 7,
  },
  'every Safety Valve year, high-needs spend indexed, all other authorities': { cohort: 'safety_valve', metric: 'hn_spend_top_up_and_services', transform: 'INDEXED', comparison: 'ALL_OTHERS', draws: 1999 },
  'DBV tranche 2, % of pupils with a plan, neighbours in no programme, a start moved': {
    cohort: 'dbv:2',
    metric: 'pct_pupils_ehc_plan',
    comparison: 'NEIGHBOURS_NO_PROGRAMME',
    starts: [{ id: 'dbv:2', year: 2022, month: 11 }],
    from: 201718,
    indexBase: 202021,
  },
  'every DBV tranche, new EHC plans, the window cut at the series break': { cohort: 'dbv', metric: 'new_ehc_plans', focus: '850' },
  'Safety Valve 2022-23, 20-week timeliness straddling the break as asked': { cohort: 'safety_valve:2022-23', metric: 'pct_issued_within_20_weeks', straddleSeriesBreak: true },
};

describeRecordedAnswers('evaluation answers', FIXTURE, Object.fromEntries(Object.entries(EVALUATIONS).map(([name, variables]) => [name, { query: EVALUATION, variables }])));
