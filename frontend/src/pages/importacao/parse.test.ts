import { describe, expect, it } from 'vitest';
import { parseAmount, parseCsv, parseDate, parseXlsx, readEntries } from './parse';

const HEADER = 'Identificador externo;Cliente (identificador);Cliente;CPF/CNPJ;Descrição;Vencimento;Valor';

describe('parseCsv', () => {
  it('reads the export format: BOM, semicolons, quotes, decimal comma', () => {
    const text = `\uFEFF${HEADER}\r\nnf-1;c-1;"Silva; Maria";529.982.247-25;"NF ""1""";10/12/2026;1.234,56\r\n`;
    expect(parseCsv(text)).toEqual([
      HEADER.split(';'),
      ['nf-1', 'c-1', 'Silva; Maria', '529.982.247-25', 'NF "1"', '10/12/2026', '1.234,56'],
    ]);
  });
});

describe('values', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1234,5', '1234.50'],
    ['R$ 10', '10.00'],
    ['99.90', '99.90'],
    ['1,2,3', null],
    ['abc', null],
  ])('amount %s', (text, expected) => expect(parseAmount(text)).toBe(expected));

  it.each([
    ['31/12/2026', '2026-12-31'],
    ['2026-02-28', '2026-02-28'],
    ['46023', '2026-01-01'],
    ['31/02/2026', null],
    ['amanhã', null],
  ])('date %s', (text, expected) => expect(parseDate(text)).toBe(expected));
});

describe('readEntries', () => {
  it('keeps valid rows and reports each problem with its line and column', () => {
    const table = parseCsv(
      [
        HEADER,
        'nf-1;c-1;Maria;;Venda;10/12/2026;100,00',
        'nf-2;c-1;Maria;;Venda;32/12/2026;x',
        ';c-2;;;Venda;01/01/2027;5',
      ].join('\n'),
    );
    const { rows, problems } = readEntries(table);
    expect(rows.map((r) => [r.row, r.externalId, r.dueDate, r.amount])).toEqual([[2, 'nf-1', '2026-12-10', '100.00']]);
    expect(problems).toEqual([
      {
        row: 3,
        column: 'Vencimento',
        message: 'Data inválida (use dd/mm/aaaa).',
      },
      { row: 3, column: 'Valor', message: 'Valor inválido (ex.: 1.234,56).' },
      { row: 4, column: 'Identificador externo', message: 'Obrigatório.' },
    ]);
  });

  it('refuses a file without a required column', () => {
    const { rows, problems } = readEntries(parseCsv('Descrição;Valor\nx;1'));
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.column)).toContain('Vencimento');
  });
});

/** A minimal .xlsx (a zip with stored files): enough for the reader. */
function xlsx(files: Record<string, string>): ArrayBuffer {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(content);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, nameBytes.length, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(10, Object.keys(files).length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out.buffer;
}

describe('parseXlsx', () => {
  it('reads the first sheet with shared strings, numbers and gaps', async () => {
    const book = xlsx({
      'xl/sharedStrings.xml': '<sst><si><t>Identificador externo</t></si><si><t>Venda à vista</t></si></sst>',
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Valor</t></is></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>46022</v></c><c r="C2"><v>10.5</v></c></row></sheetData></worksheet>',
    });
    expect(await parseXlsx(book)).toEqual([
      ['Identificador externo', '', 'Valor'],
      ['Venda à vista', '46022', '10.5'],
    ]);
  });
});
