import { type MouseEvent, type ReactNode, useEffect, useState } from 'react';
import { logout } from './api';
import { isAdmin } from './pages/admin/access';
import { href, useRoute } from './router';
import { useSession } from './session';

export function Layout({ children, onSignedOut }: { children: ReactNode; onSignedOut: () => void }) {
  const { user } = useSession();
  const current = useRoute().name;
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // On a phone the links and "Sair" fold behind a Menu button; opening a screen folds them again.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    const close = () => setMenuOpen(false);
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, []);

  async function signOut() {
    setSigningOut(true);
    setError(null);
    try {
      await logout();
      onSignedOut();
    } catch (failure) {
      setError((failure as Error).message);
      setSigningOut(false);
    }
  }

  return (
    <>
      <a className="skip-link" href="#conteudo" onClick={skipToContent}>
        Pular para o conteúdo
      </a>
      <header className="topbar">
        <a className="brand" href={href({ name: 'home' })}>
          Cobranças
        </a>
        <button
          type="button"
          className="button button-quiet topbar-menu-button"
          aria-expanded={menuOpen}
          aria-controls="topbar-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-icon" aria-hidden="true" />
          Menu
        </button>
        <div
          id="topbar-menu"
          className="topbar-menu"
          data-open={menuOpen || undefined}
          onKeyDown={(event) => {
            if (event.key !== 'Escape' || !menuOpen) return;
            setMenuOpen(false);
            document.querySelector<HTMLElement>('.topbar-menu-button')?.focus();
          }}
        >
          <nav aria-label="Principal" className="topbar-nav">
            <a href={href({ name: 'home' })} aria-current={current === 'home' ? 'page' : undefined}>
              Pesquisa de Inadimplências
            </a>
            <a href={href({ name: 'agenda' })} aria-current={current === 'agenda' ? 'page' : undefined}>
              Meus Agendamentos
            </a>
            {user.role !== 'VIEWER' && (
              <>
                <a href={href({ name: 'regua' })} aria-current={current === 'regua' ? 'page' : undefined}>
                  Régua de cobrança
                </a>
                <a href={href({ name: 'import' })} aria-current={current === 'import' ? 'page' : undefined}>
                  Importação
                </a>
              </>
            )}
            {isAdmin(user) && (
              <a href={href({ name: 'admin', section: 'empresas' })} aria-current={current === 'admin' ? 'page' : undefined}>
                Administração
              </a>
            )}
            <a href="/explorer">Explorador da API</a>
          </nav>
          <div className="topbar-user">
            <button type="button" className="button button-quiet" onClick={signOut} disabled={signingOut}>
              Sair
            </button>
          </div>
        </div>
        <span className="topbar-greeting">
          Olá, <strong>{user.name}</strong>
        </span>
      </header>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <main id="conteudo" className="content">
        {children}
      </main>
    </>
  );
}

// The hash is the router's: move focus to the content without changing the route.
function skipToContent(event: MouseEvent) {
  event.preventDefault();
  document.querySelector<HTMLElement>('main h1')?.focus();
}
