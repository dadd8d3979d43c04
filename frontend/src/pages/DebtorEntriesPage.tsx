import { Page, Placeholder } from '../Page';
import { href } from '../router';

/** Lançamentos Financeiros of one debtor. */
export function DebtorEntriesPage({ debtorId }: { debtorId: string }) {
  return (
    <Page title="Lançamentos Financeiros">
      <Placeholder>
        <p>Aqui ficarão todos os lançamentos do devedor, pagos ou não, com a baixa total ou parcial.</p>
      </Placeholder>
      <p className="page-links">
        <a href={href({ name: 'debtor', debtorId })}>Débitos do Cliente</a>
        <a href={href({ name: 'home' })}>Voltar à pesquisa</a>
      </p>
    </Page>
  );
}
