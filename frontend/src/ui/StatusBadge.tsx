import type { EmailStatus, EntryStatus } from '../gql/graphql';

export const ENTRY_STATUS_LABEL: Record<EntryStatus, string> = {
  OPEN: 'Em aberto',
  PARTIALLY_PAID: 'Parcialmente pago',
  PAID: 'Pago',
  CANCELLED: 'Cancelado',
};

export const EMAIL_STATUS_LABEL: Record<EmailStatus, string> = {
  QUEUED: 'Na fila',
  SENDING: 'Enviando',
  SENT: 'Enviado',
  FAILED: 'Falhou',
};

const TONE: Record<EntryStatus | EmailStatus, string> = {
  OPEN: 'warning',
  PARTIALLY_PAID: 'info',
  PAID: 'success',
  CANCELLED: 'muted',
  QUEUED: 'info',
  SENDING: 'info',
  SENT: 'success',
  FAILED: 'danger',
};

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  return <span className={`badge badge-${TONE[status]}`}>{ENTRY_STATUS_LABEL[status]}</span>;
}

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return <span className={`badge badge-${TONE[status]}`}>{EMAIL_STATUS_LABEL[status]}</span>;
}
