// Contacts, appointments and sent e-mails: editing what is already listed.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppointmentRowFragment, ContactRowFragment, SentEmailRowFragment } from '../../gql/graphql';
import { COMPANIES, debtorDetail, debtorFollowUp } from '../../test/fixtures';
import { fakeApi } from '../../test/fakeApi';
import { renderSignedIn } from '../../test/render';
import { DebtorPage } from './DebtorPage';

const CONTACT: ContactRowFragment = {
  id: 'Q29udGFjdDox',
  name: 'João Lima',
  department: 'Financeiro',
  role: 'Analista',
  email: 'joao@exemplo.com.br',
  phone: '1134567890',
  mobile: null,
  phoneFormatted: '(11) 3456-7890',
  mobileFormatted: null,
};

const APPOINTMENT: AppointmentRowFragment = {
  id: 'QXBwOjE=',
  responsible: { id: 'VXNlcjox', name: 'Ana Souza' },
  company: COMPANIES[0]!,
  date: '2030-12-01',
  time: '14:30',
  notes: 'Ligar para o financeiro',
  done: false,
  doneAt: null,
  createdAt: '2026-11-28T10:00:00-03:00',
};

const FAILED: SentEmailRowFragment = {
  id: 'U2VudEVtYWlsOjk=',
  company: COMPANIES[0]!,
  to: ['maria@exemplo.com.br'],
  subject: 'Cobrança',
  status: 'FAILED',
  attempts: 5,
  lastError: 'SMTP 550',
  queuedAt: '2026-11-28T10:00:00-03:00',
  sentAt: null,
  sentBy: null,
  automatic: false,
  collectionStepDays: null,
};

async function renderPage(answers: Record<string, unknown>) {
  const detail = debtorDetail({
    contacts: [CONTACT],
    appointments: [APPOINTMENT],
    sentEmails: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: FAILED }] },
  });
  const api = fakeApi({ DebtorDetail: detail, DebtorFollowUp: debtorFollowUp(), ...answers });
  const user = userEvent.setup();
  renderSignedIn(<DebtorPage debtorId="RGVidG9yOjE=" />);
  await screen.findByText('Maria da Silva');
  // The composer opens on demand, from the header.
  await user.click(screen.getByRole('button', { name: 'Enviar cobrança' }));
  return { api, user };
}

describe('Contatos', () => {
  it('edits a contact, sending only what changed', async () => {
    const { api, user } = await renderPage({
      UpdateContact: { updateContact: { contact: { ...CONTACT, role: 'Gerente' }, errors: [] } },
    });
    await user.click(screen.getByRole('button', { name: /Contatos/ }));
    await user.click(screen.getByRole('button', { name: 'Editar contato João Lima' }));
    const form = screen.getByRole('form', { name: 'Editar contato João Lima' });
    expect((within(form).getByLabelText('Telefone') as HTMLInputElement).value).toBe('(11) 3456-7890');
    await user.clear(within(form).getByLabelText('Cargo'));
    await user.type(within(form).getByLabelText('Cargo'), 'Gerente');
    await user.click(within(form).getByRole('button', { name: 'Salvar Contato' }));

    expect(await screen.findByText('Contato João Lima atualizado.')).toBeTruthy();
    expect(api.of('UpdateContact')[0]!.variables.input).toEqual({ id: CONTACT.id, role: 'Gerente' });
    expect(screen.getByRole('row', { name: /João Lima/ }).textContent).toContain('Gerente');
  });

  it('removes a contact after confirmation', async () => {
    const { api, user } = await renderPage({
      RemoveContact: { removeContact: { removedContactId: CONTACT.id, errors: [] } },
    });
    await user.click(screen.getByRole('button', { name: /Contatos/ }));
    await user.click(screen.getByRole('button', { name: 'Remover contato João Lima' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remover contato' }));

    expect(await screen.findByText('Contato João Lima removido.')).toBeTruthy();
    expect(api.of('RemoveContact')[0]!.variables.input).toEqual({ id: CONTACT.id });
    expect(screen.getByText('Nenhum contato cadastrado.')).toBeTruthy();
  });

  it('e-mails the chosen contacts too', async () => {
    const { api, user } = await renderPage({
      SendCollectionEmail: { sendCollectionEmail: { sentEmail: { ...FAILED, status: 'QUEUED' }, errors: [] } },
    });
    await user.click(screen.getByRole('checkbox', { name: 'João Lima <joao@exemplo.com.br>' }));
    await user.type(screen.getByLabelText('Título do E-mail'), 'Cobrança');
    await user.type(screen.getByLabelText('Descrição do E-mail'), 'Texto');
    await user.click(screen.getByRole('button', { name: 'Enviar E-mail' }));
    await waitFor(() => expect(api.of('SendCollectionEmail')).toHaveLength(1));
    expect((api.of('SendCollectionEmail')[0]!.variables.input as { contactIds: string[] }).contactIds).toEqual([
      CONTACT.id,
    ]);
  });
});

describe('Agendamentos', () => {
  it('marks an appointment done, and Desfazer undoes it', async () => {
    const { api, user } = await renderPage({
      CompleteAppointment: (variables: Record<string, unknown>) => {
        const { done } = variables.input as { done: boolean };
        return { completeAppointment: { appointment: { ...APPOINTMENT, done }, errors: [] } };
      },
    });
    await user.click(screen.getByRole('button', { name: /Agendamentos/ }));
    const check = screen.getByRole('checkbox', { name: 'Concluído: agendamento de 01/12/2030 14:30' });
    await user.click(check);
    await waitFor(() => expect((check as HTMLInputElement).checked).toBe(true));
    expect(api.of('CompleteAppointment')[0]!.variables.input).toEqual({ id: APPOINTMENT.id, done: true });
    expect(screen.getByText('Agendamento de 01/12/2030 14:30 concluído.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Desfazer' }));
    await waitFor(() => expect((check as HTMLInputElement).checked).toBe(false));
    expect(api.of('CompleteAppointment')[1]!.variables.input).toEqual({ id: APPOINTMENT.id, done: false });
    expect(screen.queryByRole('button', { name: 'Desfazer' })).toBeNull();
    expect(screen.getByText('Agendamento de 01/12/2030 14:30 voltou a pendente.')).toBeTruthy();
  });

  it('reschedules an appointment and deletes another', async () => {
    const { api, user } = await renderPage({
      UpdateAppointment: { updateAppointment: { appointment: { ...APPOINTMENT, time: '09:00' }, errors: [] } },
      DeleteAppointment: { deleteAppointment: { deletedAppointmentId: APPOINTMENT.id, errors: [] } },
    });
    await user.click(screen.getByRole('button', { name: /Agendamentos/ }));
    await user.click(screen.getByRole('button', { name: 'Editar agendamento de 01/12/2030 14:30' }));
    const hour = screen.getByLabelText('Hora');
    await user.clear(hour);
    await user.type(hour, '09:00');
    await user.click(screen.getByRole('button', { name: 'Salvar Agendamento' }));
    expect(await screen.findByText('Agendamento atualizado.')).toBeTruthy();
    expect(api.of('UpdateAppointment')[0]!.variables.input).toEqual({ id: APPOINTMENT.id, time: '09:00' });

    await user.click(screen.getByRole('button', { name: 'Excluir agendamento de 01/12/2030 09:00' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Excluir agendamento' }));
    expect(await screen.findByText('Nenhum agendamento.')).toBeTruthy();
  });

  it('shows why the API refused an appointment, next to the field', async () => {
    const { user } = await renderPage({
      ScheduleAppointment: {
        scheduleAppointment: {
          appointment: null,
          errors: [
            {
              field: ['input', 'date'],
              code: 'DATE_IN_PAST',
              message: 'A data do agendamento não pode estar no passado.',
            },
          ],
        },
      },
    });
    await user.click(screen.getByRole('button', { name: /Agendamentos/ }));
    await user.click(screen.getByRole('button', { name: 'Adicionar agendamento' }));
    await user.type(screen.getByLabelText('Hora'), '10:00');
    await user.type(screen.getByLabelText('Observações Gerais'), 'Ligar');
    await user.click(screen.getByRole('button', { name: 'Salvar Agendamento' }));
    const date = screen.getByLabelText('Data');
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('A data do agendamento não pode estar no passado.')).toBeTruthy();
  });
});

describe('Dados do E-mail', () => {
  it('puts a failed e-mail back in the queue', async () => {
    const { api, user } = await renderPage({
      RetryEmail: {
        retryEmail: { sentEmail: { ...FAILED, status: 'QUEUED', attempts: 0, lastError: null }, errors: [] },
      },
    });
    await user.click(screen.getByRole('button', { name: /Dados do E-mail/ }));
    const row = screen.getByRole('row', { name: /Cobrança/ });
    expect(row.textContent).toContain('5 tentativas: SMTP 550');
    await user.click(within(row).getByRole('button', { name: 'Reenviar' }));

    expect(await screen.findByText('E-mail “Cobrança” voltou para a fila de envio.')).toBeTruthy();
    expect(api.of('RetryEmail')[0]!.variables.input).toEqual({ id: FAILED.id });
    expect(
      within(screen.getByRole('row', { name: /Cobrança/ })).queryByRole('button', { name: 'Reenviar' }),
    ).toBeNull();
  });

  it('previews the e-mail with the API warnings, sending nothing', async () => {
    const { api, user } = await renderPage({
      PreviewCollectionEmail: {
        previewCollectionEmail: {
          to: ['maria@exemplo.com.br'],
          subject: 'Cobrança Maria da Silva',
          html: '<p>Olá, Maria da Silva</p>',
          warnings: [{ code: 'RECENTLY_CONTACTED', message: 'Este cliente já recebeu um e-mail há 2 dias.' }],
          errors: [],
        },
      },
    });
    await user.type(screen.getByLabelText('Título do E-mail'), 'Cobrança {{{{ cliente }}');
    await user.type(screen.getByLabelText('Descrição do E-mail'), 'Olá, {{{{ cliente }}');
    await user.click(screen.getByRole('button', { name: 'Pré-visualizar' }));

    const dialog = await screen.findByRole('dialog', { name: 'Pré-visualização do e-mail' });
    expect(await within(dialog).findByText('Este cliente já recebeu um e-mail há 2 dias.')).toBeTruthy();
    expect(within(dialog).getByText('Cobrança Maria da Silva')).toBeTruthy();
    expect(within(dialog).getByTitle('Conteúdo do e-mail').getAttribute('sandbox')).toBe('');
    expect(api.of('PreviewCollectionEmail')[0]!.variables.input).toMatchObject({
      subject: 'Cobrança {{ cliente }}',
      body: 'Olá, {{ cliente }}',
    });
    expect(within(dialog).getByRole('button', { name: 'Enviar mesmo assim' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.of('SendCollectionEmail')).toHaveLength(0);
  });

  it('sends from the preview, confirming the recent contact the preview warned about', async () => {
    const { api, user } = await renderPage({
      PreviewCollectionEmail: {
        previewCollectionEmail: {
          to: ['maria@exemplo.com.br'],
          subject: 'Cobrança',
          html: '<p>Olá</p>',
          warnings: [{ code: 'RECENTLY_CONTACTED', message: 'Este cliente já recebeu um e-mail há 2 dias.' }],
          errors: [],
        },
      },
      SendCollectionEmail: { sendCollectionEmail: { sentEmail: { ...FAILED, status: 'QUEUED' }, errors: [] } },
    });
    await user.type(screen.getByLabelText('Título do E-mail'), 'Cobrança');
    await user.type(screen.getByLabelText('Descrição do E-mail'), 'Texto');
    await user.click(screen.getByRole('button', { name: 'Pré-visualizar' }));
    await user.click(await screen.findByRole('button', { name: 'Enviar mesmo assim' }));

    await screen.findByText(/registrado para/);
    const input = api.of('SendCollectionEmail')[0]!.variables.input as Record<string, unknown>;
    expect(input.confirmRecentContact).toBe(true);
    expect(input.idempotencyKey).toBe(
      (api.of('PreviewCollectionEmail')[0]!.variables.input as Record<string, unknown>).idempotencyKey,
    );
  });
});
