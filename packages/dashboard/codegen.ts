import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations from the committed SDL: `npm run codegen -w @sendbench/dashboard`. */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // Operations as strings: a third of the size of AST objects in the bundle; urql parses them.
        documentMode: 'string',
        enumsAsTypes: true,
        scalars: { LaCode: 'string', AreaCode: 'string', MetricId: 'string', PeriodCode: 'number' },
      },
    },
  },
};

export default config;
