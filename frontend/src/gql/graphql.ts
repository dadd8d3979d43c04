/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddContactInput = {
  debtorId: string | number;
  department?: string | null | undefined;
  email?: string | null | undefined;
  mobile?: string | null | undefined;
  name: string;
  phone?: string | null | undefined;
  /** Cargo. */
  role?: string | null | undefined;
};

/** An address; omitted fields stay as they are, "" clears one. */
export type AddressInput = {
  city?: string | null | undefined;
  complement?: string | null | undefined;
  district?: string | null | undefined;
  number?: string | null | undefined;
  postalCode?: string | null | undefined;
  state?: string | null | undefined;
  street?: string | null | undefined;
};

export type AnonymizeDebtorInput = {
  debtorId: string | number;
  /** Why (e.g. the data subject's request of …). */
  reason: string;
};

export type CancelEntryInput = {
  id: string | number;
  reason: string;
};

export type CompleteAppointmentInput = {
  /** false reopens it. */
  done?: boolean | null | undefined;
  id: string | number;
};

export type CreateApiTokenInput = {
  allCompanies?: boolean;
  companyIds?: Array<string | number> | null | undefined;
  name: string;
  scope?: TokenScope;
};

export type CreateCompanyInput = {
  address?: AddressInput | null | undefined;
  /** CNPJ, numeric or alphanumeric (12.ABC.345/01DE-35). */
  document?: string | null | undefined;
  email?: string | null | undefined;
  lateFeePercent?: string | null | undefined;
  monthlyInterestPercent?: string | null | undefined;
  name: string;
  /** Chave PIX: CPF, CNPJ, e-mail, mobile as +55 11 98765-4321, or a random key (UUID). */
  pixKey?: string | null | undefined;
  /** Days after an e-mail during which another needs confirmRecentContact; 0 is off. */
  recentContactDays?: number | null | undefined;
  timeZone?: string | null | undefined;
};

export type CreateUserInput = {
  allCompanies?: boolean;
  companyIds?: Array<string | number> | null | undefined;
  email: string;
  name: string;
  password: string;
  role?: Role;
};

export type CreateWebhookEndpointInput = {
  companyId: string | number;
  description?: string | null | undefined;
  events: Array<string>;
  /** http:// or https://; never a private address. */
  url: string;
};

/** Pesquisa de Inadimplências; every field is optional. */
export type DebtorFilter = {
  companyId?: string | number | null | undefined;
  /** With CUSTOM, inclusive. */
  dueFrom?: string | null | undefined;
  /** With CUSTOM, inclusive. */
  dueTo?: string | null | undefined;
  kind?: DebtorKind | null | undefined;
  period?: PeriodPreset | null | undefined;
  /** A name (accent- and case-insensitive; every word must appear) or the start of a CPF/CNPJ (punctuation allowed; letters too, for an alphanumeric CNPJ). */
  search?: string | null | undefined;
};

/** One debtor of a bulk upsert; omitted fields stay, "" clears. */
export type DebtorItemInput = {
  address?: AddressInput | null | undefined;
  document?: string | null | undefined;
  email?: string | null | undefined;
  /** The partner's id, unique in the company. */
  externalId: string;
  kind?: DebtorKind | null | undefined;
  mobile?: string | null | undefined;
  /** Required for a new debtor. */
  name?: string | null | undefined;
  phone?: string | null | undefined;
};

export type DebtorKind =
  | 'CUSTOMER'
  | 'SUPPLIER';

/** Ties are broken by the debtor, always the same way. */
export type DebtorOrder =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'OLDEST_DUE_ASC'
  | 'OLDEST_DUE_DESC'
  | 'OPEN_AMOUNT_ASC'
  | 'OPEN_AMOUNT_DESC';

export type DeleteAppointmentInput = {
  id: string | number;
};

export type DeleteWebhookEndpointInput = {
  id: string | number;
};

/** QUEUED: waiting for the worker (also between retries); SENDING: a worker holds it; SENT: accepted by the SMTP server (or written to the outbox folder); FAILED: gave up. */
export type EmailStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'SENDING'
  | 'SENT';

/** One entry of a bulk upsert, its debtor named by its externalId. */
export type EntryItemInput = {
  amount: string;
  category?: string | null | undefined;
  /** Unique per company; the entry's id when absent. */
  code?: string | null | undefined;
  costCenter?: string | null | undefined;
  /** The debtor's externalId in the same company (upsertDebtors gave it). */
  debtorExternalId: string;
  description: string;
  documentNumber?: string | null | undefined;
  dueDate: string;
  externalId: string;
  issueDate?: string | null | undefined;
};

export type EntryStatus =
  | 'CANCELLED'
  | 'OPEN'
  | 'PAID'
  | 'PARTIALLY_PAID';

/** Due-date periods, from today in the company's time zone (the installation's when the search spans companies). OVERDUE: unpaid and due before today. */
export type PeriodPreset =
  | 'CUSTOM'
  | 'LAST_MONTH'
  | 'LAST_WEEK'
  | 'NEXT_MONTH'
  | 'NEXT_WEEK'
  | 'OVERDUE'
  | 'THIS_MONTH'
  | 'THIS_WEEK'
  | 'THIS_YEAR'
  | 'TODAY'
  | 'TOMORROW'
  | 'YESTERDAY';

export type RemoveContactInput = {
  id: string | number;
};

export type RetryEmailInput = {
  id: string | number;
};

export type RetryWebhookDeliveryInput = {
  id: string | number;
};

export type ReversePaymentInput = {
  paymentId: string | number;
  reason: string;
};

export type RevokeApiTokenInput = {
  id: string | number;
};

/** ADMIN, COLLECTOR or VIEWER (read only). */
export type Role =
  | 'ADMIN'
  | 'COLLECTOR'
  | 'VIEWER';

/** Salvar Agendamento: date and time in the company's time zone. */
export type ScheduleAppointmentInput = {
  /** The company it is about; default: the company of the debtor's earliest-due open entry (else latest entry) in reach. */
  companyId?: string | number | null | undefined;
  date: string;
  debtorId: string | number;
  notes: string;
  responsibleId: string | number;
  time: string;
};

/** A collection e-mail (Cobrança de Clientes). */
export type SendCollectionEmailInput = {
  /** Descrição, plain text; placeholders allowed, e.g. {{ tabela_lancamentos }}. */
  body: string;
  /** Empresa do E-mail. */
  companyId: string | number;
  /** Send even if the debtor was e-mailed within the company's recent-contact window (otherwise the error RECENTLY_CONTACTED). */
  confirmRecentContact?: boolean | null | undefined;
  /** Also send to these contacts of the debtor (their e-mails). */
  contactIds?: Array<string | number> | null | undefined;
  debtorId: string | number;
  /** The same key twice sends once and returns the first SentEmail. */
  idempotencyKey?: string | null | undefined;
  /** Título; placeholders allowed, e.g. {{ cliente }}. */
  subject: string;
  /** Up to 10 addresses; default: the debtor's e-mail. */
  to?: Array<string> | null | undefined;
};

export type SetDataRetentionInput = {
  companyId: string | number;
  /** 30–36500: paid-off debtors with no activity for this long are anonymised by the worker; null: kept until someone asks. */
  days?: number | null | undefined;
};

/** A payment (baixa) of an entry. */
export type SettleEntryInput = {
  /** Principal settled, discount included; default: everything open. */
  amount?: string | null | undefined;
  /** Discount granted. */
  discount?: string | null | undefined;
  entryId: string | number;
  /** Unique per company (at most 100 characters): a retry with the same key and input returns the first payment, paying nothing again; with another input it is refused (IDEMPOTENCY_KEY_REUSED). */
  idempotencyKey?: string | null | undefined;
  /** Juros received apart from the principal. */
  interest?: string | null | undefined;
  /** Multa received apart from the principal; for a consumer (CPF or no document) at most 2 % of what was due, less multa already received (LATE_FEE_ABOVE_CAP). */
  lateFee?: string | null | undefined;
  /** PIX, BOLETO, TRANSFER, CASH, CARD, CHECK or OTHER (the default). */
  method?: string | null | undefined;
  note?: string | null | undefined;
  /** Default: today in the company's time zone; never future. */
  paidOn?: string | null | undefined;
  /** Forgive the multa and juros owed on paidOn that this payment does not receive (waiverReason required). false leaves them owed, except on a payment that settles the whole principal, where they are always recorded as waived. */
  waiveCharges?: boolean | null | undefined;
  /** Why the charges are waived; audited with who waived them. */
  waiverReason?: string | null | undefined;
};

/** READ, WRITE (includes READ) or ADMIN (includes WRITE; manages users and tokens). */
export type TokenScope =
  | 'ADMIN'
  | 'READ'
  | 'WRITE';

/** Change an appointment: omitted or null fields stay as they are. */
export type UpdateAppointmentInput = {
  date?: string | null | undefined;
  id: string | number;
  notes?: string | null | undefined;
  responsibleId?: string | number | null | undefined;
  time?: string | null | undefined;
};

/** Omitted fields stay as they are; "" clears an optional text. */
export type UpdateCompanyInput = {
  address?: AddressInput | null | undefined;
  /** CNPJ, numeric or alphanumeric (12.ABC.345/01DE-35). */
  document?: string | null | undefined;
  email?: string | null | undefined;
  id: string | number;
  lateFeePercent?: string | null | undefined;
  monthlyInterestPercent?: string | null | undefined;
  name?: string | null | undefined;
  /** Chave PIX: CPF, CNPJ, e-mail, mobile as +55 11 98765-4321, or a random key (UUID). */
  pixKey?: string | null | undefined;
  /** Days after an e-mail during which another needs confirmRecentContact; 0 is off. */
  recentContactDays?: number | null | undefined;
  timeZone?: string | null | undefined;
};

/** Change a contact: omitted fields stay, "" clears an optional one. */
export type UpdateContactInput = {
  department?: string | null | undefined;
  email?: string | null | undefined;
  id: string | number;
  mobile?: string | null | undefined;
  name?: string | null | undefined;
  phone?: string | null | undefined;
  role?: string | null | undefined;
};

export type UpdateDebtorInput = {
  address?: AddressInput | null | undefined;
  document?: string | null | undefined;
  email?: string | null | undefined;
  id: string | number;
  kind?: DebtorKind | null | undefined;
  mobile?: string | null | undefined;
  name?: string | null | undefined;
  phone?: string | null | undefined;
};

/** Edit an entry. Omitted fields stay as they are. null on description, companyId, dueDate or amount leaves them unchanged; null or "" clears an optional field (notes, issueDate, documentNumber, category, costCenter). */
export type UpdateEntryInput = {
  /** Never below what was already paid. */
  amount?: string | null | undefined;
  /** Category (plano de contas). */
  category?: string | null | undefined;
  companyId?: string | number | null | undefined;
  costCenter?: string | null | undefined;
  description?: string | null | undefined;
  /** Invoice or document number, e.g. "NF 1234". */
  documentNumber?: string | null | undefined;
  dueDate?: string | null | undefined;
  /** The entry's version as read: when it changed since, VERSION_CONFLICT. */
  expectedVersion?: number | null | undefined;
  id: string | number;
  issueDate?: string | null | undefined;
  notes?: string | null | undefined;
};

export type UpdateUserInput = {
  active?: boolean | null | undefined;
  allCompanies?: boolean | null | undefined;
  companyIds?: Array<string | number> | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  role?: Role | null | undefined;
};

/** Omitted fields stay as they are. */
export type UpdateWebhookEndpointInput = {
  active?: boolean | null | undefined;
  description?: string | null | undefined;
  events?: Array<string> | null | undefined;
  id: string | number;
  /** A new secret, answered once in `secret`. */
  rotateSecret?: boolean | null | undefined;
  url?: string | null | undefined;
};

export type UpsertDebtorsInput = {
  companyId: string | number;
  /** At most 500. */
  items: Array<DebtorItemInput>;
};

export type UpsertEntriesInput = {
  companyId: string | number;
  /** At most 500. */
  items: Array<EntryItemInput>;
};

export type WebhookDeliveryStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING'
  | 'SENDING';

export type AdminCompaniesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminCompaniesQuery = { companies: Array<{ id: string, name: string, document: string | null, documentFormatted: string | null, email: string | null, lateFeePercent: string, monthlyInterestPercent: string, timeZone: string, recentContactDays: number, pixKey: string | null, address: { postalCode: string | null, street: string | null, number: string | null, complement: string | null, district: string | null, city: string | null, state: string | null } }> };

export type AdminCreateCompanyMutationVariables = Exact<{
  input: CreateCompanyInput;
}>;


export type AdminCreateCompanyMutation = { createCompany: { company: { id: string } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminUpdateCompanyMutationVariables = Exact<{
  input: UpdateCompanyInput;
}>;


export type AdminUpdateCompanyMutation = { updateCompany: { company: { id: string } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminUsersQuery = { allUsers: Array<{ id: string, name: string, email: string, role: Role, active: boolean, allCompanies: boolean, companyIds: Array<string> }>, companies: Array<{ id: string, name: string }> };

export type AdminCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type AdminCreateUserMutation = { createUser: { user: { id: string } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminUpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type AdminUpdateUserMutation = { updateUser: { user: { id: string } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminTokensQuery = { apiTokens: Array<{ id: string, name: string, prefix: string, scope: TokenScope, allCompanies: boolean, companyIds: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }>, companies: Array<{ id: string, name: string }> };

export type AdminCreateTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type AdminCreateTokenMutation = { createApiToken: { secret: string | null, token: { id: string } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminRevokeTokenMutationVariables = Exact<{
  input: RevokeApiTokenInput;
}>;


export type AdminRevokeTokenMutation = { revokeApiToken: { token: { id: string } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminAuditQueryVariables = Exact<{
  debtorId?: string | number | null | undefined;
  actorUserId?: string | number | null | undefined;
  dateFrom?: string | null | undefined;
  dateTo?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminAuditQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, action: string, actor: string, targetType: string, targetId: string, createdAt: string, details: unknown } }> }, allUsers: Array<{ id: string, name: string }> };

export type AdminWebhooksQueryVariables = Exact<{
  deliveries: number;
}>;


export type AdminWebhooksQuery = { companies: Array<{ id: string, name: string, webhookEndpoints: Array<{ id: string, url: string, events: Array<string>, description: string | null, active: boolean, createdAt: string, deliveries: Array<{ id: string, event: string, status: WebhookDeliveryStatus, attempts: number, responseStatus: number | null, lastError: string | null, createdAt: string, deliveredAt: string | null }> }> }> };

export type AdminCreateWebhookMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type AdminCreateWebhookMutation = { createWebhookEndpoint: { secret: string | null, endpoint: { id: string } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminUpdateWebhookMutationVariables = Exact<{
  input: UpdateWebhookEndpointInput;
}>;


export type AdminUpdateWebhookMutation = { updateWebhookEndpoint: { secret: string | null, endpoint: { id: string } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminDeleteWebhookMutationVariables = Exact<{
  input: DeleteWebhookEndpointInput;
}>;


export type AdminDeleteWebhookMutation = { deleteWebhookEndpoint: { deletedId: string | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminRetryWebhookDeliveryMutationVariables = Exact<{
  input: RetryWebhookDeliveryInput;
}>;


export type AdminRetryWebhookDeliveryMutation = { retryWebhookDelivery: { delivery: { id: string, status: WebhookDeliveryStatus } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AdminRetentionQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminRetentionQuery = { companies: Array<{ id: string, name: string, retentionDays: number | null }> };

export type AdminSetDataRetentionMutationVariables = Exact<{
  input: SetDataRetentionInput;
}>;


export type AdminSetDataRetentionMutation = { setDataRetention: { company: { id: string, retentionDays: number | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type MyAppointmentsQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  includeDone: boolean;
}>;


export type MyAppointmentsQuery = { today: string, myAppointments: Array<{ id: string, date: string, time: string, notes: string, done: boolean, doneAt: string | null, createdAt: string, company: { id: string, today: string, name: string } | null, debtor: { id: string, name: string }, responsible: { id: string, name: string } }> };

export type MyCalendarUrlQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCalendarUrlQuery = { myCalendarUrl: string | null };

export type RotateCalendarUrlMutationVariables = Exact<{ [key: string]: never; }>;


export type RotateCalendarUrlMutation = { rotateCalendarUrl: { url: string | null, errors: Array<{ code: string, message: string }> } };

export type DebtorDataFragment = { id: string, name: string, kind: DebtorKind, document: string | null, documentFormatted: string | null, email: string | null, phone: string | null, mobile: string | null, phoneFormatted: string | null, mobileFormatted: string | null, address: { postalCode: string | null, postalCodeFormatted: string | null, street: string | null, number: string | null, complement: string | null, district: string | null, city: string | null, state: string | null } };

export type OverdueEntryRowFragment = { id: string, code: string, description: string, dueDate: string, amount: string, openAmount: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string, company: { id: string, name: string } };

export type ContactRowFragment = { id: string, name: string, department: string | null, role: string | null, email: string | null, phone: string | null, mobile: string | null, phoneFormatted: string | null, mobileFormatted: string | null };

export type AppointmentRowFragment = { id: string, date: string, time: string, notes: string, done: boolean, doneAt: string | null, createdAt: string, responsible: { id: string, name: string }, company: { id: string, name: string } | null };

export type SentEmailRowFragment = { id: string, to: Array<string>, subject: string, status: EmailStatus, attempts: number, lastError: string | null, queuedAt: string, sentAt: string | null, automatic: boolean, collectionStepDays: number | null, company: { id: string, name: string }, sentBy: { id: string, name: string } | null };

export type DebtorDetailQueryVariables = Exact<{
  id: string | number;
  entriesPage: number;
  emailsPage: number;
}>;


export type DebtorDetailQuery = { today: string, debtor: { lastEmailedAt: string | null, id: string, name: string, kind: DebtorKind, document: string | null, documentFormatted: string | null, email: string | null, phone: string | null, mobile: string | null, phoneFormatted: string | null, mobileFormatted: string | null, overdueBalance: { openAmount: string, entryCount: number, oldestDueDate: string | null, maxDaysOverdue: number }, overdueEntries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, description: string, dueDate: string, amount: string, openAmount: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string, company: { id: string, name: string } } }> }, contacts: Array<{ id: string, name: string, department: string | null, role: string | null, email: string | null, phone: string | null, mobile: string | null, phoneFormatted: string | null, mobileFormatted: string | null }>, appointments: Array<{ id: string, date: string, time: string, notes: string, done: boolean, doneAt: string | null, createdAt: string, responsible: { id: string, name: string }, company: { id: string, name: string } | null }>, sentEmails: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, to: Array<string>, subject: string, status: EmailStatus, attempts: number, lastError: string | null, queuedAt: string, sentAt: string | null, automatic: boolean, collectionStepDays: number | null, company: { id: string, name: string }, sentBy: { id: string, name: string } | null } }> }, address: { postalCode: string | null, postalCodeFormatted: string | null, street: string | null, number: string | null, complement: string | null, district: string | null, city: string | null, state: string | null } } | null, companies: Array<{ id: string, name: string, today: string, emailTemplates: Array<{ id: string, name: string, subject: string, body: string, isDefault: boolean }> }>, users: Array<{ id: string, name: string }>, emailPlaceholders: Array<{ name: string, token: string, description: string, example: string, inSubject: boolean }> };

export type MoreOverdueEntriesQueryVariables = Exact<{
  id: string | number;
  first: number;
  after: string;
}>;


export type MoreOverdueEntriesQuery = { debtor: { id: string, overdueEntries: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, description: string, dueDate: string, amount: string, openAmount: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string, company: { id: string, name: string } } }> } } | null };

export type MoreSentEmailsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after: string;
}>;


export type MoreSentEmailsQuery = { debtor: { id: string, sentEmails: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, to: Array<string>, subject: string, status: EmailStatus, attempts: number, lastError: string | null, queuedAt: string, sentAt: string | null, automatic: boolean, collectionStepDays: number | null, company: { id: string, name: string }, sentBy: { id: string, name: string } | null } }> } } | null };

export type SendCollectionEmailMutationVariables = Exact<{
  input: SendCollectionEmailInput;
}>;


export type SendCollectionEmailMutation = { sendCollectionEmail: { sentEmail: { id: string, to: Array<string>, subject: string, status: EmailStatus, attempts: number, lastError: string | null, queuedAt: string, sentAt: string | null, automatic: boolean, collectionStepDays: number | null, company: { id: string, name: string }, sentBy: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type UpdateDebtorMutationVariables = Exact<{
  input: UpdateDebtorInput;
}>;


export type UpdateDebtorMutation = { updateDebtor: { debtor: { id: string, name: string, kind: DebtorKind, document: string | null, documentFormatted: string | null, email: string | null, phone: string | null, mobile: string | null, phoneFormatted: string | null, mobileFormatted: string | null, address: { postalCode: string | null, postalCodeFormatted: string | null, street: string | null, number: string | null, complement: string | null, district: string | null, city: string | null, state: string | null } } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type ScheduleAppointmentMutationVariables = Exact<{
  input: ScheduleAppointmentInput;
}>;


export type ScheduleAppointmentMutation = { scheduleAppointment: { appointment: { id: string, date: string, time: string, notes: string, done: boolean, doneAt: string | null, createdAt: string, responsible: { id: string, name: string }, company: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type AddContactMutationVariables = Exact<{
  input: AddContactInput;
}>;


export type AddContactMutation = { addContact: { contact: { id: string, name: string, department: string | null, role: string | null, email: string | null, phone: string | null, mobile: string | null, phoneFormatted: string | null, mobileFormatted: string | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type UpdateContactMutationVariables = Exact<{
  input: UpdateContactInput;
}>;


export type UpdateContactMutation = { updateContact: { contact: { id: string, name: string, department: string | null, role: string | null, email: string | null, phone: string | null, mobile: string | null, phoneFormatted: string | null, mobileFormatted: string | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type RemoveContactMutationVariables = Exact<{
  input: RemoveContactInput;
}>;


export type RemoveContactMutation = { removeContact: { removedContactId: string | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type UpdateAppointmentMutationVariables = Exact<{
  input: UpdateAppointmentInput;
}>;


export type UpdateAppointmentMutation = { updateAppointment: { appointment: { id: string, date: string, time: string, notes: string, done: boolean, doneAt: string | null, createdAt: string, responsible: { id: string, name: string }, company: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type CompleteAppointmentMutationVariables = Exact<{
  input: CompleteAppointmentInput;
}>;


export type CompleteAppointmentMutation = { completeAppointment: { appointment: { id: string, date: string, time: string, notes: string, done: boolean, doneAt: string | null, createdAt: string, responsible: { id: string, name: string }, company: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type DeleteAppointmentMutationVariables = Exact<{
  input: DeleteAppointmentInput;
}>;


export type DeleteAppointmentMutation = { deleteAppointment: { deletedAppointmentId: string | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type RetryEmailMutationVariables = Exact<{
  input: RetryEmailInput;
}>;


export type RetryEmailMutation = { retryEmail: { sentEmail: { id: string, to: Array<string>, subject: string, status: EmailStatus, attempts: number, lastError: string | null, queuedAt: string, sentAt: string | null, automatic: boolean, collectionStepDays: number | null, company: { id: string, name: string }, sentBy: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type PreviewCollectionEmailQueryVariables = Exact<{
  input: SendCollectionEmailInput;
}>;


export type PreviewCollectionEmailQuery = { previewCollectionEmail: { to: Array<string>, subject: string | null, html: string | null, warnings: Array<{ code: string, message: string }>, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type SentEmailViewQueryVariables = Exact<{
  id: string | number;
}>;


export type SentEmailViewQuery = { sentEmail: { id: string, to: Array<string>, subject: string, html: string, status: EmailStatus, attempts: number, lastError: string | null, queuedAt: string, sentAt: string | null, debtor: { id: string, name: string }, company: { id: string, name: string, email: string | null }, sentBy: { id: string, name: string } | null } | null };

export type PaymentRowFragment = { id: string, amount: string, lateFee: string, interest: string, discount: string, paidOn: string, method: string | null, note: string | null, receivedAmount: string, waivedCharges: string, waiverReason: string | null, createdAt: string, reversedAt: string | null, reversalReason: string | null };

export type EntryRowFragment = { id: string, code: string, description: string, issueDate: string | null, dueDate: string, amount: string, paidAmount: string, openAmount: string, status: EntryStatus, isOverdue: boolean, version: number, cancelledAt: string | null, cancelReason: string | null, receivedCharges: string, waivedCharges: string, company: { id: string, name: string, today: string }, charges: { on: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string }, payments: Array<{ id: string, amount: string, lateFee: string, interest: string, discount: string, paidOn: string, method: string | null, note: string | null, receivedAmount: string, waivedCharges: string, waiverReason: string | null, createdAt: string, reversedAt: string | null, reversalReason: string | null }> };

export type EntryChargesQueryVariables = Exact<{
  id: string | number;
  on: string;
}>;


export type EntryChargesQuery = { entry: { id: string, charges: { on: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string } } | null };

export type DebtorEntriesQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type DebtorEntriesQuery = { debtor: { id: string, name: string, kind: DebtorKind, documentFormatted: string | null, overdueBalance: { openAmount: string, entryCount: number }, entries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, description: string, issueDate: string | null, dueDate: string, amount: string, paidAmount: string, openAmount: string, status: EntryStatus, isOverdue: boolean, version: number, cancelledAt: string | null, cancelReason: string | null, receivedCharges: string, waivedCharges: string, company: { id: string, name: string, today: string }, charges: { on: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string }, payments: Array<{ id: string, amount: string, lateFee: string, interest: string, discount: string, paidOn: string, method: string | null, note: string | null, receivedAmount: string, waivedCharges: string, waiverReason: string | null, createdAt: string, reversedAt: string | null, reversalReason: string | null }> } }> } } | null };

export type SettleEntryMutationVariables = Exact<{
  input: SettleEntryInput;
}>;


export type SettleEntryMutation = { settleEntry: { entry: { id: string, code: string, description: string, issueDate: string | null, dueDate: string, amount: string, paidAmount: string, openAmount: string, status: EntryStatus, isOverdue: boolean, version: number, cancelledAt: string | null, cancelReason: string | null, receivedCharges: string, waivedCharges: string, company: { id: string, name: string, today: string }, charges: { on: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string }, payments: Array<{ id: string, amount: string, lateFee: string, interest: string, discount: string, paidOn: string, method: string | null, note: string | null, receivedAmount: string, waivedCharges: string, waiverReason: string | null, createdAt: string, reversedAt: string | null, reversalReason: string | null }> } | null, payment: { id: string, amount: string } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type DebtorBalanceQueryVariables = Exact<{
  id: string | number;
}>;


export type DebtorBalanceQuery = { debtor: { id: string, overdueBalance: { openAmount: string, entryCount: number } } | null };

export type ReversePaymentMutationVariables = Exact<{
  input: ReversePaymentInput;
}>;


export type ReversePaymentMutation = { reversePayment: { entry: { id: string, code: string, description: string, issueDate: string | null, dueDate: string, amount: string, paidAmount: string, openAmount: string, status: EntryStatus, isOverdue: boolean, version: number, cancelledAt: string | null, cancelReason: string | null, receivedCharges: string, waivedCharges: string, company: { id: string, name: string, today: string }, charges: { on: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string }, payments: Array<{ id: string, amount: string, lateFee: string, interest: string, discount: string, paidOn: string, method: string | null, note: string | null, receivedAmount: string, waivedCharges: string, waiverReason: string | null, createdAt: string, reversedAt: string | null, reversalReason: string | null }> } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type CancelEntryMutationVariables = Exact<{
  input: CancelEntryInput;
}>;


export type CancelEntryMutation = { cancelEntry: { entry: { id: string, code: string, description: string, issueDate: string | null, dueDate: string, amount: string, paidAmount: string, openAmount: string, status: EntryStatus, isOverdue: boolean, version: number, cancelledAt: string | null, cancelReason: string | null, receivedCharges: string, waivedCharges: string, company: { id: string, name: string, today: string }, charges: { on: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string }, payments: Array<{ id: string, amount: string, lateFee: string, interest: string, discount: string, paidOn: string, method: string | null, note: string | null, receivedAmount: string, waivedCharges: string, waiverReason: string | null, createdAt: string, reversedAt: string | null, reversalReason: string | null }> } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type EntryDetailFragment = { documentNumber: string | null, category: string | null, costCenter: string | null, notes: string | null, id: string, code: string, description: string, issueDate: string | null, dueDate: string, amount: string, paidAmount: string, openAmount: string, status: EntryStatus, isOverdue: boolean, version: number, cancelledAt: string | null, cancelReason: string | null, receivedCharges: string, waivedCharges: string, debtor: { id: string, name: string, documentFormatted: string | null }, company: { id: string, name: string, today: string }, charges: { on: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string }, payments: Array<{ id: string, amount: string, lateFee: string, interest: string, discount: string, paidOn: string, method: string | null, note: string | null, receivedAmount: string, waivedCharges: string, waiverReason: string | null, createdAt: string, reversedAt: string | null, reversalReason: string | null }> };

export type EntryFormQueryVariables = Exact<{
  id: string | number;
}>;


export type EntryFormQuery = { entry: { documentNumber: string | null, category: string | null, costCenter: string | null, notes: string | null, id: string, code: string, description: string, issueDate: string | null, dueDate: string, amount: string, paidAmount: string, openAmount: string, status: EntryStatus, isOverdue: boolean, version: number, cancelledAt: string | null, cancelReason: string | null, receivedCharges: string, waivedCharges: string, debtor: { id: string, name: string, documentFormatted: string | null }, company: { id: string, name: string, today: string }, charges: { on: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string }, payments: Array<{ id: string, amount: string, lateFee: string, interest: string, discount: string, paidOn: string, method: string | null, note: string | null, receivedAmount: string, waivedCharges: string, waiverReason: string | null, createdAt: string, reversedAt: string | null, reversalReason: string | null }> } | null, companies: Array<{ id: string, name: string }> };

export type UpdateEntryMutationVariables = Exact<{
  input: UpdateEntryInput;
}>;


export type UpdateEntryMutation = { updateEntry: { entry: { documentNumber: string | null, category: string | null, costCenter: string | null, notes: string | null, id: string, code: string, description: string, issueDate: string | null, dueDate: string, amount: string, paidAmount: string, openAmount: string, status: EntryStatus, isOverdue: boolean, version: number, cancelledAt: string | null, cancelReason: string | null, receivedCharges: string, waivedCharges: string, debtor: { id: string, name: string, documentFormatted: string | null }, company: { id: string, name: string, today: string }, charges: { on: string, daysOverdue: number, lateFee: string, interest: string, updatedAmount: string }, payments: Array<{ id: string, amount: string, lateFee: string, interest: string, discount: string, paidOn: string, method: string | null, note: string | null, receivedAmount: string, waivedCharges: string, waiverReason: string | null, createdAt: string, reversedAt: string | null, reversalReason: string | null }> } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type DebtorRowFragment = { cursor: string, node: { id: string, name: string, kind: DebtorKind, document: string | null, documentFormatted: string | null, email: string | null }, balance: { openAmount: string, entryCount: number, oldestDueDate: string | null, maxDaysOverdue: number } };

export type HomeSearchQueryVariables = Exact<{
  filter: DebtorFilter;
  orderBy: DebtorOrder;
  first: number;
}>;


export type HomeSearchQuery = { debtors: { totalCount: number, totalOpenAmount: string, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, kind: DebtorKind, document: string | null, documentFormatted: string | null, email: string | null }, balance: { openAmount: string, entryCount: number, oldestDueDate: string | null, maxDaysOverdue: number } }> }, collectionSummary: { totalOpenAmount: string, debtorCount: number, entryCount: number, today: string, dueFrom: string | null, dueTo: string | null, buckets: Array<{ label: string, minDays: number, maxDays: number | null, openAmount: string, entryCount: number }> } };

export type DebtorPageQueryVariables = Exact<{
  filter: DebtorFilter;
  orderBy: DebtorOrder;
  first: number;
  after?: string | null | undefined;
}>;


export type DebtorPageQuery = { debtors: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, kind: DebtorKind, document: string | null, documentFormatted: string | null, email: string | null }, balance: { openAmount: string, entryCount: number, oldestDueDate: string | null, maxDaysOverdue: number } }> } };

export type CompaniesQueryVariables = Exact<{ [key: string]: never; }>;


export type CompaniesQuery = { companies: Array<{ id: string, name: string }> };

export type ImportCompaniesQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportCompaniesQuery = { companies: Array<{ id: string, name: string }> };

export type ImportDebtorsMutationVariables = Exact<{
  input: UpsertDebtorsInput;
}>;


export type ImportDebtorsMutation = { upsertDebtors: { results: Array<{ index: number, id: string | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> }>, errors: Array<{ code: string, message: string }> } };

export type ImportEntriesMutationVariables = Exact<{
  input: UpsertEntriesInput;
}>;


export type ImportEntriesMutation = { upsertEntries: { created: number, updated: number, unchanged: number, failed: number, results: Array<{ index: number, id: string | null, created: boolean, changed: boolean, errors: Array<{ field: Array<string> | null, code: string, message: string }> }>, errors: Array<{ code: string, message: string }> } };

export type ExportDebtorDataQueryVariables = Exact<{
  debtorId: string | number;
}>;


export type ExportDebtorDataQuery = { exportDebtorData: string | null };

export type AnonymizeDebtorMutationVariables = Exact<{
  input: AnonymizeDebtorInput;
}>;


export type AnonymizeDebtorMutation = { anonymizeDebtor: { debtor: { id: string, name: string, anonymizedAt: string | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string, role: Role } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DebtorDataFragmentDoc = new TypedDocumentString(`
    fragment DebtorData on Debtor {
  id
  name
  kind
  document
  documentFormatted
  email
  phone
  mobile
  phoneFormatted
  mobileFormatted
  address {
    postalCode
    postalCodeFormatted
    street
    number
    complement
    district
    city
    state
  }
}
    `, {"fragmentName":"DebtorData"}) as unknown as TypedDocumentString<DebtorDataFragment, unknown>;
export const OverdueEntryRowFragmentDoc = new TypedDocumentString(`
    fragment OverdueEntryRow on OverdueEntry {
  id
  code
  description
  company {
    id
    name
  }
  dueDate
  amount
  openAmount
  daysOverdue
  lateFee
  interest
  updatedAmount
}
    `, {"fragmentName":"OverdueEntryRow"}) as unknown as TypedDocumentString<OverdueEntryRowFragment, unknown>;
export const ContactRowFragmentDoc = new TypedDocumentString(`
    fragment ContactRow on Contact {
  id
  name
  department
  role
  email
  phone
  mobile
  phoneFormatted
  mobileFormatted
}
    `, {"fragmentName":"ContactRow"}) as unknown as TypedDocumentString<ContactRowFragment, unknown>;
export const AppointmentRowFragmentDoc = new TypedDocumentString(`
    fragment AppointmentRow on Appointment {
  id
  responsible {
    id
    name
  }
  company {
    id
    name
  }
  date
  time
  notes
  done
  doneAt
  createdAt
}
    `, {"fragmentName":"AppointmentRow"}) as unknown as TypedDocumentString<AppointmentRowFragment, unknown>;
export const SentEmailRowFragmentDoc = new TypedDocumentString(`
    fragment SentEmailRow on SentEmail {
  id
  company {
    id
    name
  }
  to
  subject
  status
  attempts
  lastError
  queuedAt
  sentAt
  sentBy {
    id
    name
  }
  automatic
  collectionStepDays
}
    `, {"fragmentName":"SentEmailRow"}) as unknown as TypedDocumentString<SentEmailRowFragment, unknown>;
export const PaymentRowFragmentDoc = new TypedDocumentString(`
    fragment PaymentRow on Payment {
  id
  amount
  lateFee
  interest
  discount
  paidOn
  method
  note
  receivedAmount
  waivedCharges
  waiverReason
  createdAt
  reversedAt
  reversalReason
}
    `, {"fragmentName":"PaymentRow"}) as unknown as TypedDocumentString<PaymentRowFragment, unknown>;
export const EntryRowFragmentDoc = new TypedDocumentString(`
    fragment EntryRow on FinancialEntry {
  id
  code
  description
  company {
    id
    name
    today
  }
  issueDate
  dueDate
  amount
  paidAmount
  openAmount
  status
  isOverdue
  version
  cancelledAt
  cancelReason
  charges {
    on
    daysOverdue
    lateFee
    interest
    updatedAmount
  }
  receivedCharges
  waivedCharges
  payments {
    ...PaymentRow
  }
}
    fragment PaymentRow on Payment {
  id
  amount
  lateFee
  interest
  discount
  paidOn
  method
  note
  receivedAmount
  waivedCharges
  waiverReason
  createdAt
  reversedAt
  reversalReason
}`, {"fragmentName":"EntryRow"}) as unknown as TypedDocumentString<EntryRowFragment, unknown>;
export const EntryDetailFragmentDoc = new TypedDocumentString(`
    fragment EntryDetail on FinancialEntry {
  ...EntryRow
  debtor {
    id
    name
    documentFormatted
  }
  documentNumber
  category
  costCenter
  notes
}
    fragment PaymentRow on Payment {
  id
  amount
  lateFee
  interest
  discount
  paidOn
  method
  note
  receivedAmount
  waivedCharges
  waiverReason
  createdAt
  reversedAt
  reversalReason
}
fragment EntryRow on FinancialEntry {
  id
  code
  description
  company {
    id
    name
    today
  }
  issueDate
  dueDate
  amount
  paidAmount
  openAmount
  status
  isOverdue
  version
  cancelledAt
  cancelReason
  charges {
    on
    daysOverdue
    lateFee
    interest
    updatedAmount
  }
  receivedCharges
  waivedCharges
  payments {
    ...PaymentRow
  }
}`, {"fragmentName":"EntryDetail"}) as unknown as TypedDocumentString<EntryDetailFragment, unknown>;
export const DebtorRowFragmentDoc = new TypedDocumentString(`
    fragment DebtorRow on DebtorEdge {
  cursor
  node {
    id
    name
    kind
    document
    documentFormatted
    email
  }
  balance {
    openAmount
    entryCount
    oldestDueDate
    maxDaysOverdue
  }
}
    `, {"fragmentName":"DebtorRow"}) as unknown as TypedDocumentString<DebtorRowFragment, unknown>;
export const AdminCompaniesDocument = new TypedDocumentString(`
    query AdminCompanies {
  companies {
    id
    name
    document
    documentFormatted
    email
    lateFeePercent
    monthlyInterestPercent
    timeZone
    recentContactDays
    pixKey
    address {
      postalCode
      street
      number
      complement
      district
      city
      state
    }
  }
}
    `) as unknown as TypedDocumentString<AdminCompaniesQuery, AdminCompaniesQueryVariables>;
export const AdminCreateCompanyDocument = new TypedDocumentString(`
    mutation AdminCreateCompany($input: CreateCompanyInput!) {
  createCompany(input: $input) {
    company {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminCreateCompanyMutation, AdminCreateCompanyMutationVariables>;
export const AdminUpdateCompanyDocument = new TypedDocumentString(`
    mutation AdminUpdateCompany($input: UpdateCompanyInput!) {
  updateCompany(input: $input) {
    company {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminUpdateCompanyMutation, AdminUpdateCompanyMutationVariables>;
export const AdminUsersDocument = new TypedDocumentString(`
    query AdminUsers {
  allUsers {
    id
    name
    email
    role
    active
    allCompanies
    companyIds
  }
  companies {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;
export const AdminCreateUserDocument = new TypedDocumentString(`
    mutation AdminCreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    user {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminCreateUserMutation, AdminCreateUserMutationVariables>;
export const AdminUpdateUserDocument = new TypedDocumentString(`
    mutation AdminUpdateUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    user {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminUpdateUserMutation, AdminUpdateUserMutationVariables>;
export const AdminTokensDocument = new TypedDocumentString(`
    query AdminTokens {
  apiTokens {
    id
    name
    prefix
    scope
    allCompanies
    companyIds
    createdAt
    lastUsedAt
    revokedAt
  }
  companies {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AdminTokensQuery, AdminTokensQueryVariables>;
export const AdminCreateTokenDocument = new TypedDocumentString(`
    mutation AdminCreateToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    token {
      id
    }
    secret
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminCreateTokenMutation, AdminCreateTokenMutationVariables>;
export const AdminRevokeTokenDocument = new TypedDocumentString(`
    mutation AdminRevokeToken($input: RevokeApiTokenInput!) {
  revokeApiToken(input: $input) {
    token {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminRevokeTokenMutation, AdminRevokeTokenMutationVariables>;
export const AdminAuditDocument = new TypedDocumentString(`
    query AdminAudit($debtorId: ID, $actorUserId: ID, $dateFrom: Date, $dateTo: Date, $after: String) {
  auditEvents(
    debtorId: $debtorId
    actorUserId: $actorUserId
    dateFrom: $dateFrom
    dateTo: $dateTo
    first: 50
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        action
        actor
        targetType
        targetId
        createdAt
        details
      }
    }
  }
  allUsers {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AdminAuditQuery, AdminAuditQueryVariables>;
export const AdminWebhooksDocument = new TypedDocumentString(`
    query AdminWebhooks($deliveries: Int!) {
  companies {
    id
    name
    webhookEndpoints {
      id
      url
      events
      description
      active
      createdAt
      deliveries(first: $deliveries) {
        id
        event
        status
        attempts
        responseStatus
        lastError
        createdAt
        deliveredAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminWebhooksQuery, AdminWebhooksQueryVariables>;
export const AdminCreateWebhookDocument = new TypedDocumentString(`
    mutation AdminCreateWebhook($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    endpoint {
      id
    }
    secret
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminCreateWebhookMutation, AdminCreateWebhookMutationVariables>;
export const AdminUpdateWebhookDocument = new TypedDocumentString(`
    mutation AdminUpdateWebhook($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    endpoint {
      id
    }
    secret
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminUpdateWebhookMutation, AdminUpdateWebhookMutationVariables>;
export const AdminDeleteWebhookDocument = new TypedDocumentString(`
    mutation AdminDeleteWebhook($input: DeleteWebhookEndpointInput!) {
  deleteWebhookEndpoint(input: $input) {
    deletedId
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminDeleteWebhookMutation, AdminDeleteWebhookMutationVariables>;
export const AdminRetryWebhookDeliveryDocument = new TypedDocumentString(`
    mutation AdminRetryWebhookDelivery($input: RetryWebhookDeliveryInput!) {
  retryWebhookDelivery(input: $input) {
    delivery {
      id
      status
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminRetryWebhookDeliveryMutation, AdminRetryWebhookDeliveryMutationVariables>;
export const AdminRetentionDocument = new TypedDocumentString(`
    query AdminRetention {
  companies {
    id
    name
    retentionDays
  }
}
    `) as unknown as TypedDocumentString<AdminRetentionQuery, AdminRetentionQueryVariables>;
export const AdminSetDataRetentionDocument = new TypedDocumentString(`
    mutation AdminSetDataRetention($input: SetDataRetentionInput!) {
  setDataRetention(input: $input) {
    company {
      id
      retentionDays
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AdminSetDataRetentionMutation, AdminSetDataRetentionMutationVariables>;
export const MyAppointmentsDocument = new TypedDocumentString(`
    query MyAppointments($from: Date, $to: Date, $includeDone: Boolean!) {
  myAppointments(from: $from, to: $to, includeDone: $includeDone) {
    ...AppointmentRow
    company {
      id
      today
    }
    debtor {
      id
      name
    }
  }
  today
}
    fragment AppointmentRow on Appointment {
  id
  responsible {
    id
    name
  }
  company {
    id
    name
  }
  date
  time
  notes
  done
  doneAt
  createdAt
}`) as unknown as TypedDocumentString<MyAppointmentsQuery, MyAppointmentsQueryVariables>;
export const MyCalendarUrlDocument = new TypedDocumentString(`
    query MyCalendarUrl {
  myCalendarUrl
}
    `) as unknown as TypedDocumentString<MyCalendarUrlQuery, MyCalendarUrlQueryVariables>;
export const RotateCalendarUrlDocument = new TypedDocumentString(`
    mutation RotateCalendarUrl {
  rotateCalendarUrl {
    url
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RotateCalendarUrlMutation, RotateCalendarUrlMutationVariables>;
export const DebtorDetailDocument = new TypedDocumentString(`
    query DebtorDetail($id: ID!, $entriesPage: Int!, $emailsPage: Int!) {
  debtor(id: $id) {
    ...DebtorData
    lastEmailedAt
    overdueBalance {
      openAmount
      entryCount
      oldestDueDate
      maxDaysOverdue
    }
    overdueEntries(first: $entriesPage) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OverdueEntryRow
        }
      }
    }
    contacts {
      ...ContactRow
    }
    appointments {
      ...AppointmentRow
    }
    sentEmails(first: $emailsPage) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SentEmailRow
        }
      }
    }
  }
  companies {
    id
    name
    today
    emailTemplates {
      id
      name
      subject
      body
      isDefault
    }
  }
  today
  users {
    id
    name
  }
  emailPlaceholders {
    name
    token
    description
    example
    inSubject
  }
}
    fragment DebtorData on Debtor {
  id
  name
  kind
  document
  documentFormatted
  email
  phone
  mobile
  phoneFormatted
  mobileFormatted
  address {
    postalCode
    postalCodeFormatted
    street
    number
    complement
    district
    city
    state
  }
}
fragment OverdueEntryRow on OverdueEntry {
  id
  code
  description
  company {
    id
    name
  }
  dueDate
  amount
  openAmount
  daysOverdue
  lateFee
  interest
  updatedAmount
}
fragment ContactRow on Contact {
  id
  name
  department
  role
  email
  phone
  mobile
  phoneFormatted
  mobileFormatted
}
fragment AppointmentRow on Appointment {
  id
  responsible {
    id
    name
  }
  company {
    id
    name
  }
  date
  time
  notes
  done
  doneAt
  createdAt
}
fragment SentEmailRow on SentEmail {
  id
  company {
    id
    name
  }
  to
  subject
  status
  attempts
  lastError
  queuedAt
  sentAt
  sentBy {
    id
    name
  }
  automatic
  collectionStepDays
}`) as unknown as TypedDocumentString<DebtorDetailQuery, DebtorDetailQueryVariables>;
export const MoreOverdueEntriesDocument = new TypedDocumentString(`
    query MoreOverdueEntries($id: ID!, $first: Int!, $after: String!) {
  debtor(id: $id) {
    id
    overdueEntries(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OverdueEntryRow
        }
      }
    }
  }
}
    fragment OverdueEntryRow on OverdueEntry {
  id
  code
  description
  company {
    id
    name
  }
  dueDate
  amount
  openAmount
  daysOverdue
  lateFee
  interest
  updatedAmount
}`) as unknown as TypedDocumentString<MoreOverdueEntriesQuery, MoreOverdueEntriesQueryVariables>;
export const MoreSentEmailsDocument = new TypedDocumentString(`
    query MoreSentEmails($id: ID!, $first: Int!, $after: String!) {
  debtor(id: $id) {
    id
    sentEmails(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SentEmailRow
        }
      }
    }
  }
}
    fragment SentEmailRow on SentEmail {
  id
  company {
    id
    name
  }
  to
  subject
  status
  attempts
  lastError
  queuedAt
  sentAt
  sentBy {
    id
    name
  }
  automatic
  collectionStepDays
}`) as unknown as TypedDocumentString<MoreSentEmailsQuery, MoreSentEmailsQueryVariables>;
export const SendCollectionEmailDocument = new TypedDocumentString(`
    mutation SendCollectionEmail($input: SendCollectionEmailInput!) {
  sendCollectionEmail(input: $input) {
    sentEmail {
      ...SentEmailRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment SentEmailRow on SentEmail {
  id
  company {
    id
    name
  }
  to
  subject
  status
  attempts
  lastError
  queuedAt
  sentAt
  sentBy {
    id
    name
  }
  automatic
  collectionStepDays
}`) as unknown as TypedDocumentString<SendCollectionEmailMutation, SendCollectionEmailMutationVariables>;
export const UpdateDebtorDocument = new TypedDocumentString(`
    mutation UpdateDebtor($input: UpdateDebtorInput!) {
  updateDebtor(input: $input) {
    debtor {
      ...DebtorData
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment DebtorData on Debtor {
  id
  name
  kind
  document
  documentFormatted
  email
  phone
  mobile
  phoneFormatted
  mobileFormatted
  address {
    postalCode
    postalCodeFormatted
    street
    number
    complement
    district
    city
    state
  }
}`) as unknown as TypedDocumentString<UpdateDebtorMutation, UpdateDebtorMutationVariables>;
export const ScheduleAppointmentDocument = new TypedDocumentString(`
    mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {
  scheduleAppointment(input: $input) {
    appointment {
      ...AppointmentRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment AppointmentRow on Appointment {
  id
  responsible {
    id
    name
  }
  company {
    id
    name
  }
  date
  time
  notes
  done
  doneAt
  createdAt
}`) as unknown as TypedDocumentString<ScheduleAppointmentMutation, ScheduleAppointmentMutationVariables>;
export const AddContactDocument = new TypedDocumentString(`
    mutation AddContact($input: AddContactInput!) {
  addContact(input: $input) {
    contact {
      ...ContactRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment ContactRow on Contact {
  id
  name
  department
  role
  email
  phone
  mobile
  phoneFormatted
  mobileFormatted
}`) as unknown as TypedDocumentString<AddContactMutation, AddContactMutationVariables>;
export const UpdateContactDocument = new TypedDocumentString(`
    mutation UpdateContact($input: UpdateContactInput!) {
  updateContact(input: $input) {
    contact {
      ...ContactRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment ContactRow on Contact {
  id
  name
  department
  role
  email
  phone
  mobile
  phoneFormatted
  mobileFormatted
}`) as unknown as TypedDocumentString<UpdateContactMutation, UpdateContactMutationVariables>;
export const RemoveContactDocument = new TypedDocumentString(`
    mutation RemoveContact($input: RemoveContactInput!) {
  removeContact(input: $input) {
    removedContactId
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveContactMutation, RemoveContactMutationVariables>;
export const UpdateAppointmentDocument = new TypedDocumentString(`
    mutation UpdateAppointment($input: UpdateAppointmentInput!) {
  updateAppointment(input: $input) {
    appointment {
      ...AppointmentRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment AppointmentRow on Appointment {
  id
  responsible {
    id
    name
  }
  company {
    id
    name
  }
  date
  time
  notes
  done
  doneAt
  createdAt
}`) as unknown as TypedDocumentString<UpdateAppointmentMutation, UpdateAppointmentMutationVariables>;
export const CompleteAppointmentDocument = new TypedDocumentString(`
    mutation CompleteAppointment($input: CompleteAppointmentInput!) {
  completeAppointment(input: $input) {
    appointment {
      ...AppointmentRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment AppointmentRow on Appointment {
  id
  responsible {
    id
    name
  }
  company {
    id
    name
  }
  date
  time
  notes
  done
  doneAt
  createdAt
}`) as unknown as TypedDocumentString<CompleteAppointmentMutation, CompleteAppointmentMutationVariables>;
export const DeleteAppointmentDocument = new TypedDocumentString(`
    mutation DeleteAppointment($input: DeleteAppointmentInput!) {
  deleteAppointment(input: $input) {
    deletedAppointmentId
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteAppointmentMutation, DeleteAppointmentMutationVariables>;
export const RetryEmailDocument = new TypedDocumentString(`
    mutation RetryEmail($input: RetryEmailInput!) {
  retryEmail(input: $input) {
    sentEmail {
      ...SentEmailRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment SentEmailRow on SentEmail {
  id
  company {
    id
    name
  }
  to
  subject
  status
  attempts
  lastError
  queuedAt
  sentAt
  sentBy {
    id
    name
  }
  automatic
  collectionStepDays
}`) as unknown as TypedDocumentString<RetryEmailMutation, RetryEmailMutationVariables>;
export const PreviewCollectionEmailDocument = new TypedDocumentString(`
    query PreviewCollectionEmail($input: SendCollectionEmailInput!) {
  previewCollectionEmail(input: $input) {
    to
    subject
    html
    warnings {
      code
      message
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PreviewCollectionEmailQuery, PreviewCollectionEmailQueryVariables>;
export const SentEmailViewDocument = new TypedDocumentString(`
    query SentEmailView($id: ID!) {
  sentEmail(id: $id) {
    id
    debtor {
      id
      name
    }
    company {
      id
      name
      email
    }
    to
    subject
    html
    status
    attempts
    lastError
    queuedAt
    sentAt
    sentBy {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SentEmailViewQuery, SentEmailViewQueryVariables>;
export const EntryChargesDocument = new TypedDocumentString(`
    query EntryCharges($id: ID!, $on: Date!) {
  entry(id: $id) {
    id
    charges(on: $on) {
      on
      daysOverdue
      lateFee
      interest
      updatedAmount
    }
  }
}
    `) as unknown as TypedDocumentString<EntryChargesQuery, EntryChargesQueryVariables>;
export const DebtorEntriesDocument = new TypedDocumentString(`
    query DebtorEntries($id: ID!, $first: Int!, $after: String) {
  debtor(id: $id) {
    id
    name
    kind
    documentFormatted
    overdueBalance {
      openAmount
      entryCount
    }
    entries(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...EntryRow
        }
      }
    }
  }
}
    fragment PaymentRow on Payment {
  id
  amount
  lateFee
  interest
  discount
  paidOn
  method
  note
  receivedAmount
  waivedCharges
  waiverReason
  createdAt
  reversedAt
  reversalReason
}
fragment EntryRow on FinancialEntry {
  id
  code
  description
  company {
    id
    name
    today
  }
  issueDate
  dueDate
  amount
  paidAmount
  openAmount
  status
  isOverdue
  version
  cancelledAt
  cancelReason
  charges {
    on
    daysOverdue
    lateFee
    interest
    updatedAmount
  }
  receivedCharges
  waivedCharges
  payments {
    ...PaymentRow
  }
}`) as unknown as TypedDocumentString<DebtorEntriesQuery, DebtorEntriesQueryVariables>;
export const SettleEntryDocument = new TypedDocumentString(`
    mutation SettleEntry($input: SettleEntryInput!) {
  settleEntry(input: $input) {
    entry {
      ...EntryRow
    }
    payment {
      id
      amount
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment PaymentRow on Payment {
  id
  amount
  lateFee
  interest
  discount
  paidOn
  method
  note
  receivedAmount
  waivedCharges
  waiverReason
  createdAt
  reversedAt
  reversalReason
}
fragment EntryRow on FinancialEntry {
  id
  code
  description
  company {
    id
    name
    today
  }
  issueDate
  dueDate
  amount
  paidAmount
  openAmount
  status
  isOverdue
  version
  cancelledAt
  cancelReason
  charges {
    on
    daysOverdue
    lateFee
    interest
    updatedAmount
  }
  receivedCharges
  waivedCharges
  payments {
    ...PaymentRow
  }
}`) as unknown as TypedDocumentString<SettleEntryMutation, SettleEntryMutationVariables>;
export const DebtorBalanceDocument = new TypedDocumentString(`
    query DebtorBalance($id: ID!) {
  debtor(id: $id) {
    id
    overdueBalance {
      openAmount
      entryCount
    }
  }
}
    `) as unknown as TypedDocumentString<DebtorBalanceQuery, DebtorBalanceQueryVariables>;
export const ReversePaymentDocument = new TypedDocumentString(`
    mutation ReversePayment($input: ReversePaymentInput!) {
  reversePayment(input: $input) {
    entry {
      ...EntryRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment PaymentRow on Payment {
  id
  amount
  lateFee
  interest
  discount
  paidOn
  method
  note
  receivedAmount
  waivedCharges
  waiverReason
  createdAt
  reversedAt
  reversalReason
}
fragment EntryRow on FinancialEntry {
  id
  code
  description
  company {
    id
    name
    today
  }
  issueDate
  dueDate
  amount
  paidAmount
  openAmount
  status
  isOverdue
  version
  cancelledAt
  cancelReason
  charges {
    on
    daysOverdue
    lateFee
    interest
    updatedAmount
  }
  receivedCharges
  waivedCharges
  payments {
    ...PaymentRow
  }
}`) as unknown as TypedDocumentString<ReversePaymentMutation, ReversePaymentMutationVariables>;
export const CancelEntryDocument = new TypedDocumentString(`
    mutation CancelEntry($input: CancelEntryInput!) {
  cancelEntry(input: $input) {
    entry {
      ...EntryRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment PaymentRow on Payment {
  id
  amount
  lateFee
  interest
  discount
  paidOn
  method
  note
  receivedAmount
  waivedCharges
  waiverReason
  createdAt
  reversedAt
  reversalReason
}
fragment EntryRow on FinancialEntry {
  id
  code
  description
  company {
    id
    name
    today
  }
  issueDate
  dueDate
  amount
  paidAmount
  openAmount
  status
  isOverdue
  version
  cancelledAt
  cancelReason
  charges {
    on
    daysOverdue
    lateFee
    interest
    updatedAmount
  }
  receivedCharges
  waivedCharges
  payments {
    ...PaymentRow
  }
}`) as unknown as TypedDocumentString<CancelEntryMutation, CancelEntryMutationVariables>;
export const EntryFormDocument = new TypedDocumentString(`
    query EntryForm($id: ID!) {
  entry(id: $id) {
    ...EntryDetail
  }
  companies {
    id
    name
  }
}
    fragment PaymentRow on Payment {
  id
  amount
  lateFee
  interest
  discount
  paidOn
  method
  note
  receivedAmount
  waivedCharges
  waiverReason
  createdAt
  reversedAt
  reversalReason
}
fragment EntryRow on FinancialEntry {
  id
  code
  description
  company {
    id
    name
    today
  }
  issueDate
  dueDate
  amount
  paidAmount
  openAmount
  status
  isOverdue
  version
  cancelledAt
  cancelReason
  charges {
    on
    daysOverdue
    lateFee
    interest
    updatedAmount
  }
  receivedCharges
  waivedCharges
  payments {
    ...PaymentRow
  }
}
fragment EntryDetail on FinancialEntry {
  ...EntryRow
  debtor {
    id
    name
    documentFormatted
  }
  documentNumber
  category
  costCenter
  notes
}`) as unknown as TypedDocumentString<EntryFormQuery, EntryFormQueryVariables>;
export const UpdateEntryDocument = new TypedDocumentString(`
    mutation UpdateEntry($input: UpdateEntryInput!) {
  updateEntry(input: $input) {
    entry {
      ...EntryDetail
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment PaymentRow on Payment {
  id
  amount
  lateFee
  interest
  discount
  paidOn
  method
  note
  receivedAmount
  waivedCharges
  waiverReason
  createdAt
  reversedAt
  reversalReason
}
fragment EntryRow on FinancialEntry {
  id
  code
  description
  company {
    id
    name
    today
  }
  issueDate
  dueDate
  amount
  paidAmount
  openAmount
  status
  isOverdue
  version
  cancelledAt
  cancelReason
  charges {
    on
    daysOverdue
    lateFee
    interest
    updatedAmount
  }
  receivedCharges
  waivedCharges
  payments {
    ...PaymentRow
  }
}
fragment EntryDetail on FinancialEntry {
  ...EntryRow
  debtor {
    id
    name
    documentFormatted
  }
  documentNumber
  category
  costCenter
  notes
}`) as unknown as TypedDocumentString<UpdateEntryMutation, UpdateEntryMutationVariables>;
export const HomeSearchDocument = new TypedDocumentString(`
    query HomeSearch($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!) {
  debtors(filter: $filter, orderBy: $orderBy, first: $first) {
    totalCount
    totalOpenAmount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      ...DebtorRow
    }
  }
  collectionSummary(filter: $filter) {
    totalOpenAmount
    debtorCount
    entryCount
    today
    dueFrom
    dueTo
    buckets {
      label
      minDays
      maxDays
      openAmount
      entryCount
    }
  }
}
    fragment DebtorRow on DebtorEdge {
  cursor
  node {
    id
    name
    kind
    document
    documentFormatted
    email
  }
  balance {
    openAmount
    entryCount
    oldestDueDate
    maxDaysOverdue
  }
}`) as unknown as TypedDocumentString<HomeSearchQuery, HomeSearchQueryVariables>;
export const DebtorPageDocument = new TypedDocumentString(`
    query DebtorPage($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!, $after: String) {
  debtors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      ...DebtorRow
    }
  }
}
    fragment DebtorRow on DebtorEdge {
  cursor
  node {
    id
    name
    kind
    document
    documentFormatted
    email
  }
  balance {
    openAmount
    entryCount
    oldestDueDate
    maxDaysOverdue
  }
}`) as unknown as TypedDocumentString<DebtorPageQuery, DebtorPageQueryVariables>;
export const CompaniesDocument = new TypedDocumentString(`
    query Companies {
  companies {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CompaniesQuery, CompaniesQueryVariables>;
export const ImportCompaniesDocument = new TypedDocumentString(`
    query ImportCompanies {
  companies {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ImportCompaniesQuery, ImportCompaniesQueryVariables>;
export const ImportDebtorsDocument = new TypedDocumentString(`
    mutation ImportDebtors($input: UpsertDebtorsInput!) {
  upsertDebtors(input: $input) {
    results {
      index
      id
      errors {
        field
        code
        message
      }
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportDebtorsMutation, ImportDebtorsMutationVariables>;
export const ImportEntriesDocument = new TypedDocumentString(`
    mutation ImportEntries($input: UpsertEntriesInput!) {
  upsertEntries(input: $input) {
    results {
      index
      id
      created
      changed
      errors {
        field
        code
        message
      }
    }
    created
    updated
    unchanged
    failed
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportEntriesMutation, ImportEntriesMutationVariables>;
export const ExportDebtorDataDocument = new TypedDocumentString(`
    query ExportDebtorData($debtorId: ID!) {
  exportDebtorData(debtorId: $debtorId)
}
    `) as unknown as TypedDocumentString<ExportDebtorDataQuery, ExportDebtorDataQueryVariables>;
export const AnonymizeDebtorDocument = new TypedDocumentString(`
    mutation AnonymizeDebtor($input: AnonymizeDebtorInput!) {
  anonymizeDebtor(input: $input) {
    debtor {
      id
      name
      anonymizedAt
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AnonymizeDebtorMutation, AnonymizeDebtorMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    name
    email
    role
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;