import type { PaymentRowFragment } from '../../gql/graphql';
import { formatBRL, formatDate } from '../../format';
import { Empty } from '../../ui/Feedback';
import { DateText, Money, Text } from '../../ui/Values';
import { paymentMethodLabel } from './payments';

type Props = {
  payments: readonly PaymentRowFragment[];
  caption: string;
  /** Offers "Estornar" on each payment still in force. */
  onReverse?: (payment: PaymentRowFragment) => void;
};

/** The payments (baixas) of one entry; reversed ones stay listed, struck through, with the reason. */
export function PaymentsTable({ payments, caption, onReverse }: Props) {
  if (payments.length === 0) return <Empty>Nenhum pagamento registrado.</Empty>;
  return (
    <div className="table-wrap">
      <table className="table table-compact table-cards">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Data</th>
            <th scope="col" className="num">
              Quitado
            </th>
            <th scope="col" className="num">
              Multa
            </th>
            <th scope="col" className="num">
              Juros
            </th>
            <th scope="col" className="num">
              Desconto
            </th>
            <th scope="col" className="num">
              Recebido
            </th>
            <th scope="col" className="num">
              Encargos dispensados
            </th>
            <th scope="col">Forma</th>
            <th scope="col">Observação</th>
            {onReverse && (
              <th scope="col">
                <span className="visually-hidden">Ações</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => (
            <tr key={payment.id} className={payment.reversedAt ? 'row-reversed' : undefined}>
              <td className="nowrap card-title">
                <DateText value={payment.paidOn} />
                {payment.reversedAt && (
                  <span className="badge badge-muted" title={payment.reversalReason ?? undefined}>
                    Estornado
                  </span>
                )}
              </td>
              <td className="num" data-label="Quitado">
                <Money value={payment.amount} />
              </td>
              <td className="num" data-label="Multa">
                <Money value={payment.lateFee} />
              </td>
              <td className="num" data-label="Juros">
                <Money value={payment.interest} />
              </td>
              <td className="num" data-label="Desconto">
                <Money value={payment.discount} />
              </td>
              <td className="num" data-label="Recebido">
                <Money value={payment.receivedAmount} strong />
              </td>
              <td className="num" data-label="Encargos dispensados" title={payment.waiverReason ?? undefined}>
                <Money value={payment.waivedCharges} />
                {payment.waiverReason && <small className="cell-note">{payment.waiverReason}</small>}
              </td>
              <td data-label="Forma">{paymentMethodLabel(payment.method)}</td>
              <td className="prewrap card-wide">
                <Text value={payment.reversedAt ? `Estorno: ${payment.reversalReason ?? ''}` : payment.note} />
              </td>
              {onReverse && (
                <td className="row-actions">
                  {!payment.reversedAt && (
                    <button
                      type="button"
                      className="button button-quiet button-danger button-small"
                      onClick={() => onReverse(payment)}
                      title={`Estornar o pagamento de ${formatBRL(payment.receivedAmount)} de ${formatDate(payment.paidOn)}`}
                    >
                      Estornar {formatBRL(payment.receivedAmount)} de {formatDate(payment.paidOn)}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
