import { createContext, useContext } from 'react';
import { graphql } from './gql';
import type { MeQuery } from './gql/graphql';

export const meQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
    }
  }
`);

export type CurrentUser = NonNullable<MeQuery['me']>;

export type Session = {
  user: CurrentUser;
  /** Call when the API answers 401: the login screen comes back with a notice. */
  expired: () => void;
};

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and session helpers, for any screen inside the dashboard. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in dashboard');
  return session;
}
