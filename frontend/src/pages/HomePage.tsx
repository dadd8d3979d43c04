import { Page, Placeholder } from '../Page';

export function HomePage() {
  return (
    <Page title="Pesquisa de Inadimplências">
      <Placeholder>
        <p>
          Aqui ficará a pesquisa de devedores: busca por nome ou CPF/CNPJ, busca avançada por cliente e
          empresa, filtros de período, totais por faixa de atraso e a lista de clientes e fornecedores com
          lançamentos em aberto.
        </p>
      </Placeholder>
    </Page>
  );
}
