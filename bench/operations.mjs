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

/**
 * The forecast (issue 19), measured apart from the four at its own rate: 10 requests/s, target p95
 * under 50 ms without the response cache. The fields are the page's main figures; `FORECAST_SHAPE`
 * gives both the GraphQL selection and the baseline's projection, so the two answers are alike.
 */
const FORECAST_GROUPS = { mainstream: 1, stateSpecial: 1, independentSpecial: 1, post16: 1, other: 1 };
const FORECAST_PROJECTION = { point: 1, lower80: 1, upper80: 1, lower95: 1, upper95: 1, spend: 1, groups: FORECAST_GROUPS };
const FORECAST_SHAPE = {
  label: 1,
  baseYear: 1,
  baseTotal: 1,
  method: 'enum',
  methodReason: 1,
  years: { year: 1, unmitigated: FORECAST_PROJECTION, mitigated: FORECAST_PROJECTION, plansDifference: 1, cumulativePlansDifference: 1, spendDifference: 1, senSupportSpend: 1, netSpendDifference: 1, cumulativeNetSpendDifference: 1 },
  backtest: { scoredYears: 1, maseScale: 1, scores: { method: 1, mape: 1, mase: 1, notScored: 1 } },
  unitCosts: { group: 1, perPlan: 1, source: 1 },
  actualSpend: { period: 1, value: 1 },
  assumptions: { id: 1, value: 1, source: 1 },
  caveats: 1,
};
const selection = (shape) => Object.entries(shape).map(([key, sub]) => (typeof sub === 'object' ? `${key} { ${selection(sub)} }` : key)).join(' ');
/** The fields of `shape` from a service answer, in the selection's order (enums by name, as GraphQL writes them). */
const projectShape = (shape, value) => {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map((item) => projectShape(shape, item));
  return Object.fromEntries(Object.entries(shape).map(([key, sub]) => [key, typeof sub === 'object' ? projectShape(sub, value[key]) : sub === 'enum' ? enumName(value[key]) : value[key]]));
};

const FORECAST_LEVERS = { diversionToSenSupport: 0.2, specialToMainstream: 0.3, ceaseRateChange: 0.1, growthCap: null };
const FORECAST_QUERY = `query Forecast($area: ForecastAreaInput!, $levers: ForecastLeversInput) { forecast(area: $area, levers: $levers) { ${selection(FORECAST_SHAPE)} } }`;
export const FORECAST_RATE = 10;
export const FORECAST_TARGET_P95_MS = 50;
export const FORECAST_OPERATIONS = {
  forecast: {
    label: 'forecast of one LA with three levers set (Kent: cohort model, backtest, spend)',
    query: FORECAST_QUERY,
    variables: { area: { laCode: '886' }, levers: FORECAST_LEVERS },
    baseline: '/forecast?la=886&divert=0.2&move=0.3&cease=0.1',
  },
  forecastSet: {
    label: 'forecast of a set: Kent and its 10 statistical neighbours summed, the same levers',
    query: FORECAST_QUERY,
    variables: { area: { peers: { kind: 'STATISTICAL_NEIGHBOURS', of: '886' } }, levers: FORECAST_LEVERS },
    baseline: '/forecast?neighboursOf=886&divert=0.2&move=0.3&cease=0.1',
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
  forecast: (f) => ({ forecast: projectShape(FORECAST_SHAPE, f) }),
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
