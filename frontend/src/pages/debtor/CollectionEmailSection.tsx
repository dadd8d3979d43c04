import { type FormEvent, useRef, useState } from 'react';
import { type FormErrors as Errors, NO_ERRORS, formErrors, newIdempotencyKey, useErrorsOfValues, useExecute } from '../../data';
import type {
  ContactRowFragment,
  DebtorDetailQuery,
  SendCollectionEmailInput,
  SentEmailRowFragment,
} from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormErrors, SuccessNotice } from '../../ui/Feedback';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { DateTimeText } from '../../ui/Values';
import { EmailPreviewDialog } from './EmailPreviewDialog';
import { sendCollectionEmailMutation } from './queries';

const FIELDS = ['companyId', 'subject', 'body', 'to', 'contactIds'] as const;

export type Placeholder = DebtorDetailQuery['emailPlaceholders'][number];

export type ComposerTemplate = { id: string; name: string; subject: string; body: string; isDefault: boolean };

type ComposerCompany = { id: string; name: string; emailTemplates?: readonly ComposerTemplate[] };

/** The template the composer opens with for a company: its default (else its first), or none. */
export function defaultTemplate(companies: readonly ComposerCompany[], companyId: string): ComposerTemplate | null {
  const templates = companies.find((company) => company.id === companyId)?.emailTemplates ?? [];
  return templates.find((template) => template.isDefault) ?? templates[0] ?? null;
}

type Props = {
  debtor: { id: string; name: string; email: string | null; lastEmailedAt: string | null };
  contacts: readonly ContactRowFragment[];
  /** With their e-mail templates: the composer opens filled with the company's default. */
  companies: readonly ComposerCompany[];
  placeholders: readonly Placeholder[];
  /** The company the user came from, else that of the oldest overdue entry. */
  initialCompanyId: string;
  onSent: (email: SentEmailRowFragment) => void;
};

/** Cobrança de Clientes: write and send a collection e-mail on behalf of one of the companies. */
export function CollectionEmailSection({ debtor, contacts, companies, placeholders, initialCompanyId, onSent }: Props) {
  const run = useExecute();
  const [companyId, setCompanyId] = useState(initialCompanyId);
  const [opening] = useState(() => defaultTemplate(companies, initialCompanyId));
  const [templateId, setTemplateId] = useState(opening?.id ?? '');
  const [subject, setSubject] = useState(opening?.subject ?? '');
  const [body, setBody] = useState(opening?.body ?? '');
  const [contactIds, setContactIds] = useState<readonly string[]>([]);
  const [allErrors, setErrors] = useState<Errors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [recentContact, setRecentContact] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  // One key per composed message: a double click, or a retry after a lost answer, cannot send
  // it twice. A new key once the message went through, or for another company (the API would
  // refuse a key already used for a different company).
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const inFlight = useRef(false);
  const subjectField = useRef<HTMLInputElement>(null);
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const lastFocused = useRef<'subject' | 'body'>('body');
  const withEmail = contacts.filter((contact) => contact.email);
  // A field's error goes once its value changes.
  const errors = useErrorsOfValues(allErrors, { companyId, subject, body, contactIds, to: contactIds });
  const templates = companies.find((company) => company.id === companyId)?.emailTemplates ?? [];

  function applyTemplate(template: ComposerTemplate | null) {
    setTemplateId(template?.id ?? '');
    setSubject(template?.subject ?? '');
    setBody(template?.body ?? '');
  }

  function changeCompany(next: string) {
    const current = templates.find((template) => template.id === templateId);
    // Text still as the template (or empty) follows the company; typed text stays.
    const untouched = current ? subject === current.subject && body === current.body : !subject && !body;
    setCompanyId(next);
    setIdempotencyKey(newIdempotencyKey());
    if (untouched) applyTemplate(defaultTemplate(companies, next));
    else setTemplateId('');
  }

  const input = (confirmRecentContact: boolean): SendCollectionEmailInput => ({
    debtorId: debtor.id,
    companyId,
    subject,
    body,
    contactIds: contactIds.length > 0 ? [...contactIds] : null,
    idempotencyKey,
    confirmRecentContact,
  });

  function check(): boolean {
    const missing: Record<string, string> = {};
    if (!companyId) missing.companyId = 'Escolha a empresa que envia o e-mail.';
    if (!subject.trim()) missing.subject = 'Informe o título do e-mail.';
    if (!body.trim()) missing.body = 'Escreva a descrição do e-mail.';
    setErrors({ fields: missing, general: [] });
    return Object.keys(missing).length === 0;
  }

  async function send(confirmRecentContact = false) {
    if (inFlight.current) return;
    setNotice(null);
    if (!check()) return;
    inFlight.current = true;
    setSending(true);
    try {
      const { sendCollectionEmail: result } = await run(sendCollectionEmailMutation, {
        input: input(confirmRecentContact),
      });
      const recent = result.errors.find((error) => error.code === 'RECENTLY_CONTACTED');
      if (recent) {
        setRecentContact(recent.message);
      } else if (result.errors.length > 0 || !result.sentEmail) {
        setErrors(formErrors(result.errors, FIELDS));
      } else {
        onSent(result.sentEmail);
        setNotice(`E-mail “${result.sentEmail.subject}” registrado para ${result.sentEmail.to.join(', ')}.`);
        applyTemplate(defaultTemplate(companies, companyId));
        setContactIds([]);
        setIdempotencyKey(newIdempotencyKey());
      }
    } catch (failure) {
      setErrors({ fields: {}, general: [(failure as Error).message] });
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  function insert(placeholder: Placeholder) {
    const inSubject = lastFocused.current === 'subject' && placeholder.inSubject;
    const field = inSubject ? subjectField.current : bodyField.current;
    const value = inSubject ? subject : body;
    const start = field?.selectionStart ?? value.length;
    const end = field?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + placeholder.token + value.slice(end);
    (inSubject ? setSubject : setBody)(next);
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(start + placeholder.token.length, start + placeholder.token.length);
    });
  }

  function toggleContact(id: string) {
    setContactIds((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]));
  }

  return (
    <Section title="Cobrança de Clientes">
      <form className="stack" onSubmit={submit} noValidate aria-label="E-mail de cobrança">
        <div>
          <p className="recipient">
            Para:{' '}
            {debtor.email ? (
              <strong>{debtor.email}</strong>
            ) : (
              <span className="text-warning">o cliente não tem e-mail cadastrado; informe-o em Dados do Cliente.</span>
            )}
          </p>
          {debtor.lastEmailedAt && (
            <p className="muted">
              Último e-mail de cobrança: <DateTimeText value={debtor.lastEmailedAt} />.
            </p>
          )}
          {errors.fields.to && <p className="field-error">{errors.fields.to}</p>}
        </div>
        {withEmail.length > 0 && (
          <fieldset>
            <legend>Enviar também para os contatos</legend>
            <div className="checks">
              {withEmail.map((contact) => (
                <label key={contact.id} className="check">
                  <input
                    type="checkbox"
                    checked={contactIds.includes(contact.id)}
                    onChange={() => toggleContact(contact.id)}
                  />
                  {contact.name} &lt;{contact.email}&gt;
                </label>
              ))}
            </div>
            {errors.fields.contactIds && <p className="field-error">{errors.fields.contactIds}</p>}
          </fieldset>
        )}
        <div className="form-grid">
          <SelectField
            label="Empresa do E-mail"
            name="companyId"
            value={companyId}
            error={errors.fields.companyId}
            required
            onChange={(event) => changeCompany(event.target.value)}
          >
            {!companyId && <option value="">Escolha a empresa</option>}
            {companies.map((company) => (
              <option key={company.id} value={company.id}>
                {company.name}
              </option>
            ))}
          </SelectField>
          {templates.length > 0 && (
            <SelectField
              label="Modelo de e-mail"
              name="templateId"
              value={templateId}
              hint="Trocar o modelo substitui o título e a descrição."
              onChange={(event) =>
                applyTemplate(templates.find((template) => template.id === event.target.value) ?? null)
              }
            >
              {!templateId && <option value="">Texto próprio</option>}
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            ref={subjectField}
            label="Título do E-mail"
            name="subject"
            className="span-2"
            value={subject}
            maxLength={200}
            error={errors.fields.subject}
            required
            onFocus={() => (lastFocused.current = 'subject')}
            onChange={(event) => setSubject(event.target.value)}
          />
        </div>
        <TextAreaField
          ref={bodyField}
          label="Descrição do E-mail"
          name="body"
          rows={8}
          value={body}
          hint="Saldo devedor, forma de pagamento, prazo para quitar e como falar com a empresa. Os marcadores abaixo são trocados pelos dados do cliente no envio."
          error={errors.fields.body}
          required
          onFocus={() => (lastFocused.current = 'body')}
          onChange={(event) => setBody(event.target.value)}
        />
        {placeholders.length > 0 && (
          <div>
            <p className="field-label" id="marcadores">
              Marcadores
            </p>
            <ul className="placeholder-list" aria-labelledby="marcadores">
              {placeholders.map((placeholder) => (
                <li key={placeholder.name}>
                  <button
                    type="button"
                    className="chip"
                    title={`${placeholder.description} Exemplo: ${placeholder.example}`}
                    aria-label={`Inserir ${placeholder.token}: ${placeholder.description}`}
                    onClick={() => insert(placeholder)}
                  >
                    {placeholder.token}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FormErrors messages={errors.general} />
        {notice && <SuccessNotice>{notice}</SuccessNotice>}
        <div className="form-actions">
          <button type="submit" className="button" disabled={sending}>
            {sending ? 'Enviando…' : 'Enviar E-mail'}
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={sending}
            onClick={() => {
              setNotice(null);
              if (check()) setPreviewing(true);
            }}
          >
            Pré-visualizar
          </button>
        </div>
      </form>

      {previewing && (
        <EmailPreviewDialog
          input={input(false)}
          onClose={() => setPreviewing(false)}
          onSend={(confirmed) => {
            setPreviewing(false);
            void send(confirmed);
          }}
        />
      )}
      {recentContact && (
        <ConfirmDialog
          title="Cliente contatado recentemente"
          confirmLabel="Enviar mesmo assim"
          onConfirm={() => {
            setRecentContact(null);
            void send(true);
          }}
          onCancel={() => setRecentContact(null)}
        >
          <p>{recentContact}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
