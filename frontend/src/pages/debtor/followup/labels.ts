// How the follow-up's states read in Portuguese, and which badge colours them.
import type { HistoryKind, PromiseStatus } from './gql/graphql';

export const PROMISE_STATUS: Record<PromiseStatus, { label: string; badge: string }> = {
  OPEN: { label: 'Em aberto', badge: 'badge-info' },
  KEPT: { label: 'Cumprida', badge: 'badge-success' },
  BROKEN: { label: 'Descumprida', badge: 'badge-danger' },
  CANCELLED: { label: 'Cancelada', badge: 'badge-muted' },
};

export const HISTORY_KIND: Record<HistoryKind, string> = {
  EMAIL: 'E-mail',
  PAYMENT: 'Pagamento',
  REVERSAL: 'Estorno',
  APPOINTMENT: 'Agendamento',
  PROMISE: 'Promessa',
  PAUSE: 'Pausa',
  ENTRY: 'Lançamento',
};
