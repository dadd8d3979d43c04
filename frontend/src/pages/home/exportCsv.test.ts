import { describe, expect, it } from 'vitest';
import { debtorRow } from '../../test/fixtures';
import { csvField, csvMoney, debtorsCsv } from './exportCsv';

describe('CSV for Brazilian Excel', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('Silva; Souza')).toBe('"Silva; Souza"');
    expect(csvField('A "B"')).toBe('"A ""B"""');
    expect(csvField('linha\nnova')).toBe('"linha\nnova"');
    expect(csvField('Maria')).toBe('Maria');
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+55')).toBe("'+55");
    expect(csvField('@soma')).toBe("'@soma");
  });

  it('writes money with a decimal comma and no thousands separator', () => {
    expect(csvMoney('1234567.89')).toBe('1234567,89');
    expect(csvMoney('0.50')).toBe('0,50');
  });

  it('starts with the BOM and ends rows with CRLF; a debtor without document or due date leaves blanks', () => {
    const row = debtorRow(1, { document: null, documentFormatted: null, email: null, kind: 'SUPPLIER' });
    row.balance = { openAmount: '0.00', entryCount: 1, oldestDueDate: null, maxDaysOverdue: -3 };
    const text = debtorsCsv([row]);
    expect(text.startsWith('\uFEFFCliente;Tipo;')).toBe(true);
    expect(text.endsWith('\r\nCliente 1;Fornecedor;;;0,00;1;;0\r\n')).toBe(true);
  });
});
