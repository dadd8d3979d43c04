// "Exportar CSV": every debtor of the current search, paged through the API, in the dialect
// Excel opens correctly in Brazil: UTF-8 with BOM, ';' between fields, decimal comma, CRLF.
import type { execute } from '../../api';
import { formatDate } from '../../format';
import type { DebtorFilter, DebtorOrder, DebtorPageQuery, DebtorRowFragment } from '../../gql/graphql';
import { debtorPageQuery } from './queries';

const PAGE_SIZE = 100; // the API's cap for `first`

const HEADER = [
  'Cliente',
  'Tipo',
  'CPF/CNPJ',
  'E-mail',
  'Saldo em aberto (R$)',
  'Lançamentos',
  'Vencimento mais antigo',
  'Dias em atraso',
];

/** One CSV field: quoted when needed, and defused when a spreadsheet would run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** "1234.50" → "1234,50": no thousands separator, so Excel reads a number. */
export function csvMoney(amount: string): string {
  return amount.replace('.', ',');
}

export function debtorsCsv(rows: readonly DebtorRowFragment[]): string {
  const lines = [HEADER.map(csvField).join(';')];
  for (const { node, balance } of rows) {
    lines.push(
      [
        csvField(node.name),
        node.kind === 'SUPPLIER' ? 'Fornecedor' : 'Cliente',
        csvField(node.documentFormatted ?? node.document ?? ''),
        csvField(node.email ?? ''),
        csvMoney(balance.openAmount),
        String(balance.entryCount),
        balance.oldestDueDate ? formatDate(balance.oldestDueDate) : '',
        String(Math.max(balance.maxDaysOverdue, 0)),
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Reads every page of the search; `onProgress(loaded, total)` after each page. */
export async function fetchAllDebtors(
  run: typeof execute,
  filter: DebtorFilter,
  orderBy: DebtorOrder,
  onProgress: (loaded: number, total: number) => void,
): Promise<DebtorRowFragment[]> {
  const rows: DebtorRowFragment[] = [];
  let after: string | null = null;
  for (;;) {
    const { debtors }: DebtorPageQuery = await run(debtorPageQuery, { filter, orderBy, first: PAGE_SIZE, after });
    rows.push(...debtors.edges);
    onProgress(rows.length, debtors.totalCount);
    if (!debtors.pageInfo.hasNextPage || !debtors.pageInfo.endCursor) return rows;
    after = debtors.pageInfo.endCursor;
  }
}

/** Hands the text to the browser as a download. */
export function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
