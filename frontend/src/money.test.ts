import { describe, expect, it } from 'vitest';
import { compareMoney, formatMoneyInput, fromCents, parseMoneyInput, permille, sumMoney, toCents } from './money';

describe('parseMoneyInput', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1234,56', '1234.56'],
    ['1234,5', '1234.50'],
    ['1234', '1234.00'],
    ['1.234', '1234.00'],
    ['1.234.567,89', '1234567.89'],
    ['0,01', '0.01'],
    [',99', '0.99'],
    ['12,', '12.00'],
    ['R$ 1.033,33', '1033.33'],
    ['R$\u00a010,00', '10.00'],
    ['  42  ', '42.00'],
    ['1 234,56', '1234.56'],
    ['007,10', '7.10'],
    ['0', '0.00'],
    ['12.5', '12.50'],
    ['12.50', '12.50'],
    ['999999999999,99', '999999999999.99'],
    ['90071992547409931,07', '90071992547409931.07'],
  ])('%j → %s', (input, expected) => {
    expect(parseMoneyInput(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'Informe um valor.'],
    ['   ', 'Informe um valor.'],
    ['R$', 'Informe um valor.'],
    ['-10,00', 'O valor não pode ser negativo.'],
    ['1,234', 'Use no máximo duas casas decimais (centavos).'],
    ['12.345,678', 'Use no máximo duas casas decimais (centavos).'],
  ])('%j is refused: %s', (input, message) => {
    expect(parseMoneyInput(input)).toEqual({ ok: false, message });
  });

  it.each(['abc', '1,2,3', '12.34.5', '1.23,45', '12,3a', '1e3', ',', '.', '1..0', '12.345.6', 'NaN', '0x10'])(
    '%j is not money',
    (input) => {
      expect(parseMoneyInput(input)).toEqual({ ok: false, message: 'Valor inválido: use o formato 1.234,56.' });
    },
  );
});

describe('money arithmetic', () => {
  it('converts between decimal strings and cents exactly', () => {
    expect(toCents('1234.5')).toBe(123450n);
    expect(toCents('0.29')).toBe(29n);
    expect(toCents('-3')).toBe(-300n);
    expect(fromCents(123450n)).toBe('1234.50');
    expect(fromCents(5n)).toBe('0.05');
    expect(fromCents(-5n)).toBe('-0.05');
    expect(() => toCents('1.005')).toThrow(RangeError);
  });

  it('sums without float drift', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(Array(1000).fill('0.01'))).toBe('10.00');
    expect(sumMoney([])).toBe('0.00');
    expect(sumMoney(['90071992547409931.07', '0.01'])).toBe('90071992547409931.08');
  });

  it('compares and measures shares', () => {
    expect(compareMoney('10.00', '9.99')).toBe(1);
    expect(compareMoney('10', '10.00')).toBe(0);
    expect(compareMoney('0.01', '0.02')).toBe(-1);
    expect(permille('25.00', '100.00')).toBe(250);
    expect(permille('1.00', '0.00')).toBe(0);
  });

  it('pre-fills inputs the way people type', () => {
    expect(formatMoneyInput('1234.5')).toBe('1.234,50');
    expect(parseMoneyInput(formatMoneyInput('98765432.10'))).toEqual({ ok: true, value: '98765432.10' });
  });
});
