import { graphql } from '../../gql';

graphql(`
  fragment DebtorRow on DebtorEdge {
    cursor
    node {
      id
      name
      kind
      document
      documentFormatted
      email
    }
    balance {
      openAmount
      entryCount
      oldestDueDate
      maxDaysOverdue
    }
  }
`);

/** The first page and the totals of a search, in one round trip. */
export const homeSearchQuery = graphql(`
  query HomeSearch($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!) {
    debtors(filter: $filter, orderBy: $orderBy, first: $first) {
      totalCount
      totalOpenAmount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        ...DebtorRow
      }
    }
    collectionSummary(filter: $filter) {
      totalOpenAmount
      debtorCount
      entryCount
      today
      dueFrom
      dueTo
      buckets {
        label
        minDays
        maxDays
        openAmount
        entryCount
      }
    }
  }
`);

/** The next pages ("Carregar mais", the CSV export). */
export const debtorPageQuery = graphql(`
  query DebtorPage($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!, $after: String) {
    debtors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        ...DebtorRow
      }
    }
  }
`);

export const companiesQuery = graphql(`
  query Companies {
    companies {
      id
      name
    }
  }
`);
