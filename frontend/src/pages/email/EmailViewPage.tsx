import { useEffect } from 'react';
import { useQuery } from '../../data';
import { ErrorBanner, Loading } from '../../ui/Feedback';
import { EmailStatusBadge } from '../../ui/StatusBadge';
import { DateTimeText, Text } from '../../ui/Values';
import { sentEmailQuery } from './queries';

/**
 * A sent e-mail exactly as it went out, in its own window ("Visualizar e-mail"). The stored
 * HTML runs in a sandbox with no permissions: no scripts, no forms, no access to this page.
 */
export function EmailViewPage({ emailId }: { emailId: string }) {
  const result = useQuery(sentEmailQuery, { id: emailId });
  const email = result.data?.sentEmail;

  useEffect(() => {
    document.title = email ? `${email.subject} — E-mail de cobrança` : 'E-mail de cobrança — Cobranças';
  }, [email]);

  return (
    <main className="email-view" id="conteudo">
      <div className="email-view-bar">
        <h1>E-mail de cobrança</h1>
        <div className="form-actions">
          <button type="button" className="button button-quiet button-small" onClick={() => window.print()}>
            Imprimir
          </button>
          <button type="button" className="button button-quiet button-small" onClick={() => window.close()}>
            Fechar janela
          </button>
        </div>
      </div>
      {result.error && <ErrorBanner message={result.error} onRetry={result.reload} />}
      {!result.data && !result.error && <Loading />}
      {result.data && !email && (
        <ErrorBanner message="E-mail não encontrado, ou de uma empresa que você não pode ver." />
      )}
      {email && (
        <>
          <dl className="email-meta">
            <div>
              <dt>Empresa</dt>
              <dd>
                {email.company.name}
                {email.company.email && <span className="muted"> &lt;{email.company.email}&gt;</span>}
              </dd>
            </div>
            <div>
              <dt>Cliente</dt>
              <dd>{email.debtor.name}</dd>
            </div>
            <div>
              <dt>Para</dt>
              <dd className="break">{email.to.join(', ')}</dd>
            </div>
            <div>
              <dt>Assunto</dt>
              <dd>
                <strong>{email.subject}</strong>
              </dd>
            </div>
            <div>
              <dt>{email.sentAt ? 'Enviado em' : 'Na fila desde'}</dt>
              <dd>
                <DateTimeText value={email.sentAt ?? email.queuedAt} />
              </dd>
            </div>
            <div>
              <dt>Enviado por</dt>
              <dd>
                <Text value={email.sentBy?.name} />
              </dd>
            </div>
            <div>
              <dt>Situação</dt>
              <dd>
                <EmailStatusBadge status={email.status} />{' '}
                <span className="muted">
                  {email.attempts} {email.attempts === 1 ? 'tentativa' : 'tentativas'}
                </span>
              </dd>
            </div>
            {email.lastError && (
              <div>
                <dt>Último erro</dt>
                <dd className="text-danger break">{email.lastError}</dd>
              </div>
            )}
          </dl>
          <iframe
            className="email-frame"
            title={`Conteúdo do e-mail: ${email.subject}`}
            sandbox=""
            srcDoc={email.html}
          />
        </>
      )}
    </main>
  );
}
