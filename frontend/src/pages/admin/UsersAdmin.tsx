import { type FormEvent, useState } from 'react';
import { useExecute, useQuery } from '../../data';
import type { AdminUsersQuery, Role } from '../../gql/graphql';
import { Empty, ErrorBanner, FormErrors, Loading, SuccessNotice } from '../../ui/Feedback';
import { SelectField, TextField } from '../../ui/Field';
import { adminUsersQuery, createUserMutation, updateUserMutation } from './queries';

type User = AdminUsersQuery['allUsers'][number];
const ROLES: { value: Role; label: string }[] = [
  { value: 'ADMIN' as Role, label: 'Administrador' },
  { value: 'COLLECTOR' as Role, label: 'Cobrador' },
  { value: 'VIEWER' as Role, label: 'Consulta' },
];
const roleLabel = (role: string) => ROLES.find((r) => r.value === role)?.label ?? role;

/** Usuários: roles, companies, deactivate. */
export function UsersAdmin() {
  const run = useExecute();
  const result = useQuery(adminUsersQuery);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  if (result.error && !result.data) return <ErrorBanner message={result.error} onRetry={result.reload} />;
  if (!result.data) return <Loading />;
  const { allUsers: users, companies } = result.data;
  const companyName = new Map(companies.map((c) => [c.id, c.name]));

  async function change(user: User, input: { role?: Role; active?: boolean }, message: string) {
    setErrors([]);
    setNotice(null);
    try {
      const { updateUser } = await run(updateUserMutation, { input: { id: user.id, ...input } });
      if (updateUser.errors.length) setErrors(updateUser.errors.map((e) => e.message));
      else {
        setNotice(message);
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
      {users.length === 0 && <Empty>Nenhum usuário.</Empty>}
      <ul className="admin-cards">
        {users.map((user) => (
          <li key={user.id} className="admin-card">
            <strong>{user.name}</strong>
            <span>{user.email}</span>
            <span>{user.active ? 'Ativo' : 'Desativado'}</span>
            <span>
              Empresas:{' '}
              {user.allCompanies ? 'todas' : user.companyIds.map((id) => companyName.get(id) ?? id).join(', ') || 'nenhuma'}
            </span>
            <SelectField
              label={`Papel de ${user.name}`}
              value={user.role}
              onChange={(event) =>
                change(user, { role: event.target.value as Role }, `${user.name}: papel alterado para ${roleLabel(event.target.value)}.`)
              }
            >
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </SelectField>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() =>
                change(user, { active: !user.active }, user.active ? `${user.name} desativado.` : `${user.name} reativado.`)
              }
            >
              {user.active ? `Desativar ${user.name}` : `Reativar ${user.name}`}
            </button>
          </li>
        ))}
      </ul>
      <NewUserForm companies={companies} onDone={(name) => (setNotice(`${name} cadastrado.`), result.reload())} />
    </>
  );
}

function NewUserForm({ companies, onDone }: { companies: AdminUsersQuery['companies']; onDone: (name: string) => void }) {
  const run = useExecute();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('COLLECTOR' as Role);
  const [all, setAll] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    try {
      const { createUser } = await run(createUserMutation, {
        input: { name, email, password, role, allCompanies: all, companyIds: all ? null : chosen },
      });
      if (createUser.errors.length) setErrors(createUser.errors.map((e) => e.message));
      else {
        onDone(name);
        setName('');
        setEmail('');
        setPassword('');
      }
    } catch (failure) {
      setErrors([(failure as Error).message]);
    }
  }

  return (
    <form className="admin-form" aria-label="Novo usuário" onSubmit={submit}>
      <h2>Novo usuário</h2>
      <FormErrors messages={errors} />
      <div className="form-grid">
        <TextField label="Nome" value={name} onChange={(e) => setName(e.target.value)} required />
        <TextField label="E-mail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        <TextField label="Senha inicial" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <SelectField label="Papel" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
      </div>
      <CompanyChoice companies={companies} all={all} setAll={setAll} chosen={chosen} setChosen={setChosen} />
      <button type="submit" className="button">
        Cadastrar usuário
      </button>
    </form>
  );
}

export function CompanyChoice({
  companies,
  all,
  setAll,
  chosen,
  setChosen,
}: {
  companies: { id: string; name: string }[];
  all: boolean;
  setAll: (value: boolean) => void;
  chosen: string[];
  setChosen: (value: string[]) => void;
}) {
  return (
    <fieldset className="check-group">
      <legend>Empresas</legend>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        Todas as empresas
      </label>
      {!all &&
        companies.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(c.id)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))}
            />
            {c.name}
          </label>
        ))}
    </fieldset>
  );
}
