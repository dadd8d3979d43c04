import { LiveUpdates } from '../../live';
import { useEffect, useState } from 'react';
import { useExecute, useMorePages, useQuery } from '../../data';
import { formatDays } from '../../format';
import { Suspense, lazy } from 'react';
import type { DebtorDetailQuery, OverdueEntryRowFragment, SentEmailRowFragment } from '../../gql/graphql';
import { Page } from '../../Page';
import { href, useLocation } from '../../router';
import { useSession } from '../../session';
import { ErrorBanner, Loading } from '../../ui/Feedback';
import { DateText, Money } from '../../ui/Values';
import { AppointmentsSection } from './AppointmentsSection';
import { CollectionEmailSection } from './CollectionEmailSection';
import { ContactsSection } from './ContactsSection';
import { AddressSection, DebtorDataSection } from './DebtorForms';
import { OverdueEntriesSection } from './OverdueEntriesSection';
import { debtorDetailQuery, moreOverdueEntriesQuery, moreSentEmailsQuery } from './queries';
import { SentEmailsSection } from './SentEmailsSection';
import { PersonalDataPanel } from '../lgpd/PersonalDataPanel';
import { searchHref } from '../home/place';

// Pausas e promessas and the Histórico: their own chunk, after what is owed.
const DebtorFollowUp = lazy(() => import('./followup/DebtorFollowUp').then((m) => ({ default: m.DebtorFollowUp })));

const ENTRIES_PAGE = 100;
const EMAILS_PAGE = 20;
const POLL_WHILE_QUEUED_MS = 10000;

/** A retried e-mail shows as queued until the list itself has moved past FAILED. */
function shownEmail(listed: SentEmailRowFragment, retried: SentEmailRowFragment | undefined): SentEmailRowFragment {
  return retried && listed.status === 'FAILED' ? retried : listed;
}

type Debtor = NonNullable<DebtorDetailQuery['debtor']>;

/**
 * The company the collection e-mail goes out for: the one in the link (?empresa=, set by the
 * screen the user came from), else the company of the oldest overdue entry, else the first.
 */
export function emailCompany(
  requested: string | null,
  companies: readonly { id: string }[],
  overdue: readonly OverdueEntryRowFragment[],
): string {
  if (requested && companies.some((company) => company.id === requested)) return requested;
  const oldest = overdue.reduce<OverdueEntryRowFragment | undefined>(
    (best, entry) => (!best || entry.dueDate < best.dueDate ? entry : best),
    undefined,
  );
  return oldest?.company.id ?? companies[0]?.id ?? '';
}

/** Débitos do Cliente: contact the debtor and follow the case, in the seed's sections. */
export function DebtorPage({ debtorId }: { debtorId: string }) {
  const { query } = useLocation();
  const { user } = useSession();
  const run = useExecute();
  const detail = useQuery(debtorDetailQuery, { id: debtorId, entriesPage: ENTRIES_PAGE, emailsPage: EMAILS_PAGE });
  const debtor = detail.data?.debtor;

  const overdue = useMorePages(debtor?.overdueEntries, async (after) => {
    const page = await run(moreOverdueEntriesQuery, { id: debtorId, first: ENTRIES_PAGE, after });
    return page.debtor?.overdueEntries ?? { edges: [], pageInfo: { hasNextPage: false } };
  });
  const emails = useMorePages(debtor?.sentEmails, async (after) => {
    const page = await run(moreSentEmailsQuery, { id: debtorId, first: EMAILS_PAGE, after });
    return page.debtor?.sentEmails ?? { edges: [], pageInfo: { hasNextPage: false } };
  });

  // E-mails put back in the queue, over whichever page listed them.
  const [retried, setRetried] = useState<Record<string, SentEmailRowFragment>>({});
  // The composer is a panel opened on demand: what is owed reads first.
  const [composing, setComposing] = useState(() => query.get('cobrar') === '1'); // "Cobrar" on an entry

  // "Na fila" becomes "Enviado" without a reload: the worker's email.sent comes through the live
  // subscription (LiveUpdates below reloads); while an e-mail waits, a slow poll covers a socket
  // that is down.
  const emailRows = emails.edges.map((edge) => shownEmail(edge.node, retried[edge.node.id]));
  const waiting = emailRows.some((email) => email.status === 'QUEUED' || email.status === 'SENDING');
  const { reload } = detail;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(reload, POLL_WHILE_QUEUED_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  function patch(change: (debtor: Debtor) => Debtor) {
    detail.update((data) => (data.debtor ? { ...data, debtor: change(data.debtor) } : data));
  }

  const links = (
    <p className="page-links">
      <a href={href({ name: 'debtorEntries', debtorId })}>Lançamentos Financeiros</a>
      <a href={searchHref()}>Voltar à pesquisa</a>
    </p>
  );

  if (!detail.data) {
    return (
      <Page title="Débitos do Cliente">
        {detail.error ? <ErrorBanner message={detail.error} onRetry={detail.reload} /> : <Loading />}
        {links}
      </Page>
    );
  }
  if (!debtor) {
    return (
      <Page title="Débitos do Cliente">
        <ErrorBanner message="Cliente não encontrado, ou fora das empresas que você pode ver." />
        {links}
      </Page>
    );
  }

  const { companies, users } = detail.data;
  const overdueEntries = overdue.edges.map((edge) => edge.node);
  const companyId = emailCompany(query.get('empresa'), companies, overdueEntries);
  // The server's date in the company the user is working for, never this computer's clock.
  const today = companies.find((company) => company.id === companyId)?.today ?? detail.data.today;
  const balance = debtor.overdueBalance;

  return (
    <Page title="Débitos do Cliente" tabTitle={`${debtor.name} — Débitos do Cliente`}>
      <div className="debtor-header">
        <p className="page-subtitle">
          <strong>{debtor.name}</strong>
          {debtor.documentFormatted && <span> · {debtor.documentFormatted}</span>}
          {debtor.kind === 'SUPPLIER' && <span className="badge badge-muted">Fornecedor</span>}
        </p>
        {balance.entryCount > 0 ? (
          <p className="debtor-balance">
            <Money value={balance.openAmount} strong /> vencidos em {balance.entryCount}{' '}
            {balance.entryCount === 1 ? 'lançamento' : 'lançamentos'}, desde <DateText value={balance.oldestDueDate} />{' '}
            ({formatDays(balance.maxDaysOverdue)} de atraso)
          </p>
        ) : (
          <p className="debtor-balance">Sem lançamentos vencidos.</p>
        )}
        <DebtorReach debtor={debtor} />
        <p className="debtor-actions">
          <button
            type="button"
            className="button button-primary"
            aria-expanded={composing}
            aria-controls="collection-email-panel"
            onClick={() => setComposing((open) => !open)}
          >
            {composing ? 'Fechar cobrança' : 'Enviar cobrança'}
          </button>
        </p>
        {links}
      </div>
      {detail.error && <ErrorBanner message={detail.error} onRetry={detail.reload} />}
      <LiveUpdates debtorId={debtorId} onUpdate={detail.reload} />

      <OverdueEntriesSection entries={overdueEntries} totalCount={debtor.overdueEntries.totalCount} pages={overdue} />
      {composing && (
        <div id="collection-email-panel" className="composer-panel">
          <CollectionEmailSection
            debtor={debtor}
            contacts={debtor.contacts}
            companies={companies}
            placeholders={detail.data.emailPlaceholders}
            initialCompanyId={companyId}
            onSent={(email) =>
              patch((d) =>
                // An idempotent resend answers with the e-mail already listed: show it once.
                d.sentEmails.edges.some((edge) => edge.node.id === email.id)
                  ? d
                  : {
                      ...d,
                      lastEmailedAt: email.queuedAt,
                      sentEmails: {
                        ...d.sentEmails,
                        totalCount: d.sentEmails.totalCount + 1,
                        edges: [{ node: email }, ...d.sentEmails.edges],
                      },
                    },
              )
            }
          />
        </div>
      )}
      <Suspense fallback={<Loading />}>
        <DebtorFollowUp
          debtorId={debtor.id}
          companies={companies}
          entries={overdueEntries}
          companyId={companyId}
          version={detail.data}
        />
      </Suspense>
      <DebtorDataSection debtor={debtor} onSaved={(saved) => patch((d) => ({ ...d, ...saved }))} />
      <AddressSection debtor={debtor} onSaved={(saved) => patch((d) => ({ ...d, ...saved }))} />
      <AppointmentsSection
        debtorId={debtor.id}
        appointments={debtor.appointments}
        users={users}
        currentUserId={user.id}
        today={today}
        onChange={(appointments) => patch((d) => ({ ...d, appointments }))}
      />
      <ContactsSection
        debtorId={debtor.id}
        contacts={debtor.contacts}
        onChange={(contacts) => patch((d) => ({ ...d, contacts }))}
      />
      <SentEmailsSection
        emails={emailRows}
        totalCount={debtor.sentEmails.totalCount}
        pages={emails}
        onRetried={(email) => setRetried((current) => ({ ...current, [email.id]: email }))}
      />
      <PersonalDataPanel debtorId={debtor.id} onAnonymized={detail.reload} />
    </Page>
  );
}

/** The debtor's own phone, mobile and e-mail as tap-to-call / mailto links, in view at the top. */
function DebtorReach({ debtor }: { debtor: Debtor }) {
  const phones = [
    { label: 'Telefone', digits: debtor.phone, formatted: debtor.phoneFormatted },
    { label: 'Celular', digits: debtor.mobile, formatted: debtor.mobileFormatted },
  ].filter((phone) => phone.digits);
  if (phones.length === 0 && !debtor.email) return null;
  return (
    <p className="debtor-reach">
      {phones.map((phone) => (
        <a key={phone.label} href={`tel:+55${phone.digits}`} aria-label={`${phone.label}: ${phone.formatted ?? phone.digits}`}>
          {phone.formatted ?? phone.digits}
        </a>
      ))}
      {debtor.email && <a href={`mailto:${debtor.email}`}>{debtor.email}</a>}
    </p>
  );
}
