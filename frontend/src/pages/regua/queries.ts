import { graphql } from './gql';

graphql(`
  fragment EmailTemplateRow on EmailTemplate {
    id
    name
    subject
    body
    isDefault
  }
`);

graphql(`
  fragment CollectionStepRow on CollectionStep {
    id
    days
    templateId
    enabled
    minimumOpenAmount
  }
`);

/** Régua de cobrança: every company the user sees, with its templates and steps. */
export const reguaQuery = graphql(`
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
`);

/** Plano de amanhã: what the régua would send on a date, without sending. */
export const collectionPlanQuery = graphql(`
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
`);

export const saveCollectionStepsMutation = graphql(`
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
`);

export const createEmailTemplateMutation = graphql(`
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
`);

export const updateEmailTemplateMutation = graphql(`
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
`);

export const deleteEmailTemplateMutation = graphql(`
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
`);
