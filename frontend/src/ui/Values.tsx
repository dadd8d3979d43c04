// How values look everywhere: money as R$ 1.234,56, dates as dd/mm/aaaa, nothing as a dash.
import { formatBRL, formatDate, formatDateTime } from '../format';
import { toCents } from '../money';

const NOTHING = <span aria-label="não informado">—</span>;

export function Money({ value, strong }: { value: string | null | undefined; strong?: boolean }) {
  if (value == null) return NOTHING;
  const negative = toCents(value) < 0n;
  const text = formatBRL(value);
  return <span className={`money${negative ? ' money-negative' : ''}`}>{strong ? <strong>{text}</strong> : text}</span>;
}

export function DateText({ value }: { value: string | null | undefined }) {
  if (!value) return NOTHING;
  return (
    <time className="date" dateTime={value}>
      {formatDate(value)}
    </time>
  );
}

export function DateTimeText({ value }: { value: string | null | undefined }) {
  if (!value) return NOTHING;
  return (
    <time className="date" dateTime={value}>
      {formatDateTime(value)}
    </time>
  );
}

/** Optional text: a dash when empty. */
export function Text({ value }: { value: string | null | undefined }) {
  return value ? <>{value}</> : NOTHING;
}
