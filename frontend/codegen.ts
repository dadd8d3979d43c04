import type { CodegenConfig } from '@graphql-codegen/cli';

// The backend exports ../schema.graphql (the repo root) from its code. Until it exists, or to
// check the frontend against the public contract only, run:
//   SCHEMA=../../shared/design/api-contract.graphql npm run codegen
const config: CodegenConfig = {
  schema: process.env.SCHEMA ?? '../schema.graphql',
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
