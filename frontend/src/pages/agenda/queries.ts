import { graphql } from '../../gql';

export const myAppointmentsQuery = graphql(`
  query MyAppointments($from: Date, $to: Date, $includeDone: Boolean!) {
    myAppointments(from: $from, to: $to, includeDone: $includeDone) {
      ...AppointmentRow
      debtor {
        id
        name
      }
    }
    myCalendarUrl
  }
`);
