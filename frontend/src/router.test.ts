import { describe, expect, it } from 'vitest';
import { href, parseLocation, parseRoute } from './router';

describe('parseRoute', () => {
  it.each([
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/?periodo=TODAY', { name: 'home' }],
    ['#/devedores/42', { name: 'debtor', debtorId: '42' }],
    ['#/devedores/42?empresa=7', { name: 'debtor', debtorId: '42' }],
    ['#/devedores/42/lancamentos', { name: 'debtorEntries', debtorId: '42' }],
    ['#/lancamentos/RmluYW5jaWFsRW50cnk6Nw%3D%3D', { name: 'entry', entryId: 'RmluYW5jaWFsRW50cnk6Nw==' }],
    ['#/emails/U2VudEVtYWlsOjE%3D', { name: 'email', emailId: 'U2VudEVtYWlsOjE=' }],
    ['#/agenda', { name: 'agenda' }],
    ['#/devedores', { name: 'notFound', path: '/devedores' }],
    ['#/outra/coisa', { name: 'notFound', path: '/outra/coisa' }],
    ['#/devedores/%E0', { name: 'notFound', path: '/devedores/%E0' }],
  ])('%j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips opaque ids through href', () => {
    const debtorId = 'RGVidG9yOjE/a b#c?d';
    expect(parseRoute(href({ name: 'debtorEntries', debtorId }))).toEqual({ name: 'debtorEntries', debtorId });
  });
});

describe('queries', () => {
  it('writes only the values that are set, and reads them back', () => {
    const link = href(
      { name: 'home' },
      { q: 'joão & cia', periodo: 'CUSTOM', de: '2026-01-01', empresa: '', tipo: undefined },
    );
    expect(link).toBe('#/?q=jo%C3%A3o+%26+cia&periodo=CUSTOM&de=2026-01-01');
    const { route, query } = parseLocation(link);
    expect(route).toEqual({ name: 'home' });
    expect(Object.fromEntries(query)).toEqual({ q: 'joão & cia', periodo: 'CUSTOM', de: '2026-01-01' });
  });

  it('leaves the path alone when there is no query', () => {
    expect(href({ name: 'debtor', debtorId: '1' }, {})).toBe('#/devedores/1');
    expect(href({ name: 'debtor', debtorId: '1' }, { empresa: 'Q29tcGFueTox' })).toBe(
      '#/devedores/1?empresa=Q29tcGFueTox',
    );
  });
});
