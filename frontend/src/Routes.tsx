import { Suspense, lazy } from 'react';
import { AgendaPage } from './pages/agenda/AgendaPage';
import { DebtorPage } from './pages/debtor/DebtorPage';
import { EmailViewPage } from './pages/email/EmailViewPage';
import { EntryPage } from './pages/entry/EntryPage';
import { DebtorEntriesPage } from './pages/entries/DebtorEntriesPage';
import { HomePage } from './pages/home/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import type { Route } from './router';
import { Loading } from './ui/Feedback';

// Loaded when opened: administrators only, kept out of the first screen's JavaScript.
const AdminPage = lazy(() => import('./pages/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const ReguaPage = lazy(() => import('./pages/regua/ReguaPage').then((m) => ({ default: m.ReguaPage })));

/** The screen of a route, inside the dashboard frame (all but the e-mail window, see App). */
export function Routes({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'debtor':
      return <DebtorPage key={route.debtorId} debtorId={route.debtorId} />;
    case 'debtorEntries':
      return <DebtorEntriesPage key={route.debtorId} debtorId={route.debtorId} />;
    case 'entry':
      return <EntryPage key={route.entryId} entryId={route.entryId} />;
    case 'email':
      return <EmailViewPage key={route.emailId} emailId={route.emailId} />;
    case 'agenda':
      return <AgendaPage />;
    case 'admin':
      return (
        <Suspense fallback={<Loading />}>
          <AdminPage key={route.section} section={route.section} />
        </Suspense>
      );
    case 'regua':
      return (
        <Suspense fallback={<Loading />}>
          <ReguaPage />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage />;
  }
}
