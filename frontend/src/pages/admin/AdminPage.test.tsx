import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../gql/graphql';
import { fakeApi } from '../../test/fakeApi';
import { ANA, renderSignedIn } from '../../test/render';
import { SessionContext } from '../../session';
import { AdminPage } from './AdminPage';

const ERRORS: never[] = [];
const COMPANY = {
  id: 'Q29tcGFueTox',
  name: 'Bexus Comércio Ltda',
  document: '11222333000181',
  documentFormatted: '11.222.333/0001-81',
  email: 'financeiro@bexus.com.br',
  lateFeePercent: '2.00',
  monthlyInterestPercent: '1.00',
  timeZone: 'America/Sao_Paulo',
  recentContactDays: 3,
  pixKey: null,
  address: { postalCode: '01310100', street: 'Av. Paulista', number: '1000', complement: null, district: 'Bela Vista', city: 'São Paulo', state: 'SP' },
};
const USERS = [
  { id: 'VXNlcjox', name: 'Ana Souza', email: 'ana@example.com', role: 'ADMIN', active: true, allCompanies: true, companyIds: [] },
  { id: 'VXNlcjoy', name: 'Bruno Lima', email: 'bruno@example.com', role: 'COLLECTOR', active: true, allCompanies: false, companyIds: [COMPANY.id] },
];

describe('Administração', () => {
  it('is refused to anyone but an ADMIN', () => {
    fakeApi({});
    render(
      <SessionContext value={{ user: { ...ANA, role: 'COLLECTOR' as Role }, expired: vi.fn() }}>
        <AdminPage section="usuarios" />
      </SessionContext>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Apenas administradores');
    expect(screen.queryByRole('navigation', { name: 'Administração' })).toBeNull();
  });

  it('Empresas: edits the Chave PIX and shows a field error from the API', async () => {
    const api = fakeApi({
      AdminCompanies: { companies: [COMPANY] },
      AdminUpdateCompany: (_variables: Record<string, unknown>, call: number) =>
        call === 0
          ? { updateCompany: { company: null, errors: [{ field: ['input', 'pixKey'], code: 'INVALID_PIX_KEY', message: 'Chave PIX inválida.' }] } }
          : { updateCompany: { company: { id: COMPANY.id }, errors: ERRORS } },
    });
    const user = userEvent.setup();
    renderSignedIn(<AdminPage section="empresas" />);
    await user.click(await screen.findByRole('button', { name: `Editar ${COMPANY.name}` }));
    await user.type(screen.getByLabelText('Chave PIX'), 'xyz');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(await screen.findByText('Chave PIX inválida.')).toBeTruthy();
    await user.clear(screen.getByLabelText('Chave PIX'));
    expect(screen.queryByText('Chave PIX inválida.')).toBeNull(); // cleared as the value changes
    await user.type(screen.getByLabelText('Chave PIX'), 'financeiro@bexus.com.br');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(await screen.findByText('Empresa atualizada.')).toBeTruthy();
    const input = api.of('AdminUpdateCompany').at(-1)!.variables.input as Record<string, unknown>;
    expect(input.pixKey).toBe('financeiro@bexus.com.br');
    expect(input.id).toBe(COMPANY.id);
    expect(input.address).toMatchObject({ postalCode: '01310100', city: 'São Paulo' });
    expect(screen.getByRole('link', { name: 'Régua de cobrança' })).toBeTruthy();
  });

  it('Usuários: lists companies, changes a role and deactivates', async () => {
    const api = fakeApi({
      AdminUsers: { allUsers: USERS, companies: [{ id: COMPANY.id, name: COMPANY.name }] },
      AdminUpdateUser: { updateUser: { user: { id: USERS[1]!.id }, errors: ERRORS } },
    });
    const user = userEvent.setup();
    renderSignedIn(<AdminPage section="usuarios" />);
    expect(await screen.findByText(`Empresas: ${COMPANY.name}`)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Papel de Bruno Lima'), 'VIEWER');
    await waitFor(() => expect(api.of('AdminUpdateUser')[0]!.variables).toEqual({ input: { id: USERS[1]!.id, role: 'VIEWER' } }));
    await user.click(screen.getByRole('button', { name: 'Desativar Bruno Lima' }));
    await waitFor(() => expect(api.of('AdminUpdateUser')[1]!.variables).toEqual({ input: { id: USERS[1]!.id, active: false } }));
    expect(await screen.findByText('Bruno Lima desativado.')).toBeTruthy();
  });

  it('Tokens de API: shows the secret once, and revokes', async () => {
    const token = {
      id: 'QXBpVG9rZW46MQ==',
      name: 'erp',
      prefix: 'cob_abcd',
      scope: 'WRITE',
      allCompanies: true,
      companyIds: [],
      createdAt: '2026-11-01T10:00:00-03:00',
      lastUsedAt: null,
      revokedAt: null,
    };
    const api = fakeApi({
      AdminTokens: { apiTokens: [token], companies: [{ id: COMPANY.id, name: COMPANY.name }] },
      AdminCreateToken: { createApiToken: { token: { id: 'x' }, secret: 'cob_segredo', errors: ERRORS } },
      AdminRevokeToken: { revokeApiToken: { token: { id: token.id }, errors: ERRORS } },
    });
    const user = userEvent.setup();
    renderSignedIn(<AdminPage section="tokens" />);
    expect(await screen.findByText('Último uso: nunca')).toBeTruthy();
    await user.type(screen.getByLabelText('Nome do token'), 'bi');
    await user.click(screen.getByRole('checkbox', { name: COMPANY.name }));
    await user.click(screen.getByRole('button', { name: 'Emitir token' }));
    expect(((await screen.findByLabelText('Segredo do token')) as HTMLInputElement).value).toBe('cob_segredo');
    expect(api.of('AdminCreateToken')[0]!.variables).toEqual({
      input: { name: 'bi', scope: 'READ', allCompanies: false, companyIds: [COMPANY.id] },
    });
    await user.click(screen.getByRole('button', { name: 'Revogar erp' }));
    expect(await screen.findByText('Token erp revogado.')).toBeTruthy();
  });

  it('Auditoria: filters by user and date', async () => {
    const event = {
      id: 'e1',
      action: 'payment.create',
      actor: 'Bruno Lima',
      targetType: 'FinancialEntry',
      targetId: 'RmluOjE=',
      createdAt: '2026-11-20T14:00:00-03:00',
      details: {},
    };
    const api = fakeApi({
      AdminAudit: {
        auditEvents: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: event }] },
        allUsers: USERS.map(({ id, name }) => ({ id, name })),
      },
    });
    const user = userEvent.setup();
    renderSignedIn(<AdminPage section="auditoria" />);
    expect(await screen.findByText('payment.create')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Usuário'), 'Bruno Lima');
    await user.type(screen.getByLabelText('De'), '01/11/2026');
    await user.click(screen.getByRole('button', { name: 'Filtrar' }));
    await waitFor(() =>
      expect(api.of('AdminAudit').at(-1)!.variables).toEqual({
        debtorId: null,
        actorUserId: USERS[1]!.id,
        dateFrom: '2026-11-01',
        dateTo: null,
        after: null,
      }),
    );
  });
});
