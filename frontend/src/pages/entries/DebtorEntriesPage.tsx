import { Fragment, useState } from 'react';
import { useExecute, useMorePages, useQuery } from '../../data';
import { formatBRL } from '../../format';
import type { EntryRowFragment, PaymentRowFragment } from '../../gql/graphql';
import { Page } from '../../Page';
import { href } from '../../router';
import { Empty, ErrorBanner, LoadMore, Loading, SuccessNotice } from '../../ui/Feedback';
import { EntryStatusBadge } from '../../ui/StatusBadge';
import { DateText, Money } from '../../ui/Values';
import { ReversePaymentDialog } from './EntryActions';
import { PaymentsTable } from './PaymentsTable';
import { debtorBalanceQuery, debtorEntriesQuery } from './queries';
import { SettleDialog } from './SettleDialog';
import { searchHref } from '../home/place';

const PAGE_SIZE = 50;

export const canSettle = (entry: Pick<EntryRowFragment, 'status'>) =>
  entry.status === 'OPEN' || entry.status === 'PARTIALLY_PAID';

/** Lançamentos Financeiros of one debtor: all entries, paid or not, and "Quitar". */
export function DebtorEntriesPage({ debtorId }: { debtorId: string }) {
  const run = useExecute();
  const result = useQuery(debtorEntriesQuery, { id: debtorId, first: PAGE_SIZE });
  const debtor = result.data?.debtor;
  const pages = useMorePages(debtor?.entries, async (after) => {
    const page = await run(debtorEntriesQuery, { id: debtorId, first: PAGE_SIZE, after });
    return page.debtor?.entries ?? { edges: [], pageInfo: { hasNextPage: false } };
  });
  // Settled entries replace their rows here, wherever the row came from (first or later page).
  const [updated, setUpdated] = useState<Record<string, EntryRowFragment>>({});
  const [settling, setSettling] = useState<EntryRowFragment | null>(null);
  const [reversing, setReversing] = useState<PaymentRowFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [balance, setBalance] = useState<string | null>(null);

  // After a payment only the header's overdue total changes: fetch it alone, keeping the pages.
  async function refreshBalance() {
    try {
      const { debtor: fresh } = await run(debtorBalanceQuery, { id: debtorId });
      if (fresh) setBalance(fresh.overdueBalance.openAmount);
    } catch {
      // The list is right; the header total catches up on the next visit.
    }
  }

  const links = (
    <p className="page-links">
      <a href={href({ name: 'debtor', debtorId })}>Débitos do Cliente</a>
      <a href={searchHref()}>Voltar à pesquisa</a>
    </p>
  );

  if (!result.data) {
    return (
      <Page title="Lançamentos Financeiros">
        {result.error ? <ErrorBanner message={result.error} onRetry={result.reload} /> : <Loading />}
        {links}
      </Page>
    );
  }
  if (!debtor) {
    return (
      <Page title="Lançamentos Financeiros">
        <ErrorBanner message="Cliente não encontrado, ou fora das empresas que você pode ver." />
        {links}
      </Page>
    );
  }

  const entries = pages.edges.map(({ node }) => updated[node.id] ?? node);

  function toggle(id: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  return (
    <Page title="Lançamentos Financeiros">
      <div className="debtor-header">
        <p className="page-subtitle">
          <strong>{debtor.name}</strong>
          {debtor.documentFormatted && <span> · {debtor.documentFormatted}</span>}
        </p>
        <p className="debtor-balance">
          {debtor.entries.totalCount} {debtor.entries.totalCount === 1 ? 'lançamento' : 'lançamentos'} ·{' '}
          <Money value={balance ?? debtor.overdueBalance.openAmount} strong /> vencidos
        </p>
        {links}
      </div>
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      {result.error && <ErrorBanner message={result.error} onRetry={result.reload} />}

      {entries.length === 0 ? (
        <Empty>Nenhum lançamento para este cliente.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">Lançamentos financeiros de {debtor.name}</caption>
            <thead>
              <tr>
                <th scope="col">Código</th>
                <th scope="col">Descrição e empresa</th>
                <th scope="col">Vencimento</th>
                <th scope="col" className="num">
                  Valor
                </th>
                <th scope="col" className="num">
                  Pago
                </th>
                <th scope="col" className="num">
                  Em aberto
                </th>
                <th scope="col">Situação</th>
                <th scope="col">
                  <span className="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const open = expanded.has(entry.id);
                const paymentsId = `pagamentos-${entry.id}`;
                return (
                  <Fragment key={entry.id}>
                    <tr className={entry.status === 'CANCELLED' ? 'row-muted' : undefined}>
                      <td className="card-title">
                        <a href={href({ name: 'entry', entryId: entry.id })}>{entry.code}</a>
                      </td>
                      <td className="text-cell card-wide">
                        {entry.description}
                        <small className="cell-note muted">{entry.company.name}</small>
                      </td>
                      <td className="nowrap" data-label="Vencimento">
                        <DateText value={entry.dueDate} />
                        {entry.isOverdue && <span className="badge badge-danger cell-badge">Vencido</span>}
                      </td>
                      <td className="num" data-label="Valor">
                        <Money value={entry.amount} />
                      </td>
                      <td className="num" data-label="Pago">
                        <Money value={entry.paidAmount} />
                      </td>
                      <td className="num card-amount" data-label="Em aberto">
                        <Money value={entry.openAmount} strong />
                      </td>
                      <td className="card-wide">
                        <EntryStatusBadge status={entry.status} />
                        {entry.payments.length > 0 && (
                          <button
                            type="button"
                            className="link-button cell-note"
                            aria-expanded={open}
                            aria-controls={paymentsId}
                            onClick={() => toggle(entry.id)}
                          >
                            {open ? 'Ocultar' : 'Ver'} {entry.payments.length}{' '}
                            {entry.payments.length === 1 ? 'pagamento' : 'pagamentos'}
                          </button>
                        )}
                      </td>
                      <td className="row-actions">
                        {canSettle(entry) && (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={`Quitar lançamento ${entry.code}`}
                            onClick={() => {
                              setNotice(null);
                              setSettling(entry);
                            }}
                          >
                            Quitar
                          </button>
                        )}
                        {canSettle(entry) && (
                          <a
                            className="button button-quiet button-small"
                            href={href({ name: 'debtor', debtorId }, { empresa: entry.company.id, cobrar: '1' })}
                            aria-label={`Cobrar lançamento ${entry.code} por e-mail`}
                          >
                            Cobrar
                          </a>
                        )}
                      </td>
                    </tr>
                    {open && (
                      <tr className="subrow card-sub" id={paymentsId}>
                        <td colSpan={8}>
                          <PaymentsTable
                            payments={entry.payments}
                            caption={`Pagamentos do lançamento ${entry.code}`}
                            onReverse={(payment) => {
                              setNotice(null);
                              setReversing(payment);
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore pages={pages} />

      {reversing && (
        <ReversePaymentDialog
          payment={reversing}
          onClose={() => setReversing(null)}
          onReversed={(entry) => {
            setUpdated((current) => ({ ...current, [entry.id]: entry }));
            setReversing(null);
            setNotice(`Pagamento estornado no lançamento ${entry.code}.`);
            void refreshBalance();
          }}
        />
      )}
      {settling && (
        <SettleDialog
          entry={settling}
          onClose={() => setSettling(null)}
          onSettled={(entry, received) => {
            setUpdated((current) => ({ ...current, [entry.id]: entry }));
            setSettling(null);
            setNotice(`Baixa registrada no lançamento ${entry.code}: ${formatBRL(received)} recebidos.`);
            void refreshBalance();
          }}
        />
      )}
    </Page>
  );
}
