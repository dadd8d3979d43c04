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
    "\n  fragment PauseRow on CollectionPause {\n    id\n    company {\n      id\n      name\n    }\n    entryId\n    reason\n    until\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    endedAt\n    active\n  }\n": typeof types.PauseRowFragmentDoc,
    "\n  fragment PromiseRow on PaymentPromise {\n    id\n    company {\n      id\n      name\n    }\n    promisedDate\n    amount\n    note\n    status\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    resolvedAt\n  }\n": typeof types.PromiseRowFragmentDoc,
    "\n  fragment HistoryRow on HistoryEvent {\n    id\n    at\n    kind\n    action\n    summary\n    amount\n    companyId\n    actor {\n      id\n      name\n    }\n    automatic\n  }\n": typeof types.HistoryRowFragmentDoc,
    "\n  query DebtorFollowUp($id: ID!, $historyPage: Int!) {\n    debtor(id: $id) {\n      id\n      collectionPauses(includeEnded: true) {\n        ...PauseRow\n      }\n      paymentPromises(includeResolved: true) {\n        ...PromiseRow\n      }\n      history(first: $historyPage) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...HistoryRow\n          }\n        }\n      }\n    }\n  }\n": typeof types.DebtorFollowUpDocument,
    "\n  query MoreDebtorHistory($id: ID!, $first: Int!, $after: String!) {\n    debtor(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...HistoryRow\n          }\n        }\n      }\n    }\n  }\n": typeof types.MoreDebtorHistoryDocument,
    "\n  mutation PauseCollection($input: PauseCollectionInput!) {\n    pauseCollection(input: $input) {\n      pause {\n        ...PauseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.PauseCollectionDocument,
    "\n  mutation ResumeCollection($input: ResumeCollectionInput!) {\n    resumeCollection(input: $input) {\n      pause {\n        ...PauseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.ResumeCollectionDocument,
    "\n  mutation RecordPaymentPromise($input: RecordPaymentPromiseInput!) {\n    recordPaymentPromise(input: $input) {\n      promise {\n        ...PromiseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.RecordPaymentPromiseDocument,
    "\n  mutation CancelPaymentPromise($input: CancelPaymentPromiseInput!) {\n    cancelPaymentPromise(input: $input) {\n      promise {\n        ...PromiseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.CancelPaymentPromiseDocument,
};
const documents: Documents = {
    "\n  fragment PauseRow on CollectionPause {\n    id\n    company {\n      id\n      name\n    }\n    entryId\n    reason\n    until\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    endedAt\n    active\n  }\n": types.PauseRowFragmentDoc,
    "\n  fragment PromiseRow on PaymentPromise {\n    id\n    company {\n      id\n      name\n    }\n    promisedDate\n    amount\n    note\n    status\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    resolvedAt\n  }\n": types.PromiseRowFragmentDoc,
    "\n  fragment HistoryRow on HistoryEvent {\n    id\n    at\n    kind\n    action\n    summary\n    amount\n    companyId\n    actor {\n      id\n      name\n    }\n    automatic\n  }\n": types.HistoryRowFragmentDoc,
    "\n  query DebtorFollowUp($id: ID!, $historyPage: Int!) {\n    debtor(id: $id) {\n      id\n      collectionPauses(includeEnded: true) {\n        ...PauseRow\n      }\n      paymentPromises(includeResolved: true) {\n        ...PromiseRow\n      }\n      history(first: $historyPage) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...HistoryRow\n          }\n        }\n      }\n    }\n  }\n": types.DebtorFollowUpDocument,
    "\n  query MoreDebtorHistory($id: ID!, $first: Int!, $after: String!) {\n    debtor(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...HistoryRow\n          }\n        }\n      }\n    }\n  }\n": types.MoreDebtorHistoryDocument,
    "\n  mutation PauseCollection($input: PauseCollectionInput!) {\n    pauseCollection(input: $input) {\n      pause {\n        ...PauseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.PauseCollectionDocument,
    "\n  mutation ResumeCollection($input: ResumeCollectionInput!) {\n    resumeCollection(input: $input) {\n      pause {\n        ...PauseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.ResumeCollectionDocument,
    "\n  mutation RecordPaymentPromise($input: RecordPaymentPromiseInput!) {\n    recordPaymentPromise(input: $input) {\n      promise {\n        ...PromiseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.RecordPaymentPromiseDocument,
    "\n  mutation CancelPaymentPromise($input: CancelPaymentPromiseInput!) {\n    cancelPaymentPromise(input: $input) {\n      promise {\n        ...PromiseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.CancelPaymentPromiseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PauseRow on CollectionPause {\n    id\n    company {\n      id\n      name\n    }\n    entryId\n    reason\n    until\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    endedAt\n    active\n  }\n"): typeof import('./graphql').PauseRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PromiseRow on PaymentPromise {\n    id\n    company {\n      id\n      name\n    }\n    promisedDate\n    amount\n    note\n    status\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    resolvedAt\n  }\n"): typeof import('./graphql').PromiseRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HistoryRow on HistoryEvent {\n    id\n    at\n    kind\n    action\n    summary\n    amount\n    companyId\n    actor {\n      id\n      name\n    }\n    automatic\n  }\n"): typeof import('./graphql').HistoryRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DebtorFollowUp($id: ID!, $historyPage: Int!) {\n    debtor(id: $id) {\n      id\n      collectionPauses(includeEnded: true) {\n        ...PauseRow\n      }\n      paymentPromises(includeResolved: true) {\n        ...PromiseRow\n      }\n      history(first: $historyPage) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...HistoryRow\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DebtorFollowUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoreDebtorHistory($id: ID!, $first: Int!, $after: String!) {\n    debtor(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...HistoryRow\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MoreDebtorHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseCollection($input: PauseCollectionInput!) {\n    pauseCollection(input: $input) {\n      pause {\n        ...PauseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').PauseCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeCollection($input: ResumeCollectionInput!) {\n    resumeCollection(input: $input) {\n      pause {\n        ...PauseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').ResumeCollectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPaymentPromise($input: RecordPaymentPromiseInput!) {\n    recordPaymentPromise(input: $input) {\n      promise {\n        ...PromiseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').RecordPaymentPromiseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPaymentPromise($input: CancelPaymentPromiseInput!) {\n    cancelPaymentPromise(input: $input) {\n      promise {\n        ...PromiseRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').CancelPaymentPromiseDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
