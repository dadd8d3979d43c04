import { useCallback, useEffect, useMemo, useState } from 'react';
import { UnauthorizedError, execute } from './api';
import { Layout } from './Layout';
import { LoginPage } from './pages/LoginPage';
import { useRoute } from './router';
import { Routes } from './Routes';
import { type CurrentUser, type Session, SessionContext, meQuery } from './session';

type State =
  | { status: 'loading' }
  | { status: 'signedOut'; notice?: string }
  | { status: 'failed'; message: string }
  | { status: 'signedIn'; user: CurrentUser };

const SESSION_EXPIRED = 'Sua sessão terminou. Entre novamente.';
const COOKIE_REFUSED =
  'O login foi aceito, mas a sessão não foi mantida pelo navegador. Verifique se os cookies estão permitidos.';

export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const route = useRoute();

  // Who am I? A 401 (or no user) means the login screen.
  const loadUser = useCallback(async (noticeIfSignedOut?: string) => {
    try {
      const { me } = await execute(meQuery);
      setState(me ? { status: 'signedIn', user: me } : { status: 'signedOut', notice: noticeIfSignedOut });
    } catch (error) {
      setState(
        error instanceof UnauthorizedError
          ? { status: 'signedOut', notice: noticeIfSignedOut }
          : { status: 'failed', message: (error as Error).message },
      );
    }
  }, []);

  useEffect(() => {
    void loadUser();
  }, [loadUser]);

  const user = state.status === 'signedIn' ? state.user : null;
  const session = useMemo<Session | null>(
    () => user && { user, expired: () => setState({ status: 'signedOut', notice: SESSION_EXPIRED }) },
    [user],
  );

  switch (state.status) {
    case 'loading':
      return (
        <p className="app-status" role="status">
          Carregando…
        </p>
      );
    case 'failed':
      return (
        <div className="app-status" role="alert">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={() => void loadUser()}>
            Tentar novamente
          </button>
        </div>
      );
    case 'signedOut':
      return <LoginPage notice={state.notice} onSignedIn={() => loadUser(COOKIE_REFUSED)} />;
    case 'signedIn':
      return (
        <SessionContext value={session}>
          {route.name === 'email' ? (
            // "Visualizar e-mail" opens this in a window of its own: the e-mail, without the frame.
            <Routes route={route} />
          ) : (
            <Layout onSignedOut={() => setState({ status: 'signedOut' })}>
              <Routes route={route} />
            </Layout>
          )}
        </SessionContext>
      );
  }
}
