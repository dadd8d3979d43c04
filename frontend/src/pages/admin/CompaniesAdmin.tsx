import { type FormEvent, useState } from 'react';
import { type FormErrors as Errors, NO_ERRORS, formErrors, useExecute, useQuery } from '../../data';
import type { AdminCompaniesQuery } from '../../gql/graphql';
import { Empty, ErrorBanner, FormErrors, Loading, SuccessNotice } from '../../ui/Feedback';
import { TextField } from '../../ui/Field';
import { adminCompaniesQuery, createCompanyMutation, updateCompanyMutation } from './queries';

type Company = AdminCompaniesQuery['companies'][number];

const TEXT = ['name', 'document', 'email', 'lateFeePercent', 'monthlyInterestPercent', 'timeZone', 'pixKey'] as const;
const ADDRESS = ['postalCode', 'street', 'number', 'complement', 'district', 'city', 'state'] as const;
const LABELS: Record<string, string> = {
  name: 'Razão social',
  document: 'CNPJ',
  email: 'E-mail',
  lateFeePercent: 'Multa (%)',
  monthlyInterestPercent: 'Juros ao mês (%)',
  timeZone: 'Fuso horário',
  pixKey: 'Chave PIX',
  recentContactDays: 'Dias entre cobranças',
  postalCode: 'CEP',
  street: 'Logradouro',
  number: 'Número',
  complement: 'Complemento',
  district: 'Bairro',
  city: 'Cidade',
  state: 'UF',
};
const FIELDS = [...TEXT, 'recentContactDays', ...ADDRESS.map((f) => `address.${f}`)];

type Values = Record<string, string>;

function valuesOf(company: Company | null): Values {
  const values: Values = {};
  for (const key of TEXT) values[key] = company ? String(company[key] ?? '') : '';
  values.recentContactDays = company ? String(company.recentContactDays) : '';
  for (const key of ADDRESS) values[`address.${key}`] = company?.address[key] ?? '';
  if (!company) values.timeZone = 'America/Sao_Paulo';
  return values;
}

/** Empresas: each company's data, address, fees and Chave PIX. */
export function CompaniesAdmin() {
  const result = useQuery(adminCompaniesQuery);
  const [editing, setEditing] = useState<Company | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (result.error && !result.data) return <ErrorBanner message={result.error} onRetry={result.reload} />;
  if (!result.data) return <Loading />;
  const companies = result.data.companies;
  return (
    <>
      {saved && <SuccessNotice>{saved}</SuccessNotice>}
      <div className="admin-list">
        {companies.length === 0 && <Empty>Nenhuma empresa cadastrada.</Empty>}
        <ul className="admin-cards">
          {companies.map((company) => (
            <li key={company.id} className="admin-card">
              <strong>{company.name}</strong>
              <span>{company.documentFormatted ?? 'sem CNPJ'}</span>
              <span>
                Multa {company.lateFeePercent}% · juros {company.monthlyInterestPercent}% a.m.
              </span>
              <span>Chave PIX: {company.pixKey ?? 'não informada'}</span>
              <button type="button" className="button button-quiet button-small" onClick={() => setEditing(company)}>
                Editar {company.name}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          Nova empresa
        </button>
      </div>
      {editing && (
        <CompanyForm
          key={editing === 'new' ? 'new' : editing.id}
          company={editing === 'new' ? null : editing}
          onDone={(message) => {
            setEditing(null);
            setSaved(message);
            result.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <section className="section" aria-label="Cobrança automática">
        <h2>Modelos de e-mail e Régua de cobrança</h2>
        {/* The régua's screens (another part of the dashboard) hang here. */}
        <p>
          Os modelos de e-mail e a régua de cobrança de cada empresa ficam em{' '}
          <a href="#/regua">Régua de cobrança</a>.
        </p>
      </section>
    </>
  );
}

function CompanyForm({
  company,
  onDone,
  onCancel,
}: {
  company: Company | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const run = useExecute();
  const [values, setValues] = useState<Values>(() => valuesOf(company));
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  function set(key: string, value: string) {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (!(key in current.fields)) return current;
      const fields = { ...current.fields };
      delete fields[key];
      return { ...current, fields };
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    const address = Object.fromEntries(ADDRESS.map((key) => [key, values[`address.${key}`] ?? '']));
    const days = values.recentContactDays ?? '';
    const common = {
      document: values.document ?? '',
      email: values.email ?? '',
      lateFeePercent: values.lateFeePercent || null,
      monthlyInterestPercent: values.monthlyInterestPercent || null,
      timeZone: values.timeZone || null,
      pixKey: values.pixKey ?? '',
      recentContactDays: days === '' ? null : Number(days),
      address,
    };
    try {
      const payload = company
        ? (await run(updateCompanyMutation, { input: { id: company.id, name: values.name, ...common } })).updateCompany
        : (await run(createCompanyMutation, { input: { name: values.name ?? '', ...common } })).createCompany;
      if (payload.errors.length) setErrors(formErrors(payload.errors, FIELDS));
      else onDone(company ? 'Empresa atualizada.' : 'Empresa cadastrada.');
    } catch (failure) {
      setErrors({ fields: {}, general: [(failure as Error).message] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-form" aria-label={company ? `Editar ${company.name}` : 'Nova empresa'} onSubmit={submit}>
      <h2>{company ? `Editar ${company.name}` : 'Nova empresa'}</h2>
      <FormErrors messages={errors.general} />
      <div className="form-grid">
        {FIELDS.map((key) => (
          <TextField
            key={key}
            label={LABELS[key.replace('address.', '')] ?? key}
            name={key}
            inputMode={key === 'recentContactDays' ? 'numeric' : undefined}
            value={values[key] ?? ''}
            error={errors.fields[key]}
            onChange={(event) => set(key, event.target.value)}
          />
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Salvar
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancelar
        </button>
      </div>
    </form>
  );
}
