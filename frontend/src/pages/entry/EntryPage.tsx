import { useState } from 'react';
import { useQuery } from '../../data';
import { formatBRL } from '../../format';
import type { EntryDetailFragment, PaymentRowFragment } from '../../gql/graphql';
import { Page } from '../../Page';
import { href } from '../../router';
import { ErrorBanner, Loading, SuccessNotice } from '../../ui/Feedback';
import { Section } from '../../ui/Section';
import { canSettle } from '../entries/DebtorEntriesPage';
import { CancelEntryDialog, ReversePaymentDialog } from '../entries/EntryActions';
import { PaymentsTable } from '../entries/PaymentsTable';
import { SettleDialog } from '../entries/SettleDialog';
import { EntryForm } from './EntryForm';
import { entryFormQuery } from './queries';
import { searchHref } from '../home/place';

/** Cadastro de Lançamentos: edit one entry and see its payments. */
export function EntryPage({ entryId }: { entryId: string }) {
  const result = useQuery(entryFormQuery, { id: entryId });
  const [settling, setSettling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [reversing, setReversing] = useState<PaymentRowFragment | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const entry = result.data?.entry;

  function replace(next: Partial<EntryDetailFragment>) {
    result.update((data) => (data.entry ? { ...data, entry: { ...data.entry, ...next } } : data));
  }

  if (!result.data) {
    return (
      <Page title="Cadastro de Lançamentos">
        {result.error ? <ErrorBanner message={result.error} onRetry={result.reload} /> : <Loading />}
        <BackLink />
      </Page>
    );
  }
  if (!entry) {
    return (
      <Page title="Cadastro de Lançamentos">
        <ErrorBanner message="Lançamento não encontrado, ou de uma empresa que você não pode ver." />
        <BackLink />
      </Page>
    );
  }

  const debtorId = entry.debtor.id;
  return (
    <Page title="Cadastro de Lançamentos">
      <div className="debtor-header">
        <p className="page-subtitle">
          Lançamento <strong>{entry.code}</strong> de <strong>{entry.debtor.name}</strong>
          {entry.debtor.documentFormatted && <span> · {entry.debtor.documentFormatted}</span>}
        </p>
        <p className="page-links">
          <a href={href({ name: 'debtor', debtorId }, { empresa: entry.company.id })}>Débitos do Cliente</a>
          <a href={href({ name: 'debtorEntries', debtorId })}>Lançamentos Financeiros</a>
          <a href={searchHref()}>Voltar à pesquisa</a>
        </p>
      </div>
      {notice && <SuccessNotice>{notice}</SuccessNotice>}

      <EntryForm
        key={`${entry.id}@${entry.version}`} // a newer version (saved, settled, reloaded) starts the form over
        entry={entry}
        companies={result.data.companies}
        onSaved={(saved) => {
          replace(saved);
          setNotice('Lançamento salvo.');
        }}
        onReload={() => {
          setNotice(null);
          result.reload();
        }}
      />

      <Section title="Pagamentos" count={entry.payments.length}>
        <PaymentsTable
          payments={entry.payments}
          caption={`Pagamentos do lançamento ${entry.code}`}
          onReverse={(payment) => {
            setNotice(null);
            setReversing(payment);
          }}
        />
        <div className="form-actions">
          {canSettle(entry) && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setNotice(null);
                setSettling(true);
              }}
            >
              Quitar
            </button>
          )}
          {entry.status !== 'CANCELLED' && !entry.payments.some((payment) => !payment.reversedAt) && (
            <button
              type="button"
              className="button button-quiet button-danger"
              onClick={() => {
                setNotice(null);
                setCancelling(true);
              }}
            >
              Cancelar lançamento
            </button>
          )}
        </div>
      </Section>

      {settling && (
        <SettleDialog
          entry={entry}
          onClose={() => setSettling(false)}
          onSettled={(settled, received) => {
            replace(settled);
            setSettling(false);
            setNotice(`Baixa registrada: ${formatBRL(received)} recebidos.`);
          }}
        />
      )}
      {reversing && (
        <ReversePaymentDialog
          payment={reversing}
          onClose={() => setReversing(null)}
          onReversed={(reversed) => {
            replace(reversed);
            setReversing(null);
            setNotice('Pagamento estornado.');
          }}
        />
      )}
      {cancelling && (
        <CancelEntryDialog
          entry={entry}
          onClose={() => setCancelling(false)}
          onCancelled={(cancelled) => {
            replace(cancelled);
            setCancelling(false);
            setNotice(`Lançamento ${cancelled.code} cancelado.`);
          }}
        />
      )}
    </Page>
  );
}

function BackLink() {
  return (
    <p className="page-links">
      <a href={searchHref()}>Voltar à pesquisa</a>
    </p>
  );
}
