import './admin.css';
import type { ReactNode } from 'react';
import { Page } from '../../Page';
import { type AdminSection, href } from '../../router';
import { useSession } from '../../session';
import { isAdmin } from './access';
import { AuditAdmin } from './AuditAdmin';
import { CompaniesAdmin } from './CompaniesAdmin';
import { TokensAdmin } from './TokensAdmin';
import { RetentionAdmin } from './RetentionAdmin';
import { UsersAdmin } from './UsersAdmin';
import { WebhooksAdmin } from './WebhooksAdmin';

export const ADMIN_SECTIONS: { section: AdminSection; title: string }[] = [
  { section: 'empresas', title: 'Empresas' },
  { section: 'usuarios', title: 'Usuários' },
  { section: 'tokens', title: 'Tokens de API' },
  { section: 'webhooks', title: 'Webhooks' },
  { section: 'lgpd', title: 'Dados pessoais (LGPD)' },
  { section: 'auditoria', title: 'Auditoria' },
];


/** Administração: Empresas, Usuários, Tokens de API, Webhooks, Dados pessoais (LGPD), Auditoria. */
export function AdminPage({ section }: { section: AdminSection }) {
  const { user } = useSession();
  const title = ADMIN_SECTIONS.find((s) => s.section === section)?.title ?? 'Administração';
  if (!isAdmin(user)) {
    return (
      <Page title="Acesso restrito">
        <p className="banner banner-error" role="alert">
          Apenas administradores podem abrir esta tela.
        </p>
      </Page>
    );
  }
  let body: ReactNode;
  switch (section) {
    case 'empresas':
      body = <CompaniesAdmin />;
      break;
    case 'usuarios':
      body = <UsersAdmin />;
      break;
    case 'tokens':
      body = <TokensAdmin />;
      break;
    case 'webhooks':
      body = <WebhooksAdmin />;
      break;
    case 'lgpd':
      body = <RetentionAdmin />;
      break;
    case 'auditoria':
      body = <AuditAdmin />;
      break;
  }
  return (
    <Page title={title}>
      <nav aria-label="Administração" className="admin-nav">
        {ADMIN_SECTIONS.map((s) => (
          <a key={s.section} href={href({ name: 'admin', section: s.section })} aria-current={s.section === section ? 'page' : undefined}>
            {s.title}
          </a>
        ))}
      </nav>
      {body}
    </Page>
  );
}
