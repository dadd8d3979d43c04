import { graphql } from '../../gql';

export const importCompaniesQuery = graphql(`
  query ImportCompanies {
    companies {
      id
      name
    }
  }
`);

export const importDebtorsMutation = graphql(`
  mutation ImportDebtors($input: UpsertDebtorsInput!) {
    upsertDebtors(input: $input) {
      results {
        index
        id
        errors {
          field
          code
          message
        }
      }
      errors {
        code
        message
      }
    }
  }
`);

export const importEntriesMutation = graphql(`
  mutation ImportEntries($input: UpsertEntriesInput!) {
    upsertEntries(input: $input) {
      results {
        index
        id
        created
        changed
        errors {
          field
          code
          message
        }
      }
      created
      updated
      unchanged
      failed
      errors {
        code
        message
      }
    }
  }
`);
