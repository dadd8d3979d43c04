import { Page } from '../Page';
import { href } from '../router';

export function NotFoundPage() {
  return (
    <Page title="Página não encontrada">
      <p>Este endereço não corresponde a nenhuma tela.</p>
      <p className="page-links">
        <a href={href({ name: 'home' })}>Ir para a Pesquisa de Inadimplências</a>
      </p>
    </Page>
  );
}
