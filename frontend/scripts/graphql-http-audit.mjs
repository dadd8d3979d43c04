// The GraphQL over HTTP conformance audit (npm graphql-http) against a running server:
//   node scripts/graphql-http-audit.mjs http://127.0.0.1:8000/graphql <API token>
// Prints one JSON line per audit: {id, name, status, reason?}. tests/e2e/test_graphql_http.py
// runs it against a real server and fails on any MUST that fails or any SHOULD that warns.
import { auditServer } from 'graphql-http';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('uso: node scripts/graphql-http-audit.mjs URL TOKEN');
  process.exit(2);
}

// A partner's request: the bearer token on every call, nothing else added.
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn });
for (const result of results) {
  const line = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') line.reason = result.reason;
  console.log(JSON.stringify(line));
}
