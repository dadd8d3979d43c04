import { formatDate } from '../../format';
import type { HomeSearchQuery } from '../../gql/graphql';
import { permille } from '../../money';
import { Money } from '../../ui/Values';

type Summary = HomeSearchQuery['collectionSummary'];

/**
 * The due dates the search covers, as the server resolved the period from its own today in the
 * company's zone: "Vencidos até 29/11/2026 · hoje é 30/11/2026".
 */
export function periodLabel({ today, dueFrom, dueTo }: Pick<Summary, 'today' | 'dueFrom' | 'dueTo'>): string {
  let range: string;
  if (dueFrom && dueTo) {
    range = dueFrom === dueTo ? `Vencimento em ${formatDate(dueFrom)}` : `Vencimento de ${formatDate(dueFrom)} a ${formatDate(dueTo)}`;
  } else if (dueTo) range = `Vencidos até ${formatDate(dueTo)}`;
  else if (dueFrom) range = `Vencimento a partir de ${formatDate(dueFrom)}`;
  else range = 'Qualquer vencimento';
  return `${range} · hoje é ${formatDate(today)}`;
}

/** Totals of the search and its ageing buckets (a vencer, 1–30, 31–60, 61–90, 90+). */
export function SummaryPanel({ summary }: { summary: Summary }) {
  // "A vencer" (minDays 0) is empty whenever the search covers only overdue entries, the
  // default: a permanent R$ 0,00 says nothing, so an empty one is left out. Colours keep their
  // band (aging-0 is always "a vencer").
  const buckets = summary.buckets
    .map((bucket, band) => ({ ...bucket, band }))
    .filter((bucket) => bucket.minDays > 0 || bucket.entryCount > 0);
  return (
    <section className="summary" aria-label="Resumo da pesquisa">
      <p className="summary-period">{periodLabel(summary)}</p>
      <dl className="summary-totals">
        <div>
          <dt>Total em aberto</dt>
          <dd>
            <Money value={summary.totalOpenAmount} />
          </dd>
        </div>
        <div>
          <dt>Devedores</dt>
          <dd>{summary.debtorCount.toLocaleString('pt-BR')}</dd>
        </div>
        <div>
          <dt>Lançamentos</dt>
          <dd>{summary.entryCount.toLocaleString('pt-BR')}</dd>
        </div>
      </dl>
      {buckets.length > 0 && (
        <div className="aging">
          <div className="aging-bar" aria-hidden="true">
            {buckets.map((bucket) => (
              <span
                key={bucket.band}
                className={`aging-${bucket.band}`}
                style={{ width: `${permille(bucket.openAmount, summary.totalOpenAmount) / 10}%` }}
              />
            ))}
          </div>
          <ul className="aging-legend" aria-label="Saldo por faixa de atraso">
            {buckets.map((bucket) => (
              <li key={bucket.band}>
                <span className={`aging-swatch aging-${bucket.band}`} aria-hidden="true" />
                <span className="aging-label">{bucket.label}</span>
                <Money value={bucket.openAmount} />
                <span className="aging-count">
                  {bucket.entryCount.toLocaleString('pt-BR')} {bucket.entryCount === 1 ? 'lançamento' : 'lançamentos'}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
