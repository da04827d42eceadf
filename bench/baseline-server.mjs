/**
 * The benchmark's baseline: a bare node:http handler that runs the same repository and service
 * code as the API (so the same SQL through pg, and the same statistics) and writes the same JSON —
 * without GraphQL parsing, validation, execution, type-graphql or Apollo. GraphQL ÷ baseline is
 * what the GraphQL layer costs.
 *
 * DATABASE_URL=postgres://… PORT=4301 node bench/baseline-server.mjs
 */
import http from 'node:http';
import { createRequire } from 'node:module';
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

// The resolvers read release ids only when the operation selects releaseIds; none of the bench's
// operations does, so the baseline runs the same SQL as the API by passing an operation without it.
const { parse } = require('graphql');
const NO_RELEASE_IDS = { operation: parse('{ profile { year } }').definitions[0], fragments: {} };

const handle = await connect({ url: process.env.DATABASE_URL, poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10), parallelQuery: false });
const cache = new ReferenceCache();
const resolvers = { profile: new ProfileResolver(), comparison: new ComparisonResolver(), trend: new TrendResolver(), relationship: new RelationshipResolver() };

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
  '/relationship': (ctx, q) => resolvers.relationship.relationship(ctx, q.get('x'), q.get('y'), null, q.get('focus'), null, null, NO_RELEASE_IDS).then(PROJECT.relationship),
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
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
process.on('SIGTERM', () => server.close(() => handle.close().then(() => process.exit(0))));
