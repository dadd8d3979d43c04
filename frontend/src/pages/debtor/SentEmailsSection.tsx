import { useState } from 'react';
import { useExecute } from '../../data';
import type { SentEmailRowFragment } from '../../gql/graphql';
import { href } from '../../router';
import { Empty, ErrorBanner, LoadMore, SuccessNotice } from '../../ui/Feedback';
import { Section } from '../../ui/Section';
import { EmailStatusBadge } from '../../ui/StatusBadge';
import { DateTimeText, Text } from '../../ui/Values';
import { retryEmailMutation } from './queries';

type Props = {
  emails: readonly SentEmailRowFragment[];
  totalCount: number;
  pages: { hasMore: boolean; loading: boolean; error?: string; loadMore: () => void };
  onRetried: (email: SentEmailRowFragment) => void;
};

/** Opens the e-mail exactly as sent in a window of its own (the seed's "nova janela"). */
export function openEmailWindow(emailId: string): void {
  const url = href({ name: 'email', emailId });
  window.open(url, `email-${emailId}`, 'popup,width=900,height=760');
}

/** Dados do E-mail: the collection e-mails sent to this debtor. */
export function SentEmailsSection({ emails, totalCount, pages, onRetried }: Props) {
  const run = useExecute();
  const [retrying, setRetrying] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ error?: string; notice?: string }>({});

  async function retry(email: SentEmailRowFragment) {
    setRetrying(email.id);
    setOutcome({});
    try {
      const { retryEmail: result } = await run(retryEmailMutation, { input: { id: email.id } });
      if (result.sentEmail) {
        onRetried(result.sentEmail);
        setOutcome({ notice: `E-mail “${email.subject}” voltou para a fila de envio.` });
      } else {
        setOutcome({ error: result.errors.map((error) => error.message).join('\n') });
      }
    } catch (failure) {
      setOutcome({ error: (failure as Error).message });
    } finally {
      setRetrying(null);
    }
  }

  return (
    <Section title="Dados do E-mail" count={totalCount} defaultOpen={false}>
      {outcome.error && <ErrorBanner message={outcome.error} />}
      {outcome.notice && <SuccessNotice>{outcome.notice}</SuccessNotice>}
      {emails.length === 0 ? (
        <Empty>Nenhum e-mail enviado a este cliente.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">E-mails enviados</caption>
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">Título</th>
                <th scope="col">Destinatários</th>
                <th scope="col">Empresa</th>
                <th scope="col">Situação</th>
                <th scope="col">Enviado por</th>
                <th scope="col">
                  <span className="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id}>
                  <td data-label="Data">
                    <DateTimeText value={email.sentAt ?? email.queuedAt} />
                  </td>
                  <td id={`email-${email.id}`} className="card-title">
                    {email.subject}
                  </td>
                  <td className="break card-wide" data-label="Destinatários">
                    {email.to.join(', ')}
                  </td>
                  <td data-label="Empresa">{email.company.name}</td>
                  <td className="card-status">
                    <EmailStatusBadge status={email.status} />
                    {email.status === 'FAILED' && email.lastError && (
                      <small className="field-hint cell-note">
                        {email.attempts} {email.attempts === 1 ? 'tentativa' : 'tentativas'}: {email.lastError}
                      </small>
                    )}
                  </td>
                  <td data-label="Enviado por">
                    {email.automatic ? <AutomaticBadge stepDays={email.collectionStepDays} /> : <Text value={email.sentBy?.name} />}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      aria-describedby={`email-${email.id}`}
                      onClick={() => openEmailWindow(email.id)}
                    >
                      Visualizar e-mail
                    </button>
                    {email.status === 'FAILED' && (
                      <button
                        type="button"
                        className="button button-quiet button-small"
                        aria-describedby={`email-${email.id}`}
                        disabled={retrying === email.id}
                        onClick={() => void retry(email)}
                      >
                        {retrying === email.id ? 'Reenviando…' : 'Reenviar'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore pages={pages} />
    </Section>
  );
}

/** A régua-sent e-mail: nobody sent it by hand; the step says why it went. */
function AutomaticBadge({ stepDays }: { stepDays?: number | null }) {
  const step = stepDays == null ? '' : stepDays === 0 ? ' D0' : stepDays > 0 ? ` D+${stepDays}` : ` D${stepDays}`;
  return <span className="badge badge-info">Automático (régua{step})</span>;
}
