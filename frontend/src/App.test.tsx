import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { requestText } from './test/fakeApi';

const ANA = { id: 'VXNlcjox', name: 'Ana Souza', email: 'ana@example.com' };

type Call = { url: string; init: RequestInit; body: unknown };

const NO_PAGE = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };
const EMPTY_ANSWERS: Record<string, unknown> = {
  Me: { me: ANA },
  Companies: { companies: [] },
  HomeSearch: {
    debtors: { totalCount: 0, totalOpenAmount: '0.00', pageInfo: NO_PAGE, edges: [] },
    collectionSummary: {
      totalOpenAmount: '0.00',
      debtorCount: 0,
      entryCount: 0,
      today: '2026-11-28',
      dueFrom: null,
      dueTo: '2026-11-27',
      buckets: [],
    },
  },
  DebtorDetail: { debtor: null, companies: [], today: '2026-11-28', users: [] },
  DebtorEntries: { debtor: null },
  SentEmailView: { sentEmail: null },
};

/** A stand-in for the backend's /auth and /graphql routes, with a session flag for the cookie. */
function fakeBackend({ signedIn }: { signedIn: boolean }) {
  const calls: Call[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ url, init, body });
      switch (url) {
        case '/auth/login':
          if (body.password === 'de novo')
            return new Response(
              JSON.stringify({ error: 'Muitas tentativas de entrar. Aguarde 15 minutos e tente novamente.' }),
              { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '900' } },
            );
          if (body.password !== 'certa') return json(401, { error: 'E-mail ou senha incorretos.' });
          signedIn = true;
          return json(200, { user: ANA });
        case '/auth/logout':
          signedIn = false;
          return json(200, {});
        case '/graphql':
          if (!signedIn) return json(401, { error: 'Não autenticado.' });
          return json(200, { data: EMPTY_ANSWERS[/(?:query|mutation) (\w+)/.exec(requestText(body) ?? '')?.[1] ?? ''] ?? null });
        default:
          return json(404, {});
      }
    }),
  );
  return calls;
}

describe('App', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('logs in after showing the server message for a wrong password', async () => {
    const calls = fakeBackend({ signedIn: false });
    const user = userEvent.setup();
    render(<App />);

    await user.type(await screen.findByLabelText('E-mail'), 'ana@example.com');
    await user.type(screen.getByLabelText('Senha'), 'errada');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));
    expect((await screen.findByRole('alert')).textContent).toBe('E-mail ou senha incorretos.');

    await user.clear(screen.getByLabelText('Senha'));
    await user.type(screen.getByLabelText('Senha'), 'certa');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Pesquisa de Inadimplências' })).toBeTruthy();
    expect(screen.getByRole('banner').textContent).toContain('Olá, Ana Souza');
    expect(screen.getByRole('link', { name: 'Explorador da API' }).getAttribute('href')).toBe('/explorer');
    expect(document.title).toBe('Pesquisa de Inadimplências — Cobranças');

    const loginCall = calls.find((call) => call.url === '/auth/login' && call.body !== undefined)!;
    expect(loginCall.init.method).toBe('POST');
    expect(loginCall.body).toEqual({ email: 'ana@example.com', password: 'errada' });

    expect(await screen.findByText('Nenhum cliente inadimplente encontrado.')).toBeTruthy();
    const meCall = calls.filter((call) => call.url === '/graphql')[0]!;
    expect(meCall.url).toBe('/graphql');
    expect(meCall.init.method).toBe('POST');
    expect(meCall.init.credentials).toBe('same-origin');
    expect(new Headers(meCall.init.headers).get('Content-Type')).toBe('application/json');
    // The operation goes by its trusted-document id (api.ts), the text registered under it.
    const meBody = meCall.body as { documentId?: string; query?: string };
    expect(meBody.query).toBeUndefined();
    expect(meBody.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(requestText(meBody)).toMatch(/query Me\s*{\s*me\s*{\s*id\s+name\s+email/);
  });

  it('shows the wait after too many attempts and keeps the button off meanwhile', async () => {
    fakeBackend({ signedIn: false });
    const user = userEvent.setup();
    render(<App />);

    await user.type(await screen.findByLabelText('E-mail'), 'ana@example.com');
    await user.type(screen.getByLabelText('Senha'), 'de novo');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Muitas tentativas de entrar. Aguarde 15 minutos e tente novamente.',
    );
    expect((screen.getByRole('button', { name: 'Entrar' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('opens on the home page with a live session and signs out with Sair', async () => {
    const calls = fakeBackend({ signedIn: true });
    const user = userEvent.setup();
    render(<App />);

    await user.click(await screen.findByRole('button', { name: 'Sair' }));

    expect(await screen.findByRole('button', { name: 'Entrar' })).toBeTruthy();
    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'POST /graphql', // Me
      'POST /graphql', // Companies
      'POST /graphql', // HomeSearch
      'POST /auth/logout',
    ]);
    expect(screen.queryByText(/Olá/)).toBeNull();
  });

  it('routes by the hash to the debtor screens', async () => {
    fakeBackend({ signedIn: true });
    window.location.hash = '#/devedores/RGVidG9yOjE%3D';
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Débitos do Cliente' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Lançamentos Financeiros' }));
    expect(window.location.hash).toBe('#/devedores/RGVidG9yOjE%3D/lancamentos');
    expect(await screen.findByRole('heading', { level: 1, name: 'Lançamentos Financeiros' })).toBeTruthy();
  });

  it('shows a sent e-mail alone, without the dashboard frame, in its own window', async () => {
    fakeBackend({ signedIn: true });
    window.location.hash = '#/emails/U2VudEVtYWlsOjk%3D';
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'E-mail de cobrança' })).toBeTruthy();
    expect(await screen.findByRole('alert')).toBeTruthy(); // this one does not exist
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Explorador da API' })).toBeNull();
  });
});
