/**
 * The structure rules (docs/architecture.md says why). `npm test` runs them first
 * (`npm run check:structure`); breaking one fails the run and names the rule.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const SERVER = '^packages/server/src/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle (type-only imports too) means two modules are one concept split in two, or one depends on the other\'s details: break it by moving the shared shape to the module that owns it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'dashboard-imports-only-schema',
      severity: 'error',
      comment: 'Dependencies point dashboard → schema ← server: the dashboard talks to the server only over the GraphQL API.',
      from: { path: '^packages/dashboard/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'schema-imports-neither',
      severity: 'error',
      comment: 'The schema package is the shared contract: it depends on neither the server nor the dashboard.',
      from: { path: '^packages/schema/' },
      to: { path: '^packages/(server|dashboard)/' },
    },
    {
      name: 'server-never-imports-dashboard',
      severity: 'error',
      comment: 'The server serves the dashboard\'s built files; it never imports its code (or React).',
      from: { path: '^packages/server/' },
      to: { path: '^packages/dashboard/' },
    },
    {
      name: 'ingest-and-db-never-import-features',
      severity: 'error',
      comment: 'Direction ingest → derived ← features: the import and the migrations write and refresh figures through derived/, never through the read features.',
      from: { path: `${SERVER}(ingest|db)/` },
      to: { path: `${SERVER}features/` },
    },
    {
      name: 'derived-never-imports-features-or-ingest',
      severity: 'error',
      comment: 'derived/ owns every figure computed from imported observations; the import calls it and features read through it, so it depends on neither.',
      from: { path: `${SERVER}derived/` },
      to: { path: `${SERVER}(features|ingest|graphql|http|plugins)/` },
    },
    {
      name: 'features-never-import-ingest',
      severity: 'error',
      comment: 'Features read what the import wrote (through derived/ and their own repositories); they never call the import.',
      from: { path: `${SERVER}features/` },
      to: { path: `${SERVER}ingest/` },
    },
    {
      name: 'statistics-is-pure',
      severity: 'error',
      comment: 'statistics/ holds the methods (quantiles, intervals, estimators) as pure functions: no database, no GraphQL, no other server module, so each can be tested against known answers alone.',
      from: { path: `${SERVER}statistics/` },
      to: { path: SERVER, pathNot: `${SERVER}statistics/` },
    },
    {
      name: 'no-feature-reads-another-features-repository',
      severity: 'error',
      comment: 'A feature\'s repository is its own SQL; another feature calls its service, and shared reads live in derived/.',
      from: { path: `${SERVER}features/([^/]+)/` },
      to: { path: `${SERVER}features/[^/]+/[^/]+\\.repository\\.ts$`, pathNot: `${SERVER}features/$1/` },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|dist-types|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types', 'typings'], extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
