import { describe, expect, it } from 'vitest';
import { formatBRL, formatDate, formatDateTime, formatDays } from './format';

describe('formatBRL', () => {
  it.each([
    ['1234.56', 'R$ 1.234,56'],
    ['0.00', 'R$ 0,00'],
    ['0.5', 'R$ 0,50'],
    ['7', 'R$ 7,00'],
    ['999.99', 'R$ 999,99'],
    ['1000.00', 'R$ 1.000,00'],
    ['1234567.89', 'R$ 1.234.567,89'],
    ['-1033.33', '-R$ 1.033,33'],
    ['+12.00', 'R$ 12,00'],
    ['-0.00', 'R$ 0,00'],
  ])('%s → %s', (input, expected) => {
    expect(formatBRL(input)).toBe(expected);
  });

  it('keeps every digit of amounts a float cannot hold', () => {
    expect(formatBRL('90071992547409931.07')).toBe('R$ 90.071.992.547.409.931,07');
    expect(formatBRL('0.29')).toBe('R$ 0,29'); // 0.29 * 100 is 28.999999999999996 as a float
  });

  it('rounds extra decimals to cents, half to even', () => {
    expect(formatBRL('1.005')).toBe('R$ 1,00');
    expect(formatBRL('1.015')).toBe('R$ 1,02');
    expect(formatBRL('1.0051')).toBe('R$ 1,01');
    expect(formatBRL('1.004999')).toBe('R$ 1,00');
    expect(formatBRL('9.999')).toBe('R$ 10,00');
    expect(formatBRL('-2.675')).toBe('-R$ 2,68');
  });

  it.each(['', 'abc', '1,50', '1.2.3', 'NaN', '1e3'])('rejects %j', (input) => {
    expect(() => formatBRL(input)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('formats an ISO date as dd/mm/aaaa', () => {
    expect(formatDate('2026-03-09')).toBe('09/03/2026');
    expect(formatDate('1999-12-31')).toBe('31/12/1999');
  });

  it('takes the calendar date of a DateTime as written, without a time-zone shift', () => {
    expect(formatDate('2026-01-01T00:30:00-03:00')).toBe('01/01/2026');
    expect(formatDate('2025-12-31T23:59:59Z')).toBe('31/12/2025');
  });

  it.each(['', '09/03/2026', '2026-3-9'])('rejects %j', (input) => {
    expect(() => formatDate(input)).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('shows an instant as dd/mm/aaaa hh:mm', () => {
    expect(formatDateTime('2026-03-09T10:05:00-03:00')).toMatch(/^\d{2}\/\d{2}\/2026 \d{2}:\d{2}$/);
  });

  it('rejects what is not a DateTime', () => {
    expect(() => formatDateTime('ontem')).toThrow(RangeError);
  });
});

describe('formatDays', () => {
  it('pluralises days', () => {
    expect(formatDays(1)).toBe('1 dia');
    expect(formatDays(0)).toBe('0 dias');
    expect(formatDays(1200)).toBe('1.200 dias');
  });
});
