import type { CodegenConfig } from '@graphql-codegen/cli';

// The backend exports ../schema.graphql (the repo root) from its code. Until it exists, or to
// check the frontend against the public contract only, run:
//   SCHEMA=../../shared/design/api-contract.graphql npm run codegen
const config: CodegenConfig = {
  // A comma-separated list is merged (e.g. the exported schema plus the contract, while the
  // backend catches up with it).
  schema: (process.env.SCHEMA ?? '../schema.graphql').split(','),
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        // Queries travel as plain strings: no graphql-js `print` in the dashboard bundle.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          Date: 'string',
          Time: 'string',
          DateTime: 'string',
          // Money stays a decimal string end to end; see src/format.ts.
          Decimal: 'string',
        },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
