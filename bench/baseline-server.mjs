/**
 * The benchmark's baseline: a bare node:http handler that runs the same repository and service
 * code as the API (so the same SQL through pg, and the same statistics) and writes the same JSON —
 * without GraphQL parsing, validation, execution, type-graphql or Apollo. GraphQL ÷ baseline is
 * what the GraphQL layer costs.
 *
 * Two more routes, the comparison's floors (docs/benchmarks.md, "The comparison against a plain list"):
 * - `/plain-list?metric=…&period=…`: one metric period's values of the current LAs (code, name,
 *   value, status, numerator, denominator), one SELECT through pg, rows written with JSON.stringify —
 *   what a generic GraphQL-over-PostgreSQL engine serves: no ranks, no statistics.
 * - `/comparison-sql?metric=…&focus=…&period=…[&first=…]`: the whole answer of the comparison over
 *   England (`OPERATIONS.comparison`: members, focus, statistics, England, region, ranks, bands and
 *   Wilson significance) built as JSON by ONE statement inside PostgreSQL from the rows the import
 *   keeps, PostgreSQL's text sent as the body unparsed: the physical limit of that operation.
 * Both use their own pg pool (same size) and named prepared statements.
 *
 * DATABASE_URL=postgres://… PORT=4301 node bench/baseline-server.mjs
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import { PROJECT } from './operations.mjs';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const dist = (p) => require(`../packages/server/dist/${p}`);
const { connect } = dist('db/connect.js');
const { ReferenceCache } = dist('features/reference/reference.service.js');
const { createContext } = dist('graphql/context.js');
const { ProfileResolver } = dist('features/profiles/profile.resolver.js');
const { ComparisonResolver, compare } = dist('features/comparisons/comparison.resolver.js');
const { TrendResolver } = dist('features/trends/trend.resolver.js');
const { RelationshipResolver } = dist('features/relationships/relationship.resolver.js');
const { ForecastResolver } = dist('features/forecast/forecast.resolver.js');
const { requireMetric, isProportion, isAggregatable } = dist('features/metrics/metric.service.js');
const { evaluate } = dist('features/evaluation/evaluation.service.js');
const { DEFAULT_EVALUATION_DRAWS, DEFAULT_EVALUATION_SEED } = dist('features/evaluation/evaluation.args.js');

// The resolvers read release ids only when the operation selects releaseIds; none of the bench's
// operations does, so the baseline runs the same SQL as the API by passing an operation without it.
const { parse } = require('graphql');
const NO_RELEASE_IDS = { operation: parse('{ profile { year } }').definitions[0], fragments: {} };

const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const handle = await connect({ url: process.env.DATABASE_URL, poolSize: POOL_SIZE, parallelQuery: false });
const cache = new ReferenceCache();
const resolvers = { profile: new ProfileResolver(), comparison: new ComparisonResolver(), trend: new TrendResolver(), relationship: new RelationshipResolver(), forecast: new ForecastResolver() };

const HANDLERS = {
  '/profile': (ctx, q) => resolvers.profile.profile(ctx, q.get('code'), null, null, NO_RELEASE_IDS).then(PROJECT.profile),
  '/comparison': async (ctx, q) => {
    // The resolver's own function, told the places the page shows (the API reads them off the operation).
    const first = q.has('first') ? Number(q.get('first')) : null;
    const c = await compare(ctx, { metricId: q.get('metric'), peers: { kind: q.get('peers') ?? 'england' }, focusCode: q.get('focus'), periodCode: Number(q.get('period')), through: first, releaseIds: false });
    const members = resolvers.comparison.members(c, { first, offset: 0 });
    return PROJECT.comparison({ ...c, members, focusMember: first === null ? undefined : resolvers.comparison.focusMember(c) });
  },
  '/trend': (ctx, q) => resolvers.trend.trend(ctx, q.get('metric'), q.get('areas').split(','), null, null, null, null).then(PROJECT.trend),
  // The service the resolver calls, with the arguments' GraphQL defaults.
  '/evaluation': (ctx, q) =>
    evaluate(ctx, {
      cohort: q.get('cohort'),
      metric: q.get('metric'),
      transform: q.get('transform') ?? 'level',
      comparison: 'no_programme',
      comparisonTiming: 'never_treated',
      straddleSeriesBreak: false,
      draws: DEFAULT_EVALUATION_DRAWS,
      seed: DEFAULT_EVALUATION_SEED,
      focus: q.get('focus'),
      donors: 'comparison',
    }).then(PROJECT.evaluation),
  '/forecast': (ctx, q) => {
    const area = q.has('la') ? { laCode: q.get('la') } : { peers: { kind: 'statistical_neighbours', of: q.get('neighboursOf') } };
    const levers = { diversionToSenSupport: Number(q.get('divert') ?? 0), specialToMainstream: Number(q.get('move') ?? 0), ceaseRateChange: Number(q.get('cease') ?? 0), growthCap: null };
    // The API's defaults for the settings the operation leaves out.
    return resolvers.forecast.forecast(ctx, area, levers, 0.03, 0, 6000, null).then(PROJECT.forecast);
  },
  '/relationship': (ctx, q) => resolvers.relationship.relationship(ctx, q.get('x'), q.get('y'), null, q.get('focus'), null, null, NO_RELEASE_IDS).then(PROJECT.relationship),
};

/** The plain list: one metric period over the current LAs, as a generic engine lists rows. */
const PLAIN_LIST_SQL = `
  select la.la_code as code, la.name, mv.value, mv.status, mv.numerator, mv.denominator
  from metric_value mv
  join local_authority la on la.la_code = mv.area_code and la.is_current
  where mv.metric_id = $1 and mv.period = $2
  order by mv.area_code`;

/**
 * The comparison over England as one statement: the JSON of `{ data: { comparison } }` that the
 * GraphQL operation `OPERATIONS.comparison` returns, key for key. From the rows the import keeps:
 * england_rank (each current LA's rank, highest first, and its ascending position), england_statistics
 * (quartiles, range, sums behind the aggregate), metric_value (the members', England's and the
 * region's values), local_authority (the set: every current LA). As the API computes them
 * (features/comparisons/comparison.service.ts, statistics/descriptive.ts): quartile band
 * ceil(4 × position / n) clamped to 1..4; the 95% Wilson interval of numerator / denominator with
 * the same float8 operations in the same order as `wilson` (so the same bits), in percent, compared
 * with England's value (`compareWithBenchmark`); display order: rank, then name and code by ICU
 * collation (the API's Intl.Collator), members without a value last by name; the aggregate from the
 * kept sums (`aggregateOfSums`). Parameters: metric, period, focus (or null), whether the metric is
 * a proportion, the aggregate's kind ('none' | 'sum' | 'ratio') and scale, and `first` (null: every
 * member). The focus must be a current LA (as in every bench request).
 */
const COMPARISON_SQL = `
with stats as (
  select * from england_statistics where metric_id = $1 and period = $2
), benchmark as (
  select value from metric_value where metric_id = $1 and period = $2 and area_code = 'E92000001'
), member as (
  select la.la_code, la.name, r.rank,
    json_build_object(
      'authority', json_build_object('code', la.la_code, 'name', la.name),
      'value', json_build_object('value', v.value, 'status', coalesce(v.status, 'x'), 'numerator', v.numerator, 'denominator', v.denominator),
      'rank', r.rank,
      'quartileBand', case when r.position is not null then least(4, greatest(1, ceil((4 * r.position)::float8 / (select with_value from stats))))::int end,
      'isFocus', la.la_code is not distinct from $3::text,
      'significance', case
        when ci.c is null or (select value from benchmark) is null then null
        when greatest(0, ci.c - ci.h) * 100 > (select value from benchmark) then 'HIGHER'
        when least(1, ci.c + ci.h) * 100 < (select value from benchmark) then 'LOWER'
        else 'SIMILAR' end
    ) as j
  from local_authority la
  left join metric_value v on v.metric_id = $1 and v.period = $2 and v.area_code = la.la_code
  left join england_rank r on r.metric_id = $1 and r.period = $2 and r.area_code = la.la_code
  -- wilson(x, n): only for proportions with 0 <= x <= n, n > 0; p = x/n, z², d = 1 + z²/n, centre c, half-width h.
  cross join lateral (select case when $4::boolean and v.denominator > 0 and v.numerator >= 0 and v.numerator <= v.denominator then v.numerator end as x,
                             case when $4::boolean and v.denominator > 0 and v.numerator >= 0 and v.numerator <= v.denominator then v.denominator end as n,
                             1.959963984540054::float8 as z) w0
  cross join lateral (select w0.x / w0.n as p, w0.z * w0.z as z2) w1
  cross join lateral (select 1 + w1.z2 / w0.n as d) w2
  cross join lateral (select (w1.p + w1.z2 / (2 * w0.n)) / w2.d as c,
                             (w0.z * sqrt((w1.p * (1 - w1.p)) / w0.n + w1.z2 / (4 * w0.n * w0.n))) / w2.d as h) ci
  where la.is_current
)
select json_build_object('data', json_build_object('comparison', json_build_object(
  'period', json_build_object('code', $2::int),
  'members', (select coalesce(json_agg(m.j order by m.rank is null, m.rank, m.name collate "und-x-icu", m.la_code collate "und-x-icu"), '[]')
              from (select * from member order by rank is null, rank, name collate "und-x-icu", la_code collate "und-x-icu" limit $7::int) m),
  'focusMember', (select j from member where la_code = $3::text),
  'statistics', (select json_build_object(
      'count', (select count(*) from member),
      'withValue', coalesce(s.with_value, 0),
      'median', s.quartiles[2], 'lowerQuartile', s.quartiles[1], 'upperQuartile', s.quartiles[3],
      'min', s.min, 'max', s.max,
      'aggregate', json_build_object(
        'value', case $5::text
          when 'sum' then s.numerator_sum
          when 'ratio' then case when s.pair_denominator <> 0 then (s.pair_numerator / s.pair_denominator) * $6::float8 end
        end,
        'members', case $5::text when 'sum' then coalesce(s.numerators, 0) when 'ratio' then coalesce(s.pairs, 0) else 0 end))
    from (select 1) one left join stats s on true),
  'england', (select json_build_object('value', v.value, 'status', coalesce(v.status, 'x'))
    from (select 1) one left join metric_value v on v.metric_id = $1 and v.period = $2 and v.area_code = 'E92000001'),
  'region', (select json_build_object('value', v.value, 'status', coalesce(v.status, 'x'))
    from local_authority f left join metric_value v on v.metric_id = $1 and v.period = $2 and v.area_code = f.region_code
    where f.la_code = $3::text)
)))::text as body`;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: POOL_SIZE, connectionTimeoutMillis: 5_000 });
pool.on('error', () => undefined);
// As the API's serving connections: no parallel workers.
pool.on('connect', (client) => void client.query('set max_parallel_workers_per_gather = 0').catch(() => undefined));

/** Routes that write their own body: each returns the response text. */
const RAW_HANDLERS = {
  '/plain-list': async (q) => {
    const { rows } = await pool.query({ name: 'bench-plain-list', text: PLAIN_LIST_SQL, values: [q.get('metric'), Number(q.get('period'))] });
    return JSON.stringify({ data: { values: rows } });
  },
  '/comparison-sql': async (q) => {
    const metric = requireMetric(q.get('metric'));
    const aggregate = !isAggregatable(metric) ? 'none' : metric.formula.kind === 'value' ? 'sum' : 'ratio';
    const scale = metric.formula.kind === 'ratio' ? metric.formula.scale : 100;
    const first = q.has('first') ? Number(q.get('first')) : null;
    const { rows } = await pool.query({ name: 'bench-comparison-sql', text: COMPARISON_SQL, values: [metric.id, Number(q.get('period')), q.get('focus'), isProportion(metric), aggregate, scale, first] });
    return rows[0].body; // PostgreSQL's text, not parsed
  },
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const raw = RAW_HANDLERS[url.pathname];
  if (raw) {
    try {
      const body = await raw(url.searchParams);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
    return;
  }
  const handler = HANDLERS[url.pathname];
  if (!handler) {
    res.writeHead(404).end();
    return;
  }
  try {
    const data = await handler(createContext(handle.db, cache), url.searchParams);
    const body = JSON.stringify({ data });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
  }
});
server.listen(Number(process.env.PORT ?? 4301), '127.0.0.1', () => console.error(`baseline ready on ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => Promise.all([handle.close(), pool.end()]).then(() => process.exit(0))));
