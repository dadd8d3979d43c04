import { describe, expect, it } from 'vitest';
import { EXAMPLE_TABLE, addDays, nextWeekday, renderExample, stepDescription, stepLabel, weekdayName } from './preview';

const PLACEHOLDERS = [
  { name: 'cliente', example: 'Maria da Silva', inSubject: true },
  { name: 'total_vencido', example: 'R$ 1.234,56', inSubject: true },
  { name: 'tabela_lancamentos', example: '(tabela)', inSubject: false },
];

describe('renderExample', () => {
  it('fills known placeholders, with or without spaces', () => {
    expect(renderExample('Olá, {{ cliente }}: {{total_vencido}}.', PLACEHOLDERS, 'body')).toEqual({
      text: 'Olá, Maria da Silva: R$ 1.234,56.',
      unknown: [],
    });
  });

  it('lays out an example table for the entries', () => {
    expect(renderExample('{{ tabela_lancamentos }}', PLACEHOLDERS, 'body').text).toBe(EXAMPLE_TABLE);
  });

  it('keeps and lists unknown placeholders, and the table in the subject', () => {
    expect(renderExample('{{ nome }} {{ tabela_lancamentos }} {{ nome }}', PLACEHOLDERS, 'subject')).toEqual({
      text: '{{ nome }} {{ tabela_lancamentos }} {{ nome }}',
      unknown: ['{{ nome }}', '{{ tabela_lancamentos }}'],
    });
  });
});

describe('steps and dates', () => {
  it('names steps as the régua does', () => {
    expect([-3, 0, 1, 30].map(stepLabel)).toEqual(['D-3', 'D0', 'D+1', 'D+30']);
    expect(stepDescription(-1)).toBe('1 dia antes do vencimento');
    expect(stepDescription(10)).toBe('10 dias depois do vencimento');
    expect(stepDescription(0)).toBe('no dia do vencimento');
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2026-11-28', 1)).toBe('2026-11-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('the next day the régua sends', () => {
  it('skips the weekend', () => {
    expect(weekdayName('2026-12-04')).toBe('sexta-feira');
    expect(nextWeekday('2026-12-03')).toBe('2026-12-04');
    expect(nextWeekday('2026-12-04')).toBe('2026-12-07');
    expect(nextWeekday('2026-12-05')).toBe('2026-12-07');
    expect(nextWeekday('2026-12-06')).toBe('2026-12-07');
  });
});
