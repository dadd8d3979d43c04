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
    myCalendarUrl
    today
  }
`);
