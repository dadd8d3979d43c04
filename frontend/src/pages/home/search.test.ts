import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH, buildFilter, checkSearch, readSearch, searchQuery } from './search';
import { periodLabel } from './SummaryPanel';

const query = (text: string) => new URLSearchParams(text);

describe('the search in the URL', () => {
  it('is empty for the default list', () => {
    expect(searchQuery(DEFAULT_SEARCH)).toEqual({
      q: '',
      empresa: '',
      tipo: undefined,
      periodo: undefined,
      de: undefined,
      ate: undefined,
      ordem: undefined,
    });
    expect(readSearch(query(''))).toEqual(DEFAULT_SEARCH);
  });

  it('round-trips every option', () => {
    const search = {
      text: 'joão',
      companyId: 'Q29tcGFueTox',
      kind: 'SUPPLIER',
      period: 'CUSTOM',
      dueFrom: '2026-01-01',
      dueTo: '2026-02-01',
      order: 'OLDEST_DUE_ASC',
    } as const;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(searchQuery(search))) if (value) params.set(key, value);
    expect(readSearch(params)).toEqual(search);
  });

  it('ignores what it does not know, and dates without Personalizado', () => {
    expect(readSearch(query('periodo=sempre&tipo=todos&ordem=aleatoria&de=2026-01-01'))).toEqual(DEFAULT_SEARCH);
    expect(readSearch(query('periodo=personalizado&de=ontem')).dueFrom).toBe('');
  });
});

describe('buildFilter', () => {
  it('sends only what is set, trimmed', () => {
    expect(buildFilter({ ...DEFAULT_SEARCH, text: '  Souza ' })).toEqual({ period: 'OVERDUE', search: 'Souza' });
  });

  it('sends dates only with CUSTOM, and one side may be open', () => {
    expect(buildFilter({ ...DEFAULT_SEARCH, period: 'THIS_MONTH', dueFrom: '2026-01-01' })).toEqual({
      period: 'THIS_MONTH',
    });
    expect(buildFilter({ ...DEFAULT_SEARCH, period: 'CUSTOM', dueTo: '2026-01-31' })).toEqual({
      period: 'CUSTOM',
      dueTo: '2026-01-31',
    });
  });
});

describe('checkSearch', () => {
  it('accepts presets and a custom period with at least one date in order', () => {
    expect(checkSearch({ ...DEFAULT_SEARCH, period: 'TODAY' })).toEqual({});
    expect(checkSearch({ ...DEFAULT_SEARCH, period: 'CUSTOM', dueFrom: '2026-01-01' })).toEqual({});
    expect(checkSearch({ ...DEFAULT_SEARCH, period: 'CUSTOM', dueFrom: '2026-01-01', dueTo: '2026-01-01' })).toEqual(
      {},
    );
  });

  it('refuses a custom period without dates or backwards', () => {
    expect(checkSearch({ ...DEFAULT_SEARCH, period: 'CUSTOM' })).toHaveProperty('dueFrom');
    expect(
      checkSearch({ ...DEFAULT_SEARCH, period: 'CUSTOM', dueFrom: '2026-02-01', dueTo: '2026-01-01' }),
    ).toHaveProperty('dueTo');
  });
});

describe('periodLabel', () => {
  it("names the due dates the server resolved, and the server's today", () => {
    expect(periodLabel({ today: '2026-11-30', dueFrom: null, dueTo: '2026-11-29' })).toBe(
      'Vencidos até 29/11/2026 · hoje é 30/11/2026',
    );
    expect(periodLabel({ today: '2026-12-31', dueFrom: '2026-12-01', dueTo: '2026-12-31' })).toBe(
      'Vencimento de 01/12/2026 a 31/12/2026 · hoje é 31/12/2026',
    );
    expect(periodLabel({ today: '2026-12-31', dueFrom: '2027-01-01', dueTo: '2027-01-01' })).toBe(
      'Vencimento em 01/01/2027 · hoje é 31/12/2026',
    );
    expect(periodLabel({ today: '2026-12-31', dueFrom: '2026-12-01', dueTo: null })).toBe(
      'Vencimento a partir de 01/12/2026 · hoje é 31/12/2026',
    );
  });
});
