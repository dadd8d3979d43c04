import { DebtorEntriesPage } from './pages/DebtorEntriesPage';
import { DebtorPage } from './pages/DebtorPage';
import { EntryPage } from './pages/EntryPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { useRoute } from './router';

export function Routes() {
  const route = useRoute();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'debtor':
      return <DebtorPage key={route.debtorId} debtorId={route.debtorId} />;
    case 'debtorEntries':
      return <DebtorEntriesPage key={route.debtorId} debtorId={route.debtorId} />;
    case 'entry':
      return <EntryPage key={route.entryId} entryId={route.entryId} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
