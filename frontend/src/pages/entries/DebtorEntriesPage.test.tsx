import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntryRowFragment } from '../../gql/graphql';
import { entryRow } from '../../test/fixtures';
import { fakeApi } from '../../test/fakeApi';
import { renderSignedIn } from '../../test/render';
import { DebtorEntriesPage } from './DebtorEntriesPage';

const PAYMENT = {
  id: 'UGF5OjE=',
  amount: '200.00',
  lateFee: '0.00',
  interest: '0.00',
  discount: '0.00',
  receivedAmount: '200.00',
  waivedCharges: '0.00',
  waiverReason: null,
  paidOn: '2026-10-01',
  method: 'BOLETO',
  note: null,
  createdAt: '2026-10-01T12:00:00-03:00',
  reversedAt: null,
  reversalReason: null,
};

function entries(rows: EntryRowFragment[]) {
  return {
    debtor: {
      id: 'RGVidG9yOjE=',
      name: 'Maria da Silva',
      kind: 'CUSTOMER',
      documentFormatted: '529.982.247-25',
      overdueBalance: { openAmount: '1034.56', entryCount: 1 },
      entries: {
        totalCount: rows.length,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: rows.map((node) => ({ node })),
      },
    },
  };
}

const ROWS = [
  entryRow({ payments: [PAYMENT] }),
  entryRow({
    id: 'RW50cnk6Mg==',
    code: '000124',
    status: 'PAID',
    paidAmount: '500.00',
    openAmount: '0.00',
    amount: '500.00',
    isOverdue: false,
  }),
  entryRow({ id: 'RW50cnk6Mw==', code: '000125', status: 'CANCELLED', isOverdue: false }),
  entryRow({
    id: 'RW50cnk6NA==',
    code: '000126',
    status: 'OPEN',
    paidAmount: '0.00',
    isOverdue: false,
    dueDate: '2030-01-10',
  }),
];

describe('Lançamentos Financeiros', () => {
  beforeEach(() => {
    // This computer's clock is already on the 29th (a browser in UTC at 23:30 in São Paulo):
    // the dialog must still propose the company's today from the server, the 28th.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 29, 2, 30));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists every entry with its status, and Quitar only for what is open', async () => {
    fakeApi({ DebtorEntries: entries(ROWS) });
    renderSignedIn(<DebtorEntriesPage debtorId="RGVidG9yOjE=" />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[6]!.textContent)).toEqual([
      'Parcialmente pagoVer 1 pagamento',
      'Pago',
      'Cancelado',
      'Em aberto',
    ]);
    expect(within(rows[0]!).getByRole('link', { name: '000123' }).getAttribute('href')).toBe(
      '#/lancamentos/RW50cnk6MQ%3D%3D',
    );
    expect(rows.map((row) => within(row).queryByRole('button', { name: /^Quitar/ }) !== null)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(
      within(rows[0]!)
        .getByRole('link', { name: /Cobrar/ })
        .getAttribute('href'),
    ).toBe('#/devedores/RGVidG9yOjE%3D?empresa=Q29tcGFueTox&cobrar=1');
    expect(rows[0]!.textContent).toContain('Vencido');
  });

  it('opens the settle dialog with the open amount, the company\'s today from the server and PIX', async () => {
    fakeApi({ DebtorEntries: entries(ROWS) });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSignedIn(<DebtorEntriesPage debtorId="RGVidG9yOjE=" />);
    await user.click(await screen.findByRole('button', { name: 'Quitar lançamento 000123' }));

    const dialog = screen.getByRole('dialog', { name: 'Quitar lançamento 000123' });
    const amount = within(dialog).getByLabelText('Valor quitado (R$)') as HTMLInputElement;
    expect(amount.value).toBe('1.034,56');
    expect(document.activeElement).toBe(amount);
    expect((within(dialog).getByLabelText('Data do pagamento') as HTMLInputElement).value).toBe('28/11/2026');
    expect((within(dialog).getByLabelText('Forma de pagamento') as HTMLSelectElement).value).toBe('PIX');
    expect((within(dialog).getByLabelText('Multa recebida (R$)') as HTMLInputElement).value).toBe('');
    expect(within(dialog).getByText(/Total recebido/).textContent).toBe('Total recebido: R$ 1.034,56');
    expect(
      within(dialog)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['PIX', 'Boleto', 'Transferência', 'Dinheiro', 'Cartão', 'Cheque', 'Outro']);
  });

  it('registers a partial payment with charges, typed the Brazilian way', async () => {
    const settled = entryRow({ paidAmount: '700.00', openAmount: '534.56', payments: [PAYMENT] });
    const api = fakeApi({
      DebtorEntries: entries(ROWS),
      SettleEntry: { settleEntry: { entry: settled, payment: { id: 'UGF5OjI=', amount: '500.00' }, errors: [] } },
      DebtorBalance: { debtor: { id: 'RGVidG9yOjE=', overdueBalance: { openAmount: '534.56', entryCount: 1 } } },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSignedIn(<DebtorEntriesPage debtorId="RGVidG9yOjE=" />);
    await user.click(await screen.findByRole('button', { name: 'Quitar lançamento 000123' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Incluir multa e juros' }));
    const amount = within(dialog).getByLabelText('Valor quitado (R$)');
    await user.clear(amount);
    await user.type(amount, '500');
    await user.type(within(dialog).getByLabelText('Desconto concedido (R$)'), '0,5');
    expect(within(dialog).getByText(/Total recebido/).textContent).toBe('Total recebido: R$ 548,74');
    await user.selectOptions(within(dialog).getByLabelText('Forma de pagamento'), 'Dinheiro');
    await user.type(within(dialog).getByLabelText('Observação'), 'Pago no caixa');
    await user.click(within(dialog).getByRole('button', { name: 'Confirmar baixa' }));

    expect(await screen.findByText('Baixa registrada no lançamento 000123: R$ 548,74 recebidos.')).toBeTruthy();
    expect(api.of('SettleEntry')[0]!.variables.input).toEqual({
      entryId: 'RW50cnk6MQ==',
      amount: '500.00',
      lateFee: '20.69',
      interest: '28.55',
      discount: '0.50',
      paidOn: '2026-11-28',
      method: 'CASH',
      note: 'Pago no caixa',
      idempotencyKey: expect.stringMatching(/^baixa-/),
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    // The header's overdue total is fetched again; the row shows the entry the API returned.
    await waitFor(() => expect(screen.getByText(/vencidos$/).textContent).toBe('4 lançamentos · R$ 534,56 vencidos'));
    expect(screen.getByRole('row', { name: /000123/ }).textContent).toContain('R$ 700,00');
  });

  it('refuses more than is open, a future date and a malformed amount before asking the API', async () => {
    const api = fakeApi({ DebtorEntries: entries(ROWS) });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSignedIn(<DebtorEntriesPage debtorId="RGVidG9yOjE=" />);
    await user.click(await screen.findByRole('button', { name: 'Quitar lançamento 000123' }));
    const dialog = screen.getByRole('dialog');
    const amount = within(dialog).getByLabelText('Valor quitado (R$)');
    await user.clear(amount);
    await user.type(amount, '1.034,57');
    await user.clear(within(dialog).getByLabelText('Data do pagamento'));
    await user.type(within(dialog).getByLabelText('Data do pagamento'), '29/11/2026');
    await user.type(within(dialog).getByLabelText('Juros recebidos (R$)'), '1,234');
    await user.click(within(dialog).getByRole('button', { name: 'Confirmar baixa' }));

    expect(within(dialog).getByText('O valor passa do saldo em aberto (R$ 1.034,56).')).toBeTruthy();
    expect(within(dialog).getByText('A data do pagamento não pode ser futura.')).toBeTruthy();
    expect(within(dialog).getByText('Use no máximo duas casas decimais (centavos).')).toBeTruthy();
    expect(api.of('SettleEntry')).toHaveLength(0);
  });

  it('shows the API refusal in the dialog and keeps it open', async () => {
    fakeApi({
      DebtorEntries: entries(ROWS),
      SettleEntry: {
        settleEntry: {
          entry: null,
          payment: null,
          errors: [
            {
              field: ['input', 'discount'],
              code: 'DISCOUNT_EXCEEDS_TOTAL',
              message: 'O desconto não pode ser maior que o valor quitado com multa e juros.',
            },
          ],
        },
      },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSignedIn(<DebtorEntriesPage debtorId="RGVidG9yOjE=" />);
    await user.click(await screen.findByRole('button', { name: 'Quitar lançamento 000123' }));
    await user.click(screen.getByRole('button', { name: 'Incluir multa e juros' }));
    await user.click(screen.getByRole('button', { name: 'Confirmar baixa' }));
    const discount = within(screen.getByRole('dialog')).getByLabelText('Desconto concedido (R$)');
    await waitFor(() => expect(discount.getAttribute('aria-invalid')).toBe('true'));
  });

  it('fills the charges owed on the payment date, asked from the API', async () => {
    const api = fakeApi({
      DebtorEntries: entries(ROWS),
      EntryCharges: {
        entry: {
          id: 'RW50cnk6MQ==',
          charges: { on: '2026-11-10', daysOverdue: 66, lateFee: '0.00', interest: '6.00', updatedAmount: '1040.56' },
        },
      },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSignedIn(<DebtorEntriesPage debtorId="RGVidG9yOjE=" />);
    await user.click(await screen.findByRole('button', { name: 'Quitar lançamento 000123' }));
    const dialog = screen.getByRole('dialog');
    // Today: the entry's own charges, no request.
    expect(within(dialog).getByText(/Encargos devidos em 28\/11\/2026/)).toBeTruthy();
    const paidOn = within(dialog).getByLabelText('Data do pagamento');
    await user.clear(paidOn);
    await user.type(paidOn, '10/11/2026');
    expect(await within(dialog).findByText(/Encargos devidos em 10\/11\/2026 \(66 dias de atraso\)/)).toBeTruthy();
    expect(api.of('EntryCharges').at(-1)!.variables).toEqual({ id: 'RW50cnk6MQ==', on: '2026-11-10' });
    await user.click(within(dialog).getByRole('button', { name: 'Incluir multa e juros' }));
    expect((within(dialog).getByLabelText('Multa recebida (R$)') as HTMLInputElement).value).toBe('0,00');
    expect((within(dialog).getByLabelText('Juros recebidos (R$)') as HTMLInputElement).value).toBe('6,00');
  });

  it('makes the collector choose between leaving the charges owed and waiving them', async () => {
    const settled = entryRow({ paidAmount: '700.00', openAmount: '534.56' });
    const api = fakeApi({
      DebtorEntries: entries(ROWS),
      SettleEntry: { settleEntry: { entry: settled, payment: { id: 'UGF5OjI=', amount: '500.00' }, errors: [] } },
      DebtorBalance: { debtor: { id: 'RGVidG9yOjE=', overdueBalance: { openAmount: '534.56', entryCount: 1 } } },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSignedIn(<DebtorEntriesPage debtorId="RGVidG9yOjE=" />);
    await user.click(await screen.findByRole('button', { name: 'Quitar lançamento 000123' }));
    const dialog = screen.getByRole('dialog');
    // The whole principal without charges: they cannot stay owed on a settled entry.
    expect(within(dialog).getByText(/não recebidos nesta baixa/).textContent).toContain('R$ 49,24');
    expect((within(dialog).getByLabelText(/Deixar em aberto/) as HTMLInputElement).disabled).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Confirmar baixa' }));
    expect(
      within(dialog).getByText('Ao quitar todo o principal, inclua a multa e os juros ou dispense-os.'),
    ).toBeTruthy();
    // A partial payment of principal only: leave them owed, or waive them with a reason.
    const amount = within(dialog).getByLabelText('Valor quitado (R$)');
    await user.clear(amount);
    await user.type(amount, '500');
    await user.click(within(dialog).getByRole('button', { name: 'Confirmar baixa' }));
    expect(within(dialog).getByText('Escolha: deixar a multa e os juros em aberto ou dispensá-los.')).toBeTruthy();
    await user.click(within(dialog).getByLabelText(/Dispensar/));
    await user.click(within(dialog).getByRole('button', { name: 'Confirmar baixa' }));
    expect(within(dialog).getByText('Informe o motivo da dispensa.')).toBeTruthy();
    expect(api.of('SettleEntry')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('Motivo da dispensa'), 'Acordo de pagamento');
    await user.click(within(dialog).getByRole('button', { name: 'Confirmar baixa' }));
    await waitFor(() => expect(api.of('SettleEntry')).toHaveLength(1));
    expect(api.of('SettleEntry')[0]!.variables.input).toMatchObject({
      amount: '500.00',
      lateFee: '0.00',
      interest: '0.00',
      waiveCharges: true,
      waiverReason: 'Acordo de pagamento',
    });
  });

  it('reverses a payment with a reason', async () => {
    const reversed = entryRow({
      paidAmount: '0.00',
      openAmount: '1234.56',
      status: 'OPEN',
      payments: [{ ...PAYMENT, reversedAt: '2026-11-28T15:00:00-03:00', reversalReason: 'Cheque devolvido' }],
    });
    const api = fakeApi({
      DebtorEntries: entries(ROWS),
      ReversePayment: { reversePayment: { entry: reversed, errors: [] } },
      DebtorBalance: { debtor: { id: 'RGVidG9yOjE=', overdueBalance: { openAmount: '1234.56', entryCount: 1 } } },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderSignedIn(<DebtorEntriesPage debtorId="RGVidG9yOjE=" />);
    await user.click(await screen.findByRole('button', { name: 'Ver 1 pagamento' }));
    await user.click(screen.getByRole('button', { name: /^Estornar R\$/ }));
    const dialog = screen.getByRole('dialog', { name: 'Estornar pagamento' });
    await user.click(within(dialog).getByRole('button', { name: /^Estornar pagamento de \d\d\/\d\d\/\d{4}$/ }));
    expect(within(dialog).getByText('Informe o motivo.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Motivo do estorno'), 'Cheque devolvido');
    await user.click(within(dialog).getByRole('button', { name: /^Estornar pagamento de \d\d\/\d\d\/\d{4}$/ }));

    expect(await screen.findByText('Pagamento estornado no lançamento 000123.')).toBeTruthy();
    expect(api.of('ReversePayment')[0]!.variables.input).toEqual({ paymentId: 'UGF5OjE=', reason: 'Cheque devolvido' });
    expect(screen.getByText('Estornado')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Estornar R\$/ })).toBeNull();
  });
});
