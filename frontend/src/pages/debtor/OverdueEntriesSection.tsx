import { formatDays } from '../../format';
import type { OverdueEntryRowFragment } from '../../gql/graphql';
import { sumMoney } from '../../money';
import { href } from '../../router';
import { Empty, LoadMore } from '../../ui/Feedback';
import { Section } from '../../ui/Section';
import { DateText, Money } from '../../ui/Values';

type Props = {
  entries: readonly OverdueEntryRowFragment[];
  totalCount: number;
  pages: { hasMore: boolean; loading: boolean; error?: string; loadMore: () => void };
};

/** Inadimplências: every overdue entry with its charges; the code opens Cadastro de Lançamentos. */
export function OverdueEntriesSection({ entries, totalCount, pages }: Props) {
  const sum = (pick: (entry: OverdueEntryRowFragment) => string) => sumMoney(entries.map(pick));
  return (
    <Section title="Inadimplências" count={totalCount}>
      {entries.length === 0 ? (
        <Empty>Nenhum lançamento vencido.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">Lançamentos vencidos</caption>
            <thead>
              <tr>
                <th scope="col">Código</th>
                <th scope="col">Descrição</th>
                <th scope="col">Empresa</th>
                <th scope="col">Vencimento</th>
                <th scope="col" className="num">
                  Valor
                </th>
                <th scope="col" className="num">
                  Em aberto
                </th>
                <th scope="col" className="num">
                  Atraso
                </th>
                <th scope="col" className="num">
                  Multa
                </th>
                <th scope="col" className="num">
                  Juros
                </th>
                <th scope="col" className="num">
                  Atualizado
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="card-title">
                    <a href={href({ name: 'entry', entryId: entry.id })}>{entry.code}</a>
                  </td>
                  <td className="text-cell card-wide">{entry.description}</td>
                  <td className="text-cell card-wide" data-label="Empresa">
                    {entry.company.name}
                  </td>
                  <td data-label="Vencimento">
                    <DateText value={entry.dueDate} />
                  </td>
                  <td className="num" data-label="Valor">
                    <Money value={entry.amount} />
                  </td>
                  <td className="num" data-label="Em aberto">
                    <Money value={entry.openAmount} />
                  </td>
                  <td className="num nowrap" data-label="Atraso">
                    {formatDays(entry.daysOverdue)}
                  </td>
                  <td className="num" data-label="Multa">
                    <Money value={entry.lateFee} />
                  </td>
                  <td className="num" data-label="Juros">
                    <Money value={entry.interest} />
                  </td>
                  <td className="num card-amount" data-label="Atualizado">
                    <Money value={entry.updatedAmount} strong />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {entries.length < totalCount
                    ? `Total dos ${entries.length} lançamentos exibidos (de ${totalCount})`
                    : 'Total'}
                </th>
                <td className="num" data-label="Valor">
                  <Money value={sum((entry) => entry.amount)} />
                </td>
                <td className="num" data-label="Em aberto">
                  <Money value={sum((entry) => entry.openAmount)} />
                </td>
                <td />
                <td className="num" data-label="Multa">
                  <Money value={sum((entry) => entry.lateFee)} />
                </td>
                <td className="num" data-label="Juros">
                  <Money value={sum((entry) => entry.interest)} />
                </td>
                <td className="num card-amount" data-label="Atualizado">
                  <Money value={sum((entry) => entry.updatedAmount)} strong />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <LoadMore pages={pages} />
    </Section>
  );
}
