import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { Role } from '../gql/graphql';
import { SessionContext } from '../session';

export const ANA = { id: 'VXNlcjox', name: 'Ana Souza', email: 'ana@example.com', role: 'ADMIN' as Role };

/** Renders a screen as the signed-in Ana; `expired` records a 401. */
export function renderSignedIn(ui: ReactNode) {
  const expired = vi.fn();
  const view = render(<SessionContext value={{ user: ANA, expired }}>{ui}</SessionContext>);
  return { ...view, expired };
}
