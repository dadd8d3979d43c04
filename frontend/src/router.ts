// A tiny hash router: the backend serves index.html at / only, so every screen lives after '#'.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'debtor'; debtorId: string } // Débitos do Cliente
  | { name: 'debtorEntries'; debtorId: string } // Lançamentos Financeiros
  | { name: 'entry'; entryId: string } // Cadastro de Lançamentos
  | { name: 'notFound'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'notFound', path }; // a malformed %-escape
  }
  const [first, id, sub] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'devedores' && id !== undefined) {
    if (parts.length === 2) return { name: 'debtor', debtorId: id };
    if (parts.length === 3 && sub === 'lancamentos') return { name: 'debtorEntries', debtorId: id };
  }
  if (first === 'lancamentos' && id !== undefined && parts.length === 2) return { name: 'entry', entryId: id };
  return { name: 'notFound', path };
}

/** The href of a route, for <a href>. IDs are opaque, so they are always encoded. */
export function href(route: Exclude<Route, { name: 'notFound' }>): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'debtor':
      return `#/devedores/${encodeURIComponent(route.debtorId)}`;
    case 'debtorEntries':
      return `#/devedores/${encodeURIComponent(route.debtorId)}/lancamentos`;
    case 'entry':
      return `#/lancamentos/${encodeURIComponent(route.entryId)}`;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}
