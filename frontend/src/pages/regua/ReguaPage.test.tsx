import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReguaQuery } from './gql/graphql';
import { COMPANIES, SERVER_TODAY } from '../../test/fixtures';
import { fakeApi } from '../../test/fakeApi';
import { ANA, renderSignedIn } from '../../test/render';
import { SessionContext } from '../../session';
import { ReguaPage } from './ReguaPage';

const GENTLE = { id: 'VDox', name: 'Lembrete cordial', subject: '{{ empresa }}: {{ cliente }}', body: 'Olá, {{ cliente }}.', isDefault: true };
const FIRM = { id: 'VDoy', name: 'Aviso firme', subject: 'Aviso', body: 'Pendências.', isDefault: false };

function regua(): ReguaQuery {
  return {
    companies: [
      {
        ...COMPANIES[0]!,
        emailTemplates: [GENTLE, FIRM],
        collectionSteps: [
          { id: 'U3RlcDox', days: -3, templateId: GENTLE.id, enabled: true, minimumOpenAmount: '0.00' },
          { id: 'U3RlcDoy', days: 10, templateId: FIRM.id, enabled: false, minimumOpenAmount: '50.00' },
        ],
      },
      { ...COMPANIES[1]!, emailTemplates: [], collectionSteps: [] },
    ],
    emailPlaceholders: [
      { name: 'cliente', token: '{{ cliente }}', description: 'Nome do cliente.', example: 'Maria da Silva', inSubject: true },
      { name: 'empresa', token: '{{ empresa }}', description: 'Empresa.', example: 'Bexus', inSubject: true },
    ],
  };
}

const PLAN = {
  collectionPlan: [
    {
      debtorId: 'RGVidG9yOjc=',
      debtorName: 'João Araújo',
      stepDays: 10,
      template: { id: FIRM.id, name: FIRM.name },
      entryCount: 2,
      openAmount: '1500.25',
    },
  ],
};

describe('Régua de cobrança', () => {
  beforeEach(() => {
    window.location.hash = '#/regua';
  });

  it("shows the next sending day's plan, by the server's date, linking each debtor", async () => {
    const api = fakeApi({ Regua: regua(), CollectionPlan: PLAN });
    renderSignedIn(<ReguaPage />);
    const link = await screen.findByRole('link', { name: 'João Araújo' });
    expect(link.getAttribute('href')).toBe(`#/devedores/RGVidG9yOjc%3D?empresa=${COMPANIES[0]!.id}`);
    expect(api.of('CollectionPlan')[0]!.variables).toEqual({ companyId: COMPANIES[0]!.id, date: '2026-11-30', first: 200 });
    // The server's today is a Saturday: the régua next sends on Monday.
    expect(SERVER_TODAY).toBe('2026-11-28');
    expect(screen.getByRole('heading', { name: /Plano do próximo dia útil \(segunda-feira\)/ })).toBeTruthy();
    const row = link.closest('tr')!;
    expect(within(row).getByText('D+10')).toBeTruthy();
    expect(within(row).getByText('R$ 1.500,25')).toBeTruthy();
  });

  it('saves the whole list and shows the errors on their rows', { timeout: 20000 }, async () => {
    const api = fakeApi({
      Regua: regua(),
      CollectionPlan: PLAN,
      SaveCollectionSteps: {
        saveCollectionSteps: {
          steps: null,
          errors: [{ field: ['input', 'steps', '1', 'minimumOpenAmount'], code: 'INVALID_AMOUNT', message: 'Valor mínimo inválido.' }],
        },
      },
    });
    const user = userEvent.setup();
    renderSignedIn(<ReguaPage />);
    const days = (await screen.findAllByLabelText('Dias do vencimento')) as HTMLInputElement[];
    expect(days.map((input) => input.value)).toEqual(['-3', '10']);

    // Two steps on the same day: refused here, on the second row, before asking the server.
    await user.clear(days[1]!);
    await user.type(days[1]!, '-3');
    await user.click(screen.getByRole('button', { name: 'Salvar régua' }));
    expect(await screen.findByText('O passo 1 já usa D-3.')).toBeTruthy();
    expect(api.of('SaveCollectionSteps')).toHaveLength(0);

    await user.clear(days[1]!);
    await user.type(days[1]!, '15');
    await user.click(screen.getAllByLabelText('Passo ligado')[1]!);
    await user.click(screen.getByRole('button', { name: 'Salvar régua' }));
    expect(await screen.findByText('Valor mínimo inválido.')).toBeTruthy();
    expect(api.of('SaveCollectionSteps')[0]!.variables.input).toEqual({
      companyId: COMPANIES[0]!.id,
      steps: [
        { days: -3, templateId: GENTLE.id, enabled: true, minimumOpenAmount: '0.00' },
        { days: 15, templateId: FIRM.id, enabled: true, minimumOpenAmount: '50.00' },
      ],
    });
    const minimum = screen.getAllByLabelText('Valor mínimo em aberto (R$)')[1]!;
    expect(minimum.getAttribute('aria-invalid')).toBe('true');
  });

  it('previews a new template as it is typed, then creates it', { timeout: 20000 }, async () => {
    const created = { id: 'VDoz', name: 'Último aviso', subject: 'Último aviso, {{ cliente }}', body: 'Olá', isDefault: false };
    const api = fakeApi({
      Regua: regua(),
      CollectionPlan: PLAN,
      CreateEmailTemplate: { createEmailTemplate: { emailTemplate: created, errors: [] } },
    });
    const user = userEvent.setup();
    renderSignedIn(<ReguaPage />);
    await user.click(await screen.findByRole('button', { name: 'Novo modelo' }));
    await user.type(screen.getByLabelText('Nome do modelo'), 'Último aviso');
    await user.type(screen.getByLabelText('Título do e-mail'), 'Último aviso, {{{{ cliente }}');
    expect(screen.getByTestId('preview-subject').textContent).toBe('Último aviso, Maria da Silva');
    await user.type(screen.getByLabelText('Descrição do e-mail'), 'Olá {{{{ nome }}');
    expect(screen.getByText(/Marcadores não reconhecidos.*\{\{ nome \}\}/)).toBeTruthy();
    await user.clear(screen.getByLabelText('Descrição do e-mail'));
    await user.type(screen.getByLabelText('Descrição do e-mail'), 'Olá');
    await user.click(screen.getByRole('button', { name: 'Salvar modelo' }));
    expect(await screen.findByText('Modelo “Último aviso” criado.')).toBeTruthy();
    expect(api.of('CreateEmailTemplate')[0]!.variables.input).toEqual({
      companyId: COMPANIES[0]!.id,
      name: 'Último aviso',
      subject: 'Último aviso, {{ cliente }}',
      body: 'Olá',
      isDefault: false,
    });
    // Now a step can use it.
    expect(within(screen.getAllByLabelText('Modelo de e-mail')[0]!).getByRole('option', { name: 'Último aviso' })).toBeTruthy();
  });

  it('is read-only for a VIEWER', async () => {
    const api = fakeApi({ Regua: regua(), CollectionPlan: PLAN });
    render(
      <SessionContext value={{ user: { ...ANA, role: 'VIEWER' }, expired: vi.fn() }}>
        <ReguaPage />
      </SessionContext>,
    );
    expect(await screen.findByText(/Acesso somente leitura/)).toBeTruthy();
    expect((await screen.findAllByLabelText('Dias do vencimento'))[0]!.matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Salvar régua' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Novo modelo' })).toBeNull();
    expect(api.of('CollectionPlan')).toHaveLength(1);
  });
});
