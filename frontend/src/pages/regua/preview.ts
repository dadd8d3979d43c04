// Pure helpers of the Régua screen: the live preview of a template (placeholders filled with
// the API's examples), step labels (D-3, D0, D+10) and date arithmetic on ISO dates (the
// server's date of the company, never this computer's clock).

export type PlaceholderInfo = { name: string; example: string; inSubject: boolean };

export type Rendered = { text: string; unknown: string[] };

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** An example of the overdue-entries table, as the e-mail's plain-text part lays it out. */
export const EXAMPLE_TABLE = [
  'Código | Descrição | Vencimento | Em aberto | Atraso | Atualizado',
  '0001 | Mensalidade setembro | 05/09/2026 | R$ 734,50 | 84 dias | R$ 768,22',
  '0002 | Mensalidade outubro | 05/10/2026 | R$ 500,00 | 54 dias | R$ 521,90',
].join('\n');

/**
 * `text` with every known placeholder replaced by its example; an unknown one is kept as typed
 * and listed, as sending would refuse it. In the subject, the table is not allowed either.
 */
export function renderExample(
  text: string,
  placeholders: readonly PlaceholderInfo[],
  where: 'subject' | 'body',
): Rendered {
  const unknown: string[] = [];
  const rendered = text.replace(TOKEN, (whole, name: string) => {
    const known = placeholders.find((placeholder) => placeholder.name === name);
    if (!known || (where === 'subject' && !known.inSubject)) {
      if (!unknown.includes(whole)) unknown.push(whole);
      return whole;
    }
    return known.name === 'tabela_lancamentos' ? EXAMPLE_TABLE : known.example;
  });
  return { text: rendered, unknown };
}

/** -3 → "D-3", 0 → "D0", 10 → "D+10". */
export function stepLabel(days: number): string {
  if (days === 0) return 'D0';
  return days > 0 ? `D+${days}` : `D${days}`;
}

/** In words, for screen readers and hints: "3 dias antes do vencimento". */
export function stepDescription(days: number): string {
  if (days === 0) return 'no dia do vencimento';
  const count = Math.abs(days);
  return `${count} ${count === 1 ? 'dia' : 'dias'} ${days < 0 ? 'antes do' : 'depois do'} vencimento`;
}

/** "2026-11-28" + 1 → "2026-11-29", in calendar days (UTC arithmetic: no zone, no DST). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const WEEKDAYS = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];

/** The day of the week of an ISO date, in Portuguese (calendar arithmetic: no zone). */
export function weekdayName(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/**
 * The first weekday after `isoDate`: the régua sends on business days only, so after a Friday
 * the next plan is Monday's. Holidays are the server's to know: on one, the plan comes back empty.
 */
export function nextWeekday(isoDate: string): string {
  let next = addDays(isoDate, 1);
  while (['sábado', 'domingo'].includes(weekdayName(next))) next = addDays(next, 1);
  return next;
}
