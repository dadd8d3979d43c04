import { graphql } from '../../gql';

export const adminCompaniesQuery = graphql(`
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
`);

export const createCompanyMutation = graphql(`
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
`);

export const updateCompanyMutation = graphql(`
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
`);

export const adminUsersQuery = graphql(`
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
`);

export const createUserMutation = graphql(`
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
`);

export const updateUserMutation = graphql(`
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
`);

export const adminTokensQuery = graphql(`
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
`);

export const createTokenMutation = graphql(`
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
`);

export const revokeTokenMutation = graphql(`
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
`);

export const adminAuditQuery = graphql(`
  query AdminAudit($debtorId: ID, $actorUserId: ID, $dateFrom: Date, $dateTo: Date, $after: String) {
    auditEvents(debtorId: $debtorId, actorUserId: $actorUserId, dateFrom: $dateFrom, dateTo: $dateTo, first: 50, after: $after) {
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
`);
