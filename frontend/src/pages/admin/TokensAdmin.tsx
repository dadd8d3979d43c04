import { type FormEvent, useState } from 'react';
import { useExecute, useQuery } from '../../data';
import { formatDateTime } from '../../format';
import type { TokenScope } from '../../gql/graphql';
import { Empty, ErrorBanner, FormErrors, Loading, SuccessNotice } from '../../ui/Feedback';
import { SelectField, TextField } from '../../ui/Field';
import { adminTokensQuery, createTokenMutation, revokeTokenMutation } from './queries';
import { CompanyChoice } from './UsersAdmin';

const SCOPES: { value: TokenScope; label: string }[] = [
  { value: 'READ' as TokenScope, label: 'Leitura' },
  { value: 'WRITE' as TokenScope, label: 'Leitura e escrita' },
  { value: 'ADMIN' as TokenScope, label: 'Administração' },
];

/** Tokens de API: create (the secret is shown once), scope, companies, revoke, last use. */
export function TokensAdmin() {
  const run = useExecute();
  const result = useQuery(adminTokensQuery);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('READ' as TokenScope);
  const [all, setAll] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  if (result.error && !result.data) return <ErrorBanner message={result.error} onRetry={result.reload} />;
  if (!result.data) return <Loading />;
  const { apiTokens: tokens, companies } = result.data;
  const companyName = new Map(companies.map((c) => [c.id, c.name]));

  async function create(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    setSecret(null);
    setNotice(null);
    try {
      const { createApiToken } = await run(createTokenMutation, {
        input: { name, scope, allCompanies: all, companyIds: all ? null : chosen },
      });
      if (createApiToken.errors.length) setErrors(createApiToken.errors.map((e) => e.message));
      else {
        setSecret(createApiToken.secret ?? null);
        setName('');
        result.reload();
      }
    } catch (failure) {
      setErrors([(failure as Error).message]);
    }
  }

  async function revoke(id: string, tokenName: string) {
    setErrors([]);
    try {
      const { revokeApiToken } = await run(revokeTokenMutation, { input: { id } });
      if (revokeApiToken.errors.length) setErrors(revokeApiToken.errors.map((e) => e.message));
      else {
        setNotice(`Token ${tokenName} revogado.`);
        result.reload();
      }
    } catch (failure) {
      setErrors([(failure as Error).message]);
    }
  }

  return (
    <>
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      <FormErrors messages={errors} />
      {secret && (
        <div className="banner banner-success" role="status">
          <p>Copie o segredo agora: ele não será mostrado de novo.</p>
          <input aria-label="Segredo do token" readOnly value={secret} onFocus={(e) => e.target.select()} />
        </div>
      )}
      {tokens.length === 0 && <Empty>Nenhum token emitido.</Empty>}
      <ul className="admin-cards">
        {tokens.map((token) => (
          <li key={token.id} className="admin-card">
            <strong>{token.name}</strong>
            <span>
              {token.prefix}… · {SCOPES.find((s) => s.value === token.scope)?.label ?? token.scope}
            </span>
            <span>
              Empresas: {token.allCompanies ? 'todas' : token.companyIds.map((id) => companyName.get(id) ?? id).join(', ') || 'nenhuma'}
            </span>
            <span>Último uso: {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'nunca'}</span>
            {token.revokedAt ? (
              <span>Revogado em {formatDateTime(token.revokedAt)}</span>
            ) : (
              <button type="button" className="button button-quiet button-small" onClick={() => revoke(token.id, token.name)}>
                Revogar {token.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form className="admin-form" aria-label="Novo token" onSubmit={create}>
        <h2>Novo token</h2>
        <div className="form-grid">
          <TextField label="Nome do token" value={name} onChange={(e) => setName(e.target.value)} required />
          <SelectField label="Escopo" value={scope} onChange={(e) => setScope(e.target.value as TokenScope)}>
            {SCOPES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </SelectField>
        </div>
        <CompanyChoice companies={companies} all={all} setAll={setAll} chosen={chosen} setChosen={setChosen} />
        <button type="submit" className="button">
          Emitir token
        </button>
      </form>
    </>
  );
}
