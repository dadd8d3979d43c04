// The home screen's search: what the user chose, how it is kept in the URL (so a reload or a
// shared link shows the same list) and the DebtorFilter the API receives.
import type { DebtorFilter, DebtorKind, DebtorOrder, PeriodPreset } from '../../gql/graphql';
import type { Query } from '../../router';

export type Search = {
  /** Name or CPF/CNPJ ("Pesquisar por Cliente", or Cliente in Busca Avançada). */
  text: string;
  companyId: string;
  kind: DebtorKind | '';
  period: PeriodPreset;
  /** yyyy-mm-dd, only with CUSTOM. */
  dueFrom: string;
  dueTo: string;
  order: SortOrder;
};

/** The list's order as the user chose it: "Dias em atraso" is the oldest due date read the other
 * way round, kept apart so the column the user clicked is the one marked sorted. */
export type SortOrder = DebtorOrder | 'DAYS_OVERDUE_DESC' | 'DAYS_OVERDUE_ASC';

/** The API's order for a list order. */
export function apiOrder(order: SortOrder): DebtorOrder {
  if (order === 'DAYS_OVERDUE_DESC') return 'OLDEST_DUE_ASC';
  if (order === 'DAYS_OVERDUE_ASC') return 'OLDEST_DUE_DESC';
  return order;
}

export const DEFAULT_SEARCH: Search = {
  text: '',
  companyId: '',
  kind: '',
  period: 'OVERDUE',
  dueFrom: '',
  dueTo: '',
  order: 'OPEN_AMOUNT_DESC',
};

/** "Por Período", in the order of the seed; the URL uses the slugs. */
export const PERIODS: readonly { value: PeriodPreset; label: string; slug: string }[] = [
  { value: 'OVERDUE', label: 'Vencidos', slug: 'vencidos' },
  { value: 'TODAY', label: 'Hoje', slug: 'hoje' },
  { value: 'YESTERDAY', label: 'Ontem', slug: 'ontem' },
  { value: 'TOMORROW', label: 'Amanhã', slug: 'amanha' },
  { value: 'THIS_WEEK', label: 'Esta semana', slug: 'esta-semana' },
  { value: 'LAST_WEEK', label: 'Semana passada', slug: 'semana-passada' },
  { value: 'NEXT_WEEK', label: 'Próxima semana', slug: 'proxima-semana' },
  { value: 'THIS_MONTH', label: 'Este mês', slug: 'este-mes' },
  { value: 'LAST_MONTH', label: 'Mês passado', slug: 'mes-passado' },
  { value: 'NEXT_MONTH', label: 'Próximo mês', slug: 'proximo-mes' },
  { value: 'THIS_YEAR', label: 'Este ano', slug: 'este-ano' },
  { value: 'CUSTOM', label: 'Personalizado', slug: 'personalizado' },
];

export const KINDS: readonly { value: DebtorKind; label: string; slug: string }[] = [
  { value: 'CUSTOMER', label: 'Clientes', slug: 'clientes' },
  { value: 'SUPPLIER', label: 'Fornecedores', slug: 'fornecedores' },
];

export const ORDERS: readonly { value: SortOrder; slug: string; label: string }[] = [
  { value: 'OPEN_AMOUNT_DESC', slug: 'maior-saldo', label: 'Maior saldo em aberto' },
  { value: 'OPEN_AMOUNT_ASC', slug: 'menor-saldo', label: 'Menor saldo em aberto' },
  { value: 'DAYS_OVERDUE_DESC', slug: 'mais-dias', label: 'Mais dias em atraso' },
  { value: 'DAYS_OVERDUE_ASC', slug: 'menos-dias', label: 'Menos dias em atraso' },
  { value: 'OLDEST_DUE_ASC', slug: 'mais-antigo', label: 'Vencimento mais antigo primeiro' },
  { value: 'OLDEST_DUE_DESC', slug: 'mais-recente', label: 'Vencimento mais recente primeiro' },
  { value: 'NAME_ASC', slug: 'nome', label: 'Cliente (A–Z)' },
  { value: 'NAME_DESC', slug: 'nome-desc', label: 'Cliente (Z–A)' },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function fromSlug<T>(options: readonly { value: T; slug: string }[], slug: string | null, fallback: T): T {
  return options.find((option) => option.slug === slug)?.value ?? fallback;
}

function toSlug<T>(options: readonly { value: T; slug: string }[], value: T, fallback: T): string | undefined {
  return value === fallback ? undefined : options.find((option) => option.value === value)?.slug;
}

/** The search in the URL's query; unknown or malformed values fall back to the defaults. */
export function readSearch(query: URLSearchParams): Search {
  const period = fromSlug(PERIODS, query.get('periodo'), DEFAULT_SEARCH.period);
  const date = (name: string) => {
    const value = query.get(name) ?? '';
    return period === 'CUSTOM' && ISO_DATE.test(value) ? value : '';
  };
  return {
    text: query.get('q')?.trim() ?? '',
    companyId: query.get('empresa') ?? '',
    kind: fromSlug<DebtorKind | ''>(KINDS, query.get('tipo'), ''),
    period,
    dueFrom: date('de'),
    dueTo: date('ate'),
    order: fromSlug(ORDERS, query.get('ordem'), DEFAULT_SEARCH.order),
  };
}

/** The URL query of a search: defaults are left out, so the default list is plain "#/". */
export function searchQuery(search: Search): Query {
  const custom = search.period === 'CUSTOM';
  return {
    q: search.text.trim(),
    empresa: search.companyId,
    tipo: toSlug<DebtorKind | ''>(KINDS, search.kind, ''),
    periodo: toSlug(PERIODS, search.period, DEFAULT_SEARCH.period),
    de: custom ? search.dueFrom : undefined,
    ate: custom ? search.dueTo : undefined,
    ordem: toSlug(ORDERS, search.order, DEFAULT_SEARCH.order),
  };
}

/** The DebtorFilter for the API: only what is set; the dates only with Personalizado. */
export function buildFilter(search: Search): DebtorFilter {
  const filter: DebtorFilter = { period: search.period };
  const text = search.text.trim();
  if (text) filter.search = text;
  if (search.companyId) filter.companyId = search.companyId;
  if (search.kind) filter.kind = search.kind;
  if (search.period === 'CUSTOM') {
    if (search.dueFrom) filter.dueFrom = search.dueFrom;
    if (search.dueTo) filter.dueTo = search.dueTo;
  }
  return filter;
}

/** The server's spreadsheet of this search (GET /export/debtors.csv|xlsx): the same filter and
 * order as the list, every matching debtor, in the caller's companies only. */
export function exportUrl(search: Search, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(buildFilter(search))) {
    if (value) params.set(key, String(value));
  }
  params.set('orderBy', apiOrder(search.order));
  return `/export/debtors.${format}?${params.toString()}`;
}

/** Problems the user can fix before searching, by field (dueFrom, dueTo). */
export function checkSearch(search: Search): Partial<Record<'dueFrom' | 'dueTo', string>> {
  if (search.period !== 'CUSTOM') return {};
  if (!search.dueFrom && !search.dueTo) return { dueFrom: 'Informe a data inicial, a data final ou as duas.' };
  if (search.dueFrom && search.dueTo && search.dueFrom > search.dueTo) {
    return { dueTo: 'A data final deve ser igual ou posterior à data inicial.' };
  }
  return {};
}

/** Whether any filter of Busca Avançada is set (the panel then opens by itself). */
export function usesAdvancedFilters(search: Search): boolean {
  return Boolean(search.companyId || search.kind || search.period !== DEFAULT_SEARCH.period);
}
