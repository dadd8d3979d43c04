import { type FormEvent, useState } from 'react';
import { useExecute, useMutationForm } from '../../../data';
import { parseMoneyInput } from '../../../money';
import { FormErrors } from '../../../ui/Feedback';
import { MoneyField, SelectField, TextField } from '../../../ui/Field';
import { pauseCollectionMutation, recordPaymentPromiseMutation } from './queries';

export type HoldCompany = { id: string; name: string; today: string };
export type HoldEntry = { id: string; code: string; company: { id: string } };

const PAUSE_FIELDS = ['companyId', 'entryId', 'reason', 'until'] as const;
const PROMISE_FIELDS = ['companyId', 'promisedDate', 'amount', 'note'] as const;

type Common = {
  debtorId: string;
  companies: readonly HoldCompany[];
  defaultCompanyId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
};

function CompanySelect({
  companies,
  value,
  error,
  onChange,
}: {
  companies: readonly HoldCompany[];
  value: string;
  error?: string;
  onChange: (id: string) => void;
}) {
  return (
    <SelectField label="Empresa" name="companyId" value={value} error={error} required onChange={(e) => onChange(e.target.value)}>
      {companies.map((company) => (
        <option key={company.id} value={company.id}>
          {company.name}
        </option>
      ))}
    </SelectField>
  );
}

/** Pausar cobrança: the régua stops for the debtor (or one entry) until a date, for a reason. */
export function PauseForm({ debtorId, companies, defaultCompanyId, entries, onDone, onCancel }: Common & { entries: readonly HoldEntry[] }) {
  const run = useExecute();
  const form = useMutationForm(PAUSE_FIELDS);
  const [companyId, setCompanyId] = useState(defaultCompanyId);
  const [entryId, setEntryId] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const today = companies.find((company) => company.id === companyId)?.today;
  const companyEntries = entries.filter((entry) => entry.company.id === companyId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!reason.trim()) missing.reason = 'Informe o motivo da pausa (ex.: em disputa).';
    if (!until) missing.until = 'Informe até quando a cobrança fica pausada.';
    if (Object.keys(missing).length > 0) {
      form.setErrors({ fields: missing, general: [] });
      return;
    }
    const result = await form.submit(async () =>
      (
        await run(pauseCollectionMutation, {
          input: { debtorId, companyId, entryId: entryId || null, reason: reason.trim(), until },
        })
      ).pauseCollection,
    );
    if (result?.pause) onDone(`Cobrança pausada até ${until.split('-').reverse().join('/')}.`);
  }

  return (
    <form className="subform stack" onSubmit={submit} noValidate aria-label="Pausar cobrança">
      <div className="form-grid">
        <CompanySelect
          companies={companies}
          value={companyId}
          error={form.errors.fields.companyId}
          onChange={(id) => {
            setCompanyId(id);
            setEntryId('');
          }}
        />
        <SelectField
          label="Lançamento"
          name="entryId"
          value={entryId}
          error={form.errors.fields.entryId}
          onChange={(event) => setEntryId(event.target.value)}
        >
          <option value="">Todos os lançamentos</option>
          {companyEntries.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.code}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Motivo"
          name="reason"
          value={reason}
          maxLength={200}
          required
          hint="Ex.: em disputa, aguardando nota fiscal."
          error={form.errors.fields.reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <TextField
          label="Pausada até"
          name="until"
          type="date"
          value={until}
          min={today}
          required
          error={form.errors.fields.until}
          onChange={(event) => setUntil(event.target.value)}
        />
      </div>
      <FormErrors messages={form.errors.general} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? 'Salvando…' : 'Pausar cobrança'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={form.saving}>
          Cancelar
        </button>
      </div>
    </form>
  );
}

/** Registrar promessa: the debtor promised to pay an amount on a date; the régua waits until then. */
export function PromiseForm({ debtorId, companies, defaultCompanyId, onDone, onCancel }: Common) {
  const run = useExecute();
  const form = useMutationForm(PROMISE_FIELDS);
  const [companyId, setCompanyId] = useState(defaultCompanyId);
  const [promisedDate, setPromisedDate] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const today = companies.find((company) => company.id === companyId)?.today;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!promisedDate) missing.promisedDate = 'Informe a data prometida.';
    const parsed = parseMoneyInput(amount);
    if (!parsed.ok) missing.amount = parsed.message;
    if (Object.keys(missing).length > 0 || !parsed.ok) {
      form.setErrors({ fields: missing, general: [] });
      return;
    }
    const result = await form.submit(async () =>
      (
        await run(recordPaymentPromiseMutation, {
          input: { debtorId, companyId, promisedDate, amount: parsed.value, note: note.trim() || null },
        })
      ).recordPaymentPromise,
    );
    if (result?.promise) onDone(`Promessa de pagamento registrada para ${promisedDate.split('-').reverse().join('/')}.`);
  }

  return (
    <form className="subform stack" onSubmit={submit} noValidate aria-label="Registrar promessa de pagamento">
      <div className="form-grid">
        <CompanySelect companies={companies} value={companyId} error={form.errors.fields.companyId} onChange={setCompanyId} />
        <TextField
          label="Data prometida"
          name="promisedDate"
          type="date"
          value={promisedDate}
          min={today}
          required
          error={form.errors.fields.promisedDate}
          onChange={(event) => setPromisedDate(event.target.value)}
        />
        <MoneyField
          label="Valor prometido (R$)"
          name="amount"
          value={amount}
          required
          error={form.errors.fields.amount}
          onChange={setAmount}
        />
        <TextField
          label="Observação"
          name="note"
          value={note}
          maxLength={500}
          error={form.errors.fields.note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <p className="muted">Até a data, a régua não envia e-mails a este cliente por esta empresa.</p>
      <FormErrors messages={form.errors.general} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? 'Salvando…' : 'Registrar promessa'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={form.saving}>
          Cancelar
        </button>
      </div>
    </form>
  );
}
