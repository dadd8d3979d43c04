import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../gql/graphql';
import { fakeApi } from '../../test/fakeApi';
import { ANA, renderSignedIn } from '../../test/render';
import { SessionContext } from '../../session';
import { PersonalDataPanel } from '../lgpd/PersonalDataPanel';
import { AdminPage } from './AdminPage';

const ERRORS: never[] = [];
const COMPANY = { id: 'Q29tcGFueTox', name: 'Bexus Comércio Ltda' };
const FAILED = {
  id: 'V0Q6MQ==',
  event: 'entry.settled',
  status: 'FAILED',
  attempts: 8,
  responseStatus: 500,
  lastError: 'HTTP 500',
  createdAt: '2026-12-04T10:00:00+00:00',
  deliveredAt: null,
};
const ENDPOINT = {
  id: 'V0U6MQ==',
  url: 'https://erp.example.com/hooks',
  events: ['entry.settled'],
  description: 'ERP',
  active: true,
  createdAt: '2026-12-01T10:00:00+00:00',
  deliveries: [FAILED],
};

describe('Webhooks', () => {
  it('registers an endpoint, shows the secret once and the API refusal in Portuguese', async () => {
    const api = fakeApi({
      AdminWebhooks: { companies: [{ ...COMPANY, webhookEndpoints: [] }] },
      AdminCreateWebhook: (_variables: Record<string, unknown>, call: number) =>
        call === 0
          ? { createWebhookEndpoint: { endpoint: null, secret: null, errors: [{ field: ['input', 'url'], code: 'PRIVATE_ADDRESS', message: 'Endereço privado não é permitido.' }] } }
          : { createWebhookEndpoint: { endpoint: { id: ENDPOINT.id }, secret: 'whsec_c2VncmVkbw==', errors: ERRORS } },
    });
    const user = userEvent.setup();
    renderSignedIn(<AdminPage section="webhooks" />);
    await user.click(await screen.findByRole('button', { name: 'Novo endpoint' }));
    await user.type(screen.getByLabelText('URL'), 'http://10.0.0.1/hooks');
    await user.click(screen.getByRole('button', { name: 'Cadastrar endpoint' }));
    expect(await screen.findByText('Escolha ao menos um evento.')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /entry\.settled/ }));
    await user.click(screen.getByRole('button', { name: 'Cadastrar endpoint' }));
    expect(await screen.findByText('Endereço privado não é permitido.')).toBeTruthy();
    await user.clear(screen.getByLabelText('URL'));
    await user.type(screen.getByLabelText('URL'), ENDPOINT.url);
    await user.click(screen.getByRole('button', { name: 'Cadastrar endpoint' }));
    expect(((await screen.findByLabelText('Segredo do endpoint')) as HTMLInputElement).value).toBe('whsec_c2VncmVkbw==');
    expect(screen.getByRole('button', { name: 'Copiar segredo' })).toBeTruthy();
    expect(api.of('AdminCreateWebhook').at(-1)!.variables).toEqual({
      input: { companyId: COMPANY.id, url: ENDPOINT.url, events: ['entry.settled'], description: null },
    });
  });

  it('lists deliveries and retries a FAILED one', async () => {
    const api = fakeApi({
      AdminWebhooks: { companies: [{ ...COMPANY, webhookEndpoints: [ENDPOINT] }] },
      AdminRetryWebhookDelivery: { retryWebhookDelivery: { delivery: { id: FAILED.id, status: 'PENDING' }, errors: ERRORS } },
    });
    const user = userEvent.setup();
    renderSignedIn(<AdminPage section="webhooks" />);
    await user.click(await screen.findByRole('button', { name: 'Entregas (1)' }));
    expect(screen.getByText(/Falhou · 8 tentativas · HTTP 500/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tentar novamente' }));
    await waitFor(() => expect(api.of('AdminRetryWebhookDelivery')[0]!.variables).toEqual({ input: { id: FAILED.id } }));
    expect(await screen.findByText('Entrega de novo na fila.')).toBeTruthy();
  });
});

describe('Dados pessoais (LGPD)', () => {
  it('is not shown to a collector', () => {
    fakeApi({});
    const { container } = render(
      <SessionContext value={{ user: { ...ANA, role: 'COLLECTOR' as Role }, expired: vi.fn() }}>
        <PersonalDataPanel debtorId="RGVidG9yOjE=" />
      </SessionContext>,
    );
    expect(container.textContent).toBe('');
  });

  it('asks for a reason, confirms, and shows the refusal of the API', async () => {
    const api = fakeApi({
      AnonymizeDebtor: {
        anonymizeDebtor: {
          debtor: null,
          errors: [{ field: ['input', 'debtorId'], code: 'DEBTOR_HAS_OPEN_ITEMS', message: 'Não é possível anonimizar agora: 2 lançamentos em aberto.' }],
        },
      },
    });
    const user = userEvent.setup();
    renderSignedIn(<PersonalDataPanel debtorId="RGVidG9yOjE=" />);
    await user.click(screen.getByRole('button', { name: 'Anonimizar' }));
    await user.type(screen.getByLabelText('Motivo da anonimização'), 'Pedido do titular');
    await user.click(screen.getByRole('button', { name: 'Anonimizar dados' }));
    expect(api.of('AnonymizeDebtor')).toHaveLength(0); // not before the confirmation
    await user.click(screen.getByRole('button', { name: 'Confirmar anonimização' }));
    expect(await screen.findByText(/Não é possível anonimizar agora/)).toBeTruthy();
    expect(api.of('AnonymizeDebtor')[0]!.variables).toEqual({ input: { debtorId: 'RGVidG9yOjE=', reason: 'Pedido do titular' } });
  });
});
