import path from 'node:path';
import { describeRecordedAnswers, type RecordedOperation } from './support/recorded-answers';

/**
 * The answers of a fixed set of real operations, recorded once (test/fixtures/answers.json) and
 * compared on both engines: moving code between modules must not change one digit of what the API
 * says. Re-record only when an answer is meant to change, and say why in the commit:
 *   RECORD_ANSWERS=1 npm test -- packages/server/test/answers-unchanged.test.ts
 * (the PGlite pass writes the file; the PostgreSQL pass then compares with it).
 */
const FIXTURE = path.join(__dirname, 'fixtures', 'answers.json');

const VALUE = 'value status numerator denominator aggregated areaCode metricId period { code label }';
const AUTHORITY = 'code name onsCode isCurrent region { code name } programmes { programme cohort }';
const STATISTICS = 'count withValue median lowerQuartile upperQuartile min max aggregate { value numerator denominator members }';
const PEER_GROUP = `id kind label size listIncomplete note members { code }`;
const MEMBER = `authority { code name } value { ${VALUE} } rank quartileBand isFocus significance confidenceInterval { lower upper }`;

const COMPARISON = `query ($metric: MetricId!, $focus: LaCode, $peers: PeerSelector!, $period: PeriodCode) {
  comparison(metric: $metric, focus: $focus, peers: $peers, period: $period) {
    metric { id } period { code label } focus { ${AUTHORITY} } peerGroup { ${PEER_GROUP} }
    members { ${MEMBER} }
    focusMember { ${MEMBER} }
    statistics { ${STATISTICS} }
    england { ${VALUE} } region { ${VALUE} }
  }
}`;

const PAGED_COMPARISON = `query ($metric: MetricId!, $focus: LaCode, $period: PeriodCode) {
  comparison(metric: $metric, focus: $focus, peers: { kind: ENGLAND }, period: $period) {
    top: members(first: 10) { ${MEMBER} }
    next: members(first: 10, offset: 140) { ${MEMBER} }
    focusMember { ${MEMBER} }
    statistics { ${STATISTICS} }
  }
}`;

const PROFILE = `query ($code: LaCode!, $peers: PeerSelector, $year: Int) {
  profile(code: $code, peers: $peers, year: $year) {
    year authority { ${AUTHORITY} } peerGroup { ${PEER_GROUP} }
    metrics {
      metric { id } period { code label }
      value { ${VALUE} } previous { ${VALUE} } england { ${VALUE} } region { ${VALUE} }
      peers { ${STATISTICS} }
      rank rankOutOf quartileBand peersAbove peersBelow direction significance confidenceInterval { lower upper }
      series { period { code } value status numerator denominator }
    }
  }
}`;

const TREND = `query ($metric: MetricId!, $areas: [AreaCode!]!, $focus: LaCode, $peers: PeerSelector) {
  trend(metric: $metric, areas: $areas, focus: $focus, peers: $peers) {
    metric { id } periods { code label } breaks { period note }
    series { id kind label area { code name } points { period { code } value status } }
  }
}`;

const RELATIONSHIP = `query ($x: MetricId!, $y: MetricId!, $focus: LaCode, $highlight: PeerSelector, $peers: PeerSelector, $year: Int) {
  relationship(x: $x, y: $y, focus: $focus, highlight: $highlight, peers: $peers, year: $year) {
    x { id } y { id } xPeriod { code } yPeriod { code } pairs pearson spearman line { slope intercept }
    peerGroup { id size }
    points { authority { code } isFocus highlighted x { ${VALUE} } y { ${VALUE} } }
  }
}`;

// Ids and import times differ between runs; everything else a release says is fixed by its file.
const RELEASES = `query { releases { dataset publication fileName sha256 edition rowsRead rowsLoaded observations status } }`;

const KENT = '886';
const OPERATIONS: Record<string, RecordedOperation> = {
  'profile Kent, neighbours (the kept set)': { query: PROFILE, variables: { code: KENT } },
  'profile Kent, region, 2023': { query: PROFILE, variables: { code: KENT, peers: { kind: 'REGION' }, year: 2023 } },
  'profile Cumberland, DBV': { query: PROFILE, variables: { code: '942', peers: { kind: 'DBV' } } },
  'comparison England (ranked at import)': { query: COMPARISON, variables: { metric: 'pct_plans_mainstream', focus: KENT, peers: { kind: 'ENGLAND' } } },
  'comparison England, paged': { query: PAGED_COMPARISON, variables: { metric: 'ehc_plans', focus: KENT, period: 202425 } },
  'comparison region': { query: COMPARISON, variables: { metric: 'pct_plans_mainstream', focus: KENT, peers: { kind: 'REGION' } } },
  'comparison statistical neighbours': { query: COMPARISON, variables: { metric: 'hn_spend_per_plan', focus: KENT, peers: { kind: 'STATISTICAL_NEIGHBOURS' }, period: 202324 } },
  'comparison DBV': { query: COMPARISON, variables: { metric: 'pct_issued_within_20_weeks', focus: KENT, peers: { kind: 'DBV' } } },
  'comparison DBV tranche 2': { query: COMPARISON, variables: { metric: 'ehc_plans_growth', peers: { kind: 'DBV', tranche: 2 } } },
  'comparison Safety Valve': { query: COMPARISON, variables: { metric: 'dsg_deficit_pct', peers: { kind: 'SAFETY_VALVE' } } },
  'comparison custom': { query: COMPARISON, variables: { metric: 'pct_pupils_ehc_plan', focus: '202', peers: { kind: 'CUSTOM', codes: ['202', '206', '886', '942', '815'] } } },
  'trend with neighbours': { query: TREND, variables: { metric: 'ehc_plans', areas: [KENT, 'E12000008', 'E92000001'], focus: KENT, peers: { kind: 'STATISTICAL_NEIGHBOURS' } } },
  'trend spend, DBV': { query: TREND, variables: { metric: 'hn_spend_top_up_and_services', areas: [KENT], peers: { kind: 'DBV' } } },
  relationship: { query: RELATIONSHIP, variables: { x: 'hn_spend_per_plan', y: 'pct_plans_mainstream', focus: KENT, highlight: { kind: 'STATISTICAL_NEIGHBOURS' } } },
  'relationship in a region, 2021': { query: RELATIONSHIP, variables: { x: 'ehc_plans_per_1000_aged_0_25', y: 'pct_plans_special', focus: KENT, peers: { kind: 'REGION' }, year: 2021 } },
  releases: { query: RELEASES },
};

describeRecordedAnswers('answers', FIXTURE, OPERATIONS);
