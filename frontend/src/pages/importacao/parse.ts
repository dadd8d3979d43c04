// Reading an entries spreadsheet (CSV as the dashboard exports it — BOM, ';', decimal comma — or
// XLSX) into upsertDebtors/upsertEntries items, with the problems of each row.

export type Table = string[][];

/** CSV with ';' or ',' (whichever the header line uses), quotes and line breaks inside quotes. */
export function parseCsv(text: string): Table {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: Table = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The files of a zip archive (what an .xlsx is), read from its central directory. */
async function unzip(buffer: ArrayBuffer): Promise<Map<string, string>> {
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('Arquivo XLSX inválido.');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, string>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + size);
    if (name.endsWith('.xml') && (method === 0 || method === 8)) {
      files.set(name, decoder.decode(method === 8 ? await inflateRaw(raw) : raw));
    }
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

function columnIndex(ref: string): number {
  let index = 0;
  for (const c of ref.replace(/[0-9]/g, '')) index = index * 26 + (c.charCodeAt(0) - 64);
  return index - 1;
}

/** The first sheet of an .xlsx workbook; numbers as written in the file (dates as serials). */
export async function parseXlsx(buffer: ArrayBuffer): Promise<Table> {
  const files = await unzip(buffer);
  const parser = new DOMParser();
  const shared = [
    ...parser
      .parseFromString(files.get('xl/sharedStrings.xml') ?? '<sst/>', 'application/xml')
      .getElementsByTagName('si'),
  ].map((si) => [...si.getElementsByTagName('t')].map((t) => t.textContent ?? '').join(''));
  const sheetName = [...files.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).sort()[0];
  if (!sheetName) throw new Error('A planilha não tem abas.');
  const sheet = parser.parseFromString(files.get(sheetName) ?? '', 'application/xml');
  const rows: Table = [];
  for (const r of sheet.getElementsByTagName('row')) {
    const row: string[] = [];
    for (const c of r.getElementsByTagName('c')) {
      const type = c.getAttribute('t');
      const value =
        type === 'inlineStr'
          ? (c.getElementsByTagName('t')[0]?.textContent ?? '')
          : (c.getElementsByTagName('v')[0]?.textContent ?? '');
      const index = columnIndex(c.getAttribute('r') ?? '');
      row[index >= 0 ? index : row.length] = type === 's' ? (shared[Number(value)] ?? '') : value;
    }
    rows.push(Array.from(row, (v) => v ?? ''));
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

export const COLUMNS = {
  externalId: 'Identificador externo',
  debtorExternalId: 'Cliente (identificador)',
  debtorName: 'Cliente',
  document: 'CPF/CNPJ',
  description: 'Descrição',
  dueDate: 'Vencimento',
  amount: 'Valor',
  issueDate: 'Emissão',
  code: 'Código',
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['externalId', 'debtorExternalId', 'description', 'dueDate', 'amount'];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

export type RowProblem = { row: number; column: string; message: string };

export type EntryRow = {
  row: number; // the line in the file (header = 1)
  externalId: string;
  debtorExternalId: string;
  debtorName: string;
  document: string;
  description: string;
  dueDate: string;
  amount: string;
  issueDate: string;
  code: string;
};

/** "1.234,56", "1234,56", "1234.56", "R$ 10" → "1234.56"; null when it is not an amount. */
export function parseAmount(text: string): string | null {
  let s = text.replace(/R\$|\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, cents = ''] = s.split('.');
  return `${whole}.${cents.padEnd(2, '0')}`;
}

/** "31/12/2026", "2026-12-31" or an Excel serial (days since 1899-12-30) → "2026-12-31". */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.0+)?$/.test(s)) {
    const day = new Date(Date.UTC(1899, 11, 30) + Number.parseInt(s, 10) * 86_400_000);
    return valid(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  }
  return null;
}

function valid(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Rows read by their header's names; what cannot be sent is reported per row and column. */
export function readEntries(table: Table): {
  rows: EntryRow[];
  problems: RowProblem[];
} {
  const [header, ...body] = table;
  const problems: RowProblem[] = [];
  if (!header)
    return {
      rows: [],
      problems: [{ row: 1, column: '', message: 'O arquivo está vazio.' }],
    };
  const at = new Map<Column, number>();
  for (const [key, label] of Object.entries(COLUMNS) as [Column, string][]) {
    const index = header.findIndex((h) => fold(h) === fold(label));
    if (index >= 0) at.set(key, index);
    else if (REQUIRED.includes(key))
      problems.push({
        row: 1,
        column: label,
        message: 'Coluna obrigatória ausente.',
      });
  }
  if (problems.length) return { rows: [], problems };
  const rows: EntryRow[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    const get = (key: Column) => (at.has(key) ? (cells[at.get(key) as number] ?? '').trim() : '');
    const entry: EntryRow = {
      row,
      externalId: get('externalId'),
      debtorExternalId: get('debtorExternalId'),
      debtorName: get('debtorName'),
      document: get('document'),
      description: get('description'),
      dueDate: parseDate(get('dueDate')) ?? '',
      amount: parseAmount(get('amount')) ?? '',
      issueDate: get('issueDate') ? (parseDate(get('issueDate')) ?? '') : '',
      code: get('code'),
    };
    const before = problems.length;
    for (const key of REQUIRED) {
      if (!get(key)) problems.push({ row, column: COLUMNS[key], message: 'Obrigatório.' });
    }
    if (get('dueDate') && !entry.dueDate)
      problems.push({
        row,
        column: COLUMNS.dueDate,
        message: 'Data inválida (use dd/mm/aaaa).',
      });
    if (get('issueDate') && !entry.issueDate)
      problems.push({
        row,
        column: COLUMNS.issueDate,
        message: 'Data inválida (use dd/mm/aaaa).',
      });
    if (get('amount') && !entry.amount)
      problems.push({
        row,
        column: COLUMNS.amount,
        message: 'Valor inválido (ex.: 1.234,56).',
      });
    if (problems.length === before) rows.push(entry);
  });
  return { rows, problems };
}
