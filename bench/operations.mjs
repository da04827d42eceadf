/**
 * The dashboard's four heavy operations, as the benchmark sends them: GraphQL text + variables,
 * the baseline's path, and a projection of the GraphQL result to the shape both servers return.
 */
export const OPERATIONS = {
  profile: {
    label: 'profile of one LA against its 10 neighbours (74 metrics)',
    query: `query Profile($code: LaCode!) { profile(code: $code) { year metrics { metric { id } period { code } value { value status } england { value status } region { value status } peers { median lowerQuartile upperQuartile min max withValue } rank rankOutOf quartileBand direction significance series { period { code } value status } } } }`,
    variables: { code: '886' },
    baseline: '/profile?code=886',
  },
  comparison: {
    label: 'comparison of one metric over all 153 LAs (the 200 highest members, as the dashboard asks)',
    query: `query Compare($metric: MetricId!, $focus: LaCode, $period: PeriodCode) { comparison(metric: $metric, focus: $focus, period: $period, peers: { kind: ENGLAND }) { period { code } members(first: 200) { ...M } focusMember { ...M } statistics { count withValue median lowerQuartile upperQuartile min max aggregate { value members } } england { value status } region { value status } } } fragment M on ComparisonMember { authority { code name } value { value status numerator denominator } rank quartileBand isFocus significance }`,
    variables: { metric: 'pct_plans_mainstream', focus: '886', period: 202425 },
    baseline: '/comparison?metric=pct_plans_mainstream&focus=886&period=202425&first=200',
  },
  trend: {
    label: 'trend of one metric for 11 areas over every period',
    query: `query Trend($metric: MetricId!, $areas: [AreaCode!]!) { trend(metric: $metric, areas: $areas) { periods { code } series { id points { period { code } value status } } } }`,
    variables: { metric: 'ehc_plans', areas: ['886', '888', '881', '850', '936', '938', '845', '878', '919', '926', 'E92000001'] },
    baseline: '/trend?metric=ehc_plans&areas=886,888,881,850,936,938,845,878,919,926,E92000001',
  },
  relationship: {
    label: 'relationship of two metrics over all LAs',
    query: `query Relate($x: MetricId!, $y: MetricId!, $focus: LaCode) { relationship(x: $x, y: $y, focus: $focus) { pairs pearson spearman line { slope intercept rSquared } points { authority { code } x { value status } y { value status } isFocus } } }`,
    variables: { x: 'hn_spend_per_plan', y: 'pct_plans_mainstream', focus: '886' },
    baseline: '/relationship?x=hn_spend_per_plan&y=pct_plans_mainstream&focus=886',
  },
};

/** What the evaluation benchmark selects: the figures the page draws, a verdict, the seed. */
const EVALUATION_SELECTION = `overall { effect low high } simple { estimate } permutation { pValue } preTrends { joint { pValue } placebo { estimate { effect low high } } } eventStudy { eventTime estimate { effect low high } } groupMeans { period { code } cohort { level { value low high } indexed { value low high } } comparison { level { value low high } indexed { value low high } } } synthetic { preRmspe placeboPValue weights { code weight } } verdict { finding headline } method { seed draws }`;

/**
 * The evaluation (issue 18), measured at 10 requests/s: each request resamples 999 times for the
 * bootstrap, the permutation test, the placebo start and the group means. `evaluation` is the
 * page's first view (DBV tranche 1, % of plans in mainstream, no synthetic comparison);
 * `evaluationStaggered` every DBV tranche (staggered starts) on EHC plans, log scale, with
 * Cumbria's synthetic comparison from the whole comparison group (75 placebo fits).
 */
export const EVALUATION_OPERATIONS = {
  evaluation: {
    label: "evaluation: DBV tranche 1 on % of plans in mainstream (the page's first view)",
    query: `query Evaluation($cohort: String!, $metric: MetricId!) { evaluation(cohort: $cohort, metric: $metric) { ${EVALUATION_SELECTION} } }`,
    variables: { cohort: 'dbv:1', metric: 'pct_plans_mainstream' },
    baseline: '/evaluation?cohort=dbv:1&metric=pct_plans_mainstream',
  },
  evaluationStaggered: {
    label: "evaluation: every DBV tranche on EHC plans (log), with Cumbria's synthetic comparison",
    query: `query EvaluationStaggered($cohort: String!, $metric: MetricId!, $transform: EvaluationTransform, $focus: LaCode) { evaluation(cohort: $cohort, metric: $metric, transform: $transform, focus: $focus) { ${EVALUATION_SELECTION} } }`,
    variables: { cohort: 'dbv', metric: 'ehc_plans', transform: 'LOG', focus: '909' },
    baseline: '/evaluation?cohort=dbv&metric=ehc_plans&transform=log&focus=909',
  },
};

const { metric: LIST_METRIC, focus: LIST_FOCUS, period: LIST_PERIOD } = OPERATIONS.comparison.variables;

/**
 * The comparison's two floors, served by bench/baseline-server.mjs and measured with it at 20
 * connections: the plain list of the same metric period (what a generic GraphQL-over-PostgreSQL
 * engine serves: the current LAs' values, no ranks or statistics) and the physical limit (one SQL
 * statement that builds the comparison's whole answer, the same JSON as `OPERATIONS.comparison`).
 */
export const PLAIN_LIST = {
  label: `plain list: the current LAs' values of ${LIST_METRIC} in ${LIST_PERIOD}, one SELECT as JSON`,
  path: `/plain-list?metric=${LIST_METRIC}&period=${LIST_PERIOD}`,
  rows: 153,
};
export const SQL_LIMIT = {
  label: 'the comparison built as JSON by one SQL statement, sent unparsed',
  path: `/comparison-sql?metric=${LIST_METRIC}&focus=${LIST_FOCUS}&period=${LIST_PERIOD}&first=200`,
};

const pick = (object, keys) => Object.fromEntries(keys.map((k) => [k, object[k]]));
const value = (v, keys = ['value', 'status']) => pick(v, keys);
const enumName = (v) => (v === null ? null : String(v).toUpperCase());
const member = (m) => ({
  authority: pick(m.authority, ['code', 'name']),
  value: value(m.value, ['value', 'status', 'numerator', 'denominator']),
  rank: m.rank,
  quartileBand: m.quartileBand,
  isFocus: m.isFocus,
  significance: enumName(m.significance),
});

/** The baseline's projections: the same fields the GraphQL operations select, in the same shape. */
export const PROJECT = {
  profile: (p) => ({
    profile: {
      year: p.year,
      metrics: p.metrics.map((m) => ({
        metric: { id: m.metric.id },
        period: { code: m.period.code },
        value: value(m.value),
        england: value(m.england),
        region: value(m.region),
        peers: pick(m.peers, ['median', 'lowerQuartile', 'upperQuartile', 'min', 'max', 'withValue']),
        rank: m.rank,
        rankOutOf: m.rankOutOf,
        quartileBand: m.quartileBand,
        direction: enumName(m.direction),
        significance: enumName(m.significance),
        series: m.series.map((s) => ({ period: { code: s.period.code }, value: s.value, status: s.status })),
      })),
    },
  }),
  comparison: (c) => ({
    comparison: {
      period: { code: c.period.code },
      members: c.members.map(member),
      ...(c.focusMember === undefined ? {} : { focusMember: c.focusMember && member(c.focusMember) }),
      statistics: { ...pick(c.statistics, ['count', 'withValue', 'median', 'lowerQuartile', 'upperQuartile', 'min', 'max']), aggregate: pick(c.statistics.aggregate, ['value', 'members']) },
      england: value(c.england),
      region: c.region && value(c.region),
    },
  }),
  trend: (t) => ({
    trend: {
      periods: t.periods.map((p) => ({ code: p.code })),
      series: t.series.map((s) => ({ id: s.id, points: s.points.map((p) => ({ period: { code: p.period.code }, value: p.value, status: p.status })) })),
    },
  }),
  evaluation: (e) => {
    const estimate = (x) => x && pick(x, ['value', 'low', 'high']);
    const group = (g) => ({ level: estimate(g.level), indexed: estimate(g.indexed) });
    return {
      evaluation: {
        overall: pick(e.overall, ['effect', 'low', 'high']),
        simple: { estimate: e.simple.estimate },
        permutation: { pValue: e.permutation.pValue },
        preTrends: { joint: { pValue: e.preTrends.joint.pValue }, placebo: { estimate: e.preTrends.placebo.estimate && pick(e.preTrends.placebo.estimate, ['effect', 'low', 'high']) } },
        eventStudy: e.eventStudy.map((p) => ({ eventTime: p.eventTime, estimate: pick(p.estimate, ['effect', 'low', 'high']) })),
        groupMeans: e.groupMeans.map((g) => ({ period: { code: g.period.code }, cohort: group(g.cohort), comparison: group(g.comparison) })),
        synthetic: e.synthetic && { preRmspe: e.synthetic.preRmspe, placeboPValue: e.synthetic.placeboPValue, weights: e.synthetic.weights.map((w) => pick(w, ['code', 'weight'])) },
        verdict: { finding: enumName(e.verdict.finding), headline: e.verdict.headline },
        method: pick(e.method, ['seed', 'draws']),
      },
    };
  },
  relationship: (r) => ({
    relationship: {
      pairs: r.pairs,
      pearson: r.pearson,
      spearman: r.spearman,
      line: r.line && pick(r.line, ['slope', 'intercept', 'rSquared']),
      points: r.points.map((p) => ({ authority: { code: p.authority.code }, x: value(p.x), y: value(p.y), isFocus: p.isFocus })),
    },
  }),
};
