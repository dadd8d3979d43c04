import { type FormEvent, useState } from 'react';
import { useExecute, useMutationForm } from '../../data';
import { formatBRL } from '../../format';
import type { EntryRowFragment } from '../../gql/graphql';
import { compareMoney, formatMoneyInput, fromCents, parseMoneyInput, toCents } from '../../money';
import { Dialog } from '../../ui/Dialog';
import { FormErrors } from '../../ui/Feedback';
import { MoneyField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Money } from '../../ui/Values';
import { PAYMENT_METHODS, type PaymentMethod } from './payments';
import { settleEntryMutation } from './queries';

const FIELDS = ['amount', 'lateFee', 'interest', 'discount', 'paidOn', 'method', 'note'] as const;
type MoneyInput = 'amount' | 'lateFee' | 'interest' | 'discount';

type Props = {
  entry: Pick<EntryRowFragment, 'id' | 'code' | 'description' | 'company' | 'openAmount' | 'charges'>;
  onClose: () => void;
  onSettled: (entry: EntryRowFragment, received: string) => void;
};

/**
 * Quitar: a full (the default) or partial payment. As in a Brazilian "baixa", the principal
 * settled is apart from the multa and juros received and the discount granted; the total
 * received is principal + multa + juros − desconto.
 */
export function SettleDialog({ entry, onClose, onSettled }: Props) {
  const run = useExecute();
  const form = useMutationForm(FIELDS);
  const [money, setMoney] = useState<Record<MoneyInput, string>>(() => ({
    amount: formatMoneyInput(entry.openAmount),
    lateFee: '',
    interest: '',
    discount: '',
  }));
  // The company's today from the server: a browser in another zone (or with a wrong clock)
  // must not propose tomorrow, which the server refuses as a future payment.
  const today = entry.company.today;
  const [paidOn, setPaidOn] = useState(today);
  const [method, setMethod] = useState<PaymentMethod>('PIX');
  const [note, setNote] = useState('');
  const { charges } = entry;
  const hasCharges = compareMoney(charges.lateFee, '0') > 0 || compareMoney(charges.interest, '0') > 0;

  /** Every money field as a decimal string ('' → 0), or the problems by field. */
  function readMoney(): { values: Record<MoneyInput, string>; problems: Record<string, string> } {
    const values = { amount: '0.00', lateFee: '0.00', interest: '0.00', discount: '0.00' };
    const problems: Record<string, string> = {};
    for (const name of Object.keys(values) as MoneyInput[]) {
      if (name !== 'amount' && !money[name].trim()) continue;
      const parsed = parseMoneyInput(money[name]);
      if (parsed.ok) values[name] = parsed.value;
      else problems[name] = parsed.message;
    }
    return { values, problems };
  }

  const preview = readMoney();
  const received =
    Object.keys(preview.problems).length === 0
      ? fromCents(
          toCents(preview.values.amount) +
            toCents(preview.values.lateFee) +
            toCents(preview.values.interest) -
            toCents(preview.values.discount),
        )
      : null;

  async function settle(event: FormEvent) {
    event.preventDefault();
    const { values, problems } = readMoney();
    if (!problems.amount) {
      if (compareMoney(values.amount, '0') <= 0) problems.amount = 'O valor deve ser maior que zero.';
      else if (compareMoney(values.amount, entry.openAmount) > 0) {
        problems.amount = `O valor passa do saldo em aberto (${formatBRL(entry.openAmount)}).`;
      }
    }
    if (!paidOn) problems.paidOn = 'Informe a data do pagamento.';
    else if (paidOn > today) problems.paidOn = 'A data do pagamento não pode ser futura.';
    if (Object.keys(problems).length > 0) {
      form.setErrors({ fields: problems, general: [] });
      return;
    }
    const payload = await form.submit(
      async () =>
        (
          await run(settleEntryMutation, {
            input: {
              entryId: entry.id,
              amount: values.amount,
              lateFee: values.lateFee,
              interest: values.interest,
              discount: values.discount,
              paidOn,
              method,
              note: note.trim() || null,
            },
          })
        ).settleEntry,
    );
    if (payload?.entry) onSettled(payload.entry, received ?? values.amount);
  }

  const bindMoney = (name: MoneyInput) => ({
    name,
    value: money[name],
    error: form.errors.fields[name],
    onChange: (text: string) => setMoney((current) => ({ ...current, [name]: text })),
  });

  return (
    <Dialog title={`Quitar lançamento ${entry.code}`} onClose={onClose} busy={form.saving}>
      <form className="stack" onSubmit={settle} noValidate>
        <p className="dialog-lead">
          {entry.description} · em aberto <Money value={entry.openAmount} strong />
        </p>
        <MoneyField
          label="Valor quitado (R$)"
          hint="O principal; menor que o saldo em aberto para uma baixa parcial."
          required
          {...bindMoney('amount')}
        />
        {hasCharges && (
          <div className="banner banner-info">
            <p>
              Encargos até hoje ({charges.daysOverdue} {charges.daysOverdue === 1 ? 'dia' : 'dias'} de atraso): multa{' '}
              <Money value={charges.lateFee} /> e juros <Money value={charges.interest} />.
            </p>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() =>
                setMoney((current) => ({
                  ...current,
                  lateFee: formatMoneyInput(charges.lateFee),
                  interest: formatMoneyInput(charges.interest),
                }))
              }
            >
              Incluir multa e juros
            </button>
          </div>
        )}
        <div className="form-grid">
          <MoneyField label="Multa recebida (R$)" {...bindMoney('lateFee')} />
          <MoneyField label="Juros recebidos (R$)" {...bindMoney('interest')} />
          <MoneyField label="Desconto concedido (R$)" {...bindMoney('discount')} />
        </div>
        <p className="total-line" aria-live="polite">
          Total recebido: {received === null ? '—' : <Money value={received} strong />}
        </p>
        <div className="form-grid">
          <TextField
            label="Data do pagamento"
            name="paidOn"
            type="date"
            max={today}
            value={paidOn}
            error={form.errors.fields.paidOn}
            required
            onChange={(event) => setPaidOn(event.target.value)}
          />
          <SelectField
            label="Forma de pagamento"
            name="method"
            value={method}
            error={form.errors.fields.method}
            onChange={(event) => setMethod(event.target.value as PaymentMethod)}
          >
            {PAYMENT_METHODS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label="Observação"
          name="note"
          rows={2}
          maxLength={500}
          value={note}
          error={form.errors.fields.note}
          onChange={(event) => setNote(event.target.value)}
        />
        <FormErrors messages={form.errors.general} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.saving}>
            {form.saving ? 'Registrando…' : 'Confirmar baixa'}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose} disabled={form.saving}>
            Cancelar
          </button>
        </div>
      </form>
    </Dialog>
  );
}
