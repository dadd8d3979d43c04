// The GraphQL explorer, fully self-hosted: Monaco's workers are bundled by Vite, nothing comes from a CDN.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  // The dashboard's session cookie authenticates the explorer too; partners can instead add
  // an Authorization header in the Headers tab.
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
  // The API answers plain JSON only (no @defer/@stream, no subscriptions).
  enableIncrementalDelivery: false,
});

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} />
  </StrictMode>,
);
