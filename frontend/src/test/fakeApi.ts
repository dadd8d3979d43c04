// The backend at the fetch boundary: GraphQL operations answered by name, every call recorded.
import { vi } from 'vitest';

export type GraphQLCall = {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
  /** The trusted document's id the request was sent by (api.ts), when it was. */
  documentId?: string;
};

// What the server's trusted_documents.json holds: every generated operation's text by its id
// (the build sets the id, documentIds.ts).
const generated = import.meta.glob<Record<string, unknown>>('../**/gql/graphql.ts', { eager: true });
export const TRUSTED_DOCUMENTS = new Map(
  Object.values(generated).flatMap((module) =>
    Object.values(module).flatMap((value) => {
      const id = (value as { __meta__?: { documentId?: unknown } } | undefined)?.__meta__?.documentId;
      return typeof id === 'string' ? [[id, String(value)] as const] : [];
    }),
  ),
);

/** The text of a /graphql request body, by its documentId or its query; null for an unknown id. */
export function requestText(body: { query?: unknown; documentId?: unknown }): string | null {
  if (typeof body.query === 'string') return body.query;
  return TRUSTED_DOCUMENTS.get(String(body.documentId)) ?? null;
}

const UNKNOWN_DOCUMENT = {
  errors: [
    {
      message: 'Documento desconhecido: envie a consulta (query) em vez do documentId.',
      extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND' },
    },
  ],
};

type Answer = unknown | Response | ((variables: Record<string, unknown>, call: number) => unknown | Response);

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Stubs fetch. `answers` maps an operation name to its `data` (or a function of the variables
 * and how many times it was called before, or a whole Response). An operation without an answer
 * fails the test loudly.
 */
export function fakeApi(answers: Record<string, Answer>) {
  const calls: GraphQLCall[] = [];
  const counts = new Map<string, number>();
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    if (url !== '/graphql') return json(404, {});
    const body = JSON.parse(String(init.body)) as {
      query?: string;
      documentId?: string;
      variables?: Record<string, unknown>;
    };
    // As the server: an id it does not know is refused, and the client sends the text again.
    const query = requestText(body);
    if (query === null) return json(400, UNKNOWN_DOCUMENT);
    const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '?';
    const variables = body.variables ?? {};
    calls.push({ operation, query, variables, documentId: body.documentId });
    const count = counts.get(operation) ?? 0;
    counts.set(operation, count + 1);
    if (!(operation in answers)) throw new Error(`fakeApi: no answer for ${operation}`);
    const answer = answers[operation];
    const result = typeof answer === 'function' ? await answer(variables, count) : answer;
    return result instanceof Response ? result : json(200, { data: result });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    /** The calls of one operation, in order. */
    of: (operation: string) => calls.filter((call) => call.operation === operation),
    answers,
  };
}

/** Resolves when `release()` is called: holds a response back to test what happens meanwhile. */
export function deferred<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}
