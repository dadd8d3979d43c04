// The backend at the fetch boundary: GraphQL operations answered by name, every call recorded.
import { vi } from 'vitest';

export type GraphQLCall = { operation: string; query: string; variables: Record<string, unknown> };

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
    const body = JSON.parse(String(init.body)) as { query: string; variables?: Record<string, unknown> };
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '?';
    const variables = body.variables ?? {};
    calls.push({ operation, query: body.query, variables });
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
