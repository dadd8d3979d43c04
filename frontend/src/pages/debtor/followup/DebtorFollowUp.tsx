import './followup.css';
import { useEffect, useRef } from 'react';
import { useQuery } from '../../../data';
import { useSession } from '../../../session';
import { ErrorBanner, Loading } from '../../../ui/Feedback';
import { type HoldCompany, type HoldEntry } from './HoldForms';
import { HistorySection } from './HistorySection';
import { HoldsSection } from './HoldsSection';
import { debtorFollowUpQuery } from './queries';

const HISTORY_PAGE = 20;

type Props = {
  debtorId: string;
  companies: readonly HoldCompany[];
  /** The overdue entries on screen: a pause may hold just one of them. */
  entries: readonly HoldEntry[];
  /** The company the user is working for on this page. */
  companyId: string;
  /** Changes when the debtor page reloads (e.g. a live update): asked again. */
  version?: unknown;
};

/**
 * Pausas e promessas, and the Histórico, on Débitos do Cliente. Loaded with its own chunk and
 * query, after the page's first answer: what is owed shows first.
 */
export function DebtorFollowUp({ debtorId, companies, entries, companyId, version }: Props) {
  const { user } = useSession();
  const result = useQuery(debtorFollowUpQuery, { id: debtorId, historyPage: HISTORY_PAGE });
  const { reload } = result;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  const debtor = result.data?.debtor;

  if (!result.data) return result.error ? <ErrorBanner message={result.error} onRetry={reload} /> : <Loading />;
  if (!debtor) return null;
  return (
    <>
      {result.error && <ErrorBanner message={result.error} onRetry={reload} />}
      <HoldsSection
        debtorId={debtorId}
        companies={companies}
        entries={entries}
        defaultCompanyId={companyId}
        pauses={debtor.collectionPauses}
        promises={debtor.paymentPromises}
        readOnly={user.role === 'VIEWER'}
        onChange={reload}
      />
      <HistorySection debtorId={debtorId} history={debtor.history} />
    </>
  );
}
