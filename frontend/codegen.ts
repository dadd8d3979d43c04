import type { CodegenConfig } from '@graphql-codegen/cli';

// The backend exports ../schema.graphql (the repo root) from its code. Until it exists, or to
// check the frontend against the public contract only, run:
//   SCHEMA=../../shared/design/api-contract.graphql npm run codegen

// Screens loaded on demand keep their operations in a generated folder of their own: the
// client preset's graphql() map holds every document it was generated from, and the map in
// src/gql/ is part of the first screen's JavaScript (see scripts/check-bundle.mjs).
export const LAZY_SCREENS = ['src/pages/regua', 'src/pages/debtor/followup'];

const generated = {
  preset: 'client' as const,
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
};

const config: CodegenConfig = {
  // A comma-separated list is merged (e.g. the exported schema plus the contract, while the
  // backend catches up with it).
  schema: (process.env.SCHEMA ?? '../schema.graphql').split(','),
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      ...generated,
      documents: ['src/**/*.{ts,tsx}', '!src/**/gql/**', ...LAZY_SCREENS.map((dir) => `!${dir}/**`)],
    },
    ...Object.fromEntries(
      LAZY_SCREENS.map((dir) => [`${dir}/gql/`, { ...generated, documents: [`${dir}/**/*.{ts,tsx}`, `!${dir}/gql/**`] }]),
    ),
  },
};

export default config;
