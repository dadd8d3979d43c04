// Dados do Cliente and Endereço do Cliente: always editable, saved with updateDebtor. Only the
// fields the user changed are sent ("" clears an optional one).
import { type FormEvent, type ReactNode, useState } from 'react';
import { UFS } from '../../brazil';
import { useExecute, useMutationForm } from '../../data';
import type { DebtorDataFragment, UpdateDebtorInput } from '../../gql/graphql';
import { FormErrors, SuccessNotice } from '../../ui/Feedback';
import { SelectField, TextField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { updateDebtorMutation } from './queries';

type Props = { debtor: DebtorDataFragment; onSaved: (debtor: DebtorDataFragment) => void };

type Values = Record<string, string>;

function changed(initial: Values, values: Values): Values {
  return Object.fromEntries(
    Object.entries(values)
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([key, value]) => value !== (initial[key] ?? '')),
  );
}

/** Form state and the save round trip, shared by both forms. */
function useDebtorForm(
  toValues: (debtor: DebtorDataFragment) => Values,
  fields: readonly string[],
  toInput: (changes: Values) => Omit<UpdateDebtorInput, 'id'>,
  props: Props,
) {
  const run = useExecute();
  const initial = toValues(props.debtor);
  const [values, setValues] = useState(initial);
  const { errors, saving, submit } = useMutationForm(fields, values);
  const [saved, setSaved] = useState(false);
  const changes = changed(initial, values);
  const dirty = Object.keys(changes).length > 0;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!dirty) return;
    setSaved(false);
    const payload = await submit(
      async () =>
        (await run(updateDebtorMutation, { input: { id: props.debtor.id, ...toInput(changes) } })).updateDebtor,
    );
    if (payload?.debtor) {
      setSaved(true);
      setValues(toValues(payload.debtor)); // as the API keeps them, e.g. the CPF formatted
      props.onSaved(payload.debtor);
    }
  }

  const bind = (name: string) => ({
    name,
    value: values[name] ?? '',
    error: errors.fields[name] ?? errors.fields[`address.${name}`],
    onChange: (event: { target: { value: string } }) => {
      setSaved(false);
      setValues((current) => ({ ...current, [name]: event.target.value }));
    },
  });

  return { bind, save, errors, saving, saved, dirty, reset: () => setValues(initial) };
}

function FormFooter({
  form,
  label,
  children,
}: {
  form: ReturnType<typeof useDebtorForm>;
  label: string;
  children?: ReactNode;
}) {
  return (
    <>
      <FormErrors messages={form.errors.general} />
      {form.saved && <SuccessNotice>Alterações salvas.</SuccessNotice>}
      <div className="form-actions">
        <button type="submit" className="button" disabled={!form.dirty || form.saving}>
          {form.saving ? 'Salvando…' : label}
        </button>
        {form.dirty && !form.saving && (
          <button type="button" className="button button-quiet" onClick={form.reset}>
            Desfazer alterações
          </button>
        )}
        {children}
      </div>
    </>
  );
}

const DATA_FIELDS = ['name', 'document', 'email', 'phone', 'mobile'] as const;
const ADDRESS_FIELDS = ['postalCode', 'street', 'number', 'complement', 'district', 'city', 'state'] as const;
const ADDRESS_PATHS = ADDRESS_FIELDS.map((field) => `address.${field}`);

const dataValues = (debtor: DebtorDataFragment): Values => ({
  name: debtor.name,
  document: debtor.documentFormatted ?? debtor.document ?? '',
  email: debtor.email ?? '',
  phone: debtor.phoneFormatted ?? debtor.phone ?? '',
  mobile: debtor.mobileFormatted ?? debtor.mobile ?? '',
});

export function DebtorDataSection(props: Props) {
  const { debtor } = props;
  const form = useDebtorForm(dataValues, DATA_FIELDS, (changes) => changes, props);
  return (
    <Section title="Dados do Cliente">
      <form onSubmit={form.save} noValidate aria-label="Dados do Cliente">
        <div className="form-grid">
          <TextField label="Nome" required maxLength={200} autoComplete="off" {...form.bind('name')} />
          <TextField
            label="CPF/CNPJ"
            autoCapitalize="characters"
            autoComplete="off"
            hint="CNPJ alfanumérico aceito, ex.: 12.ABC.345/01DE-35."
            {...form.bind('document')}
          />
          <TextField
            label="E-mail"
            type="email"
            autoComplete="off"
            hint="Destinatário dos e-mails de cobrança."
            {...form.bind('email')}
          />
          <TextField
            label="Telefone"
            type="tel"
            autoComplete="off"
            placeholder="(11) 3456-7890"
            {...form.bind('phone')}
          />
          <TextField
            label="Celular"
            type="tel"
            autoComplete="off"
            placeholder="(11) 98765-4321"
            {...form.bind('mobile')}
          />
          <div className="field">
            <span className="field-label">Tipo</span>
            <span className="field-value">{debtor.kind === 'SUPPLIER' ? 'Fornecedor' : 'Cliente'}</span>
          </div>
        </div>
        <FormFooter form={form} label="Salvar Dados do Cliente" />
      </form>
    </Section>
  );
}

const addressValues = ({ address }: DebtorDataFragment): Values => ({
  postalCode: address.postalCodeFormatted ?? address.postalCode ?? '',
  street: address.street ?? '',
  number: address.number ?? '',
  complement: address.complement ?? '',
  district: address.district ?? '',
  city: address.city ?? '',
  state: address.state ?? '',
});

export function AddressSection(props: Props) {
  const form = useDebtorForm(addressValues, ADDRESS_PATHS, (changes) => ({ address: changes }), props);
  return (
    <Section title="Endereço do Cliente">
      <form onSubmit={form.save} noValidate aria-label="Endereço do Cliente">
        <div className="form-grid">
          <TextField
            label="CEP"
            inputMode="numeric"
            placeholder="00000-000"
            autoComplete="off"
            {...form.bind('postalCode')}
          />
          <TextField label="Logradouro" className="span-2" autoComplete="off" {...form.bind('street')} />
          <TextField label="Número" autoComplete="off" {...form.bind('number')} />
          <TextField label="Complemento" autoComplete="off" {...form.bind('complement')} />
          <TextField label="Bairro" autoComplete="off" {...form.bind('district')} />
          <TextField label="Cidade" autoComplete="off" {...form.bind('city')} />
          <SelectField label="UF" {...form.bind('state')}>
            <option value="">—</option>
            {UFS.map((uf) => (
              <option key={uf} value={uf}>
                {uf}
              </option>
            ))}
          </SelectField>
        </div>
        <FormFooter form={form} label="Salvar Endereço" />
      </form>
    </Section>
  );
}
