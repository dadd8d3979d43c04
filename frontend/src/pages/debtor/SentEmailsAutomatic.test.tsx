import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import type { SentEmailRowFragment } from '../../gql/graphql';
import { COMPANIES, NO_MORE, debtorDetail, debtorFollowUp } from '../../test/fixtures';
import { fakeApi } from '../../test/fakeApi';
import { renderSignedIn } from '../../test/render';
import { DebtorPage } from './DebtorPage';

const email = (n: number, patch: Partial<SentEmailRowFragment>): SentEmailRowFragment => ({
  id: `U2VudEVtYWlsOj${n}`,
  company: COMPANIES[0]!,
  to: ['maria@exemplo.com.br'],
  subject: `Cobrança ${n}`,
  status: 'SENT',
  attempts: 1,
  lastError: null,
  queuedAt: '2026-11-28T10:00:00-03:00',
  sentAt: '2026-11-28T10:00:05-03:00',
  sentBy: null,
  automatic: false,
  collectionStepDays: null,
  ...patch,
});

it('marks the e-mails the régua sent as automatic, with their step', async () => {
  window.location.hash = '#/devedores/RGVidG9yOjE=';
  const sent = [
    email(1, { automatic: true, collectionStepDays: 10 }),
    email(2, { sentBy: { id: 'VXNlcjox', name: 'Ana Souza' } }),
  ];
  fakeApi({
    DebtorDetail: debtorDetail({ sentEmails: { totalCount: 2, pageInfo: NO_MORE, edges: sent.map((node) => ({ node })) } }),
    DebtorFollowUp: debtorFollowUp(),
  });
  renderSignedIn(<DebtorPage debtorId="RGVidG9yOjE=" />);
  await userEvent.setup().click(await screen.findByRole('button', { name: /^Dados do E-mail/ }));
  const table = await screen.findByRole('table', { name: 'E-mails enviados' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(within(rows[0]!).getByText('Automático (régua D+10)')).toBeTruthy();
  expect(within(rows[1]!).getByText('Ana Souza')).toBeTruthy();
  expect(within(rows[1]!).queryByText(/Automático/)).toBeNull();
});
