import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fakeApi';
import { renderSignedIn } from '../../test/render';
import { EmailViewPage } from './EmailViewPage';

describe('Visualizar e-mail', () => {
  it('shows the e-mail exactly as sent, its HTML sandboxed', async () => {
    const html = '<p>Olá, <b>Maria</b></p><script>alert(1)</script>';
    fakeApi({
      SentEmailView: {
        sentEmail: {
          id: 'U2VudEVtYWlsOjk=',
          debtor: { id: 'RGVidG9yOjE=', name: 'Maria da Silva' },
          company: { id: 'Q29tcGFueTox', name: 'Bexus Comércio Ltda', email: 'financeiro@bexus.com.br' },
          to: ['maria@exemplo.com.br', 'joao@exemplo.com.br'],
          subject: 'Cobrança de novembro',
          html,
          status: 'FAILED',
          attempts: 5,
          lastError: 'SMTP 550: mailbox unavailable',
          queuedAt: '2026-11-28T10:00:00-03:00',
          sentAt: null,
          sentBy: { id: 'VXNlcjox', name: 'Ana Souza' },
        },
      },
    });
    renderSignedIn(<EmailViewPage emailId="U2VudEVtYWlsOjk=" />);
    const frame = (await screen.findByTitle('Conteúdo do e-mail: Cobrança de novembro')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(html);
    const meta = document.querySelector('.email-meta')!.textContent;
    expect(meta).toContain('Bexus Comércio Ltda <financeiro@bexus.com.br>');
    expect(meta).toContain('maria@exemplo.com.br, joao@exemplo.com.br');
    expect(meta).toContain('Na fila desde');
    expect(meta).toContain('Falhou 5 tentativas');
    expect(meta).toContain('SMTP 550: mailbox unavailable');
    expect(meta).toContain('Ana Souza');
    await waitFor(() => expect(document.title).toBe('Cobrança de novembro — E-mail de cobrança'));
  });
});
