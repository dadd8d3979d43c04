import { Page, Placeholder } from '../Page';
import { href } from '../router';

/** Cadastro de Lançamentos: the entry form. */
export function EntryPage({ entryId: _entryId }: { entryId: string }) {
  return (
    <Page title="Cadastro de Lançamentos">
      <Placeholder>
        <p>Aqui ficará o formulário do lançamento: descrição, empresa, vencimento, valor e observações.</p>
      </Placeholder>
      <p className="page-links">
        <a href={href({ name: 'home' })}>Voltar à pesquisa</a>
      </p>
    </Page>
  );
}
