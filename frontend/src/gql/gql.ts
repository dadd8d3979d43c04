/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminCompanies {\n    companies {\n      id\n      name\n      document\n      documentFormatted\n      email\n      lateFeePercent\n      monthlyInterestPercent\n      timeZone\n      recentContactDays\n      pixKey\n      address {\n        postalCode\n        street\n        number\n        complement\n        district\n        city\n        state\n      }\n    }\n  }\n": typeof types.AdminCompaniesDocument,
    "\n  mutation AdminCreateCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      company {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminCreateCompanyDocument,
    "\n  mutation AdminUpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      company {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminUpdateCompanyDocument,
    "\n  query AdminUsers {\n    allUsers {\n      id\n      name\n      email\n      role\n      active\n      allCompanies\n      companyIds\n    }\n    companies {\n      id\n      name\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminUpdateUserDocument,
    "\n  query AdminTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      scope\n      allCompanies\n      companyIds\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n    companies {\n      id\n      name\n    }\n  }\n": typeof types.AdminTokensDocument,
    "\n  mutation AdminCreateToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n      }\n      secret\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminCreateTokenDocument,
    "\n  mutation AdminRevokeToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      token {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminRevokeTokenDocument,
    "\n  query AdminAudit($debtorId: ID, $actorUserId: ID, $dateFrom: Date, $dateTo: Date, $after: String) {\n    auditEvents(debtorId: $debtorId, actorUserId: $actorUserId, dateFrom: $dateFrom, dateTo: $dateTo, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actor\n          targetType\n          targetId\n          createdAt\n          details\n        }\n      }\n    }\n    allUsers {\n      id\n      name\n    }\n  }\n": typeof types.AdminAuditDocument,
    "\n  query AdminWebhooks($deliveries: Int!) {\n    companies {\n      id\n      name\n      webhookEndpoints {\n        id\n        url\n        events\n        description\n        active\n        createdAt\n        deliveries(first: $deliveries) {\n          id\n          event\n          status\n          attempts\n          responseStatus\n          lastError\n          createdAt\n          deliveredAt\n        }\n      }\n    }\n  }\n": typeof types.AdminWebhooksDocument,
    "\n  mutation AdminCreateWebhook($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminCreateWebhookDocument,
    "\n  mutation AdminUpdateWebhook($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminUpdateWebhookDocument,
    "\n  mutation AdminDeleteWebhook($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminDeleteWebhookDocument,
    "\n  mutation AdminRetryWebhookDelivery($input: RetryWebhookDeliveryInput!) {\n    retryWebhookDelivery(input: $input) {\n      delivery {\n        id\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminRetryWebhookDeliveryDocument,
    "\n  query AdminRetention {\n    companies {\n      id\n      name\n      retentionDays\n    }\n  }\n": typeof types.AdminRetentionDocument,
    "\n  mutation AdminSetDataRetention($input: SetDataRetentionInput!) {\n    setDataRetention(input: $input) {\n      company {\n        id\n        retentionDays\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AdminSetDataRetentionDocument,
    "\n  query MyAppointments($from: Date, $to: Date, $includeDone: Boolean!) {\n    myAppointments(from: $from, to: $to, includeDone: $includeDone) {\n      ...AppointmentRow\n      company {\n        id\n        today\n      }\n      debtor {\n        id\n        name\n      }\n    }\n    today\n  }\n": typeof types.MyAppointmentsDocument,
    "\n  query MyCalendarUrl {\n    myCalendarUrl\n  }\n": typeof types.MyCalendarUrlDocument,
    "\n  mutation RotateCalendarUrl {\n    rotateCalendarUrl {\n      url\n      errors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.RotateCalendarUrlDocument,
    "\n  fragment DebtorData on Debtor {\n    id\n    name\n    kind\n    document\n    documentFormatted\n    email\n    phone\n    mobile\n    phoneFormatted\n    mobileFormatted\n    address {\n      postalCode\n      postalCodeFormatted\n      street\n      number\n      complement\n      district\n      city\n      state\n    }\n  }\n": typeof types.DebtorDataFragmentDoc,
    "\n  fragment OverdueEntryRow on OverdueEntry {\n    id\n    code\n    description\n    company {\n      id\n      name\n    }\n    dueDate\n    amount\n    openAmount\n    daysOverdue\n    lateFee\n    interest\n    updatedAmount\n  }\n": typeof types.OverdueEntryRowFragmentDoc,
    "\n  fragment ContactRow on Contact {\n    id\n    name\n    department\n    role\n    email\n    phone\n    mobile\n    phoneFormatted\n    mobileFormatted\n  }\n": typeof types.ContactRowFragmentDoc,
    "\n  fragment AppointmentRow on Appointment {\n    id\n    responsible {\n      id\n      name\n    }\n    company {\n      id\n      name\n    }\n    date\n    time\n    notes\n    done\n    doneAt\n    createdAt\n  }\n": typeof types.AppointmentRowFragmentDoc,
    "\n  fragment SentEmailRow on SentEmail {\n    id\n    company {\n      id\n      name\n    }\n    to\n    subject\n    status\n    attempts\n    lastError\n    queuedAt\n    sentAt\n    sentBy {\n      id\n      name\n    }\n    automatic\n    collectionStepDays\n  }\n": typeof types.SentEmailRowFragmentDoc,
    "\n  query DebtorDetail($id: ID!, $entriesPage: Int!, $emailsPage: Int!) {\n    debtor(id: $id) {\n      ...DebtorData\n      lastEmailedAt\n      overdueBalance {\n        openAmount\n        entryCount\n        oldestDueDate\n        maxDaysOverdue\n      }\n      overdueEntries(first: $entriesPage) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...OverdueEntryRow\n          }\n        }\n      }\n      contacts {\n        ...ContactRow\n      }\n      appointments {\n        ...AppointmentRow\n      }\n      sentEmails(first: $emailsPage) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...SentEmailRow\n          }\n        }\n      }\n    }\n    companies {\n      id\n      name\n      today\n      emailTemplates {\n        id\n        name\n        subject\n        body\n        isDefault\n      }\n    }\n    today\n    users {\n      id\n      name\n    }\n    emailPlaceholders {\n      name\n      token\n      description\n      example\n      inSubject\n    }\n  }\n": typeof types.DebtorDetailDocument,
    "\n  query MoreOverdueEntries($id: ID!, $first: Int!, $after: String!) {\n    debtor(id: $id) {\n      id\n      overdueEntries(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...OverdueEntryRow\n          }\n        }\n      }\n    }\n  }\n": typeof types.MoreOverdueEntriesDocument,
    "\n  query MoreSentEmails($id: ID!, $first: Int!, $after: String!) {\n    debtor(id: $id) {\n      id\n      sentEmails(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...SentEmailRow\n          }\n        }\n      }\n    }\n  }\n": typeof types.MoreSentEmailsDocument,
    "\n  mutation SendCollectionEmail($input: SendCollectionEmailInput!) {\n    sendCollectionEmail(input: $input) {\n      sentEmail {\n        ...SentEmailRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SendCollectionEmailDocument,
    "\n  mutation UpdateDebtor($input: UpdateDebtorInput!) {\n    updateDebtor(input: $input) {\n      debtor {\n        ...DebtorData\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpdateDebtorDocument,
    "\n  mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        ...AppointmentRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ScheduleAppointmentDocument,
    "\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      contact {\n        ...ContactRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AddContactDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      contact {\n        ...ContactRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input) {\n      removedContactId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.RemoveContactDocument,
    "\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        ...AppointmentRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpdateAppointmentDocument,
    "\n  mutation CompleteAppointment($input: CompleteAppointmentInput!) {\n    completeAppointment(input: $input) {\n      appointment {\n        ...AppointmentRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.CompleteAppointmentDocument,
    "\n  mutation DeleteAppointment($input: DeleteAppointmentInput!) {\n    deleteAppointment(input: $input) {\n      deletedAppointmentId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.DeleteAppointmentDocument,
    "\n  mutation RetryEmail($input: RetryEmailInput!) {\n    retryEmail(input: $input) {\n      sentEmail {\n        ...SentEmailRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.RetryEmailDocument,
    "\n  query PreviewCollectionEmail($input: SendCollectionEmailInput!) {\n    previewCollectionEmail(input: $input) {\n      to\n      subject\n      html\n      warnings {\n        code\n        message\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.PreviewCollectionEmailDocument,
    "\n  query SentEmailView($id: ID!) {\n    sentEmail(id: $id) {\n      id\n      debtor {\n        id\n        name\n      }\n      company {\n        id\n        name\n        email\n      }\n      to\n      subject\n      html\n      status\n      attempts\n      lastError\n      queuedAt\n      sentAt\n      sentBy {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SentEmailViewDocument,
    "\n  fragment PaymentRow on Payment {\n    id\n    amount\n    lateFee\n    interest\n    discount\n    paidOn\n    method\n    note\n    receivedAmount\n    waivedCharges\n    waiverReason\n    createdAt\n    reversedAt\n    reversalReason\n  }\n": typeof types.PaymentRowFragmentDoc,
    "\n  fragment EntryRow on FinancialEntry {\n    id\n    code\n    description\n    company {\n      id\n      name\n      today\n    }\n    issueDate\n    dueDate\n    amount\n    paidAmount\n    openAmount\n    status\n    isOverdue\n    version\n    cancelledAt\n    cancelReason\n    charges {\n      on\n      daysOverdue\n      lateFee\n      interest\n      updatedAmount\n    }\n    receivedCharges\n    waivedCharges\n    payments {\n      ...PaymentRow\n    }\n  }\n": typeof types.EntryRowFragmentDoc,
    "\n  query EntryCharges($id: ID!, $on: Date!) {\n    entry(id: $id) {\n      id\n      charges(on: $on) {\n        on\n        daysOverdue\n        lateFee\n        interest\n        updatedAmount\n      }\n    }\n  }\n": typeof types.EntryChargesDocument,
    "\n  query DebtorEntries($id: ID!, $first: Int!, $after: String) {\n    debtor(id: $id) {\n      id\n      name\n      kind\n      documentFormatted\n      overdueBalance {\n        openAmount\n        entryCount\n      }\n      entries(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...EntryRow\n          }\n        }\n      }\n    }\n  }\n": typeof types.DebtorEntriesDocument,
    "\n  mutation SettleEntry($input: SettleEntryInput!) {\n    settleEntry(input: $input) {\n      entry {\n        ...EntryRow\n      }\n      payment {\n        id\n        amount\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SettleEntryDocument,
    "\n  query DebtorBalance($id: ID!) {\n    debtor(id: $id) {\n      id\n      overdueBalance {\n        openAmount\n        entryCount\n      }\n    }\n  }\n": typeof types.DebtorBalanceDocument,
    "\n  mutation ReversePayment($input: ReversePaymentInput!) {\n    reversePayment(input: $input) {\n      entry {\n        ...EntryRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ReversePaymentDocument,
    "\n  mutation CancelEntry($input: CancelEntryInput!) {\n    cancelEntry(input: $input) {\n      entry {\n        ...EntryRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.CancelEntryDocument,
    "\n  fragment EntryDetail on FinancialEntry {\n    ...EntryRow\n    debtor {\n      id\n      name\n      documentFormatted\n    }\n    documentNumber\n    category\n    costCenter\n    notes\n  }\n": typeof types.EntryDetailFragmentDoc,
    "\n  query EntryForm($id: ID!) {\n    entry(id: $id) {\n      ...EntryDetail\n    }\n    companies {\n      id\n      name\n    }\n  }\n": typeof types.EntryFormDocument,
    "\n  mutation UpdateEntry($input: UpdateEntryInput!) {\n    updateEntry(input: $input) {\n      entry {\n        ...EntryDetail\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpdateEntryDocument,
    "\n  fragment DebtorRow on DebtorEdge {\n    cursor\n    node {\n      id\n      name\n      kind\n      document\n      documentFormatted\n      email\n    }\n    balance {\n      openAmount\n      entryCount\n      oldestDueDate\n      maxDaysOverdue\n    }\n  }\n": typeof types.DebtorRowFragmentDoc,
    "\n  query HomeSearch($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!) {\n    debtors(filter: $filter, orderBy: $orderBy, first: $first) {\n      totalCount\n      totalOpenAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        ...DebtorRow\n      }\n    }\n    collectionSummary(filter: $filter) {\n      totalOpenAmount\n      debtorCount\n      entryCount\n      today\n      dueFrom\n      dueTo\n      buckets {\n        label\n        minDays\n        maxDays\n        openAmount\n        entryCount\n      }\n    }\n  }\n": typeof types.HomeSearchDocument,
    "\n  query DebtorPage($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!, $after: String) {\n    debtors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        ...DebtorRow\n      }\n    }\n  }\n": typeof types.DebtorPageDocument,
    "\n  query Companies {\n    companies {\n      id\n      name\n    }\n  }\n": typeof types.CompaniesDocument,
    "\n  query ImportCompanies {\n    companies {\n      id\n      name\n    }\n  }\n": typeof types.ImportCompaniesDocument,
    "\n  mutation ImportDebtors($input: UpsertDebtorsInput!) {\n    upsertDebtors(input: $input) {\n      results {\n        index\n        id\n        errors {\n          field\n          code\n          message\n        }\n      }\n      errors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ImportDebtorsDocument,
    "\n  mutation ImportEntries($input: UpsertEntriesInput!) {\n    upsertEntries(input: $input) {\n      results {\n        index\n        id\n        created\n        changed\n        errors {\n          field\n          code\n          message\n        }\n      }\n      created\n      updated\n      unchanged\n      failed\n      errors {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ImportEntriesDocument,
    "\n  query ExportDebtorData($debtorId: ID!) {\n    exportDebtorData(debtorId: $debtorId)\n  }\n": typeof types.ExportDebtorDataDocument,
    "\n  mutation AnonymizeDebtor($input: AnonymizeDebtorInput!) {\n    anonymizeDebtor(input: $input) {\n      debtor {\n        id\n        name\n        anonymizedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.AnonymizeDebtorDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  query AdminCompanies {\n    companies {\n      id\n      name\n      document\n      documentFormatted\n      email\n      lateFeePercent\n      monthlyInterestPercent\n      timeZone\n      recentContactDays\n      pixKey\n      address {\n        postalCode\n        street\n        number\n        complement\n        district\n        city\n        state\n      }\n    }\n  }\n": types.AdminCompaniesDocument,
    "\n  mutation AdminCreateCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      company {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminCreateCompanyDocument,
    "\n  mutation AdminUpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      company {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminUpdateCompanyDocument,
    "\n  query AdminUsers {\n    allUsers {\n      id\n      name\n      email\n      role\n      active\n      allCompanies\n      companyIds\n    }\n    companies {\n      id\n      name\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminUpdateUserDocument,
    "\n  query AdminTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      scope\n      allCompanies\n      companyIds\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n    companies {\n      id\n      name\n    }\n  }\n": types.AdminTokensDocument,
    "\n  mutation AdminCreateToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n      }\n      secret\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminCreateTokenDocument,
    "\n  mutation AdminRevokeToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      token {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminRevokeTokenDocument,
    "\n  query AdminAudit($debtorId: ID, $actorUserId: ID, $dateFrom: Date, $dateTo: Date, $after: String) {\n    auditEvents(debtorId: $debtorId, actorUserId: $actorUserId, dateFrom: $dateFrom, dateTo: $dateTo, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actor\n          targetType\n          targetId\n          createdAt\n          details\n        }\n      }\n    }\n    allUsers {\n      id\n      name\n    }\n  }\n": types.AdminAuditDocument,
    "\n  query AdminWebhooks($deliveries: Int!) {\n    companies {\n      id\n      name\n      webhookEndpoints {\n        id\n        url\n        events\n        description\n        active\n        createdAt\n        deliveries(first: $deliveries) {\n          id\n          event\n          status\n          attempts\n          responseStatus\n          lastError\n          createdAt\n          deliveredAt\n        }\n      }\n    }\n  }\n": types.AdminWebhooksDocument,
    "\n  mutation AdminCreateWebhook($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminCreateWebhookDocument,
    "\n  mutation AdminUpdateWebhook($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminUpdateWebhookDocument,
    "\n  mutation AdminDeleteWebhook($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminDeleteWebhookDocument,
    "\n  mutation AdminRetryWebhookDelivery($input: RetryWebhookDeliveryInput!) {\n    retryWebhookDelivery(input: $input) {\n      delivery {\n        id\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminRetryWebhookDeliveryDocument,
    "\n  query AdminRetention {\n    companies {\n      id\n      name\n      retentionDays\n    }\n  }\n": types.AdminRetentionDocument,
    "\n  mutation AdminSetDataRetention($input: SetDataRetentionInput!) {\n    setDataRetention(input: $input) {\n      company {\n        id\n        retentionDays\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AdminSetDataRetentionDocument,
    "\n  query MyAppointments($from: Date, $to: Date, $includeDone: Boolean!) {\n    myAppointments(from: $from, to: $to, includeDone: $includeDone) {\n      ...AppointmentRow\n      company {\n        id\n        today\n      }\n      debtor {\n        id\n        name\n      }\n    }\n    today\n  }\n": types.MyAppointmentsDocument,
    "\n  query MyCalendarUrl {\n    myCalendarUrl\n  }\n": types.MyCalendarUrlDocument,
    "\n  mutation RotateCalendarUrl {\n    rotateCalendarUrl {\n      url\n      errors {\n        code\n        message\n      }\n    }\n  }\n": types.RotateCalendarUrlDocument,
    "\n  fragment DebtorData on Debtor {\n    id\n    name\n    kind\n    document\n    documentFormatted\n    email\n    phone\n    mobile\n    phoneFormatted\n    mobileFormatted\n    address {\n      postalCode\n      postalCodeFormatted\n      street\n      number\n      complement\n      district\n      city\n      state\n    }\n  }\n": types.DebtorDataFragmentDoc,
    "\n  fragment OverdueEntryRow on OverdueEntry {\n    id\n    code\n    description\n    company {\n      id\n      name\n    }\n    dueDate\n    amount\n    openAmount\n    daysOverdue\n    lateFee\n    interest\n    updatedAmount\n  }\n": types.OverdueEntryRowFragmentDoc,
    "\n  fragment ContactRow on Contact {\n    id\n    name\n    department\n    role\n    email\n    phone\n    mobile\n    phoneFormatted\n    mobileFormatted\n  }\n": types.ContactRowFragmentDoc,
    "\n  fragment AppointmentRow on Appointment {\n    id\n    responsible {\n      id\n      name\n    }\n    company {\n      id\n      name\n    }\n    date\n    time\n    notes\n    done\n    doneAt\n    createdAt\n  }\n": types.AppointmentRowFragmentDoc,
    "\n  fragment SentEmailRow on SentEmail {\n    id\n    company {\n      id\n      name\n    }\n    to\n    subject\n    status\n    attempts\n    lastError\n    queuedAt\n    sentAt\n    sentBy {\n      id\n      name\n    }\n    automatic\n    collectionStepDays\n  }\n": types.SentEmailRowFragmentDoc,
    "\n  query DebtorDetail($id: ID!, $entriesPage: Int!, $emailsPage: Int!) {\n    debtor(id: $id) {\n      ...DebtorData\n      lastEmailedAt\n      overdueBalance {\n        openAmount\n        entryCount\n        oldestDueDate\n        maxDaysOverdue\n      }\n      overdueEntries(first: $entriesPage) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...OverdueEntryRow\n          }\n        }\n      }\n      contacts {\n        ...ContactRow\n      }\n      appointments {\n        ...AppointmentRow\n      }\n      sentEmails(first: $emailsPage) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...SentEmailRow\n          }\n        }\n      }\n    }\n    companies {\n      id\n      name\n      today\n      emailTemplates {\n        id\n        name\n        subject\n        body\n        isDefault\n      }\n    }\n    today\n    users {\n      id\n      name\n    }\n    emailPlaceholders {\n      name\n      token\n      description\n      example\n      inSubject\n    }\n  }\n": types.DebtorDetailDocument,
    "\n  query MoreOverdueEntries($id: ID!, $first: Int!, $after: String!) {\n    debtor(id: $id) {\n      id\n      overdueEntries(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...OverdueEntryRow\n          }\n        }\n      }\n    }\n  }\n": types.MoreOverdueEntriesDocument,
    "\n  query MoreSentEmails($id: ID!, $first: Int!, $after: String!) {\n    debtor(id: $id) {\n      id\n      sentEmails(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...SentEmailRow\n          }\n        }\n      }\n    }\n  }\n": types.MoreSentEmailsDocument,
    "\n  mutation SendCollectionEmail($input: SendCollectionEmailInput!) {\n    sendCollectionEmail(input: $input) {\n      sentEmail {\n        ...SentEmailRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SendCollectionEmailDocument,
    "\n  mutation UpdateDebtor($input: UpdateDebtorInput!) {\n    updateDebtor(input: $input) {\n      debtor {\n        ...DebtorData\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpdateDebtorDocument,
    "\n  mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        ...AppointmentRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ScheduleAppointmentDocument,
    "\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      contact {\n        ...ContactRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AddContactDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      contact {\n        ...ContactRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpdateContactDocument,
    "\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input) {\n      removedContactId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.RemoveContactDocument,
    "\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        ...AppointmentRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpdateAppointmentDocument,
    "\n  mutation CompleteAppointment($input: CompleteAppointmentInput!) {\n    completeAppointment(input: $input) {\n      appointment {\n        ...AppointmentRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.CompleteAppointmentDocument,
    "\n  mutation DeleteAppointment($input: DeleteAppointmentInput!) {\n    deleteAppointment(input: $input) {\n      deletedAppointmentId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.DeleteAppointmentDocument,
    "\n  mutation RetryEmail($input: RetryEmailInput!) {\n    retryEmail(input: $input) {\n      sentEmail {\n        ...SentEmailRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.RetryEmailDocument,
    "\n  query PreviewCollectionEmail($input: SendCollectionEmailInput!) {\n    previewCollectionEmail(input: $input) {\n      to\n      subject\n      html\n      warnings {\n        code\n        message\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.PreviewCollectionEmailDocument,
    "\n  query SentEmailView($id: ID!) {\n    sentEmail(id: $id) {\n      id\n      debtor {\n        id\n        name\n      }\n      company {\n        id\n        name\n        email\n      }\n      to\n      subject\n      html\n      status\n      attempts\n      lastError\n      queuedAt\n      sentAt\n      sentBy {\n        id\n        name\n      }\n    }\n  }\n": types.SentEmailViewDocument,
    "\n  fragment PaymentRow on Payment {\n    id\n    amount\n    lateFee\n    interest\n    discount\n    paidOn\n    method\n    note\n    receivedAmount\n    waivedCharges\n    waiverReason\n    createdAt\n    reversedAt\n    reversalReason\n  }\n": types.PaymentRowFragmentDoc,
    "\n  fragment EntryRow on FinancialEntry {\n    id\n    code\n    description\n    company {\n      id\n      name\n      today\n    }\n    issueDate\n    dueDate\n    amount\n    paidAmount\n    openAmount\n    status\n    isOverdue\n    version\n    cancelledAt\n    cancelReason\n    charges {\n      on\n      daysOverdue\n      lateFee\n      interest\n      updatedAmount\n    }\n    receivedCharges\n    waivedCharges\n    payments {\n      ...PaymentRow\n    }\n  }\n": types.EntryRowFragmentDoc,
    "\n  query EntryCharges($id: ID!, $on: Date!) {\n    entry(id: $id) {\n      id\n      charges(on: $on) {\n        on\n        daysOverdue\n        lateFee\n        interest\n        updatedAmount\n      }\n    }\n  }\n": types.EntryChargesDocument,
    "\n  query DebtorEntries($id: ID!, $first: Int!, $after: String) {\n    debtor(id: $id) {\n      id\n      name\n      kind\n      documentFormatted\n      overdueBalance {\n        openAmount\n        entryCount\n      }\n      entries(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...EntryRow\n          }\n        }\n      }\n    }\n  }\n": types.DebtorEntriesDocument,
    "\n  mutation SettleEntry($input: SettleEntryInput!) {\n    settleEntry(input: $input) {\n      entry {\n        ...EntryRow\n      }\n      payment {\n        id\n        amount\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SettleEntryDocument,
    "\n  query DebtorBalance($id: ID!) {\n    debtor(id: $id) {\n      id\n      overdueBalance {\n        openAmount\n        entryCount\n      }\n    }\n  }\n": types.DebtorBalanceDocument,
    "\n  mutation ReversePayment($input: ReversePaymentInput!) {\n    reversePayment(input: $input) {\n      entry {\n        ...EntryRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ReversePaymentDocument,
    "\n  mutation CancelEntry($input: CancelEntryInput!) {\n    cancelEntry(input: $input) {\n      entry {\n        ...EntryRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.CancelEntryDocument,
    "\n  fragment EntryDetail on FinancialEntry {\n    ...EntryRow\n    debtor {\n      id\n      name\n      documentFormatted\n    }\n    documentNumber\n    category\n    costCenter\n    notes\n  }\n": types.EntryDetailFragmentDoc,
    "\n  query EntryForm($id: ID!) {\n    entry(id: $id) {\n      ...EntryDetail\n    }\n    companies {\n      id\n      name\n    }\n  }\n": types.EntryFormDocument,
    "\n  mutation UpdateEntry($input: UpdateEntryInput!) {\n    updateEntry(input: $input) {\n      entry {\n        ...EntryDetail\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpdateEntryDocument,
    "\n  fragment DebtorRow on DebtorEdge {\n    cursor\n    node {\n      id\n      name\n      kind\n      document\n      documentFormatted\n      email\n    }\n    balance {\n      openAmount\n      entryCount\n      oldestDueDate\n      maxDaysOverdue\n    }\n  }\n": types.DebtorRowFragmentDoc,
    "\n  query HomeSearch($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!) {\n    debtors(filter: $filter, orderBy: $orderBy, first: $first) {\n      totalCount\n      totalOpenAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        ...DebtorRow\n      }\n    }\n    collectionSummary(filter: $filter) {\n      totalOpenAmount\n      debtorCount\n      entryCount\n      today\n      dueFrom\n      dueTo\n      buckets {\n        label\n        minDays\n        maxDays\n        openAmount\n        entryCount\n      }\n    }\n  }\n": types.HomeSearchDocument,
    "\n  query DebtorPage($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!, $after: String) {\n    debtors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        ...DebtorRow\n      }\n    }\n  }\n": types.DebtorPageDocument,
    "\n  query Companies {\n    companies {\n      id\n      name\n    }\n  }\n": types.CompaniesDocument,
    "\n  query ImportCompanies {\n    companies {\n      id\n      name\n    }\n  }\n": types.ImportCompaniesDocument,
    "\n  mutation ImportDebtors($input: UpsertDebtorsInput!) {\n    upsertDebtors(input: $input) {\n      results {\n        index\n        id\n        errors {\n          field\n          code\n          message\n        }\n      }\n      errors {\n        code\n        message\n      }\n    }\n  }\n": types.ImportDebtorsDocument,
    "\n  mutation ImportEntries($input: UpsertEntriesInput!) {\n    upsertEntries(input: $input) {\n      results {\n        index\n        id\n        created\n        changed\n        errors {\n          field\n          code\n          message\n        }\n      }\n      created\n      updated\n      unchanged\n      failed\n      errors {\n        code\n        message\n      }\n    }\n  }\n": types.ImportEntriesDocument,
    "\n  query ExportDebtorData($debtorId: ID!) {\n    exportDebtorData(debtorId: $debtorId)\n  }\n": types.ExportDebtorDataDocument,
    "\n  mutation AnonymizeDebtor($input: AnonymizeDebtorInput!) {\n    anonymizeDebtor(input: $input) {\n      debtor {\n        id\n        name\n        anonymizedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.AnonymizeDebtorDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCompanies {\n    companies {\n      id\n      name\n      document\n      documentFormatted\n      email\n      lateFeePercent\n      monthlyInterestPercent\n      timeZone\n      recentContactDays\n      pixKey\n      address {\n        postalCode\n        street\n        number\n        complement\n        district\n        city\n        state\n      }\n    }\n  }\n"): typeof import('./graphql').AdminCompaniesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateCompany($input: CreateCompanyInput!) {\n    createCompany(input: $input) {\n      company {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminCreateCompanyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      company {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminUpdateCompanyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers {\n    allUsers {\n      id\n      name\n      email\n      role\n      active\n      allCompanies\n      companyIds\n    }\n    companies {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminCreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminUpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      scope\n      allCompanies\n      companyIds\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n    companies {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AdminTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n      }\n      secret\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminCreateTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      token {\n        id\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminRevokeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAudit($debtorId: ID, $actorUserId: ID, $dateFrom: Date, $dateTo: Date, $after: String) {\n    auditEvents(debtorId: $debtorId, actorUserId: $actorUserId, dateFrom: $dateFrom, dateTo: $dateTo, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actor\n          targetType\n          targetId\n          createdAt\n          details\n        }\n      }\n    }\n    allUsers {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').AdminAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhooks($deliveries: Int!) {\n    companies {\n      id\n      name\n      webhookEndpoints {\n        id\n        url\n        events\n        description\n        active\n        createdAt\n        deliveries(first: $deliveries) {\n          id\n          event\n          status\n          attempts\n          responseStatus\n          lastError\n          createdAt\n          deliveredAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminWebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateWebhook($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminCreateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateWebhook($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n      }\n      secret\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminUpdateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteWebhook($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      deletedId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminDeleteWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRetryWebhookDelivery($input: RetryWebhookDeliveryInput!) {\n    retryWebhookDelivery(input: $input) {\n      delivery {\n        id\n        status\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminRetryWebhookDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminRetention {\n    companies {\n      id\n      name\n      retentionDays\n    }\n  }\n"): typeof import('./graphql').AdminRetentionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetDataRetention($input: SetDataRetentionInput!) {\n    setDataRetention(input: $input) {\n      company {\n        id\n        retentionDays\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AdminSetDataRetentionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAppointments($from: Date, $to: Date, $includeDone: Boolean!) {\n    myAppointments(from: $from, to: $to, includeDone: $includeDone) {\n      ...AppointmentRow\n      company {\n        id\n        today\n      }\n      debtor {\n        id\n        name\n      }\n    }\n    today\n  }\n"): typeof import('./graphql').MyAppointmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCalendarUrl {\n    myCalendarUrl\n  }\n"): typeof import('./graphql').MyCalendarUrlDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCalendarUrl {\n    rotateCalendarUrl {\n      url\n      errors {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').RotateCalendarUrlDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DebtorData on Debtor {\n    id\n    name\n    kind\n    document\n    documentFormatted\n    email\n    phone\n    mobile\n    phoneFormatted\n    mobileFormatted\n    address {\n      postalCode\n      postalCodeFormatted\n      street\n      number\n      complement\n      district\n      city\n      state\n    }\n  }\n"): typeof import('./graphql').DebtorDataFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OverdueEntryRow on OverdueEntry {\n    id\n    code\n    description\n    company {\n      id\n      name\n    }\n    dueDate\n    amount\n    openAmount\n    daysOverdue\n    lateFee\n    interest\n    updatedAmount\n  }\n"): typeof import('./graphql').OverdueEntryRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactRow on Contact {\n    id\n    name\n    department\n    role\n    email\n    phone\n    mobile\n    phoneFormatted\n    mobileFormatted\n  }\n"): typeof import('./graphql').ContactRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppointmentRow on Appointment {\n    id\n    responsible {\n      id\n      name\n    }\n    company {\n      id\n      name\n    }\n    date\n    time\n    notes\n    done\n    doneAt\n    createdAt\n  }\n"): typeof import('./graphql').AppointmentRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SentEmailRow on SentEmail {\n    id\n    company {\n      id\n      name\n    }\n    to\n    subject\n    status\n    attempts\n    lastError\n    queuedAt\n    sentAt\n    sentBy {\n      id\n      name\n    }\n    automatic\n    collectionStepDays\n  }\n"): typeof import('./graphql').SentEmailRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DebtorDetail($id: ID!, $entriesPage: Int!, $emailsPage: Int!) {\n    debtor(id: $id) {\n      ...DebtorData\n      lastEmailedAt\n      overdueBalance {\n        openAmount\n        entryCount\n        oldestDueDate\n        maxDaysOverdue\n      }\n      overdueEntries(first: $entriesPage) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...OverdueEntryRow\n          }\n        }\n      }\n      contacts {\n        ...ContactRow\n      }\n      appointments {\n        ...AppointmentRow\n      }\n      sentEmails(first: $emailsPage) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...SentEmailRow\n          }\n        }\n      }\n    }\n    companies {\n      id\n      name\n      today\n      emailTemplates {\n        id\n        name\n        subject\n        body\n        isDefault\n      }\n    }\n    today\n    users {\n      id\n      name\n    }\n    emailPlaceholders {\n      name\n      token\n      description\n      example\n      inSubject\n    }\n  }\n"): typeof import('./graphql').DebtorDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoreOverdueEntries($id: ID!, $first: Int!, $after: String!) {\n    debtor(id: $id) {\n      id\n      overdueEntries(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...OverdueEntryRow\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MoreOverdueEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoreSentEmails($id: ID!, $first: Int!, $after: String!) {\n    debtor(id: $id) {\n      id\n      sentEmails(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...SentEmailRow\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MoreSentEmailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCollectionEmail($input: SendCollectionEmailInput!) {\n    sendCollectionEmail(input: $input) {\n      sentEmail {\n        ...SentEmailRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').SendCollectionEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDebtor($input: UpdateDebtorInput!) {\n    updateDebtor(input: $input) {\n      debtor {\n        ...DebtorData\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateDebtorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        ...AppointmentRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ScheduleAppointmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddContact($input: AddContactInput!) {\n    addContact(input: $input) {\n      contact {\n        ...ContactRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AddContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      contact {\n        ...ContactRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input) {\n      removedContactId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').RemoveContactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        ...AppointmentRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateAppointmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteAppointment($input: CompleteAppointmentInput!) {\n    completeAppointment(input: $input) {\n      appointment {\n        ...AppointmentRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').CompleteAppointmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAppointment($input: DeleteAppointmentInput!) {\n    deleteAppointment(input: $input) {\n      deletedAppointmentId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').DeleteAppointmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryEmail($input: RetryEmailInput!) {\n    retryEmail(input: $input) {\n      sentEmail {\n        ...SentEmailRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').RetryEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewCollectionEmail($input: SendCollectionEmailInput!) {\n    previewCollectionEmail(input: $input) {\n      to\n      subject\n      html\n      warnings {\n        code\n        message\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').PreviewCollectionEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SentEmailView($id: ID!) {\n    sentEmail(id: $id) {\n      id\n      debtor {\n        id\n        name\n      }\n      company {\n        id\n        name\n        email\n      }\n      to\n      subject\n      html\n      status\n      attempts\n      lastError\n      queuedAt\n      sentAt\n      sentBy {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').SentEmailViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentRow on Payment {\n    id\n    amount\n    lateFee\n    interest\n    discount\n    paidOn\n    method\n    note\n    receivedAmount\n    waivedCharges\n    waiverReason\n    createdAt\n    reversedAt\n    reversalReason\n  }\n"): typeof import('./graphql').PaymentRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EntryRow on FinancialEntry {\n    id\n    code\n    description\n    company {\n      id\n      name\n      today\n    }\n    issueDate\n    dueDate\n    amount\n    paidAmount\n    openAmount\n    status\n    isOverdue\n    version\n    cancelledAt\n    cancelReason\n    charges {\n      on\n      daysOverdue\n      lateFee\n      interest\n      updatedAmount\n    }\n    receivedCharges\n    waivedCharges\n    payments {\n      ...PaymentRow\n    }\n  }\n"): typeof import('./graphql').EntryRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryCharges($id: ID!, $on: Date!) {\n    entry(id: $id) {\n      id\n      charges(on: $on) {\n        on\n        daysOverdue\n        lateFee\n        interest\n        updatedAmount\n      }\n    }\n  }\n"): typeof import('./graphql').EntryChargesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DebtorEntries($id: ID!, $first: Int!, $after: String) {\n    debtor(id: $id) {\n      id\n      name\n      kind\n      documentFormatted\n      overdueBalance {\n        openAmount\n        entryCount\n      }\n      entries(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...EntryRow\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DebtorEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettleEntry($input: SettleEntryInput!) {\n    settleEntry(input: $input) {\n      entry {\n        ...EntryRow\n      }\n      payment {\n        id\n        amount\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').SettleEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DebtorBalance($id: ID!) {\n    debtor(id: $id) {\n      id\n      overdueBalance {\n        openAmount\n        entryCount\n      }\n    }\n  }\n"): typeof import('./graphql').DebtorBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReversePayment($input: ReversePaymentInput!) {\n    reversePayment(input: $input) {\n      entry {\n        ...EntryRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ReversePaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelEntry($input: CancelEntryInput!) {\n    cancelEntry(input: $input) {\n      entry {\n        ...EntryRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').CancelEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EntryDetail on FinancialEntry {\n    ...EntryRow\n    debtor {\n      id\n      name\n      documentFormatted\n    }\n    documentNumber\n    category\n    costCenter\n    notes\n  }\n"): typeof import('./graphql').EntryDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryForm($id: ID!) {\n    entry(id: $id) {\n      ...EntryDetail\n    }\n    companies {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').EntryFormDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEntry($input: UpdateEntryInput!) {\n    updateEntry(input: $input) {\n      entry {\n        ...EntryDetail\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DebtorRow on DebtorEdge {\n    cursor\n    node {\n      id\n      name\n      kind\n      document\n      documentFormatted\n      email\n    }\n    balance {\n      openAmount\n      entryCount\n      oldestDueDate\n      maxDaysOverdue\n    }\n  }\n"): typeof import('./graphql').DebtorRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeSearch($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!) {\n    debtors(filter: $filter, orderBy: $orderBy, first: $first) {\n      totalCount\n      totalOpenAmount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        ...DebtorRow\n      }\n    }\n    collectionSummary(filter: $filter) {\n      totalOpenAmount\n      debtorCount\n      entryCount\n      today\n      dueFrom\n      dueTo\n      buckets {\n        label\n        minDays\n        maxDays\n        openAmount\n        entryCount\n      }\n    }\n  }\n"): typeof import('./graphql').HomeSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DebtorPage($filter: DebtorFilter!, $orderBy: DebtorOrder!, $first: Int!, $after: String) {\n    debtors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        ...DebtorRow\n      }\n    }\n  }\n"): typeof import('./graphql').DebtorPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Companies {\n    companies {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CompaniesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportCompanies {\n    companies {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').ImportCompaniesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportDebtors($input: UpsertDebtorsInput!) {\n    upsertDebtors(input: $input) {\n      results {\n        index\n        id\n        errors {\n          field\n          code\n          message\n        }\n      }\n      errors {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ImportDebtorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportEntries($input: UpsertEntriesInput!) {\n    upsertEntries(input: $input) {\n      results {\n        index\n        id\n        created\n        changed\n        errors {\n          field\n          code\n          message\n        }\n      }\n      created\n      updated\n      unchanged\n      failed\n      errors {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ImportEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportDebtorData($debtorId: ID!) {\n    exportDebtorData(debtorId: $debtorId)\n  }\n"): typeof import('./graphql').ExportDebtorDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnonymizeDebtor($input: AnonymizeDebtorInput!) {\n    anonymizeDebtor(input: $input) {\n      debtor {\n        id\n        name\n        anonymizedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').AnonymizeDebtorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n"): typeof import('./graphql').MeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
