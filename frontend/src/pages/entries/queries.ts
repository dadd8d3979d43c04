import { graphql } from '../../gql';

graphql(`
  fragment PaymentRow on Payment {
    id
    amount
    lateFee
    interest
    discount
    paidOn
    method
    note
    receivedAmount
    waivedCharges
    waiverReason
    createdAt
    reversedAt
    reversalReason
  }
`);

graphql(`
  fragment EntryRow on FinancialEntry {
    id
    code
    description
    company {
      id
      name
      today
    }
    issueDate
    dueDate
    amount
    paidAmount
    openAmount
    status
    isOverdue
    version
    cancelledAt
    cancelReason
    charges {
      on
      daysOverdue
      lateFee
      interest
      updatedAmount
    }
    receivedCharges
    waivedCharges
    payments {
      ...PaymentRow
    }
  }
`);

/** The charges still owed on a payment date (multa and juros received before are deducted). */
export const entryChargesQuery = graphql(`
  query EntryCharges($id: ID!, $on: Date!) {
    entry(id: $id) {
      id
      charges(on: $on) {
        on
        daysOverdue
        lateFee
        interest
        updatedAmount
      }
    }
  }
`);

/** Lançamentos Financeiros: every entry of the debtor, paid or not. */
export const debtorEntriesQuery = graphql(`
  query DebtorEntries($id: ID!, $first: Int!, $after: String) {
    debtor(id: $id) {
      id
      name
      kind
      documentFormatted
      overdueBalance {
        openAmount
        entryCount
      }
      entries(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...EntryRow
          }
        }
      }
    }
  }
`);

export const settleEntryMutation = graphql(`
  mutation SettleEntry($input: SettleEntryInput!) {
    settleEntry(input: $input) {
      entry {
        ...EntryRow
      }
      payment {
        id
        amount
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const debtorBalanceQuery = graphql(`
  query DebtorBalance($id: ID!) {
    debtor(id: $id) {
      id
      overdueBalance {
        openAmount
        entryCount
      }
    }
  }
`);

export const reversePaymentMutation = graphql(`
  mutation ReversePayment($input: ReversePaymentInput!) {
    reversePayment(input: $input) {
      entry {
        ...EntryRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const cancelEntryMutation = graphql(`
  mutation CancelEntry($input: CancelEntryInput!) {
    cancelEntry(input: $input) {
      entry {
        ...EntryRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
