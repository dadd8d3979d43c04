import { type FormEvent, useEffect, useState } from 'react';
import { useExecute, useMutationForm } from '../../data';
import { formatBRL, formatDate } from '../../format';
import type { EntryRowFragment } from '../../gql/graphql';
import { compareMoney, formatMoneyInput, fromCents, parseMoneyInput, toCents } from '../../money';
import { Dialog } from '../../ui/Dialog';
import { FormErrors } from '../../ui/Feedback';
import { DateField } from '../../ui/DateField';
import { MoneyField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Money } from '../../ui/Values';
import { PAYMENT_METHODS, type PaymentMethod } from './payments';
import { entryChargesQuery, settleEntryMutation } from './queries';

const FIELDS = [
  'amount',
  'lateFee',
  'interest',
  'discount',
  'paidOn',
  'method',
  'note',
  'waiveCharges',
  'waiverReason',
] as const;
type MoneyInput = 'amount' | 'lateFee' | 'interest' | 'discount';
type Charges = EntryRowFragment['charges'];
/** What happens to the multa and juros owed that this payment does not receive. */
type Waiver = '' | 'keep' | 'waive';

/**
 * The charges owed on the payment date: the entry's own when the date is the one they were
 * computed for, else asked from the API (null while it answers, or for an impossible date).
 */
function useChargesOn(entry: Pick<EntryRowFragment, 'id' | 'charges'>, paidOn: string, today: string) {
  const run = useExecute();
  const [fetched, setFetched] = useState<{ on: string; charges: Charges } | null>(null);
  const ask = Boolean(paidOn) && paidOn <= today && paidOn !== entry.charges.on;
  useEffect(() => {
    if (!ask) return;
    let current = true;
    run(entryChargesQuery, { id: entry.id, on: paidOn }).then(
      (data) => {
        if (current && data.entry) setFetched({ on: paidOn, charges: data.entry.charges });
      },
      () => undefined, // the banner stays without figures; the API checks the payment anyway
    );
    return () => {
      current = false;
    };
  }, [ask, paidOn, entry.id, run]);
  if (paidOn === entry.charges.on) return entry.charges;
  return fetched?.on === paidOn ? fetched.charges : null;
}

type Props = {
  entry: Pick<EntryRowFragment, 'id' | 'code' | 'description' | 'company' | 'openAmount' | 'charges'>;
  onClose: () => void;
  onSettled: (entry: EntryRowFragment, received: string) => void;
};

/**
 * Quitar: a full (the default) or partial payment. As in a Brazilian "baixa", the principal
 * settled is apart from the multa and juros received and the discount granted; the total
 * received is principal + multa + juros − desconto.
 *
 * "Incluir multa e juros" fills the charges still owed on the payment date (those received
 * with earlier payments are not charged again, CDC art. 42). When the payment does not receive
 * them all, the collector chooses: leave them owed, or waive them with a reason (audited). A
 * payment of the whole principal cannot leave charges on a settled entry: include or waive.
 */
export function SettleDialog({ entry, onClose, onSettled }: Props) {
  const run = useExecute();
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
  const [waiver, setWaiver] = useState<Waiver>('');
  const [waiverReason, setWaiverReason] = useState('');
  const form = useMutationForm(FIELDS, { ...money, paidOn, method, note, waiveCharges: waiver, waiverReason });
  // One key per opening of the dialog: a retry after a dropped connection never pays twice.
  const [idempotencyKey] = useState(() => `baixa-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const charges = useChargesOn(entry, paidOn, today);
  const hasCharges =
    charges !== null && (compareMoney(charges.lateFee, '0') > 0 || compareMoney(charges.interest, '0') > 0);

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
  const unreceived = unreceivedCents(charges, preview.values);
  const closing = compareMoney(preview.values.amount, entry.openAmount) === 0;
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
    if (unreceivedCents(charges, values) > 0n) {
      const settlesAll = compareMoney(values.amount, entry.openAmount) === 0;
      if (settlesAll && waiver !== 'waive') {
        problems.waiveCharges = 'Ao quitar todo o principal, inclua a multa e os juros ou dispense-os.';
      } else if (waiver === '') {
        problems.waiveCharges = 'Escolha: deixar a multa e os juros em aberto ou dispensá-los.';
      }
      if (waiver === 'waive' && !waiverReason.trim()) problems.waiverReason = 'Informe o motivo da dispensa.';
    }
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
              idempotencyKey,
              ...(waiver === 'waive' && unreceivedCents(charges, values) > 0n
                ? { waiveCharges: true, waiverReason: waiverReason.trim() }
                : {}),
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
        {charges === null && paidOn && paidOn <= today && (
          <p className="field-hint" aria-live="polite">
            Calculando multa e juros em {formatDate(paidOn)}…
          </p>
        )}
        {charges !== null && hasCharges && (
          <div className="banner banner-info">
            <p>
              Encargos devidos em {formatDate(charges.on)} ({charges.daysOverdue}{' '}
              {charges.daysOverdue === 1 ? 'dia' : 'dias'} de atraso): multa <Money value={charges.lateFee} /> e
              juros <Money value={charges.interest} />, já descontado o que foi recebido antes.
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
        {unreceived > 0n && (
          <fieldset className={`waiver${form.errors.fields.waiveCharges ? ' field-invalid' : ''}`}>
            <legend>
              Multa e juros não recebidos nesta baixa: <Money value={fromCents(unreceived)} />
            </legend>
            <label className="choice">
              <input
                type="radio"
                name="waiveCharges"
                value="keep"
                checked={waiver === 'keep'}
                disabled={closing}
                onChange={() => setWaiver('keep')}
              />{' '}
              Deixar em aberto, para cobrar depois
              {closing && <small className="field-hint"> (não cabe ao quitar todo o principal)</small>}
            </label>
            <label className="choice">
              <input
                type="radio"
                name="waiveCharges"
                value="waive"
                checked={waiver === 'waive'}
                onChange={() => setWaiver('waive')}
              />{' '}
              Dispensar (fica registrado quem dispensou e o motivo)
            </label>
            {form.errors.fields.waiveCharges && (
              <small className="field-error" role="alert">
                {form.errors.fields.waiveCharges}
              </small>
            )}
            {waiver === 'waive' && (
              <TextField
                label="Motivo da dispensa"
                name="waiverReason"
                maxLength={500}
                value={waiverReason}
                error={form.errors.fields.waiverReason}
                required
                onChange={(event) => setWaiverReason(event.target.value)}
              />
            )}
          </fieldset>
        )}
        <div className="form-grid">
          <DateField
            label="Data do pagamento"
            name="paidOn"
            value={paidOn}
            error={form.errors.fields.paidOn}
            required
            onChange={setPaidOn}
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

/** Cents of multa and juros owed on the payment date that the typed values do not receive. */
function unreceivedCents(charges: Charges | null, values: Record<MoneyInput, string>): bigint {
  if (charges === null) return 0n;
  const short = (owed: string, typed: string) => {
    const rest = toCents(owed) - toCents(typed);
    return rest > 0n ? rest : 0n;
  };
  return short(charges.lateFee, values.lateFee) + short(charges.interest, values.interest);
}
