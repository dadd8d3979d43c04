/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CancelPaymentPromiseInput = {
  promiseId: string | number;
};

/** What kind of thing happened to the debtor. */
export type HistoryKind =
  | 'APPOINTMENT'
  | 'EMAIL'
  | 'ENTRY'
  | 'PAUSE'
  | 'PAYMENT'
  | 'PROMISE'
  | 'REVERSAL';

/** Pause the régua for a debtor (or one entry) through `until`. */
export type PauseCollectionInput = {
  companyId: string | number;
  debtorId: string | number;
  entryId?: string | number | null | undefined;
  /** e.g. em disputa */
  reason: string;
  /** The last day of the pause (inclusive). */
  until: string;
};

/** OPEN holds the régua through the date; then KEPT or BROKEN. */
export type PromiseStatus =
  | 'BROKEN'
  | 'CANCELLED'
  | 'KEPT'
  | 'OPEN';

/** A promise to pay: holds the régua through promisedDate. */
export type RecordPaymentPromiseInput = {
  amount: string;
  companyId: string | number;
  debtorId: string | number;
  note?: string | null | undefined;
  promisedDate: string;
};

export type ResumeCollectionInput = {
  pauseId: string | number;
};

export type PauseRowFragment = { id: string, entryId: string | null, reason: string, until: string, createdAt: string, endedAt: string | null, active: boolean, company: { id: string, name: string }, createdBy: { id: string, name: string } | null };

export type PromiseRowFragment = { id: string, promisedDate: string, amount: string, note: string | null, status: PromiseStatus, createdAt: string, resolvedAt: string | null, company: { id: string, name: string }, createdBy: { id: string, name: string } | null };

export type HistoryRowFragment = { id: string, at: string, kind: HistoryKind, action: string, summary: string, amount: string | null, companyId: string | null, automatic: boolean, actor: { id: string, name: string } | null };

export type DebtorFollowUpQueryVariables = Exact<{
  id: string | number;
  historyPage: number;
}>;


export type DebtorFollowUpQuery = { debtor: { id: string, collectionPauses: Array<{ id: string, entryId: string | null, reason: string, until: string, createdAt: string, endedAt: string | null, active: boolean, company: { id: string, name: string }, createdBy: { id: string, name: string } | null }>, paymentPromises: Array<{ id: string, promisedDate: string, amount: string, note: string | null, status: PromiseStatus, createdAt: string, resolvedAt: string | null, company: { id: string, name: string }, createdBy: { id: string, name: string } | null }>, history: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, kind: HistoryKind, action: string, summary: string, amount: string | null, companyId: string | null, automatic: boolean, actor: { id: string, name: string } | null } }> } } | null };

export type MoreDebtorHistoryQueryVariables = Exact<{
  id: string | number;
  first: number;
  after: string;
}>;


export type MoreDebtorHistoryQuery = { debtor: { id: string, history: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, kind: HistoryKind, action: string, summary: string, amount: string | null, companyId: string | null, automatic: boolean, actor: { id: string, name: string } | null } }> } } | null };

export type PauseCollectionMutationVariables = Exact<{
  input: PauseCollectionInput;
}>;


export type PauseCollectionMutation = { pauseCollection: { pause: { id: string, entryId: string | null, reason: string, until: string, createdAt: string, endedAt: string | null, active: boolean, company: { id: string, name: string }, createdBy: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type ResumeCollectionMutationVariables = Exact<{
  input: ResumeCollectionInput;
}>;


export type ResumeCollectionMutation = { resumeCollection: { pause: { id: string, entryId: string | null, reason: string, until: string, createdAt: string, endedAt: string | null, active: boolean, company: { id: string, name: string }, createdBy: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type RecordPaymentPromiseMutationVariables = Exact<{
  input: RecordPaymentPromiseInput;
}>;


export type RecordPaymentPromiseMutation = { recordPaymentPromise: { promise: { id: string, promisedDate: string, amount: string, note: string | null, status: PromiseStatus, createdAt: string, resolvedAt: string | null, company: { id: string, name: string }, createdBy: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type CancelPaymentPromiseMutationVariables = Exact<{
  input: CancelPaymentPromiseInput;
}>;


export type CancelPaymentPromiseMutation = { cancelPaymentPromise: { promise: { id: string, promisedDate: string, amount: string, note: string | null, status: PromiseStatus, createdAt: string, resolvedAt: string | null, company: { id: string, name: string }, createdBy: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

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
export const PauseRowFragmentDoc = new TypedDocumentString(`
    fragment PauseRow on CollectionPause {
  id
  company {
    id
    name
  }
  entryId
  reason
  until
  createdBy {
    id
    name
  }
  createdAt
  endedAt
  active
}
    `, {"fragmentName":"PauseRow"}) as unknown as TypedDocumentString<PauseRowFragment, unknown>;
export const PromiseRowFragmentDoc = new TypedDocumentString(`
    fragment PromiseRow on PaymentPromise {
  id
  company {
    id
    name
  }
  promisedDate
  amount
  note
  status
  createdBy {
    id
    name
  }
  createdAt
  resolvedAt
}
    `, {"fragmentName":"PromiseRow"}) as unknown as TypedDocumentString<PromiseRowFragment, unknown>;
export const HistoryRowFragmentDoc = new TypedDocumentString(`
    fragment HistoryRow on HistoryEvent {
  id
  at
  kind
  action
  summary
  amount
  companyId
  actor {
    id
    name
  }
  automatic
}
    `, {"fragmentName":"HistoryRow"}) as unknown as TypedDocumentString<HistoryRowFragment, unknown>;
export const DebtorFollowUpDocument = new TypedDocumentString(`
    query DebtorFollowUp($id: ID!, $historyPage: Int!) {
  debtor(id: $id) {
    id
    collectionPauses(includeEnded: true) {
      ...PauseRow
    }
    paymentPromises(includeResolved: true) {
      ...PromiseRow
    }
    history(first: $historyPage) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...HistoryRow
        }
      }
    }
  }
}
    fragment PauseRow on CollectionPause {
  id
  company {
    id
    name
  }
  entryId
  reason
  until
  createdBy {
    id
    name
  }
  createdAt
  endedAt
  active
}
fragment PromiseRow on PaymentPromise {
  id
  company {
    id
    name
  }
  promisedDate
  amount
  note
  status
  createdBy {
    id
    name
  }
  createdAt
  resolvedAt
}
fragment HistoryRow on HistoryEvent {
  id
  at
  kind
  action
  summary
  amount
  companyId
  actor {
    id
    name
  }
  automatic
}`) as unknown as TypedDocumentString<DebtorFollowUpQuery, DebtorFollowUpQueryVariables>;
export const MoreDebtorHistoryDocument = new TypedDocumentString(`
    query MoreDebtorHistory($id: ID!, $first: Int!, $after: String!) {
  debtor(id: $id) {
    id
    history(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...HistoryRow
        }
      }
    }
  }
}
    fragment HistoryRow on HistoryEvent {
  id
  at
  kind
  action
  summary
  amount
  companyId
  actor {
    id
    name
  }
  automatic
}`) as unknown as TypedDocumentString<MoreDebtorHistoryQuery, MoreDebtorHistoryQueryVariables>;
export const PauseCollectionDocument = new TypedDocumentString(`
    mutation PauseCollection($input: PauseCollectionInput!) {
  pauseCollection(input: $input) {
    pause {
      ...PauseRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment PauseRow on CollectionPause {
  id
  company {
    id
    name
  }
  entryId
  reason
  until
  createdBy {
    id
    name
  }
  createdAt
  endedAt
  active
}`) as unknown as TypedDocumentString<PauseCollectionMutation, PauseCollectionMutationVariables>;
export const ResumeCollectionDocument = new TypedDocumentString(`
    mutation ResumeCollection($input: ResumeCollectionInput!) {
  resumeCollection(input: $input) {
    pause {
      ...PauseRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment PauseRow on CollectionPause {
  id
  company {
    id
    name
  }
  entryId
  reason
  until
  createdBy {
    id
    name
  }
  createdAt
  endedAt
  active
}`) as unknown as TypedDocumentString<ResumeCollectionMutation, ResumeCollectionMutationVariables>;
export const RecordPaymentPromiseDocument = new TypedDocumentString(`
    mutation RecordPaymentPromise($input: RecordPaymentPromiseInput!) {
  recordPaymentPromise(input: $input) {
    promise {
      ...PromiseRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment PromiseRow on PaymentPromise {
  id
  company {
    id
    name
  }
  promisedDate
  amount
  note
  status
  createdBy {
    id
    name
  }
  createdAt
  resolvedAt
}`) as unknown as TypedDocumentString<RecordPaymentPromiseMutation, RecordPaymentPromiseMutationVariables>;
export const CancelPaymentPromiseDocument = new TypedDocumentString(`
    mutation CancelPaymentPromise($input: CancelPaymentPromiseInput!) {
  cancelPaymentPromise(input: $input) {
    promise {
      ...PromiseRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment PromiseRow on PaymentPromise {
  id
  company {
    id
    name
  }
  promisedDate
  amount
  note
  status
  createdBy {
    id
    name
  }
  createdAt
  resolvedAt
}`) as unknown as TypedDocumentString<CancelPaymentPromiseMutation, CancelPaymentPromiseMutationVariables>;