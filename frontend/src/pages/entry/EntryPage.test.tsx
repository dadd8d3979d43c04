import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EntryDetailFragment } from '../../gql/graphql';
import { COMPANIES, entryRow } from '../../test/fixtures';
import { fakeApi } from '../../test/fakeApi';
import { renderSignedIn } from '../../test/render';
import { entryChanges } from './EntryForm';
import { EntryPage } from './EntryPage';

const ENTRY: EntryDetailFragment = {
  ...entryRow(),
  debtor: { id: 'RGVidG9yOjE=', name: 'Maria da Silva', documentFormatted: '529.982.247-25' },
  documentNumber: 'NF 1234',
  category: null,
  costCenter: null,
  notes: null,
};

const values = {
  description: 'Mensalidade',
  companyId: COMPANIES[0]!.id,
  dueDate: '2026-09-05',
  amount: '1.234,56',
  issueDate: '2026-08-01',
  documentNumber: 'NF 1234',
  category: '',
  costCenter: '',
  notes: '',
};

describe('entryChanges', () => {
  it('sends only what changed, with the version it was loaded at', () => {
    expect(entryChanges(ENTRY, values)).toEqual({ input: { id: ENTRY.id, expectedVersion: 3 }, problems: {} });
    expect(
      entryChanges(ENTRY, {
        ...values,
        amount: '1300',
        category: ' Serviços ',
        documentNumber: '',
        dueDate: '2026-10-01',
      }),
    ).toEqual({
      input: {
        id: ENTRY.id,
        expectedVersion: 3,
        amount: '1300.00',
        category: 'Serviços',
        documentNumber: null,
        dueDate: '2026-10-01',
      },
      problems: {},
    });
  });

  it('refuses an amount below what was paid and empty required fields', () => {
    expect(entryChanges(ENTRY, { ...values, amount: '199,99', description: ' ', dueDate: '' }).problems).toEqual({
      amount: 'O valor não pode ser menor que o já pago (R$ 200,00).',
      description: 'Informe a descrição.',
      dueDate: 'Informe o vencimento.',
    });
  });
});

describe('Cadastro de Lançamentos', () => {
  it('saves the edited fields and shows the saved entry', async () => {
    const api = fakeApi({
      EntryForm: { entry: ENTRY, companies: COMPANIES },
      UpdateEntry: {
        updateEntry: { entry: { ...ENTRY, description: 'Mensalidade de outubro', version: 4 }, errors: [] },
      },
    });
    const user = userEvent.setup();
    renderSignedIn(<EntryPage entryId={ENTRY.id} />);
    const description = await screen.findByLabelText('Descrição');
    expect((screen.getByLabelText('Valor (R$)') as HTMLInputElement).value).toBe('1.234,56');
    expect((screen.getByLabelText('Nº do documento') as HTMLInputElement).value).toBe('NF 1234');
    await user.clear(description);
    await user.type(description, 'Mensalidade de outubro');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));

    expect(await screen.findByText('Lançamento salvo.')).toBeTruthy();
    expect(api.of('UpdateEntry')[0]!.variables.input).toEqual({
      id: ENTRY.id,
      expectedVersion: 3,
      description: 'Mensalidade de outubro',
    });
    expect((screen.getByLabelText('Descrição') as HTMLInputElement).value).toBe('Mensalidade de outubro');
  });

  it('shows the charges received and waived on the entry, and each waiver with its reason', async () => {
    const waived = {
      id: 'UGF5OjE=',
      amount: '400.00',
      lateFee: '0.00',
      interest: '0.00',
      discount: '0.00',
      receivedAmount: '400.00',
      waivedCharges: '23.33',
      waiverReason: 'Acordo com o cliente',
      paidOn: '2026-01-19',
      method: 'PIX',
      note: null,
      createdAt: '2026-01-19T12:00:00-03:00',
      reversedAt: null,
      reversalReason: null,
    };
    fakeApi({
      EntryForm: {
        entry: { ...ENTRY, receivedCharges: '30.00', waivedCharges: '23.33', payments: [waived] },
        companies: COMPANIES,
      },
    });
    renderSignedIn(<EntryPage entryId={ENTRY.id} />);
    const received = await screen.findByText('Multa e juros recebidos');
    expect(received.parentElement!.textContent).toContain('R$ 30,00');
    expect(screen.getByText('Multa e juros dispensados').parentElement!.textContent).toContain('R$ 23,33');
    const row = screen.getByRole('row', { name: /19\/01\/2026/ });
    expect(row.textContent).toContain('Acordo com o cliente');
  });

  it('offers to reload when someone else saved the entry meanwhile', async () => {
    let loads = 0;
    fakeApi({
      EntryForm: () => {
        loads += 1;
        return {
          entry: loads === 1 ? ENTRY : { ...ENTRY, description: 'Editado por outra pessoa', version: 4 },
          companies: COMPANIES,
        };
      },
      UpdateEntry: {
        updateEntry: {
          entry: null,
          errors: [
            {
              field: ['input', 'expectedVersion'],
              code: 'VERSION_CONFLICT',
              message: 'O lançamento foi alterado por outra pessoa: recarregue a tela e refaça a edição.',
            },
          ],
        },
      },
    });
    const user = userEvent.setup();
    renderSignedIn(<EntryPage entryId={ENTRY.id} />);
    await user.type(await screen.findByLabelText('Categoria (plano de contas)'), 'Serviços');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect((await screen.findByRole('alert')).textContent).toContain('alterado por outra pessoa');
    await user.click(screen.getByRole('button', { name: 'Recarregar o lançamento' }));

    await waitFor(() =>
      expect((screen.getByLabelText('Descrição') as HTMLInputElement).value).toBe('Editado por outra pessoa'),
    );
    expect((screen.getByLabelText('Categoria (plano de contas)') as HTMLInputElement).value).toBe('');
  });

  it('cancels an entry without payments, after asking why', async () => {
    const open = { ...ENTRY, status: 'OPEN' as const, paidAmount: '0.00', openAmount: '1234.56', payments: [] };
    const api = fakeApi({
      EntryForm: { entry: open, companies: COMPANIES },
      CancelEntry: {
        cancelEntry: {
          entry: {
            ...entryRow({ status: 'CANCELLED', cancelReason: 'Lançado em duplicidade', version: 4 }),
            payments: [],
          },
          errors: [],
        },
      },
    });
    const user = userEvent.setup();
    renderSignedIn(<EntryPage entryId={ENTRY.id} />);
    await user.click(await screen.findByRole('button', { name: 'Cancelar lançamento' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancelar lançamento 000123' });
    await user.type(within(dialog).getByLabelText('Motivo do cancelamento'), 'Lançado em duplicidade');
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar lançamento' }));

    expect(await screen.findByText('Lançamento 000123 cancelado.')).toBeTruthy();
    expect(api.of('CancelEntry')[0]!.variables.input).toEqual({ id: ENTRY.id, reason: 'Lançado em duplicidade' });
    expect(screen.getByText(/Lançamento cancelado: Lançado em duplicidade/)).toBeTruthy();
    expect(screen.getByLabelText('Descrição').matches(':disabled')).toBe(true); // by its fieldset
    expect(screen.queryByRole('button', { name: 'Quitar' })).toBeNull();
  });
});
