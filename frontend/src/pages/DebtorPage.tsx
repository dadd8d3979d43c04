import { Page, Placeholder } from '../Page';
import { href } from '../router';

/** Débitos do Cliente. */
export function DebtorPage({ debtorId }: { debtorId: string }) {
  return (
    <Page title="Débitos do Cliente">
      <Placeholder>
        <p>
          Aqui ficarão a cobrança por e-mail, os dados e o endereço do cliente, as inadimplências, os
          agendamentos, os contatos e os e-mails enviados.
        </p>
      </Placeholder>
      <p className="page-links">
        <a href={href({ name: 'debtorEntries', debtorId })}>Lançamentos Financeiros</a>
        <a href={href({ name: 'home' })}>Voltar à pesquisa</a>
      </p>
    </Page>
  );
}
