import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { COMPANIES } from '../../test/fixtures';
import { fakeApi } from '../../test/fakeApi';
import { renderSignedIn } from '../../test/render';
import { AgendaPage } from './AgendaPage';

const MINE = {
  id: 'QXBwOjE=',
  responsible: { id: 'VXNlcjox', name: 'Ana Souza' },
  company: COMPANIES[0]!,
  date: '2020-01-10',
  time: '09:00',
  notes: 'Ligar',
  done: false,
  doneAt: null,
  createdAt: '2020-01-01T10:00:00-03:00',
  debtor: { id: 'RGVidG9yOjE=', name: 'Maria da Silva' },
};

describe('Meus Agendamentos', () => {
  it('lists my pending appointments, late ones marked, and filters by date', async () => {
    const api = fakeApi({
      MyAppointments: { myAppointments: [MINE], today: '2026-11-28' },
      MyCalendarUrl: { myCalendarUrl: '/calendar/abc.ics' },
    });
    const user = userEvent.setup();
    renderSignedIn(<AgendaPage />);
    const link = await screen.findByRole('link', { name: 'Maria da Silva' });
    expect(link.getAttribute('href')).toBe(`#/devedores/RGVidG9yOjE%3D?empresa=${COMPANIES[0]!.id}`);
    expect(screen.getByText('Atrasado')).toBeTruthy();
    expect(api.of('MyAppointments')[0]!.variables).toEqual({ from: null, to: null, includeDone: false });

    await user.type(screen.getByLabelText('De'), '01/12/2026');
    await user.click(screen.getByRole('checkbox', { name: 'Mostrar concluídos' }));
    await waitFor(() =>
      expect(api.of('MyAppointments').at(-1)!.variables).toEqual({ from: '2026-12-01', to: null, includeDone: true }),
    );
    await user.click(screen.getByRole('button', { name: /Agenda no calendário/ }));
    await user.click(screen.getByRole('button', { name: 'Mostrar endereço' }));
    expect(((await screen.findByLabelText('Endereço da agenda')) as HTMLInputElement).value).toBe(
      `${window.location.origin}/calendar/abc.ics`,
    );
  });

  it('offers a new calendar address once the first was shown', async () => {
    const api = fakeApi({
      MyAppointments: { myAppointments: [], today: '2026-11-28' },
      MyCalendarUrl: { myCalendarUrl: null },
      RotateCalendarUrl: { rotateCalendarUrl: { url: '/calendar/novo.ics', errors: [] } },
    });
    const user = userEvent.setup();
    renderSignedIn(<AgendaPage />);
    await user.click(await screen.findByRole('button', { name: /Agenda no calendário/ }));
    await user.click(screen.getByRole('button', { name: 'Mostrar endereço' }));
    await user.click(await screen.findByRole('button', { name: 'Gerar novo endereço' }));
    expect(((await screen.findByLabelText('Endereço da agenda')) as HTMLInputElement).value).toBe(
      `${window.location.origin}/calendar/novo.ics`,
    );
    expect(api.of('RotateCalendarUrl')).toHaveLength(1);
  });
});

describe('Meus Agendamentos: "Hoje" and "Atrasado"', () => {
  it("come from each company's today on the server, not from this computer's clock", async () => {
    // The browser is on 1 January (UTC, 02:30); the server says 31 December in São Paulo.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2027, 0, 1, 2, 30)));
    try {
      const company = { ...COMPANIES[0]!, today: '2026-12-31' };
      fakeApi({
        MyAppointments: {
          myAppointments: [
            { ...MINE, id: 'a', company, date: '2026-12-31' },
            { ...MINE, id: 'b', company: null, date: '2026-12-30', debtor: { id: 'RGVidG9yOjI=', name: 'João Lima' } },
          ],
          today: '2026-12-31',
        },
        MyCalendarUrl: { myCalendarUrl: null },
      });
      renderSignedIn(<AgendaPage />);
      const today = (await screen.findByRole('link', { name: 'Maria da Silva' })).closest('tr')!;
      expect(today.textContent).toContain('Hoje');
      expect(today.textContent).not.toContain('Atrasado');
      const late = screen.getByRole('link', { name: 'João Lima' }).closest('tr')!;
      expect(late.textContent).toContain('Atrasado');
    } finally {
      vi.useRealTimers();
    }
  });
});
