import { type FormEvent, useState } from 'react';
import { useExecute, useMutationForm } from '../../data';
import { formatBRL } from '../../format';
import type { EntryDetailFragment, UpdateEntryInput } from '../../gql/graphql';
import { compareMoney, formatMoneyInput, parseMoneyInput } from '../../money';
import { FormErrors } from '../../ui/Feedback';
import { DateField } from '../../ui/DateField';
import { MoneyField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { EntryStatusBadge } from '../../ui/StatusBadge';
import { Money } from '../../ui/Values';
import { updateEntryMutation } from './queries';

const FIELDS = [
  'description',
  'companyId',
  'dueDate',
  'amount',
  'issueDate',
  'documentNumber',
  'category',
  'costCenter',
  'notes',
] as const;

type Values = Record<(typeof FIELDS)[number], string>;

type Props = {
  entry: EntryDetailFragment;
  companies: readonly { id: string; name: string }[];
  onSaved: (entry: EntryDetailFragment) => void;
  /** The entry changed on the server meanwhile: load it again. */
  onReload: () => void;
};

const valuesOf = (entry: EntryDetailFragment): Values => ({
  description: entry.description,
  companyId: entry.company.id,
  dueDate: entry.dueDate,
  amount: formatMoneyInput(entry.amount),
  issueDate: entry.issueDate ?? '',
  documentNumber: entry.documentNumber ?? '',
  category: entry.category ?? '',
  costCenter: entry.costCenter ?? '',
  notes: entry.notes ?? '',
});

/** The UpdateEntryInput of what changed (an emptied optional field is sent as null, clearing it), or problems. */
export function entryChanges(
  entry: EntryDetailFragment,
  values: Values,
): { input: UpdateEntryInput; problems: Record<string, string> } {
  const before = valuesOf(entry);
  const problems: Record<string, string> = {};
  // expectedVersion: refused if someone else saved the entry since it was loaded.
  const input: UpdateEntryInput = { id: entry.id, expectedVersion: entry.version };
  const description = values.description.trim();
  if (!description) problems.description = 'Informe a descrição.';
  else if (description !== entry.description) input.description = description;
  if (values.companyId !== before.companyId) input.companyId = values.companyId;
  if (!values.dueDate) problems.dueDate = 'Informe o vencimento.';
  else if (values.dueDate !== before.dueDate) input.dueDate = values.dueDate;
  const amount = parseMoneyInput(values.amount);
  if (!amount.ok) problems.amount = amount.message;
  else if (compareMoney(amount.value, entry.paidAmount) < 0) {
    problems.amount = `O valor não pode ser menor que o já pago (${formatBRL(entry.paidAmount)}).`;
  } else if (compareMoney(amount.value, entry.amount) !== 0) input.amount = amount.value;
  for (const field of ['issueDate', 'documentNumber', 'category', 'costCenter', 'notes'] as const) {
    const value = values[field].trim();
    if (value !== before[field]) input[field] = value || null;
  }
  return { input, problems };
}

/** The entry's data; only what changed is sent to updateEntry. */
export function EntryForm({ entry, companies, onSaved, onReload }: Props) {
  const run = useExecute();
  const [values, setValues] = useState(() => valuesOf(entry));
  const form = useMutationForm(FIELDS, values);
  const [conflict, setConflict] = useState(false);
  const cancelled = entry.status === 'CANCELLED';
  const companyOptions = companies.some((company) => company.id === entry.company.id)
    ? companies
    : [entry.company, ...companies];

  const bind = (name: keyof Values) => ({
    name,
    value: values[name],
    error: form.errors.fields[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    setConflict(false);
    const { input, problems } = entryChanges(entry, values);
    if (Object.keys(problems).length > 0) {
      form.setErrors({ fields: problems, general: [] });
      return;
    }
    if (Object.keys(input).length === 2) {
      form.setErrors({ fields: {}, general: ['Nenhuma alteração para salvar.'] });
      return;
    }
    const payload = await form.submit(async () => {
      const result = (await run(updateEntryMutation, { input })).updateEntry;
      setConflict(result.errors.some((error) => error.code === 'VERSION_CONFLICT'));
      return result;
    });
    if (payload?.entry) {
      setValues(valuesOf(payload.entry));
      onSaved(payload.entry);
    }
  }

  return (
    <Section title="Dados do Lançamento">
      <form onSubmit={save} noValidate aria-label="Dados do Lançamento">
        {cancelled && (
          <p className="banner banner-info">
            Lançamento cancelado{entry.cancelReason ? `: ${entry.cancelReason}` : ''}. Não pode mais ser alterado.
          </p>
        )}
        <dl className="facts">
          <div>
            <dt>Código</dt>
            <dd>{entry.code}</dd>
          </div>
          <div>
            <dt>Situação</dt>
            <dd>
              <EntryStatusBadge status={entry.status} />
              {entry.isOverdue && <span className="badge badge-danger">Vencido</span>}
            </dd>
          </div>
          <div>
            <dt>Pago</dt>
            <dd>
              <Money value={entry.paidAmount} />
            </dd>
          </div>
          <div>
            <dt>Em aberto</dt>
            <dd>
              <Money value={entry.openAmount} strong />
            </dd>
          </div>
          {entry.isOverdue && (
            <div>
              <dt>Atualizado com multa e juros</dt>
              <dd>
                <Money value={entry.charges.updatedAmount} strong />
              </dd>
            </div>
          )}
          {compareMoney(entry.receivedCharges, '0') > 0 && (
            <div>
              <dt>Multa e juros recebidos</dt>
              <dd>
                <Money value={entry.receivedCharges} />
              </dd>
            </div>
          )}
          {compareMoney(entry.waivedCharges, '0') > 0 && (
            <div>
              <dt>Multa e juros dispensados</dt>
              <dd>
                <Money value={entry.waivedCharges} />
              </dd>
            </div>
          )}
        </dl>
        <fieldset className="plain" disabled={cancelled || form.saving}>
          <legend className="visually-hidden">Dados do lançamento</legend>
          <div className="form-grid">
            <TextField label="Descrição" className="span-2" maxLength={500} required {...bind('description')} />
            <SelectField label="Empresa" {...bind('companyId')}>
              {companyOptions.map((company) => (
                <option key={company.id} value={company.id}>
                  {company.name}
                </option>
              ))}
            </SelectField>
            <DateField
              label="Vencimento"
              required
              name="dueDate"
              value={values.dueDate}
              error={form.errors.fields.dueDate}
              onChange={(dueDate) => setValues((current) => ({ ...current, dueDate }))}
            />
            <MoneyField
              label="Valor (R$)"
              required
              name="amount"
              value={values.amount}
              error={form.errors.fields.amount}
              onChange={(amount) => setValues((current) => ({ ...current, amount }))}
            />
            <DateField
              label="Emissão"
              name="issueDate"
              value={values.issueDate}
              error={form.errors.fields.issueDate}
              onChange={(issueDate) => setValues((current) => ({ ...current, issueDate }))}
            />
            <TextField label="Nº do documento" placeholder="NF 1234" maxLength={60} {...bind('documentNumber')} />
            <TextField label="Categoria (plano de contas)" maxLength={100} {...bind('category')} />
            <TextField label="Centro de custo" maxLength={100} {...bind('costCenter')} />
          </div>
          <TextAreaField label="Observações" rows={3} maxLength={4000} {...bind('notes')} />
        </fieldset>
        <FormErrors messages={form.errors.general} />
        {conflict && (
          <button type="button" className="button button-quiet" onClick={onReload}>
            Recarregar o lançamento
          </button>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={cancelled || form.saving}>
            {form.saving ? 'Salvando…' : 'Salvar'}
          </button>
        </div>
      </form>
    </Section>
  );
}
