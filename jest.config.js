/** Jest for the schema and server packages (the dashboard uses Vitest). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    // import() stays import(): jose, openid-client and oidc-provider are ES modules (jest runs them with --experimental-vm-modules).
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages/schema', '<rootDir>/packages/server'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: { '^@sendbench/schema$': '<rootDir>/packages/schema/src/index.ts' },
  globalSetup: '<rootDir>/packages/server/test/global-setup.ts',
  globalTeardown: '<rootDir>/packages/server/test/global-teardown.ts',
  testTimeout: 300000,
  // Two workers on two cores: each reads its own copy of the embedded database (test/support/shared-database.ts).
  maxWorkers: 2,
};
