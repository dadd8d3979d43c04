// Money typed by people and summed on screen, exact to the cent: decimal strings and BigInt
// cents, never a float. Display formatting is formatBRL in format.ts.
import { formatBRL } from './format';

export type MoneyParse = { ok: true; value: string } | { ok: false; message: string };

const INVALID = 'Valor inválido: use o formato 1.234,56.';
const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;

/**
 * What a Brazilian types in a money field → the API's decimal string.
 * "1.234,56" → "1234.56", "1234,5" → "1234.50", "R$ 10" → "10.00", ",99" → "0.99".
 * With a comma, dots can only group thousands. Without one, dots that group thousands are
 * thousands ("1.234" → "1234.00") and a single dot followed by 1–2 digits is a decimal point
 * ("12.5" → "12.50"), as pasted from other systems. Negative amounts are refused.
 */
export function parseMoneyInput(text: string): MoneyParse {
  const raw = text.replace(/R\$/i, '').replace(/[\s\u00a0]/g, '');
  if (raw === '') return { ok: false, message: 'Informe um valor.' };
  if (raw.startsWith('-')) return { ok: false, message: 'O valor não pode ser negativo.' };

  let whole: string;
  let fraction = '';
  const comma = raw.indexOf(',');
  if (comma >= 0) {
    whole = raw.slice(0, comma);
    fraction = raw.slice(comma + 1);
    if (!/^\d*$/.test(fraction)) return { ok: false, message: INVALID };
    if (whole.includes('.')) {
      if (!GROUPED.test(whole)) return { ok: false, message: INVALID };
      whole = whole.replaceAll('.', '');
    }
  } else if (GROUPED.test(raw)) {
    whole = raw.replaceAll('.', '');
  } else {
    const match = /^(\d*)(?:\.(\d{1,2}))?$/.exec(raw);
    if (!match) return { ok: false, message: INVALID };
    whole = match[1] ?? '';
    fraction = match[2] ?? '';
  }
  if (!/^\d*$/.test(whole) || (whole === '' && fraction === '')) return { ok: false, message: INVALID };
  if (fraction.length > 2) return { ok: false, message: 'Use no máximo duas casas decimais (centavos).' };

  const reais = whole.replace(/^0+(?=\d)/, '') || '0';
  return { ok: true, value: `${reais}.${fraction.padEnd(2, '0')}` };
}

/** The API's "1234.5" → "1.234,50", for pre-filling a money input. */
export function formatMoneyInput(amount: string): string {
  return formatBRL(amount).replace('R$ ', '');
}

/** Exact cents of an API decimal string ("1234.5" → 123450n); more than two decimals is refused. */
export function toCents(amount: string): bigint {
  const match = /^([+-])?(\d+)(?:\.(\d{0,2}))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`toCents: not a money string: ${JSON.stringify(amount)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = BigInt(whole + fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** 123450n → "1234.50". */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The exact sum of API decimal strings. */
export function sumMoney(amounts: Iterable<string>): string {
  let total = 0n;
  for (const amount of amounts) total += toCents(amount);
  return fromCents(total);
}

/** Negative, zero or positive as a < b, a = b, a > b. */
export function compareMoney(a: string, b: string): number {
  const difference = toCents(a) - toCents(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** The share of `part` in `total` in whole per-mille (0–1000), for widths of bars. */
export function permille(part: string, total: string): number {
  const whole = toCents(total);
  if (whole <= 0n) return 0;
  return Number((toCents(part) * 1000n) / whole);
}
