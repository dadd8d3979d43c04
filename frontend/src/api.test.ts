// api.ts `execute`: the dashboard's operations go by their trusted-document id, the build sets
// (documentIds.ts); a server that does not know an id gets the text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, execute, UnauthorizedError } from './api';
import { MeDocument, TypedDocumentString } from './gql/graphql';
import { json, TRUSTED_DOCUMENTS } from './test/fakeApi';

type Body = { query?: string; documentId?: string; variables?: Record<string, unknown> };

/** Stubs fetch with the given responses, in order; returns the request bodies. */
function server(...responses: Response[]) {
  const bodies: Body[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)) as Body);
      const response = responses.shift();
      if (!response) throw new Error('server: no more responses');
      return response;
    }),
  );
  return bodies;
}

const NOT_FOUND = () =>
  json(400, {
    errors: [
      {
        message: 'Documento desconhecido: envie a consulta (query) em vez do documentId.',
        extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND' },
      },
    ],
  });

const ME = { me: { id: 'VXNlcjox', name: 'Ana Souza', email: 'ana@example.com', role: 'ADMIN' } };

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256:${[...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

// A document of its own per test: api.ts remembers the ids a server refused.
let serial = 0;
function operation(withId: boolean) {
  serial += 1;
  const text = `query Probe${serial}($n: Int) { me { id } }`;
  return new TypedDocumentString<{ me: { id: string } }, { n: number }>(
    text,
    withId ? { documentId: `sha256:${String(serial).padStart(64, '0')}` } : undefined,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('execute', () => {
  it('sends a generated operation by its id, the sha256 of its text', async () => {
    const bodies = server(json(200, { data: ME }));
    expect(await execute(MeDocument)).toEqual(ME);
    expect(bodies).toEqual([{ documentId: await sha256(MeDocument.toString()) }]);
  });

  it('sends the variables beside the id', async () => {
    const document = operation(true);
    const bodies = server(json(200, { data: { me: { id: '1' } } }));
    expect(await execute(document, { n: 3 })).toEqual({ me: { id: '1' } });
    expect(bodies).toEqual([{ documentId: document.__meta__?.documentId, variables: { n: 3 } }]);
  });

  it('sends the text once more when the server does not know the id, and from then on', async () => {
    const document = operation(true);
    const bodies = server(NOT_FOUND(), json(200, { data: { me: { id: '1' } } }), json(200, { data: { me: { id: '2' } } }));
    expect(await execute(document, { n: 1 })).toEqual({ me: { id: '1' } });
    expect(await execute(document, { n: 2 })).toEqual({ me: { id: '2' } });
    expect(bodies).toEqual([
      { documentId: document.__meta__?.documentId, variables: { n: 1 } },
      { query: document.toString(), variables: { n: 1 } },
      { query: document.toString(), variables: { n: 2 } },
    ]);
  });

  it('retries only once: the text refused too is the error shown', async () => {
    const document = operation(true);
    const bodies = server(
      NOT_FOUND(),
      json(200, { errors: [{ message: "Cannot query field 'me' on type 'Query'." }] }),
    );
    await expect(execute(document, { n: 1 })).rejects.toThrow(/versões diferentes/);
    expect(bodies).toHaveLength(2);
  });

  it('does not retry other refusals of an id', async () => {
    const document = operation(true);
    const bodies = server(json(400, { errors: [{ message: 'Consulta complexa demais.', extensions: { code: 'QUERY_TOO_COMPLEX' } }] }));
    await expect(execute(document, { n: 1 })).rejects.toEqual(new ApiError('Consulta complexa demais.'));
    expect(bodies).toHaveLength(1);
  });

  it('does not retry an expired session', async () => {
    const document = operation(true);
    const bodies = server(json(401, { error: 'Não autenticado.' }));
    await expect(execute(document, { n: 1 })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(bodies).toHaveLength(1);
  });

  it('sends the text of a document the build gave no id', async () => {
    const document = operation(false);
    const bodies = server(json(200, { data: { me: { id: '1' } } }));
    await execute(document, { n: 1 });
    expect(bodies).toEqual([{ query: document.toString(), variables: { n: 1 } }]);
  });
});

describe('the build (documentIds.ts)', () => {
  it('gives every generated operation, first screen and lazy screens, the id of its text', async () => {
    const generated = import.meta.glob<Record<string, unknown>>('./**/gql/graphql.ts', { eager: true });
    const operations = Object.values(generated).flatMap((module) =>
      Object.entries(module).filter(([name]) => name.endsWith('Document')),
    );
    expect(Object.keys(generated).length).toBeGreaterThanOrEqual(3);
    expect(operations.length).toBeGreaterThanOrEqual(60);
    for (const [name, document] of operations) {
      const { documentId } = (document as TypedDocumentString<unknown, unknown>).__meta__ ?? {};
      expect(documentId, name).toBe(await sha256(String(document)));
    }
    expect(TRUSTED_DOCUMENTS.size).toBe(operations.length);
  });

  it('leaves fragments without an id (the server registers operations only)', async () => {
    const { DebtorDataFragmentDoc } = await import('./gql/graphql');
    expect(DebtorDataFragmentDoc.__meta__).toEqual({ fragmentName: 'DebtorData' });
  });
});
