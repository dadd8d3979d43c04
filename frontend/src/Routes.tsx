import { type ComponentType, Suspense, lazy } from 'react';
import { HomePage } from './pages/home/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import type { Route } from './router';
import { Loading } from './ui/Feedback';

// The first screen (Pesquisa de Inadimplências) comes with the page; the others load when first
// opened, which keeps the first screen's JavaScript under its budget (scripts/check-bundle.mjs).
// Each screen has its own props, hence any.
const named = <K extends string, T extends ComponentType<any>>(load: () => Promise<Record<K, T>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
const AdminPage = named(() => import('./pages/admin/AdminPage'), 'AdminPage');
const ImportPage = named(() => import('./pages/importacao/ImportPage'), 'ImportPage');
const AgendaPage = named(() => import('./pages/agenda/AgendaPage'), 'AgendaPage');
const DebtorPage = named(() => import('./pages/debtor/DebtorPage'), 'DebtorPage');
const DebtorEntriesPage = named(() => import('./pages/entries/DebtorEntriesPage'), 'DebtorEntriesPage');
const EmailViewPage = named(() => import('./pages/email/EmailViewPage'), 'EmailViewPage');
const EntryPage = named(() => import('./pages/entry/EntryPage'), 'EntryPage');
const ReguaPage = named(() => import('./pages/regua/ReguaPage'), 'ReguaPage');

/** The screen of a route, inside the dashboard frame (all but the e-mail window, see App). */
export function Routes({ route }: { route: Route }) {
  return <Suspense fallback={<Loading />}>{screen(route)}</Suspense>;
}

function screen(route: Route) {
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
      return <AdminPage key={route.section} section={route.section} />;
    case 'regua':
      return <ReguaPage />;
    case 'import':
      return <ImportPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
