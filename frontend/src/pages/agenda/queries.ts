import { graphql } from '../../gql';

export const myAppointmentsQuery = graphql(`
  query MyAppointments($from: Date, $to: Date, $includeDone: Boolean!) {
    myAppointments(from: $from, to: $to, includeDone: $includeDone) {
      ...AppointmentRow
      company {
        id
        today
      }
      debtor {
        id
        name
      }
    }
    today
  }
`);

// Only the feed token's hash is stored: the address is shown once, then rotated for a new one.
export const myCalendarUrlQuery = graphql(`
  query MyCalendarUrl {
    myCalendarUrl
  }
`);

export const rotateCalendarUrlMutation = graphql(`
  mutation RotateCalendarUrl {
    rotateCalendarUrl {
      url
      errors {
        code
        message
      }
    }
  }
`);
