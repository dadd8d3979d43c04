import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SentEmailRowFragment } from '../../gql/graphql';
import { COMPANIES, debtorDetail, debtorFollowUp } from '../../test/fixtures';
import { deferred, fakeApi } from '../../test/fakeApi';
import { renderSignedIn } from '../../test/render';
import { DebtorPage } from './DebtorPage';

const SENT: SentEmailRowFragment = {
  id: 'U2VudEVtYWlsOjk=',
  company: COMPANIES[0]!,
  to: ['maria@exemplo.com.br'],
  subject: 'Cobrança',
  status: 'QUEUED',
  attempts: 0,
  lastError: null,
  queuedAt: '2026-11-28T10:00:00-03:00',
  sentAt: null,
  sentBy: { id: 'VXNlcjox', name: 'Ana Souza' },
  automatic: false,
  collectionStepDays: null,
};

const NO_ERRORS = { errors: [] };

async function renderPage(answers: Record<string, unknown> = {}, detail = debtorDetail()) {
  const api = fakeApi({ DebtorDetail: detail, DebtorFollowUp: debtorFollowUp(), ...answers });
  const user = userEvent.setup();
  renderSignedIn(<DebtorPage debtorId="RGVidG9yOjE=" />);
  await screen.findByText('Maria da Silva');
  // The composer opens on demand, from the header.
  await user.click(screen.getByRole('button', { name: 'Enviar cobrança' }));
  return { api, user };
}

async function compose(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Título do E-mail'), 'Cobrança');
  await user.type(screen.getByLabelText('Descrição do E-mail'), 'Olá, pague por favor.');
}

describe('Débitos do Cliente: Cobrança de Clientes', () => {
  beforeEach(() => {
    window.location.hash = '#/devedores/RGVidG9yOjE=';
  });

  it('pre-selects the company of the oldest overdue entry', async () => {
    await renderPage();
    expect((screen.getByLabelText('Empresa do E-mail') as HTMLSelectElement).value).toBe(COMPANIES[1]!.id);
  });

  it('pre-selects the company of the entry the user came from', async () => {
    window.location.hash = `#/devedores/RGVidG9yOjE=?empresa=${COMPANIES[0]!.id}`;
    await renderPage();
    expect((screen.getByLabelText('Empresa do E-mail') as HTMLSelectElement).value).toBe(COMPANIES[0]!.id);
  });

  it('sends once on a double click: one request, one idempotency key', async () => {
    const answer = deferred<unknown>();
    const { api, user } = await renderPage({ SendCollectionEmail: () => answer.promise });
    await compose(user);
    const send = screen.getByRole('button', { name: 'Enviar E-mail' });
    await user.dblClick(send);
    await user.click(send);

    expect(api.of('SendCollectionEmail')).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Enviando…' }) as HTMLButtonElement).disabled).toBe(true);
    answer.release({ sendCollectionEmail: { sentEmail: SENT, ...NO_ERRORS } });

    expect(await screen.findByText(/E-mail “Cobrança” registrado para maria@exemplo.com.br/)).toBeTruthy();
    const input = api.of('SendCollectionEmail')[0]!.variables.input as Record<string, unknown>;
    expect(input).toEqual({
      debtorId: 'RGVidG9yOjE=',
      companyId: COMPANIES[1]!.id,
      subject: 'Cobrança',
      body: 'Olá, pague por favor.',
      contactIds: null,
      idempotencyKey: expect.stringMatching(/^[0-9a-f]{32}$/),
      confirmRecentContact: false,
    });
    // The form starts a new message; the sent one is listed.
    expect((screen.getByLabelText('Título do E-mail') as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('button', { name: /Dados do E-mail/ }).textContent).toContain('1');
  });

  it('keeps the key when the answer is lost, so the retry cannot send twice; a new message gets a new key', async () => {
    let calls = 0;
    const { api, user } = await renderPage({
      SendCollectionEmail: () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return { sendCollectionEmail: { sentEmail: SENT, ...NO_ERRORS } };
      },
    });
    await compose(user);
    await user.click(screen.getByRole('button', { name: 'Enviar E-mail' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Não foi possível falar com o servidor');
    await user.click(screen.getByRole('button', { name: 'Enviar E-mail' }));
    await screen.findByText(/registrado para/);
    await compose(user);
    await user.click(screen.getByRole('button', { name: 'Enviar E-mail' }));
    await waitFor(() => expect(api.of('SendCollectionEmail')).toHaveLength(3));

    const keys = api
      .of('SendCollectionEmail')
      .map((call) => (call.variables.input as { idempotencyKey: string }).idempotencyKey);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('asks before e-mailing a debtor contacted recently, then resends with the confirmation', async () => {
    const recent =
      'Este cliente já recebeu um e-mail de cobrança em 27/11/2026 às 10:00 (há menos de 3 dias). Confirme para enviar mesmo assim.';
    const { api, user } = await renderPage({
      SendCollectionEmail: (variables: { input?: { confirmRecentContact?: boolean } }) =>
        variables.input?.confirmRecentContact
          ? { sendCollectionEmail: { sentEmail: SENT, ...NO_ERRORS } }
          : {
              sendCollectionEmail: {
                sentEmail: null,
                errors: [{ field: ['input', 'confirmRecentContact'], code: 'RECENTLY_CONTACTED', message: recent }],
              },
            },
    });
    await compose(user);
    await user.click(screen.getByRole('button', { name: 'Enviar E-mail' }));

    const dialog = await screen.findByRole('dialog', { name: 'Cliente contatado recentemente' });
    expect(dialog.textContent).toContain(recent);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancelar' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enviar mesmo assim' }));

    await screen.findByText(/registrado para/);
    const [first, second] = api
      .of('SendCollectionEmail')
      .map((call) => call.variables.input as Record<string, unknown>);
    expect(first!.confirmRecentContact).toBe(false);
    expect(second!.confirmRecentContact).toBe(true);
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
  });

  it('sends nothing when the user declines the recent-contact warning', async () => {
    const { api, user } = await renderPage({
      SendCollectionEmail: {
        sendCollectionEmail: {
          sentEmail: null,
          errors: [{ field: ['input', 'confirmRecentContact'], code: 'RECENTLY_CONTACTED', message: 'Recente.' }],
        },
      },
    });
    await compose(user);
    await user.click(screen.getByRole('button', { name: 'Enviar E-mail' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancelar' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.of('SendCollectionEmail')).toHaveLength(1);
    expect((screen.getByLabelText('Título do E-mail') as HTMLInputElement).value).toBe('Cobrança');
  });

  it('shows the API errors next to their fields, and checks the required ones first', async () => {
    const { api, user } = await renderPage({
      SendCollectionEmail: {
        sendCollectionEmail: {
          sentEmail: null,
          errors: [
            {
              field: ['input', 'subject'],
              code: 'UNKNOWN_PLACEHOLDER',
              message: 'Título: marcador desconhecido {{ x }}.',
            },
            { field: ['input', 'to'], code: 'NO_RECIPIENT', message: 'O cliente não tem e-mail cadastrado.' },
          ],
        },
      },
    });
    await user.click(screen.getByRole('button', { name: 'Enviar E-mail' }));
    expect(screen.getByText('Informe o título do e-mail.')).toBeTruthy();
    expect(screen.getByText('Escreva a descrição do e-mail.')).toBeTruthy();
    expect(api.of('SendCollectionEmail')).toHaveLength(0);

    await compose(user);
    await user.click(screen.getByRole('button', { name: 'Enviar E-mail' }));
    const subject = screen.getByLabelText('Título do E-mail');
    await waitFor(() => expect(subject.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(subject.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Título: marcador desconhecido {{ x }}.',
    );
    expect(screen.getByText('O cliente não tem e-mail cadastrado.')).toBeTruthy();
  });

  it('inserts a placeholder at the cursor', async () => {
    const { user } = await renderPage();
    const body = screen.getByLabelText('Descrição do E-mail') as HTMLTextAreaElement;
    await user.type(body, 'Olá, !');
    body.setSelectionRange(5, 5);
    await user.click(screen.getByRole('button', { name: /Inserir \{\{ cliente \}\}/ }));
    expect(body.value).toBe('Olá, {{ cliente }}!');
  });
});

describe('Débitos do Cliente: the other sections', () => {
  beforeEach(() => {
    window.location.hash = '#/devedores/RGVidG9yOjE=';
  });

  it('saves only the changed client data, and shows the field errors', async () => {
    const detail = debtorDetail();
    const { api, user } = await renderPage({
      UpdateDebtor: (variables: { input: { email?: string } }) =>
        variables.input.email === 'errado'
          ? {
              updateDebtor: {
                debtor: null,
                errors: [{ field: ['input', 'email'], code: 'INVALID_EMAIL', message: 'E-mail inválido: errado.' }],
              },
            }
          : { updateDebtor: { debtor: { ...detail.debtor!, email: 'novo@exemplo.com.br' }, errors: [] } },
    });
    const form = screen.getByRole('form', { name: 'Dados do Cliente' });
    const email = within(form).getByLabelText('E-mail');
    await user.clear(email);
    await user.type(email, 'errado');
    await user.click(within(form).getByRole('button', { name: 'Salvar Dados do Cliente' }));
    expect(await within(form).findByText('E-mail inválido: errado.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');

    await user.clear(email);
    await user.type(email, 'novo@exemplo.com.br');
    await user.click(within(form).getByRole('button', { name: 'Salvar Dados do Cliente' }));
    expect(await within(form).findByText('Alterações salvas.')).toBeTruthy();
    expect(api.of('UpdateDebtor').map((call) => call.variables.input)).toEqual([
      { id: 'RGVidG9yOjE=', email: 'errado' },
      { id: 'RGVidG9yOjE=', email: 'novo@exemplo.com.br' },
    ]);
    expect(screen.getByText('novo@exemplo.com.br', { selector: 'strong' })).toBeTruthy();
  });

  it('takes an alphanumeric CNPJ in the CPF/CNPJ field, letters and all', async () => {
    const detail = debtorDetail();
    const { api, user } = await renderPage({
      UpdateDebtor: { updateDebtor: { debtor: detail.debtor!, errors: [] } },
    });
    const form = screen.getByRole('form', { name: 'Dados do Cliente' });
    const document = within(form).getByLabelText('CPF/CNPJ');
    expect(document.getAttribute('inputmode')).toBeNull();
    await user.clear(document);
    await user.type(document, '12.ABC.345/01DE-35');
    await user.click(within(form).getByRole('button', { name: 'Salvar Dados do Cliente' }));
    await waitFor(() =>
      expect(api.of('UpdateDebtor').map((call) => call.variables.input)).toEqual([
        { id: 'RGVidG9yOjE=', document: '12.ABC.345/01DE-35' },
      ]),
    );
  });

  it('saves the address and places its errors by path', async () => {
    const { api, user } = await renderPage({
      UpdateDebtor: {
        updateDebtor: {
          debtor: null,
          errors: [
            {
              field: ['input', 'address', 'postalCode'],
              code: 'INVALID_POSTAL_CODE',
              message: 'CEP inválido: informe 8 dígitos.',
            },
          ],
        },
      },
    });
    const form = screen.getByRole('form', { name: 'Endereço do Cliente' });
    await user.clear(within(form).getByLabelText('CEP'));
    await user.type(within(form).getByLabelText('CEP'), '123');
    await user.selectOptions(within(form).getByLabelText('UF'), 'RJ');
    await user.click(within(form).getByRole('button', { name: 'Salvar Endereço' }));

    expect(await within(form).findByText('CEP inválido: informe 8 dígitos.')).toBeTruthy();
    expect(api.of('UpdateDebtor')[0]!.variables.input).toEqual({
      id: 'RGVidG9yOjE=',
      address: { postalCode: '123', state: 'RJ' },
    });
  });

  it('lists the overdue entries with charges, totals and a link to each entry', async () => {
    await renderPage();
    const section = screen.getByRole('region', { name: /Inadimplências/ });
    const link = within(section).getByRole('link', { name: '001' });
    expect(link.getAttribute('href')).toBe('#/lancamentos/RW50cnk61');
    const total = within(section).getByRole('rowheader', { name: 'Total' }).closest('tr')!;
    expect(total.textContent).toBe('TotalR$ 2.000,00R$ 2.000,00R$ 40,00R$ 55,20R$ 2.095,20');
  });

  it('schedules an appointment for the chosen user', async () => {
    const { api, user } = await renderPage({
      ScheduleAppointment: (variables: { input: Record<string, string> }) => ({
        scheduleAppointment: {
          appointment: {
            id: 'QXBwOjE=',
            responsible: { id: 'VXNlcjox', name: 'Ana Souza' },
            company: COMPANIES[0],
            date: variables.input.date,
            time: variables.input.time,
            notes: variables.input.notes,
            done: false,
            doneAt: null,
            createdAt: '2026-11-28T10:00:00-03:00',
          },
          errors: [],
        },
      }),
    });
    await user.click(screen.getByRole('button', { name: /Agendamentos/ }));
    await user.click(screen.getByRole('button', { name: 'Adicionar agendamento' }));
    const form = screen.getByRole('form', { name: 'Novo agendamento' });
    expect((within(form).getByLabelText('Responsável') as HTMLSelectElement).value).toBe('VXNlcjox');
    await user.clear(within(form).getByLabelText('Data'));
    await user.type(within(form).getByLabelText('Data'), '01/12/2030');
    await user.type(within(form).getByLabelText('Hora'), '14:30');
    await user.type(within(form).getByLabelText('Observações Gerais'), 'Ligar para o financeiro');
    await user.click(within(form).getByRole('button', { name: 'Salvar Agendamento' }));

    expect(await screen.findByText('Agendamento salvo.')).toBeTruthy();
    expect(api.of('ScheduleAppointment')[0]!.variables.input).toEqual({
      debtorId: 'RGVidG9yOjE=',
      responsibleId: 'VXNlcjox',
      date: '2030-12-01',
      time: '14:30',
      notes: 'Ligar para o financeiro',
    });
    expect(screen.getByText('Ligar para o financeiro')).toBeTruthy();
  });

  it('adds a contact, leaving out the empty fields', async () => {
    const { api, user } = await renderPage({
      AddContact: {
        addContact: {
          contact: {
            id: 'Q29udGFjdDox',
            name: 'João Lima',
            department: 'Financeiro',
            role: null,
            email: 'joao@exemplo.com.br',
            phone: null,
            mobile: '11987654321',
            phoneFormatted: null,
            mobileFormatted: '(11) 98765-4321',
          },
          errors: [],
        },
      },
    });
    await user.click(screen.getByRole('button', { name: /Contatos/ }));
    await user.click(screen.getByRole('button', { name: 'Adicionar contato' }));
    const form = screen.getByRole('form', { name: 'Novo contato' });
    await user.type(within(form).getByLabelText('Nome'), 'João Lima');
    await user.type(within(form).getByLabelText('Departamento'), 'Financeiro');
    await user.type(within(form).getByLabelText('E-mail'), 'joao@exemplo.com.br');
    await user.type(within(form).getByLabelText('Celular'), '11987654321');
    await user.click(within(form).getByRole('button', { name: 'Adicionar Contato' }));

    expect(await screen.findByText('Contato João Lima adicionado.')).toBeTruthy();
    expect(api.of('AddContact')[0]!.variables.input).toEqual({
      debtorId: 'RGVidG9yOjE=',
      name: 'João Lima',
      department: 'Financeiro',
      email: 'joao@exemplo.com.br',
      mobile: '11987654321',
    });
    expect(screen.getByRole('link', { name: '(11) 98765-4321' }).getAttribute('href')).toBe('tel:+5511987654321');
    // The new contact can now also receive the collection e-mail.
    expect(screen.getByRole('checkbox', { name: 'João Lima <joao@exemplo.com.br>' })).toBeTruthy();
  });

  it('opens a sent e-mail in a window of its own', async () => {
    const open = vi.fn();
    vi.stubGlobal('open', open);
    const detail = debtorDetail();
    detail.debtor!.sentEmails = {
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [{ node: SENT }],
    };
    const { user } = await renderPage({}, detail);
    await user.click(screen.getByRole('button', { name: /Dados do E-mail/ }));
    const row = screen.getByRole('row', { name: /Cobrança/ });
    expect(row.textContent).toContain('Na fila');
    expect(row.textContent).toContain('Ana Souza');
    await user.click(within(row).getByRole('button', { name: 'Visualizar e-mail' }));
    expect(open).toHaveBeenCalledWith(
      '#/emails/U2VudEVtYWlsOjk%3D',
      'email-U2VudEVtYWlsOjk=',
      'popup,width=900,height=760',
    );
  });

  it('says when the debtor is out of reach', async () => {
    fakeApi({ DebtorDetail: { debtor: null, companies: [], users: [], emailPlaceholders: [] } });
    renderSignedIn(<DebtorPage debtorId="eA==" />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Cliente não encontrado, ou fora das empresas que você pode ver.',
    );
  });
});
