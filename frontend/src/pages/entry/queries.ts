import { graphql } from '../../gql';

graphql(`
  fragment EntryDetail on FinancialEntry {
    ...EntryRow
    debtor {
      id
      name
      documentFormatted
    }
    documentNumber
    category
    costCenter
    notes
  }
`);

export const entryFormQuery = graphql(`
  query EntryForm($id: ID!) {
    entry(id: $id) {
      ...EntryDetail
    }
    companies {
      id
      name
    }
  }
`);

export const updateEntryMutation = graphql(`
  mutation UpdateEntry($input: UpdateEntryInput!) {
    updateEntry(input: $input) {
      entry {
        ...EntryDetail
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
