// The dashboard's operations are trusted documents (backend/api/documents.py): the server
// registers each generated text as "sha256:<hex of the text>" and accepts that id in place of the
// text. This plugin gives every generated operation its id at build time (and under the dev
// server and vitest alike), beside its text as `__meta__.documentId`: api.ts sends the id, so the
// browser hashes nothing.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

// The operations backend/api/documents.py registers (its _DOCUMENT), with the same text: the
// template literal's source, which is its value as long as it has no escape or substitution.
const OPERATION = /(export const \w+Document = new TypedDocumentString\(`)([\s\S]*?)`\)/g;
const GENERATED = /\/gql\/graphql\.ts$/;

export function documentId(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** A generated graphql.ts with each operation's id as its second constructor argument. */
export function withDocumentIds(code: string): string {
  return code.replace(OPERATION, (operation, head: string, text: string) =>
    /\\|\$\{/.test(text) ? operation : `${head}${text}\`, ${JSON.stringify({ documentId: documentId(text) })})`,
  );
}

export function documentIds(): Plugin {
  return {
    name: 'cobrancas:document-ids',
    enforce: 'pre',
    transform(code, id) {
      if (!GENERATED.test(id.split('?', 1)[0] ?? '')) return null;
      // Same lines as the source: the generated file's line numbers still hold.
      return { code: withDocumentIds(code), map: null };
    },
  };
}
