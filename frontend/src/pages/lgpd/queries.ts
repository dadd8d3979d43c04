import { graphql } from '../../gql';

// Dados pessoais (LGPD) of one debtor: export and anonymisation (ADMIN).

export const exportDebtorDataQuery = graphql(`
  query ExportDebtorData($debtorId: ID!) {
    exportDebtorData(debtorId: $debtorId)
  }
`);

export const anonymizeDebtorMutation = graphql(`
  mutation AnonymizeDebtor($input: AnonymizeDebtorInput!) {
    anonymizeDebtor(input: $input) {
      debtor {
        id
        name
        anonymizedAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
