import { useExecute, useMorePages } from '../../../data';
import { Empty, LoadMore } from '../../../ui/Feedback';
import { Section } from '../../../ui/Section';
import { DateTimeText, Money } from '../../../ui/Values';
import type { DebtorFollowUpQuery } from './gql/graphql';
import { HISTORY_KIND } from './labels';
import { moreHistoryQuery } from './queries';

type History = NonNullable<DebtorFollowUpQuery['debtor']>['history'];

const PAGE = 20;

/** Histórico: what happened with this debtor, newest first — what a collector reads before calling. */
export function HistorySection({ debtorId, history }: { debtorId: string; history: History }) {
  const run = useExecute();
  const pages = useMorePages(history, async (after) => {
    const page = await run(moreHistoryQuery, { id: debtorId, first: PAGE, after });
    return page.debtor?.history ?? { edges: [], pageInfo: { hasNextPage: false } };
  });
  const events = pages.edges.map((edge) => edge.node);
  return (
    <Section title="Histórico">
      {events.length === 0 ? (
        <Empty>Nada registrado ainda.</Empty>
      ) : (
        <ol className="history-list" aria-label="Histórico do cliente, do mais recente ao mais antigo">
          {events.map((event) => (
            <li key={event.id} className="history-event">
              <div className="history-when">
                <DateTimeText value={event.at} />
                <span className="badge badge-muted">{HISTORY_KIND[event.kind]}</span>
              </div>
              <div className="history-what">
                {event.summary}
                {event.amount && (
                  <>
                    {' '}
                    · <Money value={event.amount} />
                  </>
                )}
              </div>
              <div className="muted history-who">
                {event.automatic ? 'Automático (régua)' : event.actor ? event.actor.name : 'Sistema ou integração'}
              </div>
            </li>
          ))}
        </ol>
      )}
      <LoadMore pages={pages} />
    </Section>
  );
}
