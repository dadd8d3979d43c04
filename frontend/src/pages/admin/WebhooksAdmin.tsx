import { type FormEvent, useEffect, useState } from 'react';
import { useExecute, useQuery } from '../../data';
import { formatDateTime } from '../../format';
import type { AdminWebhooksQuery, WebhookDeliveryStatus } from '../../gql/graphql';
import { Empty, ErrorBanner, FormErrors, Loading, SuccessNotice } from '../../ui/Feedback';
import { SelectField, TextField } from '../../ui/Field';
import { navigate, useLocation } from '../../router';
import {
  adminWebhooksQuery,
  createWebhookMutation,
  deleteWebhookMutation,
  retryWebhookDeliveryMutation,
  updateWebhookMutation,
} from './webhookQueries';

type Company = AdminWebhooksQuery['companies'][number];
type Endpoint = Company['webhookEndpoints'][number];

export const WEBHOOK_EVENTS: { value: string; label: string }[] = [
  { value: 'entry.settled', label: 'Baixa de lançamento (entry.settled)' },
  { value: 'entry.reversed', label: 'Estorno de baixa (entry.reversed)' },
  { value: 'email.sent', label: 'E-mail enviado (email.sent)' },
  { value: 'email.failed', label: 'E-mail com falha (email.failed)' },
  { value: 'promise.broken', label: 'Promessa quebrada (promise.broken)' },
  { value: 'debtor.updated', label: 'Cliente alterado (debtor.updated)' },
];

const STATUS: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'Na fila',
  SENDING: 'Enviando',
  DELIVERED: 'Entregue',
  FAILED: 'Falhou',
};

const DELIVERIES = 20;
const POLL_WHILE_PENDING_MS = 3000;
const POLL_OPEN_LOG_MS = 5000;

/** Webhooks: each company's endpoints, the secret shown once, and the delivery log. */
export function WebhooksAdmin() {
  const run = useExecute();
  const result = useQuery(adminWebhooksQuery, { deliveries: DELIVERIES });
  // The company chosen is in the address (#/admin/webhooks?empresa=…): a reload keeps it.
  const companyId = useLocation().query.get('empresa') ?? '';
  const [editing, setEditing] = useState<Endpoint | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const companies = result.data?.companies ?? [];
  const company = companies.find((c) => c.id === companyId) ?? companies[0];
  // A delivery on its way becomes "Entregue" (or "Falhou") without a click.
  const waiting = (company?.webhookEndpoints ?? []).some((e) =>
    e.deliveries.some((d) => d.status === 'PENDING' || d.status === 'SENDING'),
  );
  const { reload } = result;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(reload, POLL_WHILE_PENDING_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  if (result.error && !result.data) return <ErrorBanner message={result.error} onRetry={result.reload} />;
  if (!result.data) return <Loading />;
  if (!company) return <Empty>Nenhuma empresa cadastrada.</Empty>;

  async function act(action: () => Promise<{ errors: { message: string }[] }>, done: string) {
    setErrors([]);
    setNotice(null);
    setSecret(null);
    try {
      const payload = await action();
      if (payload.errors.length) setErrors(payload.errors.map((e) => e.message));
      else {
        setNotice(done);
        reload();
      }
    } catch (failure) {
      setErrors([(failure as Error).message]);
    }
  }

  const toggle = (endpoint: Endpoint) =>
    act(
      async () => (await run(updateWebhookMutation, { input: { id: endpoint.id, active: !endpoint.active } })).updateWebhookEndpoint,
      endpoint.active ? `Endpoint ${endpoint.url} desativado.` : `Endpoint ${endpoint.url} reativado.`,
    );
  const remove = (endpoint: Endpoint) =>
    act(
      async () => (await run(deleteWebhookMutation, { input: { id: endpoint.id } })).deleteWebhookEndpoint,
      `Endpoint ${endpoint.url} excluído.`,
    );
  const retry = (id: string) =>
    act(
      async () => (await run(retryWebhookDeliveryMutation, { input: { id } })).retryWebhookDelivery,
      'Entrega de novo na fila.',
    );

  return (
    <>
      {companies.length > 1 && (
        <div className="form-grid">
          <SelectField
            label="Empresa"
            value={company.id}
            onChange={(e) => {
              navigate({ name: 'admin', section: 'webhooks' }, { empresa: e.target.value });
              setEditing(null);
              setSecret(null);
            }}
          >
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      <FormErrors messages={errors} />
      {secret && <SecretOnce secret={secret} />}
      {result.error && <ErrorBanner message={result.error} onRetry={reload} />}
      {company.webhookEndpoints.length === 0 && <Empty>Nenhum endpoint cadastrado para {company.name}.</Empty>}
      <ul className="webhook-list">
        {company.webhookEndpoints.map((endpoint) => (
          <EndpointCard
            key={endpoint.id}
            endpoint={endpoint}
            onEdit={() => (setEditing(endpoint), setSecret(null))}
            onToggle={() => toggle(endpoint)}
            onDelete={() => remove(endpoint)}
            onRetry={retry}
            onReload={reload}
          />
        ))}
      </ul>
      {editing === null ? (
        <button type="button" className="button" onClick={() => (setEditing('new'), setSecret(null), setNotice(null))}>
          Novo endpoint
        </button>
      ) : (
        <EndpointForm
          key={editing === 'new' ? `new-${company.id}` : editing.id}
          companyId={company.id}
          endpoint={editing === 'new' ? null : editing}
          onDone={(message, newSecret) => {
            setEditing(null);
            setErrors([]);
            setNotice(message);
            setSecret(newSecret);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}

function SecretOnce({ secret }: { secret: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Segredo copiado.');
    } catch {
      setCopied('Não foi possível copiar: selecione o texto e copie.');
    }
  }
  return (
    <div className="banner banner-success webhook-secret" role="status">
      <p>
        <strong>Copie o segredo agora: ele não será mostrado de novo.</strong>
      </p>
      <div className="webhook-secret-row">
        <input aria-label="Segredo do endpoint" readOnly value={secret} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button-small" onClick={copy}>
          Copiar segredo
        </button>
      </div>
      {copied && <p>{copied}</p>}
      <p>
        Como verificar: cada entrega segue a especificação Standard Webhooks, com os cabeçalhos <code>webhook-id</code>,{' '}
        <code>webhook-timestamp</code> e <code>webhook-signature</code> (<code>v1,</code> + base64 do HMAC-SHA256 de{' '}
        <code>id.timestamp.corpo</code>, com a chave em base64 que vem depois de <code>whsec_</code>). Recuse carimbos de
        tempo com mais de 5 minutos de diferença e ignore um <code>webhook-id</code> já recebido. As bibliotecas{' '}
        <code>standardwebhooks</code> fazem essa verificação.
      </p>
    </div>
  );
}

function EndpointCard({
  endpoint,
  onEdit,
  onToggle,
  onDelete,
  onRetry,
  onReload,
}: {
  endpoint: Endpoint;
  onEdit: () => void;
  onToggle: () => void;
  onDelete: () => void;
  onRetry: (deliveryId: string) => void;
  onReload: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState(false);
  // An open log follows new deliveries without a click.
  useEffect(() => {
    if (!open) return undefined;
    const timer = setInterval(onReload, POLL_OPEN_LOG_MS);
    return () => clearInterval(timer);
  }, [open, onReload]);
  const logId = `webhook-log-${endpoint.id}`;
  return (
    <li className="admin-card webhook-card" aria-label={`Endpoint ${endpoint.url}`}>
      <strong className="webhook-url">{endpoint.url}</strong>
      <span>{endpoint.active ? 'Ativo' : 'Desativado'}</span>
      {endpoint.description && <span>{endpoint.description}</span>}
      <span>Eventos: {endpoint.events.join(', ')}</span>
      <span>Criado em {formatDateTime(endpoint.createdAt)}</span>
      <div className="form-actions">
        <button type="button" className="button button-quiet button-small" onClick={onEdit}>
          Editar
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onToggle}>
          {endpoint.active ? 'Desativar' : 'Ativar'}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button-small" onClick={onDelete}>
              Confirmar exclusão
            </button>
            <button type="button" className="button button-quiet button-small" onClick={() => setConfirming(false)}>
              Manter
            </button>
          </>
        ) : (
          <button type="button" className="button button-quiet button-small" onClick={() => setConfirming(true)}>
            Excluir
          </button>
        )}
        <button
          type="button"
          className="button button-quiet button-small"
          aria-expanded={open}
          aria-controls={logId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Ocultar entregas' : `Entregas (${endpoint.deliveries.length})`}
        </button>
      </div>
      {open && (
        <section id={logId} aria-label={`Entregas de ${endpoint.url}`} className="webhook-log">
          <div className="form-actions">
            <h3>Entregas recentes</h3>
            <button type="button" className="button button-quiet button-small" onClick={onReload}>
              Atualizar
            </button>
          </div>
          {endpoint.deliveries.length === 0 && <Empty>Nenhuma entrega ainda.</Empty>}
          <ul className="webhook-deliveries">
            {endpoint.deliveries.map((d) => (
              <li key={d.id} className={`webhook-delivery webhook-${d.status.toLowerCase()}`}>
                <strong>{d.event}</strong>
                <span>
                  {STATUS[d.status]} · {d.attempts} {d.attempts === 1 ? 'tentativa' : 'tentativas'}
                  {d.responseStatus !== null && d.responseStatus !== undefined && ` · HTTP ${d.responseStatus}`}
                </span>
                {d.lastError && <span>Último erro: {d.lastError}</span>}
                <span>
                  Criada em {formatDateTime(d.createdAt)}
                  {d.deliveredAt && ` · entregue em ${formatDateTime(d.deliveredAt)}`}
                </span>
                {d.status === 'FAILED' && (
                  <button type="button" className="button button-small" onClick={() => onRetry(d.id)}>
                    Tentar novamente
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </li>
  );
}

function EndpointForm({
  companyId,
  endpoint,
  onDone,
  onCancel,
}: {
  companyId: string;
  endpoint: Endpoint | null;
  onDone: (message: string, secret: string | null) => void;
  onCancel: () => void;
}) {
  const run = useExecute();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [events, setEvents] = useState<string[]>(endpoint?.events ?? []);
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [rotate, setRotate] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    if (events.length === 0) {
      setErrors(['Escolha ao menos um evento.']);
      return;
    }
    setBusy(true);
    try {
      const payload = endpoint
        ? (
            await run(updateWebhookMutation, {
              input: { id: endpoint.id, url, events, description, rotateSecret: rotate || null },
            })
          ).updateWebhookEndpoint
        : (await run(createWebhookMutation, { input: { companyId, url, events, description: description || null } }))
            .createWebhookEndpoint;
      if (payload.errors.length) setErrors(payload.errors.map((e) => e.message));
      else onDone(endpoint ? 'Endpoint atualizado.' : 'Endpoint cadastrado.', payload.secret ?? null);
    } catch (failure) {
      setErrors([(failure as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  const title = endpoint ? `Editar endpoint ${endpoint.url}` : 'Novo endpoint';
  return (
    <form className="admin-form" aria-label={title} onSubmit={submit}>
      <h2>{title}</h2>
      <FormErrors messages={errors} />
      <div className="form-grid">
        <TextField
          label="URL"
          type="url"
          inputMode="url"
          placeholder="https://erp.exemplo.com.br/webhooks"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          required
        />
        <TextField label="Descrição" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <fieldset className="check-group">
        <legend>Eventos</legend>
        {WEBHOOK_EVENTS.map((option) => (
          <label key={option.value} className="check">
            <input
              type="checkbox"
              checked={events.includes(option.value)}
              onChange={(e) =>
                setEvents(e.target.checked ? [...events, option.value] : events.filter((v) => v !== option.value))
              }
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {endpoint && (
        <label className="check">
          <input type="checkbox" checked={rotate} onChange={(e) => setRotate(e.target.checked)} />
          Gerar um novo segredo (o atual deixa de valer)
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {endpoint ? 'Salvar endpoint' : 'Cadastrar endpoint'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancelar
        </button>
      </div>
    </form>
  );
}
