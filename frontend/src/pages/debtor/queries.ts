import { graphql } from '../../gql';

graphql(`
  fragment DebtorData on Debtor {
    id
    name
    kind
    document
    documentFormatted
    email
    phone
    mobile
    phoneFormatted
    mobileFormatted
    address {
      postalCode
      postalCodeFormatted
      street
      number
      complement
      district
      city
      state
    }
  }
`);

graphql(`
  fragment OverdueEntryRow on OverdueEntry {
    id
    code
    description
    company {
      id
      name
    }
    dueDate
    amount
    openAmount
    daysOverdue
    lateFee
    interest
    updatedAmount
  }
`);

graphql(`
  fragment ContactRow on Contact {
    id
    name
    department
    role
    email
    phone
    mobile
    phoneFormatted
    mobileFormatted
  }
`);

graphql(`
  fragment AppointmentRow on Appointment {
    id
    responsible {
      id
      name
    }
    company {
      id
      name
    }
    date
    time
    notes
    done
    doneAt
    createdAt
  }
`);

graphql(`
  fragment SentEmailRow on SentEmail {
    id
    company {
      id
      name
    }
    to
    subject
    status
    attempts
    lastError
    queuedAt
    sentAt
    sentBy {
      id
      name
    }
    automatic
    collectionStepDays
  }
`);

/** Everything Débitos do Cliente shows, in one round trip. */
export const debtorDetailQuery = graphql(`
  query DebtorDetail($id: ID!, $entriesPage: Int!, $emailsPage: Int!) {
    debtor(id: $id) {
      ...DebtorData
      lastEmailedAt
      overdueBalance {
        openAmount
        entryCount
        oldestDueDate
        maxDaysOverdue
      }
      overdueEntries(first: $entriesPage) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...OverdueEntryRow
          }
        }
      }
      contacts {
        ...ContactRow
      }
      appointments {
        ...AppointmentRow
      }
      sentEmails(first: $emailsPage) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...SentEmailRow
          }
        }
      }
    }
    companies {
      id
      name
      today
      emailTemplates {
        id
        name
        subject
        body
        isDefault
      }
    }
    today
    users {
      id
      name
    }
    emailPlaceholders {
      name
      token
      description
      example
      inSubject
    }
  }
`);

export const moreOverdueEntriesQuery = graphql(`
  query MoreOverdueEntries($id: ID!, $first: Int!, $after: String!) {
    debtor(id: $id) {
      id
      overdueEntries(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...OverdueEntryRow
          }
        }
      }
    }
  }
`);

export const moreSentEmailsQuery = graphql(`
  query MoreSentEmails($id: ID!, $first: Int!, $after: String!) {
    debtor(id: $id) {
      id
      sentEmails(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...SentEmailRow
          }
        }
      }
    }
  }
`);

export const sendCollectionEmailMutation = graphql(`
  mutation SendCollectionEmail($input: SendCollectionEmailInput!) {
    sendCollectionEmail(input: $input) {
      sentEmail {
        ...SentEmailRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const updateDebtorMutation = graphql(`
  mutation UpdateDebtor($input: UpdateDebtorInput!) {
    updateDebtor(input: $input) {
      debtor {
        ...DebtorData
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const scheduleAppointmentMutation = graphql(`
  mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {
    scheduleAppointment(input: $input) {
      appointment {
        ...AppointmentRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const addContactMutation = graphql(`
  mutation AddContact($input: AddContactInput!) {
    addContact(input: $input) {
      contact {
        ...ContactRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const updateContactMutation = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      contact {
        ...ContactRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const removeContactMutation = graphql(`
  mutation RemoveContact($input: RemoveContactInput!) {
    removeContact(input: $input) {
      removedContactId
      errors {
        field
        code
        message
      }
    }
  }
`);

export const updateAppointmentMutation = graphql(`
  mutation UpdateAppointment($input: UpdateAppointmentInput!) {
    updateAppointment(input: $input) {
      appointment {
        ...AppointmentRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const completeAppointmentMutation = graphql(`
  mutation CompleteAppointment($input: CompleteAppointmentInput!) {
    completeAppointment(input: $input) {
      appointment {
        ...AppointmentRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const deleteAppointmentMutation = graphql(`
  mutation DeleteAppointment($input: DeleteAppointmentInput!) {
    deleteAppointment(input: $input) {
      deletedAppointmentId
      errors {
        field
        code
        message
      }
    }
  }
`);

export const retryEmailMutation = graphql(`
  mutation RetryEmail($input: RetryEmailInput!) {
    retryEmail(input: $input) {
      sentEmail {
        ...SentEmailRow
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const previewCollectionEmailQuery = graphql(`
  query PreviewCollectionEmail($input: SendCollectionEmailInput!) {
    previewCollectionEmail(input: $input) {
      to
      subject
      html
      warnings {
        code
        message
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
