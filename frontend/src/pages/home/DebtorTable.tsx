import { useId } from 'react';
import { formatDays } from '../../format';
import type { DebtorRowFragment } from '../../gql/graphql';
import { href } from '../../router';
import { IconButton } from '../../ui/IconButton';
import { ArrowRightIcon, PencilIcon } from '../../ui/Icons';
import { DateText, Money, Text } from '../../ui/Values';
import type { SortOrder } from './search';

type Direction = 'ascending' | 'descending';
const opposite = (direction: Direction): Direction => (direction === 'ascending' ? 'descending' : 'ascending');

type Props = {
  rows: readonly DebtorRowFragment[];
  order: SortOrder;
  onSort: (order: SortOrder) => void;
  /** The company searched for: Débitos do Cliente pre-selects it for the e-mail. */
  companyId: string;
};

export function DebtorTable({ rows, order, onSort, companyId }: Props) {
  const id = useId();
  /** A column sorts one way on the first click and the other way on the next. */
  const column = (label: string, first: SortOrder, second: SortOrder, firstIs: Direction, numeric = false) => (
    <SortHeader
      label={label}
      numeric={numeric}
      sorted={order === first ? firstIs : order === second ? opposite(firstIs) : false}
      onClick={() => onSort(order === first ? second : first)}
    />
  );
  return (
    <div className="table-wrap">
      <table className="table table-cards">
        <caption className="visually-hidden">Clientes e fornecedores com lançamentos em aberto</caption>
        <thead>
          <tr>
            {column('Cliente', 'NAME_ASC', 'NAME_DESC', 'ascending')}
            <th scope="col">CPF/CNPJ</th>
            {column('Saldo em aberto', 'OPEN_AMOUNT_DESC', 'OPEN_AMOUNT_ASC', 'descending', true)}
            <th scope="col" className="num">
              Lançamentos
            </th>
            {column('Vencimento mais antigo', 'OLDEST_DUE_ASC', 'OLDEST_DUE_DESC', 'ascending')}
            {column('Dias em atraso', 'DAYS_OVERDUE_DESC', 'DAYS_OVERDUE_ASC', 'descending', true)}
            <th scope="col">
              <span className="visually-hidden">Ações</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ node, balance }, index) => {
            const nameId = `${id}-${index}`;
            return (
              <tr key={node.id}>
                <td className="card-title">
                  <a
                    id={nameId}
                    className="debtor-name"
                    href={href({ name: 'debtor', debtorId: node.id }, { empresa: companyId })}
                  >
                    {node.name}
                  </a>
                  {node.kind === 'SUPPLIER' && <span className="badge badge-muted">Fornecedor</span>}
                </td>
                <td className="nowrap" data-label="CPF/CNPJ">
                  <Text value={node.documentFormatted ?? node.document} />
                </td>
                <td className="num card-amount" data-label="Saldo em aberto">
                  <Money value={balance.openAmount} />
                </td>
                <td className="num" data-label="Lançamentos">
                  {balance.entryCount}
                </td>
                <td data-label="Vencimento mais antigo">
                  <DateText value={balance.oldestDueDate} />
                </td>
                <td className="num nowrap" data-label="Dias em atraso">
                  {balance.maxDaysOverdue > 0 ? formatDays(balance.maxDaysOverdue) : '—'}
                </td>
                <td className="row-actions">
                  <IconButton
                    label="Débitos do Cliente"
                    describedBy={nameId}
                    icon={<PencilIcon />}
                    href={href({ name: 'debtor', debtorId: node.id }, { empresa: companyId })}
                  />
                  <IconButton
                    label="Lançamentos Financeiros"
                    describedBy={nameId}
                    icon={<ArrowRightIcon />}
                    href={href({ name: 'debtorEntries', debtorId: node.id })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type SortHeaderProps = {
  label: string;
  sorted: false | Direction;
  numeric?: boolean;
  onClick: () => void;
};

function SortHeader({ label, sorted, numeric, onClick }: SortHeaderProps) {
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sorted || undefined}>
      <button type="button" className="sort-button" onClick={onClick}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
