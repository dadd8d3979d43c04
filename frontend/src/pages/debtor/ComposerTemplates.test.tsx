import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { COMPANIES, debtorDetail, debtorFollowUp } from '../../test/fixtures';
import { fakeApi } from '../../test/fakeApi';
import { renderSignedIn } from '../../test/render';
import { DebtorPage } from './DebtorPage';

const GENTLE = { id: 'RW1haWxUZW1wbGF0ZTox', name: 'Lembrete cordial', subject: 'Lembrete de {{ cliente }}', body: 'Olá, {{ cliente }}.', isDefault: true };
const FIRM = { id: 'RW1haWxUZW1wbGF0ZToy', name: 'Aviso firme', subject: 'Aviso', body: 'Pendências em aberto.', isDefault: false };
const OTHER = { id: 'RW1haWxUZW1wbGF0ZToz', name: 'Serviços', subject: 'Serviços em aberto', body: 'Olá.', isDefault: true };

function detail() {
  const data = debtorDetail();
  return {
    ...data,
    companies: [
      { ...COMPANIES[0]!, emailTemplates: [GENTLE, FIRM] },
      { ...COMPANIES[1]!, emailTemplates: [OTHER] },
    ],
  };
}

const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('Débitos do Cliente: the composer opens with a template', () => {
  beforeEach(() => {
    window.location.hash = `#/devedores/RGVidG9yOjE=?empresa=${COMPANIES[0]!.id}`;
  });

  it("fills in the company's default, lets the user pick another, and follows the company", { timeout: 15000 }, async () => {
    fakeApi({ DebtorDetail: detail(), DebtorFollowUp: debtorFollowUp() });
    const user = userEvent.setup();
    renderSignedIn(<DebtorPage debtorId="RGVidG9yOjE=" />);
    await user.click(await screen.findByRole('button', { name: 'Enviar cobrança' }));

    expect(value('Modelo de e-mail')).toBe(GENTLE.id);
    expect(value('Título do E-mail')).toBe(GENTLE.subject);
    expect(value('Descrição do E-mail')).toBe(GENTLE.body);

    await user.selectOptions(screen.getByLabelText('Modelo de e-mail'), FIRM.id);
    expect(value('Título do E-mail')).toBe('Aviso');
    expect(value('Descrição do E-mail')).toBe('Pendências em aberto.');

    // Untouched text follows the other company's default.
    await user.selectOptions(screen.getByLabelText('Empresa do E-mail'), COMPANIES[1]!.id);
    expect(value('Título do E-mail')).toBe('Serviços em aberto');
    expect(value('Modelo de e-mail')).toBe(OTHER.id);
  });

  it('keeps what the user typed when the company changes', async () => {
    fakeApi({ DebtorDetail: detail(), DebtorFollowUp: debtorFollowUp() });
    const user = userEvent.setup();
    renderSignedIn(<DebtorPage debtorId="RGVidG9yOjE=" />);
    await user.click(await screen.findByRole('button', { name: 'Enviar cobrança' }));
    await user.type(screen.getByLabelText('Título do E-mail'), '!');
    await user.selectOptions(screen.getByLabelText('Empresa do E-mail'), COMPANIES[1]!.id);
    expect(value('Título do E-mail')).toBe('Lembrete de {{ cliente }}!');
    expect(value('Modelo de e-mail')).toBe('');
  });

  it('opens at once, for the entry\'s company, when the user came from "Cobrar"', async () => {
    window.location.hash = `#/devedores/RGVidG9yOjE=?empresa=${COMPANIES[1]!.id}&cobrar=1`;
    fakeApi({ DebtorDetail: detail(), DebtorFollowUp: debtorFollowUp() });
    renderSignedIn(<DebtorPage debtorId="RGVidG9yOjE=" />);
    expect(((await screen.findByLabelText('Empresa do E-mail')) as HTMLSelectElement).value).toBe(COMPANIES[1]!.id);
    expect(value('Título do E-mail')).toBe('Serviços em aberto');
  });
});
