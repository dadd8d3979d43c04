// A tiny hash router: the backend serves index.html at / only, so every screen lives after '#'.
// A screen's options (search filters, the company an e-mail is for) follow the path as a query:
// #/?periodo=THIS_MONTH, #/devedores/<id>?empresa=<companyId>.
import { useMemo, useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'debtor'; debtorId: string } // Débitos do Cliente
  | { name: 'debtorEntries'; debtorId: string } // Lançamentos Financeiros
  | { name: 'entry'; entryId: string } // Cadastro de Lançamentos
  | { name: 'email'; emailId: string } // an e-mail as sent, opened in its own window
  | { name: 'agenda' } // Meus Agendamentos
  | { name: 'admin'; section: AdminSection } // Administração (ADMIN only)
  | { name: 'regua' } // Régua de cobrança (?empresa=<companyId>)
  | { name: 'import' } // Importação de lançamentos (CSV/XLSX)
  | { name: 'notFound'; path: string };

export type AdminSection = 'empresas' | 'usuarios' | 'tokens' | 'webhooks' | 'lgpd' | 'auditoria';
const ADMIN_SECTIONS: readonly string[] = ['empresas', 'usuarios', 'tokens', 'webhooks', 'lgpd', 'auditoria'];

export type KnownRoute = Exclude<Route, { name: 'notFound' }>;

/** Query values; undefined and '' are left out of the URL. */
export type Query = Record<string, string | undefined>;

export type Location = { route: Route; query: URLSearchParams };

export function parseLocation(hash: string): Location {
  const full = hash.replace(/^#/, '');
  const mark = full.indexOf('?');
  const path = (mark >= 0 ? full.slice(0, mark) : full) || '/';
  const query = new URLSearchParams(mark >= 0 ? full.slice(mark + 1) : '');
  return { route: parsePath(path), query };
}

export function parseRoute(hash: string): Route {
  return parseLocation(hash).route;
}

function parsePath(path: string): Route {
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'notFound', path }; // a malformed %-escape
  }
  const [first, id, sub] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'agenda' && parts.length === 1) return { name: 'agenda' };
  if (first === 'regua' && parts.length === 1) return { name: 'regua' };
  if (first === 'importacao' && parts.length === 1) return { name: 'import' };
  if (first === 'admin' && parts.length <= 2) {
    const section = id ?? 'empresas';
    if (ADMIN_SECTIONS.includes(section)) return { name: 'admin', section: section as AdminSection };
  }
  if (first === 'devedores' && id !== undefined) {
    if (parts.length === 2) return { name: 'debtor', debtorId: id };
    if (parts.length === 3 && sub === 'lancamentos') return { name: 'debtorEntries', debtorId: id };
  }
  if (first === 'lancamentos' && id !== undefined && parts.length === 2) return { name: 'entry', entryId: id };
  if (first === 'emails' && id !== undefined && parts.length === 2) return { name: 'email', emailId: id };
  return { name: 'notFound', path };
}

/** The href of a route, for <a href>. IDs are opaque, so they are always encoded. */
export function href(route: KnownRoute, query?: Query): string {
  return pathOf(route) + queryString(query);
}

function pathOf(route: KnownRoute): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'debtor':
      return `#/devedores/${encodeURIComponent(route.debtorId)}`;
    case 'debtorEntries':
      return `#/devedores/${encodeURIComponent(route.debtorId)}/lancamentos`;
    case 'entry':
      return `#/lancamentos/${encodeURIComponent(route.entryId)}`;
    case 'email':
      return `#/emails/${encodeURIComponent(route.emailId)}`;
    case 'agenda':
      return '#/agenda';
    case 'admin':
      return `#/admin/${route.section}`;
    case 'regua':
      return '#/regua';
    case 'import':
      return '#/importacao';
  }
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Go to a route (a new history entry, so Back returns). */
export function navigate(route: KnownRoute, query?: Query): void {
  window.location.hash = href(route, query);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The raw hash ("#/devedores/…?empresa=…"), for screens that remember where they were. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, getHash);
}

export function useLocation(): Location {
  const hash = useHash();
  return useMemo(() => parseLocation(hash), [hash]);
}

export function useRoute(): Route {
  return useLocation().route;
}
