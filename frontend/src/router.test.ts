import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './router';

describe('parseRoute', () => {
  it.each([
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/devedores/42', { name: 'debtor', debtorId: '42' }],
    ['#/devedores/42/lancamentos', { name: 'debtorEntries', debtorId: '42' }],
    ['#/lancamentos/RmluYW5jaWFsRW50cnk6Nw%3D%3D', { name: 'entry', entryId: 'RmluYW5jaWFsRW50cnk6Nw==' }],
    ['#/devedores', { name: 'notFound', path: '/devedores' }],
    ['#/outra/coisa', { name: 'notFound', path: '/outra/coisa' }],
    ['#/devedores/%E0', { name: 'notFound', path: '/devedores/%E0' }],
  ])('%j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips opaque ids through href', () => {
    const debtorId = 'RGVidG9yOjE/a b#c';
    expect(parseRoute(href({ name: 'debtorEntries', debtorId }))).toEqual({ name: 'debtorEntries', debtorId });
  });
});
