import { graphql } from '../../gql';

export const sentEmailQuery = graphql(`
  query SentEmailView($id: ID!) {
    sentEmail(id: $id) {
      id
      debtor {
        id
        name
      }
      company {
        id
        name
        email
      }
      to
      subject
      html
      status
      attempts
      lastError
      queuedAt
      sentAt
      sentBy {
        id
        name
      }
    }
  }
`);
