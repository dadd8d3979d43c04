import { graphql } from './gql';

graphql(`
  fragment PauseRow on CollectionPause {
    id
    company {
      id
      name
    }
    entryId
    reason
    until
    createdBy {
      id
      name
    }
    createdAt
    endedAt
    active
  }
`);

graphql(`
  fragment PromiseRow on PaymentPromise {
    id
    company {
      id
      name
    }
    promisedDate
    amount
    note
    status
    createdBy {
      id
      name
    }
    createdAt
    resolvedAt
  }
`);

graphql(`
  fragment HistoryRow on HistoryEvent {
    id
    at
    kind
    action
    summary
    amount
    companyId
    actor {
      id
      name
    }
    automatic
  }
`);

/** Pausas, promessas de pagamento and the first page of the Histórico of one debtor. */
export const debtorFollowUpQuery = graphql(`
  query DebtorFollowUp($id: ID!, $historyPage: Int!) {
    debtor(id: $id) {
      id
      collectionPauses(includeEnded: true) {
        ...PauseRow
      }
      paymentPromises(includeResolved: true) {
        ...PromiseRow
      }
      history(first: $historyPage) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...HistoryRow
          }
        }
      }
    }
  }
`);

export const moreHistoryQuery = graphql(`
  query MoreDebtorHistory($id: ID!, $first: Int!, $after: String!) {
    debtor(id: $id) {
      id
      history(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...HistoryRow
          }
        }
      }
    }
  }
`);

export const pauseCollectionMutation = graphql(`
  mutation PauseCollection($input: PauseCollectionInput!) {
    pauseCollection(input: $input) {
      pause {
        ...PauseRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const resumeCollectionMutation = graphql(`
  mutation ResumeCollection($input: ResumeCollectionInput!) {
    resumeCollection(input: $input) {
      pause {
        ...PauseRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const recordPaymentPromiseMutation = graphql(`
  mutation RecordPaymentPromise($input: RecordPaymentPromiseInput!) {
    recordPaymentPromise(input: $input) {
      promise {
        ...PromiseRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const cancelPaymentPromiseMutation = graphql(`
  mutation CancelPaymentPromise($input: CancelPaymentPromiseInput!) {
    cancelPaymentPromise(input: $input) {
      promise {
        ...PromiseRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
