// Answers shaped like the API's, for the screens' tests. Only what a test needs differs.
import type {
  DebtorDetailQuery,
  DebtorRowFragment,
  EntryRowFragment,
  HomeSearchQuery,
  OverdueEntryRowFragment,
} from '../gql/graphql';

export const NO_MORE: { hasNextPage: boolean; endCursor: string | null } = { hasNextPage: false, endCursor: null };

/** The server's today in the companies' zone; tests set the browser's clock elsewhere. */
export const SERVER_TODAY = '2026-11-28';

export const COMPANIES = [
  { id: 'Q29tcGFueTox', name: 'Bexus Comércio Ltda', today: SERVER_TODAY },
  { id: 'Q29tcGFueToy', name: 'Bexus Serviços Ltda', today: SERVER_TODAY },
];

export function debtorRow(n: number, patch: Partial<DebtorRowFragment['node']> = {}): DebtorRowFragment {
  return {
    cursor: `c${n}`,
    node: {
      id: `RGVidG9yOj${n}`,
      name: `Cliente ${n}`,
      kind: 'CUSTOMER',
      document: '52998224725',
      documentFormatted: '529.982.247-25',
      email: `cliente${n}@exemplo.com.br`,
      ...patch,
    },
    balance: { openAmount: '1234.50', entryCount: 3, oldestDueDate: '2026-09-05', maxDaysOverdue: 84 },
  };
}

export function homeSearch(rows: DebtorRowFragment[], more = NO_MORE): HomeSearchQuery {
  return {
    debtors: { totalCount: rows.length, totalOpenAmount: '1234.50', pageInfo: more, edges: rows },
    collectionSummary: {
      totalOpenAmount: '1234.50',
      debtorCount: rows.length,
      entryCount: 3,
      today: SERVER_TODAY,
      dueFrom: null,
      dueTo: '2026-11-27',
      buckets: [
        { label: 'A vencer', minDays: -36500, maxDays: 0, openAmount: '0.00', entryCount: 0 },
        { label: '1–30 dias', minDays: 1, maxDays: 30, openAmount: '234.50', entryCount: 1 },
        { label: '31–60 dias', minDays: 31, maxDays: 60, openAmount: '0.00', entryCount: 0 },
        { label: '61–90 dias', minDays: 61, maxDays: 90, openAmount: '1000.00', entryCount: 2 },
        { label: 'Mais de 90 dias', minDays: 91, maxDays: null, openAmount: '0.00', entryCount: 0 },
      ],
    },
  };
}

export function overdueEntry(n: number, patch: Partial<OverdueEntryRowFragment> = {}): OverdueEntryRowFragment {
  return {
    id: `RW50cnk6${n}`,
    code: `00${n}`,
    description: `Parcela ${n}`,
    company: COMPANIES[0]!,
    dueDate: '2026-09-05',
    amount: '1000.00',
    openAmount: '1000.00',
    daysOverdue: 84,
    lateFee: '20.00',
    interest: '27.60',
    updatedAmount: '1047.60',
    ...patch,
  };
}

type Debtor = NonNullable<DebtorDetailQuery['debtor']>;

export function debtorDetail(patch: Partial<Debtor> = {}): DebtorDetailQuery {
  const entries = [overdueEntry(1), overdueEntry(2, { company: COMPANIES[1]!, dueDate: '2026-08-01' })];
  return {
    debtor: {
      id: 'RGVidG9yOjE=',
      name: 'Maria da Silva',
      kind: 'CUSTOMER',
      document: '52998224725',
      documentFormatted: '529.982.247-25',
      email: 'maria@exemplo.com.br',
      phone: '1134567890',
      mobile: null,
      phoneFormatted: '(11) 3456-7890',
      mobileFormatted: null,
      lastEmailedAt: null,
      address: {
        postalCode: '01310100',
        postalCodeFormatted: '01310-100',
        street: 'Avenida Paulista',
        number: '1000',
        complement: null,
        district: 'Bela Vista',
        city: 'São Paulo',
        state: 'SP',
      },
      overdueBalance: { openAmount: '2000.00', entryCount: 2, oldestDueDate: '2026-08-01', maxDaysOverdue: 119 },
      overdueEntries: { totalCount: 2, pageInfo: NO_MORE, edges: entries.map((node) => ({ node })) },
      contacts: [],
      appointments: [],
      sentEmails: { totalCount: 0, pageInfo: NO_MORE, edges: [] },
      ...patch,
    },
    companies: COMPANIES.map((company) => ({ ...company, emailTemplates: [] })),
    today: SERVER_TODAY,
    users: [{ id: 'VXNlcjox', name: 'Ana Souza' }],
    emailPlaceholders: [
      {
        name: 'cliente',
        token: '{{ cliente }}',
        description: 'Nome do cliente.',
        example: 'Maria da Silva',
        inSubject: true,
      },
    ],
  };
}

export function entryRow(patch: Partial<EntryRowFragment> = {}): EntryRowFragment {
  return {
    id: 'RW50cnk6MQ==',
    code: '000123',
    description: 'Mensalidade',
    company: COMPANIES[0]!,
    issueDate: '2026-08-01',
    dueDate: '2026-09-05',
    amount: '1234.56',
    paidAmount: '200.00',
    openAmount: '1034.56',
    status: 'PARTIALLY_PAID',
    isOverdue: true,
    version: 3,
    cancelledAt: null,
    cancelReason: null,
    charges: { on: '2026-11-28', daysOverdue: 84, lateFee: '20.69', interest: '28.55', updatedAmount: '1083.80' },
    receivedCharges: '0.00',
    waivedCharges: '0.00',
    payments: [],
    ...patch,
  };
}

/** Pausas, promessas and Histórico of Débitos do Cliente: nothing recorded yet. */
export function debtorFollowUp(patch: Record<string, unknown> = {}) {
  return {
    debtor: {
      id: 'RGVidG9yOjE=',
      collectionPauses: [],
      paymentPromises: [],
      history: { pageInfo: NO_MORE, edges: [] },
      ...patch,
    },
  };
}
