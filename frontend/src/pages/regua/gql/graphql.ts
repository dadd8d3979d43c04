/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** One step of the régua, in saveCollectionSteps. */
export type CollectionStepInput = {
  /** Relative to the due date: -3, 0, 3, 10, 30 … */
  days: number;
  enabled?: boolean;
  minimumOpenAmount?: string;
  templateId: string | number;
};

export type CreateEmailTemplateInput = {
  body: string;
  companyId: string | number;
  isDefault?: boolean | null | undefined;
  name: string;
  subject: string;
};

export type DeleteEmailTemplateInput = {
  id: string | number;
};

export type SaveCollectionStepsInput = {
  companyId: string | number;
  steps: Array<CollectionStepInput>;
};

/** Omitted fields stay as they are. */
export type UpdateEmailTemplateInput = {
  body?: string | null | undefined;
  id: string | number;
  isDefault?: boolean | null | undefined;
  name?: string | null | undefined;
  subject?: string | null | undefined;
};

export type EmailTemplateRowFragment = { id: string, name: string, subject: string, body: string, isDefault: boolean };

export type CollectionStepRowFragment = { id: string, days: number, templateId: string, enabled: boolean, minimumOpenAmount: string };

export type ReguaQueryVariables = Exact<{ [key: string]: never; }>;


export type ReguaQuery = { companies: Array<{ id: string, name: string, today: string, emailTemplates: Array<{ id: string, name: string, subject: string, body: string, isDefault: boolean }>, collectionSteps: Array<{ id: string, days: number, templateId: string, enabled: boolean, minimumOpenAmount: string }> }>, emailPlaceholders: Array<{ name: string, token: string, description: string, example: string, inSubject: boolean }> };

export type CollectionPlanQueryVariables = Exact<{
  companyId: string | number;
  date: string;
  first: number;
}>;


export type CollectionPlanQuery = { collectionPlan: Array<{ debtorId: string, debtorName: string, stepDays: number, entryCount: number, openAmount: string, template: { id: string, name: string } }> };

export type SaveCollectionStepsMutationVariables = Exact<{
  input: SaveCollectionStepsInput;
}>;


export type SaveCollectionStepsMutation = { saveCollectionSteps: { steps: Array<{ id: string, days: number, templateId: string, enabled: boolean, minimumOpenAmount: string }> | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type CreateEmailTemplateMutationVariables = Exact<{
  input: CreateEmailTemplateInput;
}>;


export type CreateEmailTemplateMutation = { createEmailTemplate: { emailTemplate: { id: string, name: string, subject: string, body: string, isDefault: boolean } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type UpdateEmailTemplateMutationVariables = Exact<{
  input: UpdateEmailTemplateInput;
}>;


export type UpdateEmailTemplateMutation = { updateEmailTemplate: { emailTemplate: { id: string, name: string, subject: string, body: string, isDefault: boolean } | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

export type DeleteEmailTemplateMutationVariables = Exact<{
  input: DeleteEmailTemplateInput;
}>;


export type DeleteEmailTemplateMutation = { deleteEmailTemplate: { deletedId: string | null, errors: Array<{ field: Array<string> | null, code: string, message: string }> } };

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
export const EmailTemplateRowFragmentDoc = new TypedDocumentString(`
    fragment EmailTemplateRow on EmailTemplate {
  id
  name
  subject
  body
  isDefault
}
    `, {"fragmentName":"EmailTemplateRow"}) as unknown as TypedDocumentString<EmailTemplateRowFragment, unknown>;
export const CollectionStepRowFragmentDoc = new TypedDocumentString(`
    fragment CollectionStepRow on CollectionStep {
  id
  days
  templateId
  enabled
  minimumOpenAmount
}
    `, {"fragmentName":"CollectionStepRow"}) as unknown as TypedDocumentString<CollectionStepRowFragment, unknown>;
export const ReguaDocument = new TypedDocumentString(`
    query Regua {
  companies {
    id
    name
    today
    emailTemplates {
      ...EmailTemplateRow
    }
    collectionSteps {
      ...CollectionStepRow
    }
  }
  emailPlaceholders {
    name
    token
    description
    example
    inSubject
  }
}
    fragment EmailTemplateRow on EmailTemplate {
  id
  name
  subject
  body
  isDefault
}
fragment CollectionStepRow on CollectionStep {
  id
  days
  templateId
  enabled
  minimumOpenAmount
}`) as unknown as TypedDocumentString<ReguaQuery, ReguaQueryVariables>;
export const CollectionPlanDocument = new TypedDocumentString(`
    query CollectionPlan($companyId: ID!, $date: Date!, $first: Int!) {
  collectionPlan(companyId: $companyId, date: $date, first: $first) {
    debtorId
    debtorName
    stepDays
    template {
      id
      name
    }
    entryCount
    openAmount
  }
}
    `) as unknown as TypedDocumentString<CollectionPlanQuery, CollectionPlanQueryVariables>;
export const SaveCollectionStepsDocument = new TypedDocumentString(`
    mutation SaveCollectionSteps($input: SaveCollectionStepsInput!) {
  saveCollectionSteps(input: $input) {
    steps {
      ...CollectionStepRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment CollectionStepRow on CollectionStep {
  id
  days
  templateId
  enabled
  minimumOpenAmount
}`) as unknown as TypedDocumentString<SaveCollectionStepsMutation, SaveCollectionStepsMutationVariables>;
export const CreateEmailTemplateDocument = new TypedDocumentString(`
    mutation CreateEmailTemplate($input: CreateEmailTemplateInput!) {
  createEmailTemplate(input: $input) {
    emailTemplate {
      ...EmailTemplateRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment EmailTemplateRow on EmailTemplate {
  id
  name
  subject
  body
  isDefault
}`) as unknown as TypedDocumentString<CreateEmailTemplateMutation, CreateEmailTemplateMutationVariables>;
export const UpdateEmailTemplateDocument = new TypedDocumentString(`
    mutation UpdateEmailTemplate($input: UpdateEmailTemplateInput!) {
  updateEmailTemplate(input: $input) {
    emailTemplate {
      ...EmailTemplateRow
    }
    errors {
      field
      code
      message
    }
  }
}
    fragment EmailTemplateRow on EmailTemplate {
  id
  name
  subject
  body
  isDefault
}`) as unknown as TypedDocumentString<UpdateEmailTemplateMutation, UpdateEmailTemplateMutationVariables>;
export const DeleteEmailTemplateDocument = new TypedDocumentString(`
    mutation DeleteEmailTemplate($input: DeleteEmailTemplateInput!) {
  deleteEmailTemplate(input: $input) {
    deletedId
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteEmailTemplateMutation, DeleteEmailTemplateMutationVariables>;