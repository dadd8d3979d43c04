// Loading, empty, error and success states, the same on every screen.
import type { ReactNode } from 'react';

export function Loading({ children = 'Carregando…' }: { children?: ReactNode }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function ErrorBanner({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="banner banner-error" role="alert">
      {message.split('\n').map((line) => (
        <p key={line}>{line}</p>
      ))}
      {onRetry && (
        <button type="button" className="button button-quiet button-small" onClick={onRetry}>
          Tentar novamente
        </button>
      )}
    </div>
  );
}

/** Errors of a form that belong to no single field. */
export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return <ErrorBanner message={messages.join('\n')} />;
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <p className="banner banner-success" role="status">
      {children}
    </p>
  );
}

type Pages = { hasMore: boolean; loading: boolean; error?: string; loadMore: () => void };

/** "Carregar mais" under a list, with its own error and retry. */
export function LoadMore({ pages, hidden }: { pages: Pages; hidden?: boolean }) {
  if (hidden) return null;
  return (
    <>
      {pages.error && <ErrorBanner message={pages.error} onRetry={pages.loadMore} />}
      {pages.hasMore && (
        <div className="load-more">
          <button type="button" className="button button-quiet" onClick={pages.loadMore} disabled={pages.loading}>
            {pages.loading ? 'Carregando…' : 'Carregar mais'}
          </button>
        </div>
      )}
    </>
  );
}

/**
 * A notice pinned to the bottom of the window with "Desfazer" (e.g. an appointment ticked
 * Concluído by mistake), so it is in view wherever the list was scrolled to.
 */
export function UndoNotice({ children, onUndo, onClose }: { children: ReactNode; onUndo: () => void; onClose: () => void }) {
  return (
    <div className="toast" role="status">
      <span>{children}</span>
      <button type="button" className="button button-small" onClick={onUndo}>
        Desfazer
      </button>
      <button type="button" className="button button-quiet button-small" aria-label="Fechar aviso" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
