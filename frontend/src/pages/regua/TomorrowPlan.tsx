import { useEffect, useState } from 'react';
import { useQuery } from '../../data';
import { sumMoney } from '../../money';
import { href } from '../../router';
import { Empty, ErrorBanner, Loading } from '../../ui/Feedback';
import { TextField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { DateText, Money } from '../../ui/Values';
import { addDays, nextWeekday, stepDescription, stepLabel, weekdayName } from './preview';
import { collectionPlanQuery } from './queries';

const PLAN_SIZE = 200;

type Props = {
  companyId: string;
  /** The company's today (the server's clock, in its zone). */
  today: string;
  /** Changes when the steps were saved: the plan is asked again. */
  version: number;
};

/**
 * Plano de amanhã: the messages the régua would send, one per debtor, without sending; on a
 * Friday, Monday's (the régua sends on business days only).
 */
export function TomorrowPlan({ companyId, today, version }: Props) {
  const tomorrow = nextWeekday(today);
  const [date, setDate] = useState(tomorrow);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const plan = useQuery(collectionPlanQuery, {
    companyId,
    date: valid ? date : tomorrow,
    first: PLAN_SIZE,
  });
  const { reload } = plan;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const rows = plan.data?.collectionPlan ?? [];
  const isTomorrow = date === tomorrow;
  const title = !isTomorrow
    ? 'Plano do dia'
    : tomorrow === addDays(today, 1)
      ? 'Plano de amanhã'
      : `Plano do próximo dia útil (${weekdayName(tomorrow)})`;

  return (
    <Section title={title} count={plan.data ? rows.length : undefined}>
      <div className="stack">
        <div className="regua-plan-date">
          <TextField
            label="Data do plano"
            type="date"
            name="planDate"
            value={date}
            hint="O que a régua enviaria nesse dia, sem enviar nada. Ela só envia em dias úteis da empresa."
            onChange={(event) => setDate(event.target.value || tomorrow)}
          />
          {!isTomorrow && (
            <button type="button" className="button button-quiet button-small" onClick={() => setDate(tomorrow)}>
              Voltar ao próximo envio
            </button>
          )}
        </div>
        {plan.error && <ErrorBanner message={plan.error} onRetry={plan.reload} />}
        {!plan.data ? (
          !plan.error && <Loading />
        ) : rows.length === 0 ? (
          <Empty>
            Nenhum e-mail da régua em <DateText value={valid ? date : tomorrow} /> ({weekdayName(valid ? date : tomorrow)}):
            em fins de semana e feriados ela não envia, e clientes pausados ou com promessa em aberto esperam.
          </Empty>
        ) : (
          <>
            <p>
              Em <DateText value={valid ? date : tomorrow} />: {rows.length}{' '}
              {rows.length === 1 ? 'e-mail consolidado' : 'e-mails consolidados'}, <Money value={sumMoney(rows.map((row) => row.openAmount))} strong />{' '}
              em aberto.
              {rows.length >= PLAN_SIZE && ` Mostrando os primeiros ${PLAN_SIZE}.`}
            </p>
            <div className="table-wrap">
              <table className="table table-cards">
                <caption className="visually-hidden">E-mails que a régua enviaria</caption>
                <thead>
                  <tr>
                    <th scope="col">Cliente</th>
                    <th scope="col">Passo</th>
                    <th scope="col">Modelo</th>
                    <th scope="col" className="num">
                      Lançamentos
                    </th>
                    <th scope="col" className="num">
                      Em aberto
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.debtorId}>
                      <td className="card-title">
                        <a href={href({ name: 'debtor', debtorId: row.debtorId }, { empresa: companyId })}>
                          {row.debtorName}
                        </a>
                      </td>
                      <td data-label="Passo">
                        <abbr title={stepDescription(row.stepDays)}>{stepLabel(row.stepDays)}</abbr>
                      </td>
                      <td data-label="Modelo" className="text-cell">
                        {row.template.name}
                      </td>
                      <td data-label="Lançamentos" className="num">
                        {row.entryCount}
                      </td>
                      <td data-label="Em aberto" className="num card-amount">
                        <Money value={row.openAmount} strong />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </Section>
  );
}
