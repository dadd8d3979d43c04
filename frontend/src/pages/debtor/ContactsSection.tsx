import { type FormEvent, useState } from 'react';
import { useExecute, useMutationForm } from '../../data';
import type { ContactRowFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Empty, FormErrors, SuccessNotice } from '../../ui/Feedback';
import { TextField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { Text } from '../../ui/Values';
import { addContactMutation, removeContactMutation, updateContactMutation } from './queries';

const FIELDS = ['name', 'department', 'role', 'email', 'phone', 'mobile'] as const;
const ID_FIELD = ['id'] as const;
type ContactField = (typeof FIELDS)[number];
type Values = Record<ContactField, string>;

type Props = {
  debtorId: string;
  contacts: readonly ContactRowFragment[];
  onChange: (contacts: ContactRowFragment[]) => void;
};

type Editing = { mode: 'add' } | { mode: 'edit'; contact: ContactRowFragment } | null;

/** Contatos: other people at the debtor (financeiro, comercial, faturamento…). */
export function ContactsSection({ debtorId, contacts, onChange }: Props) {
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<ContactRowFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function start(next: Editing) {
    setNotice(null);
    setEditing(next);
  }

  return (
    <Section title="Contatos" count={contacts.length} defaultOpen={false}>
      {contacts.length === 0 ? (
        <Empty>Nenhum contato cadastrado.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">Contatos</caption>
            <thead>
              <tr>
                <th scope="col">Nome</th>
                <th scope="col">Departamento</th>
                <th scope="col">Cargo</th>
                <th scope="col">E-mail</th>
                <th scope="col">Telefone</th>
                <th scope="col">Celular</th>
                <th scope="col">
                  <span className="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <tr key={contact.id}>
                  <td className="card-title">{contact.name}</td>
                  <td data-label="Departamento">
                    <Text value={contact.department} />
                  </td>
                  <td data-label="Cargo">
                    <Text value={contact.role} />
                  </td>
                  <td className="break card-wide" data-label="E-mail">
                    {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : <Text value={null} />}
                  </td>
                  <td className="nowrap" data-label="Telefone">
                    <Phone digits={contact.phone} formatted={contact.phoneFormatted} />
                  </td>
                  <td className="nowrap" data-label="Celular">
                    <Phone digits={contact.mobile} formatted={contact.mobileFormatted} />
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      aria-label={`Editar contato ${contact.name}`}
                      onClick={() => start({ mode: 'edit', contact })}
                    >
                      Editar
                    </button>
                    <button
                      type="button"
                      className="button button-quiet button-danger button-small"
                      aria-label={`Remover contato ${contact.name}`}
                      onClick={() => {
                        setNotice(null);
                        setRemoving(contact);
                      }}
                    >
                      Remover
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      {editing ? (
        <ContactForm
          key={editing.mode === 'edit' ? editing.contact.id : 'new'}
          debtorId={debtorId}
          contact={editing.mode === 'edit' ? editing.contact : undefined}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            const exists = contacts.some((contact) => contact.id === saved.id);
            onChange(
              exists ? contacts.map((contact) => (contact.id === saved.id ? saved : contact)) : [...contacts, saved],
            );
            setEditing(null);
            setNotice(exists ? `Contato ${saved.name} atualizado.` : `Contato ${saved.name} adicionado.`);
          }}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-quiet" onClick={() => start({ mode: 'add' })}>
            Adicionar <span className="visually-hidden">contato</span>
          </button>
        </div>
      )}
      {removing && (
        <RemoveContactDialog
          contact={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(id) => {
            onChange(contacts.filter((contact) => contact.id !== id));
            setRemoving(null);
            setNotice(`Contato ${removing.name} removido.`);
          }}
        />
      )}
    </Section>
  );
}

function Phone({ digits, formatted }: { digits: string | null; formatted: string | null }) {
  if (!digits) return <Text value={null} />;
  return <a href={`tel:+55${digits}`}>{formatted ?? digits}</a>;
}

const valuesOf = (contact: ContactRowFragment | undefined): Values => ({
  name: contact?.name ?? '',
  department: contact?.department ?? '',
  role: contact?.role ?? '',
  email: contact?.email ?? '',
  phone: contact?.phoneFormatted ?? contact?.phone ?? '',
  mobile: contact?.mobileFormatted ?? contact?.mobile ?? '',
});

type FormProps = {
  debtorId: string;
  /** Editing this contact; absent, a new one. */
  contact?: ContactRowFragment;
  onCancel: () => void;
  onSaved: (contact: ContactRowFragment) => void;
};

function ContactForm({ debtorId, contact, onCancel, onSaved }: FormProps) {
  const run = useExecute();
  const [values, setValues] = useState(() => valuesOf(contact));
  const form = useMutationForm(FIELDS, values);

  const bind = (name: ContactField) => ({
    name,
    value: values[name],
    error: form.errors.fields[name],
    autoComplete: 'off',
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values.name.trim()) {
      form.setErrors({ fields: { name: 'Informe o nome do contato.' }, general: [] });
      return;
    }
    const trimmed = Object.fromEntries(FIELDS.map((field) => [field, values[field].trim()])) as Values;
    if (contact) {
      // Only what changed; "" clears an optional field.
      const before = valuesOf(contact);
      const changes = Object.fromEntries(
        FIELDS.filter((field) => trimmed[field] !== before[field]).map((field) => [field, trimmed[field]]),
      );
      if (Object.keys(changes).length === 0) {
        onCancel();
        return;
      }
      const payload = await form.submit(
        async () => (await run(updateContactMutation, { input: { id: contact.id, ...changes } })).updateContact,
      );
      if (payload?.contact) onSaved(payload.contact);
    } else {
      // Empty optional fields are left out rather than sent as "".
      const given = Object.fromEntries(
        FIELDS.filter((field) => trimmed[field]).map((field) => [field, trimmed[field]]),
      );
      const payload = await form.submit(
        async () => (await run(addContactMutation, { input: { debtorId, name: trimmed.name, ...given } })).addContact,
      );
      if (payload?.contact) onSaved(payload.contact);
    }
  }

  return (
    <form
      className="subform"
      onSubmit={save}
      noValidate
      aria-label={contact ? `Editar contato ${contact.name}` : 'Novo contato'}
    >
      <div className="form-grid">
        <TextField label="Nome" required maxLength={200} {...bind('name')} />
        <TextField label="Departamento" {...bind('department')} />
        <TextField label="Cargo" {...bind('role')} />
        <TextField label="E-mail" type="email" {...bind('email')} />
        <TextField label="Telefone" type="tel" placeholder="(11) 3456-7890" {...bind('phone')} />
        <TextField label="Celular" type="tel" placeholder="(11) 98765-4321" {...bind('mobile')} />
      </div>
      <FormErrors messages={form.errors.general} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? 'Salvando…' : contact ? 'Salvar Contato' : 'Adicionar Contato'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={form.saving}>
          Cancelar
        </button>
      </div>
    </form>
  );
}

function RemoveContactDialog({
  contact,
  onClose,
  onRemoved,
}: {
  contact: ContactRowFragment;
  onClose: () => void;
  onRemoved: (id: string) => void;
}) {
  const run = useExecute();
  const form = useMutationForm(ID_FIELD);
  async function remove() {
    const payload = await form.submit(
      async () => (await run(removeContactMutation, { input: { id: contact.id } })).removeContact,
    );
    if (payload?.removedContactId) onRemoved(payload.removedContactId);
  }
  return (
    <ConfirmDialog
      title="Remover contato"
      confirmLabel="Remover contato"
      danger
      busy={form.saving}
      errors={[...form.errors.general, ...Object.values(form.errors.fields)]}
      onConfirm={remove}
      onCancel={onClose}
    >
      <p>
        Remover <strong>{contact.name}</strong> dos contatos deste cliente?
      </p>
    </ConfirmDialog>
  );
}
