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
    "\n  fragment EmailTemplateRow on EmailTemplate {\n    id\n    name\n    subject\n    body\n    isDefault\n  }\n": typeof types.EmailTemplateRowFragmentDoc,
    "\n  fragment CollectionStepRow on CollectionStep {\n    id\n    days\n    templateId\n    enabled\n    minimumOpenAmount\n  }\n": typeof types.CollectionStepRowFragmentDoc,
    "\n  query Regua {\n    companies {\n      id\n      name\n      today\n      emailTemplates {\n        ...EmailTemplateRow\n      }\n      collectionSteps {\n        ...CollectionStepRow\n      }\n    }\n    emailPlaceholders {\n      name\n      token\n      description\n      example\n      inSubject\n    }\n  }\n": typeof types.ReguaDocument,
    "\n  query CollectionPlan($companyId: ID!, $date: Date!, $first: Int!) {\n    collectionPlan(companyId: $companyId, date: $date, first: $first) {\n      debtorId\n      debtorName\n      stepDays\n      template {\n        id\n        name\n      }\n      entryCount\n      openAmount\n    }\n  }\n": typeof types.CollectionPlanDocument,
    "\n  mutation SaveCollectionSteps($input: SaveCollectionStepsInput!) {\n    saveCollectionSteps(input: $input) {\n      steps {\n        ...CollectionStepRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.SaveCollectionStepsDocument,
    "\n  mutation CreateEmailTemplate($input: CreateEmailTemplateInput!) {\n    createEmailTemplate(input: $input) {\n      emailTemplate {\n        ...EmailTemplateRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.CreateEmailTemplateDocument,
    "\n  mutation UpdateEmailTemplate($input: UpdateEmailTemplateInput!) {\n    updateEmailTemplate(input: $input) {\n      emailTemplate {\n        ...EmailTemplateRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpdateEmailTemplateDocument,
    "\n  mutation DeleteEmailTemplate($input: DeleteEmailTemplateInput!) {\n    deleteEmailTemplate(input: $input) {\n      deletedId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.DeleteEmailTemplateDocument,
};
const documents: Documents = {
    "\n  fragment EmailTemplateRow on EmailTemplate {\n    id\n    name\n    subject\n    body\n    isDefault\n  }\n": types.EmailTemplateRowFragmentDoc,
    "\n  fragment CollectionStepRow on CollectionStep {\n    id\n    days\n    templateId\n    enabled\n    minimumOpenAmount\n  }\n": types.CollectionStepRowFragmentDoc,
    "\n  query Regua {\n    companies {\n      id\n      name\n      today\n      emailTemplates {\n        ...EmailTemplateRow\n      }\n      collectionSteps {\n        ...CollectionStepRow\n      }\n    }\n    emailPlaceholders {\n      name\n      token\n      description\n      example\n      inSubject\n    }\n  }\n": types.ReguaDocument,
    "\n  query CollectionPlan($companyId: ID!, $date: Date!, $first: Int!) {\n    collectionPlan(companyId: $companyId, date: $date, first: $first) {\n      debtorId\n      debtorName\n      stepDays\n      template {\n        id\n        name\n      }\n      entryCount\n      openAmount\n    }\n  }\n": types.CollectionPlanDocument,
    "\n  mutation SaveCollectionSteps($input: SaveCollectionStepsInput!) {\n    saveCollectionSteps(input: $input) {\n      steps {\n        ...CollectionStepRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.SaveCollectionStepsDocument,
    "\n  mutation CreateEmailTemplate($input: CreateEmailTemplateInput!) {\n    createEmailTemplate(input: $input) {\n      emailTemplate {\n        ...EmailTemplateRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.CreateEmailTemplateDocument,
    "\n  mutation UpdateEmailTemplate($input: UpdateEmailTemplateInput!) {\n    updateEmailTemplate(input: $input) {\n      emailTemplate {\n        ...EmailTemplateRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpdateEmailTemplateDocument,
    "\n  mutation DeleteEmailTemplate($input: DeleteEmailTemplateInput!) {\n    deleteEmailTemplate(input: $input) {\n      deletedId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.DeleteEmailTemplateDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EmailTemplateRow on EmailTemplate {\n    id\n    name\n    subject\n    body\n    isDefault\n  }\n"): typeof import('./graphql').EmailTemplateRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CollectionStepRow on CollectionStep {\n    id\n    days\n    templateId\n    enabled\n    minimumOpenAmount\n  }\n"): typeof import('./graphql').CollectionStepRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regua {\n    companies {\n      id\n      name\n      today\n      emailTemplates {\n        ...EmailTemplateRow\n      }\n      collectionSteps {\n        ...CollectionStepRow\n      }\n    }\n    emailPlaceholders {\n      name\n      token\n      description\n      example\n      inSubject\n    }\n  }\n"): typeof import('./graphql').ReguaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollectionPlan($companyId: ID!, $date: Date!, $first: Int!) {\n    collectionPlan(companyId: $companyId, date: $date, first: $first) {\n      debtorId\n      debtorName\n      stepDays\n      template {\n        id\n        name\n      }\n      entryCount\n      openAmount\n    }\n  }\n"): typeof import('./graphql').CollectionPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveCollectionSteps($input: SaveCollectionStepsInput!) {\n    saveCollectionSteps(input: $input) {\n      steps {\n        ...CollectionStepRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').SaveCollectionStepsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEmailTemplate($input: CreateEmailTemplateInput!) {\n    createEmailTemplate(input: $input) {\n      emailTemplate {\n        ...EmailTemplateRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').CreateEmailTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEmailTemplate($input: UpdateEmailTemplateInput!) {\n    updateEmailTemplate(input: $input) {\n      emailTemplate {\n        ...EmailTemplateRow\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateEmailTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteEmailTemplate($input: DeleteEmailTemplateInput!) {\n    deleteEmailTemplate(input: $input) {\n      deletedId\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').DeleteEmailTemplateDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
