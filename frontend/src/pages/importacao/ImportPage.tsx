// Importação de lançamentos: a CSV or XLSX file of entries (with their debtors' ids, names and
// CPF/CNPJ), a preview of the first rows, then upsertDebtors + upsertEntries in chunks of 500
// with a progress bar; every row refused is listed with its line, column and reason.
import { useState } from 'react';
import { useExecute, useQuery } from '../../data';
import { ErrorBanner, Loading } from '../../ui/Feedback';
import { SelectField } from '../../ui/Field';
import { COLUMNS, type EntryRow, type RowProblem, parseCsv, parseXlsx, readEntries } from './parse';
import { importCompaniesQuery, importDebtorsMutation, importEntriesMutation } from './queries';

const CHUNK = 500;
const PREVIEW = 10;
const FIELD_COLUMNS: Record<string, string> = {
  externalId: COLUMNS.externalId,
  debtorExternalId: COLUMNS.debtorExternalId,
  name: COLUMNS.debtorName,
  document: COLUMNS.document,
  description: COLUMNS.description,
  dueDate: COLUMNS.dueDate,
  amount: COLUMNS.amount,
  issueDate: COLUMNS.issueDate,
  code: COLUMNS.code,
};

type Summary = {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
};

function columnOf(field: readonly string[] | null | undefined): string {
  const last = field?.[field.length - 1] ?? '';
  return FIELD_COLUMNS[last] ?? last;
}

export function ImportPage() {
  const companies = useQuery(importCompaniesQuery);
  const run = useExecute();
  const [companyId, setCompanyId] = useState('');
  const [fileName, setFileName] = useState('');
  const [rows, setRows] = useState<EntryRow[]>([]);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [readError, setReadError] = useState<string>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [summary, setSummary] = useState<Summary>();
  const [busy, setBusy] = useState(false);

  async function choose(file: File | undefined) {
    setRows([]);
    setProblems([]);
    setSummary(undefined);
    setProgress(undefined);
    setReadError(undefined);
    if (!file) return;
    setFileName(file.name);
    try {
      const table = /\.xlsx$/i.test(file.name)
        ? await parseXlsx(await file.arrayBuffer())
        : parseCsv(await file.text());
      const read = readEntries(table);
      setRows(read.rows);
      setProblems(read.problems);
    } catch (failure) {
      setReadError(failure instanceof Error ? failure.message : 'Não foi possível ler o arquivo.');
    }
  }

  async function importAll() {
    const company = companyId || companies.data?.companies[0]?.id;
    if (!company) return;
    setBusy(true);
    setSummary(undefined);
    const totals: Summary = { created: 0, updated: 0, unchanged: 0, failed: 0 };
    const refused: RowProblem[] = [];
    setProgress({ done: 0, total: rows.length });
    try {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        const debtors = new Map<string, EntryRow>();
        for (const row of chunk) if (!debtors.has(row.debtorExternalId)) debtors.set(row.debtorExternalId, row);
        const debtorRows = [...debtors.values()];
        const sentDebtors = await run(importDebtorsMutation, {
          input: {
            companyId: company,
            items: debtorRows.map((r) => ({
              externalId: r.debtorExternalId,
              name: r.debtorName || null,
              document: r.document || null,
            })),
          },
        });
        // A refused debtor: each of its rows is listed with the debtor's problem.
        const badDebtors = new Map<string, RowProblem[]>();
        for (const result of sentDebtors.upsertDebtors.results) {
          const source = debtorRows[result.index];
          if (!source || result.errors.length === 0) continue;
          badDebtors.set(
            source.debtorExternalId,
            result.errors.map((error) => ({ row: 0, column: columnOf(error.field), message: error.message })),
          );
        }
        const entries: EntryRow[] = [];
        for (const row of chunk) {
          const bad = badDebtors.get(row.debtorExternalId);
          if (bad) refused.push(...bad.map((problem) => ({ ...problem, row: row.row })));
          else entries.push(row);
        }
        totals.failed += chunk.length - entries.length;
        if (entries.length) {
          const sent = await run(importEntriesMutation, {
            input: {
              companyId: company,
              items: entries.map((r) => ({
                externalId: r.externalId,
                debtorExternalId: r.debtorExternalId,
                description: r.description,
                dueDate: r.dueDate,
                amount: r.amount,
                issueDate: r.issueDate || null,
                code: r.code || null,
              })),
            },
          });
          const payload = sent.upsertEntries;
          for (const error of payload.errors)
            refused.push({
              row: entries[0]?.row ?? 0,
              column: '',
              message: error.message,
            });
          for (const result of payload.results) {
            for (const error of result.errors) {
              refused.push({
                row: entries[result.index]?.row ?? 0,
                column: columnOf(error.field),
                message: error.message,
              });
            }
          }
          totals.created += payload.created;
          totals.updated += payload.updated;
          totals.unchanged += payload.unchanged;
          totals.failed += payload.failed;
        }
        setProgress({
          done: Math.min(start + CHUNK, rows.length),
          total: rows.length,
        });
      }
    } catch (failure) {
      setReadError(failure instanceof Error ? failure.message : 'Falha na importação.');
    } finally {
      setProblems((previous) => [...previous, ...refused].sort((a, b) => a.row - b.row));
      setSummary(totals);
      setBusy(false);
    }
  }

  if (companies.loading && !companies.data) return <Loading />;
  if (companies.error && !companies.data) return <ErrorBanner message={companies.error} onRetry={companies.reload} />;
  const headers = Object.values(COLUMNS);
  return (
    <section className="import-page">
      <h1>Importação de lançamentos</h1>
      <p>
        Arquivo CSV (separado por “;”, como a exportação) ou XLSX, com as colunas: {headers.join(', ')}. O mesmo
        identificador externo atualiza o lançamento em vez de duplicá-lo.
      </p>
      <SelectField label="Empresa" value={companyId} onChange={(e) => setCompanyId(e.target.value)} disabled={busy}>
        {companies.data?.companies.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <label className="field">
        <span>Arquivo</span>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv"
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
          aria-label="Arquivo de lançamentos"
        />
      </label>
      {readError && <ErrorBanner message={readError} />}
      {rows.length > 0 && (
        <>
          <h2>
            Prévia de {fileName}: {rows.length} linha(s) válida(s)
          </h2>
          <div className="table-wrap">
            <table aria-label="Prévia da importação">
              <thead>
                <tr>
                  <th>Linha</th>
                  <th>{COLUMNS.externalId}</th>
                  <th>{COLUMNS.debtorName}</th>
                  <th>{COLUMNS.description}</th>
                  <th>{COLUMNS.dueDate}</th>
                  <th>{COLUMNS.amount}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, PREVIEW).map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.externalId}</td>
                    <td>{r.debtorName || r.debtorExternalId}</td>
                    <td>{r.description}</td>
                    <td>{r.dueDate.split('-').reverse().join('/')}</td>
                    <td>{r.amount.replace('.', ',')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" className="primary" disabled={busy} onClick={() => void importAll()}>
            Importar {rows.length} lançamento(s)
          </button>
        </>
      )}
      {progress && (
        <p>
          <progress aria-label="Progresso da importação" max={progress.total} value={progress.done} /> {progress.done}{' '}
          de {progress.total}
        </p>
      )}
      {summary && (
        <p role="status">
          Importação concluída: {summary.created} criado(s), {summary.updated} atualizado(s), {summary.unchanged} sem
          alteração, {summary.failed} recusado(s).
        </p>
      )}
      {problems.length > 0 && (
        <>
          <h2>Linhas com problemas ({problems.length})</h2>
          <table aria-label="Linhas com problemas">
            <thead>
              <tr>
                <th>Linha</th>
                <th>Coluna</th>
                <th>Problema</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={`${p.row}-${i}`}>
                  <td>{p.row}</td>
                  <td>{p.column}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
