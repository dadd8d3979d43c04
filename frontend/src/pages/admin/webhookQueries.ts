import { graphql } from '../../gql';

// Webhooks (Integração) and the LGPD retention setting: the administration's queries.

export const adminWebhooksQuery = graphql(`
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
`);

export const createWebhookMutation = graphql(`
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
`);

export const updateWebhookMutation = graphql(`
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
`);

export const deleteWebhookMutation = graphql(`
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
`);

export const retryWebhookDeliveryMutation = graphql(`
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
`);

export const adminRetentionQuery = graphql(`
  query AdminRetention {
    companies {
      id
      name
      retentionDays
    }
  }
`);

export const setDataRetentionMutation = graphql(`
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
`);
