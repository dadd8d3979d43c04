// Display helpers for pt-BR. Money arrives from the API as a decimal string ("1234.50") and is
// formatted from its digits: it never passes through a float.

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** "1234.56" → "R$ 1.234,56"; "-0.5" → "-R$ 0,50". Rounds to cents half-to-even, like the API. */
export function formatBRL(amount: string): string {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new RangeError(`formatBRL: not a decimal string: ${JSON.stringify(amount)}`);
  const [, sign, whole = '', fraction = ''] = match;

  let cents = BigInt(whole + fraction.slice(0, 2).padEnd(2, '0'));
  const dropped = fraction.slice(2);
  const first = dropped[0] ?? '0';
  const exactlyHalf = first === '5' && !/[1-9]/.test(dropped.slice(1));
  if (first > '5' || (first === '5' && (!exactlyHalf || cents % 2n === 1n))) cents += 1n;

  const digits = cents.toString().padStart(3, '0');
  const reais = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, '.');
  const negative = sign === '-' && cents !== 0n;
  return `${negative ? '-' : ''}R$ ${reais},${digits.slice(-2)}`;
}

/** "2026-03-09" (or a DateTime "2026-03-09T10:00:00-03:00") → "09/03/2026", as written: no time-zone shift. */
export function formatDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`formatDate: not an ISO date: ${JSON.stringify(iso)}`);
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

const DATE_TIME = new Intl.DateTimeFormat('pt-BR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A DateTime instant → "09/03/2026 10:00" in the user's own time zone (when something happened). */
export function formatDateTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`formatDateTime: not a DateTime: ${JSON.stringify(iso)}`);
  return DATE_TIME.format(instant).replace(',', '');
}

/** 1 → "1 dia", 12 → "12 dias". */
export function formatDays(days: number): string {
  return `${days.toLocaleString('pt-BR')} ${Math.abs(days) === 1 ? 'dia' : 'dias'}`;
}
