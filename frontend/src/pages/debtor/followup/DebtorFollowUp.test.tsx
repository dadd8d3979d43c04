import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { COMPANIES, NO_MORE, debtorFollowUp, overdueEntry } from '../../../test/fixtures';
import { fakeApi } from '../../../test/fakeApi';
import { renderSignedIn } from '../../../test/render';
import { DebtorFollowUp } from './DebtorFollowUp';

const ANA = { id: 'VXNlcjox', name: 'Ana Souza' };
const PAUSE = {
  id: 'UGF1c2U6MQ==',
  company: COMPANIES[0]!,
  entryId: null,
  reason: 'em disputa',
  until: '2026-12-15',
  createdBy: ANA,
  createdAt: '2026-11-28T10:00:00-03:00',
  endedAt: null,
  active: true,
};
const PROMISE = {
  id: 'UHJvbWlzZTox',
  company: COMPANIES[1]!,
  promisedDate: '2026-12-05',
  amount: '500.00',
  note: 'Paga na sexta',
  status: 'OPEN' as const,
  createdBy: ANA,
  createdAt: '2026-11-28T11:00:00-03:00',
  resolvedAt: null,
};
const EVENT = {
  id: 'ev1',
  at: '2026-11-27T09:00:00-03:00',
  kind: 'EMAIL' as const,
  action: 'email.sent',
  summary: 'E-mail “Lembrete” enviado para maria@exemplo.com.br',
  amount: null,
  companyId: COMPANIES[0]!.id,
  actor: null,
  automatic: true,
};
const ERRORS = { errors: [] };

function renderFollowUp(answers: Record<string, unknown>) {
  const api = fakeApi(answers);
  const user = userEvent.setup();
  renderSignedIn(
    <DebtorFollowUp
      debtorId="RGVidG9yOjE="
      companies={COMPANIES}
      entries={[overdueEntry(1), overdueEntry(2, { company: COMPANIES[1]! })]}
      companyId={COMPANIES[0]!.id}
    />,
  );
  return { api, user };
}

describe('Débitos do Cliente: pausas, promessas e histórico', () => {
  beforeEach(() => {
    window.location.hash = '#/devedores/RGVidG9yOjE=';
  });

  it('lists what holds the régua and the history, newest first', async () => {
    renderFollowUp({
      DebtorFollowUp: debtorFollowUp({
        collectionPauses: [PAUSE],
        paymentPromises: [PROMISE],
        history: { pageInfo: NO_MORE, edges: [{ node: EVENT }] },
      }),
    });
    const pauses = await screen.findByRole('list', { name: 'Pausas em vigor' });
    expect(within(pauses).getByText(/em disputa/)).toBeTruthy();
    const promises = screen.getByRole('list', { name: 'Promessas em aberto' });
    expect(within(promises).getByText('R$ 500,00')).toBeTruthy();
    const history = screen.getByRole('list', { name: /Histórico do cliente/ });
    expect(within(history).getByText(EVENT.summary)).toBeTruthy();
    expect(within(history).getByText('Automático (régua)')).toBeTruthy();
  });

  it('records a promise, then asks for the list again', { timeout: 20000 }, async () => {
    const { api, user } = renderFollowUp({
      DebtorFollowUp: (_: unknown, call: number) =>
        debtorFollowUp(call === 0 ? {} : { paymentPromises: [{ ...PROMISE, company: COMPANIES[0]! }] }),
      RecordPaymentPromise: { recordPaymentPromise: { promise: PROMISE, ...ERRORS } },
    });
    await user.click(await screen.findByRole('button', { name: 'Registrar promessa' }));
    const form = screen.getByRole('form', { name: 'Registrar promessa de pagamento' });
    await user.click(within(form).getByRole('button', { name: 'Registrar promessa' }));
    expect(within(form).getByText('Informe a data prometida.')).toBeTruthy();
    expect(api.of('RecordPaymentPromise')).toHaveLength(0);

    await user.type(within(form).getByLabelText('Data prometida'), '2026-12-05');
    await user.type(within(form).getByLabelText('Valor prometido (R$)'), '500,00');
    await user.type(within(form).getByLabelText('Observação'), 'Paga na sexta');
    await user.click(within(form).getByRole('button', { name: 'Registrar promessa' }));
    expect(await screen.findByText('Promessa de pagamento registrada para 05/12/2026.')).toBeTruthy();
    expect(api.of('RecordPaymentPromise')[0]!.variables.input).toEqual({
      debtorId: 'RGVidG9yOjE=',
      companyId: COMPANIES[0]!.id,
      promisedDate: '2026-12-05',
      amount: '500.00',
      note: 'Paga na sexta',
    });
    expect(await screen.findByRole('list', { name: 'Promessas em aberto' })).toBeTruthy();
    expect(api.of('DebtorFollowUp')).toHaveLength(2);
  });

  it('shows why the API refused a pause next to the field', { timeout: 20000 }, async () => {
    const { api, user } = renderFollowUp({
      DebtorFollowUp: debtorFollowUp(),
      PauseCollection: {
        pauseCollection: {
          pause: null,
          errors: [{ field: ['input', 'until'], code: 'DATE_IN_PAST', message: 'Data final não pode estar no passado.' }],
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Pausar cobrança' }));
    const form = screen.getByRole('form', { name: 'Pausar cobrança' });
    await user.selectOptions(within(form).getByLabelText('Lançamento'), overdueEntry(1).id);
    await user.type(within(form).getByLabelText('Motivo'), 'em disputa');
    await user.type(within(form).getByLabelText('Pausada até'), '2026-11-01');
    await user.click(within(form).getByRole('button', { name: 'Pausar cobrança' }));
    expect(await within(form).findByText('Data final não pode estar no passado.')).toBeTruthy();
    expect(api.of('PauseCollection')[0]!.variables.input).toEqual({
      debtorId: 'RGVidG9yOjE=',
      companyId: COMPANIES[0]!.id,
      entryId: overdueEntry(1).id,
      reason: 'em disputa',
      until: '2026-11-01',
    });
  });

  it('resumes a pause after confirmation', { timeout: 20000 }, async () => {
    const { api, user } = renderFollowUp({
      DebtorFollowUp: (_: unknown, call: number) =>
        debtorFollowUp({ collectionPauses: call === 0 ? [PAUSE] : [{ ...PAUSE, active: false, endedAt: '2026-11-28T12:00:00-03:00' }] }),
      ResumeCollection: { resumeCollection: { pause: { ...PAUSE, active: false }, ...ERRORS } },
    });
    await user.click(await screen.findByRole('button', { name: `Retomar cobrança de ${COMPANIES[0]!.name}` }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Retomar cobrança' }));
    expect(await screen.findByText('Cobrança retomada.')).toBeTruthy();
    expect(api.of('ResumeCollection')[0]!.variables.input).toEqual({ pauseId: PAUSE.id });
    expect(await screen.findByText('Encerradas (1)')).toBeTruthy();
  });
});
