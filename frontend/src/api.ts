// The dashboard's only door to the backend: same-origin JSON over fetch, the session in an
// HttpOnly cookie the browser sends by itself.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/**
 * A generated operation (src/gql, or a lazy screen's own gql folder): its text and types, and
 * its trusted-document id, which the build sets (documentIds.ts).
 */
export type Operation<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
  readonly __meta__?: { readonly documentId?: unknown };
};

/** The session is missing or expired: the caller shows the login screen. */
export class UnauthorizedError extends Error {
  constructor() {
    super('Sessão encerrada. Entre novamente.');
    this.name = 'UnauthorizedError';
  }
}

/** Anything else that went wrong, with a message fit to show the user (pt-BR). */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Too many attempts: the server says how long to wait (429 with Retry-After). */
export class RateLimitedError extends ApiError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const RATE_LIMITED = 'Muitas tentativas. Aguarde alguns minutos e tente novamente.';

const NETWORK_ERROR = 'Não foi possível falar com o servidor. Verifique a conexão e tente novamente.';

async function post(url: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(NETWORK_ERROR);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function serverError(response: Response, payload: unknown): ApiError {
  const message =
    payload && typeof payload === 'object' && 'error' in payload && typeof payload.error === 'string'
      ? payload.error
      : `O servidor respondeu com erro (HTTP ${response.status}).`;
  return new ApiError(message);
}

type GraphQLResponse<TResult> = {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
};

const UNEXPECTED = 'Ocorreu um erro inesperado no servidor. Tente novamente em instantes.';
const MISMATCH =
  'O servidor não reconheceu a consulta desta tela: o painel e a API estão em versões diferentes. Recarregue a página.';

/**
 * The API writes its own messages in Portuguese; what it cannot (a masked crash, a query the
 * schema does not know, which graphql-core words in English) gets a Portuguese one here.
 */
export function userMessage(serverMessage: string): string {
  if (serverMessage === 'Unexpected error.') return UNEXPECTED;
  if (/^(Cannot query field|Unknown (argument|type)|Field '.*' is not defined|Variable '\$)/.test(serverMessage)) {
    return MISMATCH;
  }
  return serverMessage;
}

// An operation without variables takes no second argument; one with variables requires them.
export type VariablesArg<TVariables> = TVariables extends Record<string, never> ? [] : [variables: TVariables];

/** Ids the server answered PERSISTED_DOCUMENT_NOT_FOUND for: sent as text until the page reloads. */
const unknownDocuments = new Set<string>();

/**
 * Runs a generated typed document against /graphql and returns its `data`. The dashboard's
 * operations are the server's trusted documents (backend/api/documents.py): each goes by its id,
 * already parsed and validated there; a server that does not know the id (one of another
 * version, during a deploy) gets the text instead.
 */
export async function execute<TResult, TVariables>(
  document: Operation<TResult, TVariables>,
  ...[variables]: VariablesArg<TVariables>
): Promise<TResult> {
  let response: Response | undefined;
  let payload: GraphQLResponse<TResult> | undefined;
  const documentId = document.__meta__?.documentId;
  if (typeof documentId === 'string' && !unknownDocuments.has(documentId)) {
    response = await post('/graphql', { documentId, variables });
    payload = (await readJson(response)) as GraphQLResponse<TResult> | undefined;
    if (response.status === 400 && payload?.errors?.[0]?.extensions?.code === 'PERSISTED_DOCUMENT_NOT_FOUND') {
      // A server of another version (a deploy under way), which ran nothing (a mutation is safe to
      // send again): the text, this time and from now on.
      unknownDocuments.add(documentId);
      response = undefined;
    }
  }
  if (response === undefined) {
    response = await post('/graphql', { query: document.toString(), variables });
    payload = (await readJson(response)) as GraphQLResponse<TResult> | undefined;
  }
  if (response.status === 401) throw new UnauthorizedError();
  if (payload?.errors?.length) {
    const messages = new Set(payload.errors.map((error) => userMessage(error.message)));
    throw new ApiError([...messages].join('\n'));
  }
  if (!response.ok || !payload?.data) throw serverError(response, payload);
  return payload.data;
}

/** POST /auth/login; on success the server sets the session cookie. */
export async function login(email: string, password: string): Promise<void> {
  const response = await post('/auth/login', { email, password });
  if (response.status === 429) {
    const payload = await readJson(response);
    const message =
      payload && typeof payload === 'object' && 'error' in payload && typeof payload.error === 'string'
        ? payload.error
        : RATE_LIMITED;
    const seconds = Number(response.headers.get('Retry-After'));
    throw new RateLimitedError(message, Number.isFinite(seconds) && seconds > 0 ? seconds : 60);
  }
  if (!response.ok) throw serverError(response, await readJson(response));
}

/** POST /auth/logout; an already expired session counts as logged out. */
export async function logout(): Promise<void> {
  const response = await post('/auth/logout');
  if (!response.ok && response.status !== 401) throw serverError(response, await readJson(response));
}
