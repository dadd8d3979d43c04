import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPANIES, debtorRow, homeSearch } from '../../test/fixtures';
import { fakeApi, json } from '../../test/fakeApi';
import { renderSignedIn } from '../../test/render';
import { HomePage } from './HomePage';

function setup(rows = [debtorRow(1), debtorRow(2, { kind: 'SUPPLIER', name: 'Fornecedor 2' })]) {
  const api = fakeApi({ Companies: { companies: COMPANIES }, HomeSearch: homeSearch(rows) });
  const user = userEvent.setup();
  renderSignedIn(<HomePage />);
  return { api, user, lastSearch: () => api.of('HomeSearch').at(-1)!.variables };
}

describe('Pesquisa de Inadimplências', () => {
  beforeEach(() => {
    window.location.hash = '#/';
  });

  it('lists the overdue debtors by default, with totals, ageing and links per row', async () => {
    const { lastSearch } = setup();
    const table = await screen.findByRole('table');
    expect(lastSearch()).toEqual({ filter: { period: 'OVERDUE' }, orderBy: 'OPEN_AMOUNT_DESC', first: 25 });

    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Cliente 1');
    expect(row.textContent).toContain('529.982.247-25');
    expect(row.textContent).toContain('R$ 1.234,50');
    expect(row.textContent).toContain('05/09/2026');
    expect(row.textContent).toContain('84 dias');
    expect(within(row).getByRole('link', { name: 'Débitos do Cliente' }).getAttribute('href')).toBe(
      '#/devedores/RGVidG9yOj1',
    );
    expect(within(row).getByRole('link', { name: 'Lançamentos Financeiros' }).getAttribute('href')).toBe(
      '#/devedores/RGVidG9yOj1/lancamentos',
    );
    expect(within(table).getAllByRole('row')[2]!.textContent).toContain('Fornecedor');

    const ageing = screen.getByRole('list', { name: 'Saldo por faixa de atraso' });
    expect(
      within(ageing)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      // An empty "A vencer" (always so for Vencidos) is left out.
      '1–30 diasR$ 234,501 lançamento',
      '31–60 diasR$ 0,000 lançamentos',
      '61–90 diasR$ 1.000,002 lançamentos',
      'Mais de 90 diasR$ 0,000 lançamentos',
    ]);
    expect(screen.getByRole('region', { name: 'Resumo da pesquisa' }).textContent).toContain('R$ 1.234,50');
  });

  it('says so when nobody owes', async () => {
    setup([]);
    expect(await screen.findByText('Nenhum cliente inadimplente encontrado.')).toBeTruthy();
  });

  it('searches by name or CPF/CNPJ with the magnifier and keeps it in the URL', async () => {
    const { user, lastSearch } = setup();
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('Pesquisar por Cliente'), 'joão 529');
    await user.click(screen.getByRole('button', { name: 'Pesquisar' }));

    await waitFor(() => expect(lastSearch().filter).toEqual({ period: 'OVERDUE', search: 'joão 529' }));
    expect(window.location.hash).toBe('#/?q=jo%C3%A3o+529');
  });

  it('builds the filter of Busca Avançada, Personalizado included, and passes the company on', async () => {
    const { user, lastSearch } = setup();
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('Pesquisar por Cliente'), 'Silva');
    await user.click(screen.getByRole('button', { name: 'Busca Avançada' }));

    expect((screen.getByLabelText('Cliente') as HTMLInputElement).value).toBe('Silva');
    await user.selectOptions(screen.getByLabelText('Empresa'), 'Bexus Serviços Ltda');
    await user.selectOptions(screen.getByLabelText('Clientes ou fornecedores'), 'Fornecedores');
    expect(screen.queryByLabelText('Data Inicial')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Por Período'), 'Personalizado');
    await user.type(screen.getByLabelText('Data Inicial'), '01/01/2026');
    await user.type(screen.getByLabelText('Data Final'), '31/03/2026');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));

    await waitFor(() =>
      expect(lastSearch().filter).toEqual({
        search: 'Silva',
        companyId: 'Q29tcGFueToy',
        kind: 'SUPPLIER',
        period: 'CUSTOM',
        dueFrom: '2026-01-01',
        dueTo: '2026-03-31',
      }),
    );
    expect(window.location.hash).toBe(
      '#/?q=Silva&empresa=Q29tcGFueToy&tipo=fornecedores&periodo=personalizado&de=2026-01-01&ate=2026-03-31',
    );
    const pencil = (await screen.findAllByRole('link', { name: 'Débitos do Cliente' }))[0]!;
    expect(pencil.getAttribute('href')).toBe('#/devedores/RGVidG9yOj1?empresa=Q29tcGFueToy');
  });

  it('sends a preset period without dates, even if dates were typed for Personalizado', async () => {
    const { user, lastSearch } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Busca Avançada' }));
    await user.selectOptions(screen.getByLabelText('Por Período'), 'Personalizado');
    await user.type(screen.getByLabelText('Data Inicial'), '01/01/2026');
    await user.selectOptions(screen.getByLabelText('Por Período'), 'Próxima semana');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));

    await waitFor(() => expect(lastSearch().filter).toEqual({ period: 'NEXT_WEEK' }));
    expect(window.location.hash).toBe('#/?periodo=proxima-semana');
  });

  it('asks for a date before searching Personalizado, and for them in order', async () => {
    const { api, user } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Busca Avançada' }));
    await user.selectOptions(screen.getByLabelText('Por Período'), 'Personalizado');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));

    const from = screen.getByLabelText('Data Inicial');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Informe a data inicial, a data final ou as duas.')).toBeTruthy();

    await user.type(from, '01/05/2026');
    await user.type(screen.getByLabelText('Data Final'), '01/04/2026');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));
    expect(screen.getByText('A data final deve ser igual ou posterior à data inicial.')).toBeTruthy();
    expect(api.of('HomeSearch')).toHaveLength(1);
  });

  it('restores the search from the URL on reload, and Limpar Filtros returns to the default list', async () => {
    window.location.hash = '#/?q=Silva&empresa=Q29tcGFueTox&tipo=clientes&periodo=este-mes&ordem=nome';
    const { user, lastSearch } = setup();
    await screen.findByRole('table');
    expect(lastSearch()).toEqual({
      filter: { search: 'Silva', companyId: 'Q29tcGFueTox', kind: 'CUSTOMER', period: 'THIS_MONTH' },
      orderBy: 'NAME_ASC',
      first: 25,
    });
    // The panel opens by itself when its filters are in use.
    expect((screen.getByLabelText('Empresa') as HTMLSelectElement).value).toBe('Q29tcGFueTox');
    expect((screen.getByLabelText('Por Período') as HTMLSelectElement).value).toBe('THIS_MONTH');

    await user.click(screen.getByRole('button', { name: 'Limpar Filtros' }));

    await waitFor(() =>
      expect(lastSearch()).toEqual({ filter: { period: 'OVERDUE' }, orderBy: 'OPEN_AMOUNT_DESC', first: 25 }),
    );
    expect(window.location.hash).toBe('#/');
    expect((screen.getByLabelText('Cliente') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Empresa') as HTMLSelectElement).value).toBe('');
    expect((screen.getByLabelText('Clientes ou fornecedores') as HTMLSelectElement).value).toBe('');
    expect((screen.getByLabelText('Por Período') as HTMLSelectElement).value).toBe('OVERDUE');
  });

  it('sorts by the column headers', async () => {
    const { user, lastSearch } = setup();
    const table = await screen.findByRole('table');
    const amount = within(table).getByRole('columnheader', { name: /Saldo em aberto/ });
    expect(amount.getAttribute('aria-sort')).toBe('descending');

    await user.click(within(amount).getByRole('button'));
    await waitFor(() => expect(lastSearch().orderBy).toBe('OPEN_AMOUNT_ASC'));
    expect(window.location.hash).toBe('#/?ordem=menor-saldo');

    await user.click(within(table).getByRole('button', { name: /Vencimento mais antigo/ }));
    await waitFor(() => expect(lastSearch().orderBy).toBe('OLDEST_DUE_ASC'));
    await user.click(within(table).getByRole('button', { name: /Cliente/ }));
    await waitFor(() => expect(lastSearch().orderBy).toBe('NAME_ASC'));
    expect(
      within(table)
        .getByRole('columnheader', { name: /Cliente/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
  });

  it('sorts every sortable column both ways, Dias em atraso included', async () => {
    const { user, lastSearch } = setup();
    const table = await screen.findByRole('table');
    const header = (name: RegExp) => within(table).getByRole('columnheader', { name });
    const days = header(/Dias em atraso/);
    await user.click(within(days).getByRole('button'));
    await waitFor(() => expect(lastSearch().orderBy).toBe('OLDEST_DUE_ASC'));
    expect(header(/Dias em atraso/).getAttribute('aria-sort')).toBe('descending');
    // Only the column clicked is marked, though Vencimento mais antigo sorts by the same date.
    expect(header(/Vencimento mais antigo/).getAttribute('aria-sort')).toBeNull();
    await user.click(within(header(/Dias em atraso/)).getByRole('button'));
    await waitFor(() => expect(lastSearch().orderBy).toBe('OLDEST_DUE_DESC'));
    expect(header(/Dias em atraso/).getAttribute('aria-sort')).toBe('ascending');
    expect(window.location.hash).toBe('#/?ordem=menos-dias');
    await user.click(within(header(/Vencimento mais antigo/)).getByRole('button'));
    await user.click(within(header(/Vencimento mais antigo/)).getByRole('button'));
    await waitFor(() => expect(lastSearch().orderBy).toBe('OLDEST_DUE_DESC'));
    expect(header(/Vencimento mais antigo/).getAttribute('aria-sort')).toBe('descending');
    await user.click(within(header(/Cliente/)).getByRole('button'));
    await user.click(within(header(/Cliente/)).getByRole('button'));
    await waitFor(() => expect(lastSearch().orderBy).toBe('NAME_DESC'));
    // The same orders from a select, for phones (the headers are hidden with the table).
    await user.selectOptions(screen.getByLabelText('Ordenar por'), 'Mais dias em atraso');
    await waitFor(() => expect(lastSearch().orderBy).toBe('OLDEST_DUE_ASC'));
  });

  it('applies a preset period at once and clears a date error when the date changes', async () => {
    const { api, user, lastSearch } = setup();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Busca Avançada' }));
    await user.selectOptions(screen.getByLabelText('Por Período'), 'Este mês');
    await waitFor(() => expect(lastSearch().filter).toEqual({ period: 'THIS_MONTH' }));
    expect(window.location.hash).toBe('#/?periodo=este-mes');

    const searches = api.of('HomeSearch').length;
    await user.selectOptions(screen.getByLabelText('Por Período'), 'Personalizado');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));
    expect(screen.getByText('Informe a data inicial, a data final ou as duas.')).toBeTruthy();
    expect(api.of('HomeSearch')).toHaveLength(searches); // Personalizado waits for its dates
    await user.type(screen.getByLabelText('Data Inicial'), '0');
    expect(screen.queryByText('Informe a data inicial, a data final ou as duas.')).toBeNull();
    expect(screen.getByLabelText('Data Inicial').getAttribute('aria-invalid')).toBeNull();
  });

  it('comes back with the rows loaded before and the same scroll position', async () => {
    const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => debtorRow(from + i));
    window.sessionStorage.setItem('cobrancas.pesquisa', JSON.stringify({ hash: '#/', rows: 130, scrollY: 640 }));
    const scrollTo = vi.fn();
    vi.stubGlobal('scrollTo', scrollTo);
    const api = fakeApi({
      Companies: { companies: COMPANIES },
      HomeSearch: homeSearch(range(1, 100), { hasNextPage: true, endCursor: 'c100' }),
      DebtorPage: (_variables: Record<string, unknown>, call: number) => ({
        debtors: {
          totalCount: 300,
          pageInfo: { hasNextPage: true, endCursor: `c${125 + call * 25}` },
          edges: range(101 + call * 25, 25),
        },
      }),
    });
    renderSignedIn(<HomePage />);
    await waitFor(() => expect(scrollTo).toHaveBeenCalledWith(0, 640));
    // 100 in the first request (the API's largest page), then page by page up to 130.
    expect(api.of('HomeSearch')[0]!.variables.first).toBe(100);
    expect(api.of('DebtorPage').map((call) => call.variables.after)).toEqual(['c100', 'c125']);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(151); // header + 150
  });

  it('shows a failed search alone, without the previous list and totals', async () => {
    let fail = false;
    fakeApi({
      Companies: { companies: COMPANIES },
      HomeSearch: () =>
        fail ? json(200, { errors: [{ message: 'Texto muito longo.', extensions: { code: 'TOO_LONG' } }] }) : homeSearch([debtorRow(1)]),
    });
    const user = userEvent.setup();
    renderSignedIn(<HomePage />);
    await screen.findByRole('table');
    expect(screen.getByRole('region', { name: 'Resumo da pesquisa' })).toBeTruthy();
    fail = true;
    await user.type(screen.getByLabelText('Pesquisar por Cliente'), 'x{Enter}');
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Resumo da pesquisa' })).toBeNull();
  });

  it('pages with Carregar mais, from the last cursor', async () => {
    const api = fakeApi({
      Companies: { companies: COMPANIES },
      HomeSearch: homeSearch([debtorRow(1)], { hasNextPage: true, endCursor: 'c1' }),
      DebtorPage: {
        debtors: { totalCount: 2, pageInfo: { hasNextPage: false, endCursor: 'c2' }, edges: [debtorRow(2)] },
      },
    });
    const user = userEvent.setup();
    renderSignedIn(<HomePage />);
    await user.click(await screen.findByRole('button', { name: 'Carregar mais' }));

    expect(await screen.findByText('Cliente 2')).toBeTruthy();
    expect(api.of('DebtorPage')[0]!.variables).toEqual({
      filter: { period: 'OVERDUE' },
      orderBy: 'OPEN_AMOUNT_DESC',
      first: 25,
      after: 'c1',
    });
    expect(screen.getAllByRole('link', { name: 'Débitos do Cliente' })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Carregar mais' })).toBeNull();
  });

  it('shows the API error in Portuguese, with a retry', async () => {
    let fail = true;
    fakeApi({
      Companies: { companies: COMPANIES },
      HomeSearch: () =>
        fail
          ? json(200, {
              data: null,
              errors: [{ message: 'Informe a data inicial ou a data final do período personalizado.' }],
            })
          : homeSearch([debtorRow(1)]),
    });
    const user = userEvent.setup();
    renderSignedIn(<HomePage />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Informe a data inicial ou a data final do período personalizado.');

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Tentar novamente' }));
    expect(await screen.findByText('Cliente 1')).toBeTruthy();
  });

  it('translates the errors the API cannot word in Portuguese', async () => {
    fakeApi({
      Companies: { companies: COMPANIES },
      HomeSearch: json(200, { data: null, errors: [{ message: 'Unexpected error.' }] }),
    });
    renderSignedIn(<HomePage />);
    expect((await screen.findByRole('alert')).textContent).toContain('Ocorreu um erro inesperado no servidor.');
  });

  it('offers the search as CSV and XLSX files made by the server, with the same filter', async () => {
    fakeApi({ Companies: { companies: COMPANIES }, HomeSearch: homeSearch([debtorRow(1)]) });
    window.location.hash = '#/?q=jo%C3%A3o&periodo=este-mes&ordem=nome';
    renderSignedIn(<HomePage />);
    const csv = await screen.findByRole('link', { name: 'Exportar CSV' });
    const xlsx = screen.getByRole('link', { name: 'Exportar XLSX' });
    expect(csv.getAttribute('href')).toBe('/export/debtors.csv?period=THIS_MONTH&search=jo%C3%A3o&orderBy=NAME_ASC');
    expect(xlsx.getAttribute('href')).toBe('/export/debtors.xlsx?period=THIS_MONTH&search=jo%C3%A3o&orderBy=NAME_ASC');
    expect(csv.hasAttribute('download')).toBe(true);
  });
});

