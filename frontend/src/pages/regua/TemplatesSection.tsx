import { type FormEvent, useRef, useState } from 'react';
import { type FormErrors as Errors, NO_ERRORS, formErrors, useExecute } from '../../data';
import type { EmailTemplateRowFragment } from './gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Empty, FormErrors, SuccessNotice } from '../../ui/Feedback';
import { TextAreaField, TextField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { type PlaceholderInfo, renderExample } from './preview';
import { createEmailTemplateMutation, deleteEmailTemplateMutation, updateEmailTemplateMutation } from './queries';

type Template = EmailTemplateRowFragment;
type Placeholder = PlaceholderInfo & { token: string; description: string };

const FIELDS = ['name', 'subject', 'body', 'isDefault'] as const;

type Props = {
  companyId: string;
  companyName: string;
  templates: readonly Template[];
  placeholders: readonly Placeholder[];
  readOnly: boolean;
  /** The company's whole list after a change (a new default unmarks the old one). */
  onChange: (templates: Template[]) => void;
};

/** Modelos de e-mail: the company's letters, one of them the default, with a live preview. */
export function TemplatesSection({ companyId, companyName, templates, placeholders, readOnly, onChange }: Props) {
  const run = useExecute();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const [deleteErrors, setDeleteErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  function saved(template: Template, created: boolean) {
    const updated = created ? [...templates, template] : templates.map((t) => (t.id === template.id ? template : t));
    // One default per company: marking this one unmarks the others.
    const list = template.isDefault
      ? updated.map((t) => (t.id === template.id ? t : { ...t, isDefault: false }))
      : updated;
    onChange(list.sort((a, b) => Number(b.isDefault) - Number(a.isDefault)));
    setEditing(null);
    setNotice(`Modelo “${template.name}” ${created ? 'criado' : 'salvo'}.`);
  }

  async function remove(template: Template) {
    setBusy(true);
    setDeleteErrors([]);
    try {
      const { deleteEmailTemplate: result } = await run(deleteEmailTemplateMutation, { input: { id: template.id } });
      if (result.errors.length > 0) {
        setDeleteErrors(result.errors.map((error) => error.message));
        return;
      }
      onChange(templates.filter((t) => t.id !== template.id));
      setDeleting(null);
      setNotice(`Modelo “${template.name}” excluído.`);
    } catch (failure) {
      setDeleteErrors([(failure as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Modelos de e-mail" count={templates.length}>
      <div className="stack">
        {notice && <SuccessNotice>{notice}</SuccessNotice>}
        {templates.length === 0 ? (
          <Empty>Nenhum modelo cadastrado.</Empty>
        ) : (
          <ul className="regua-templates">
            {templates.map((template) => (
              <li key={template.id} className="regua-template">
                <div>
                  <strong>{template.name}</strong>{' '}
                  {template.isDefault && <span className="badge badge-success">Padrão</span>}
                </div>
                <span className="muted break">{template.subject}</span>
                {!readOnly && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      aria-label={`Editar modelo ${template.name}`}
                      onClick={() => {
                        setNotice(null);
                        setEditing(template);
                      }}
                    >
                      Editar
                    </button>
                    {!template.isDefault && (
                      <button
                        type="button"
                        className="button button-quiet button-small"
                        aria-label={`Excluir modelo ${template.name}`}
                        onClick={() => {
                          setNotice(null);
                          setDeleteErrors([]);
                          setDeleting(template);
                        }}
                      >
                        Excluir
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {!readOnly && !editing && (
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setNotice(null);
                setEditing('new');
              }}
            >
              Novo modelo
            </button>
          </div>
        )}
        {editing && (
          <TemplateForm
            key={editing === 'new' ? 'new' : editing.id}
            companyId={companyId}
            companyName={companyName}
            template={editing === 'new' ? null : editing}
            placeholders={placeholders}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
      </div>
      {deleting && (
        <ConfirmDialog
          title="Excluir modelo"
          confirmLabel="Excluir modelo"
          danger
          busy={busy}
          errors={deleteErrors}
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            Excluir o modelo “{deleting.name}”? Um modelo usado por um passo da régua não pode ser excluído: troque o
            modelo do passo antes.
          </p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

type FormProps = {
  companyId: string;
  companyName: string;
  template: Template | null;
  placeholders: readonly Placeholder[];
  onSaved: (template: Template, created: boolean) => void;
  onCancel: () => void;
};

/** Create or edit one template; the preview beside it fills the placeholders with examples as you type. */
function TemplateForm({ companyId, companyName, template, placeholders, onSaved, onCancel }: FormProps) {
  const run = useExecute();
  const [name, setName] = useState(template?.name ?? '');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [isDefault, setIsDefault] = useState(template?.isDefault ?? false);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const title = template ? `Editar modelo “${template.name}”` : 'Novo modelo';
  const examples = placeholders.map((p) => ({ ...p, example: p.name === 'empresa' ? companyName : p.example }));
  const previewSubject = renderExample(subject, examples, 'subject');
  const previewBody = renderExample(body, examples, 'body');
  const unknown = [...new Set([...previewSubject.unknown, ...previewBody.unknown])];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = 'Informe o nome do modelo.';
    if (!subject.trim()) missing.subject = 'Informe o título do e-mail.';
    if (!body.trim()) missing.body = 'Escreva a descrição do e-mail.';
    setErrors({ fields: missing, general: [] });
    if (Object.keys(missing).length > 0) return;
    busy.current = true;
    setSaving(true);
    try {
      const result = template
        ? (await run(updateEmailTemplateMutation, { input: { id: template.id, name, subject, body, isDefault } }))
            .updateEmailTemplate
        : (await run(createEmailTemplateMutation, { input: { companyId, name, subject, body, isDefault } }))
            .createEmailTemplate;
      if (result.errors.length > 0 || !result.emailTemplate) {
        setErrors(formErrors(result.errors, FIELDS));
        return;
      }
      onSaved(result.emailTemplate, !template);
    } catch (failure) {
      setErrors({ fields: {}, general: [(failure as Error).message] });
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  function insert(token: string) {
    const field = bodyField.current;
    const start = field?.selectionStart ?? body.length;
    const end = field?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <div className="subform regua-template-editor">
      <form className="stack" onSubmit={submit} noValidate aria-label={title}>
        <h3 className="regua-subtitle">{title}</h3>
        <TextField
          label="Nome do modelo"
          name="templateName"
          value={name}
          maxLength={100}
          required
          error={errors.fields.name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label="Título do e-mail"
          name="templateSubject"
          value={subject}
          maxLength={200}
          required
          error={errors.fields.subject}
          onChange={(event) => setSubject(event.target.value)}
        />
        <TextAreaField
          ref={bodyField}
          label="Descrição do e-mail"
          name="templateBody"
          rows={10}
          value={body}
          required
          hint="Respeitoso e sem ameaças (CDC art. 42): diga quem cobra, quanto e como pagar."
          error={errors.fields.body}
          onChange={(event) => setBody(event.target.value)}
        />
        {placeholders.length > 0 && (
          <div>
            <p className="field-label" id="regua-marcadores">
              Marcadores
            </p>
            <ul className="placeholder-list" aria-labelledby="regua-marcadores">
              {placeholders.map((placeholder) => (
                <li key={placeholder.name}>
                  <button
                    type="button"
                    className="chip"
                    title={`${placeholder.description} Exemplo: ${placeholder.example}`}
                    aria-label={`Inserir ${placeholder.token}: ${placeholder.description}`}
                    onClick={() => insert(placeholder.token)}
                  >
                    {placeholder.token}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <label className="check">
          <input type="checkbox" checked={isDefault} onChange={(event) => setIsDefault(event.target.checked)} />
          Modelo padrão da empresa (o e-mail de cobrança abre com ele)
        </label>
        {errors.fields.isDefault && <p className="field-error">{errors.fields.isDefault}</p>}
        <FormErrors messages={errors.general} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? 'Salvando…' : 'Salvar modelo'}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel} disabled={saving}>
            Cancelar
          </button>
        </div>
      </form>
      <section className="regua-preview" aria-labelledby="regua-preview-title" aria-live="polite">
        <h3 className="regua-subtitle" id="regua-preview-title">
          Pré-visualização
        </h3>
        <p className="muted">Com dados de exemplo; no envio, os do cliente.</p>
        <p className="regua-preview-subject">
          <span className="muted">Título: </span>
          <strong data-testid="preview-subject">{previewSubject.text || '—'}</strong>
        </p>
        <div className="regua-preview-body prewrap" data-testid="preview-body">
          {previewBody.text || '—'}
        </div>
        {unknown.length > 0 && (
          <p className="text-warning" role="status">
            Marcadores não reconhecidos (o envio será recusado): {unknown.join(', ')}
          </p>
        )}
      </section>
    </div>
  );
}
