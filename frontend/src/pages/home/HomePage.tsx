import { useMemo, useState } from 'react';
import { useExecute, useMorePages, useQuery } from '../../data';
import { todayISO } from '../../format';
import type { DebtorOrder } from '../../gql/graphql';
import { Page } from '../../Page';
import { href, navigate, useLocation } from '../../router';
import { Empty, ErrorBanner, LoadMore, Loading } from '../../ui/Feedback';
import { DownloadIcon } from '../../ui/Icons';
import { Money } from '../../ui/Values';
import { DebtorTable } from './DebtorTable';
import { debtorsCsv, download, fetchAllDebtors } from './exportCsv';
import { companiesQuery, debtorPageQuery, homeSearchQuery } from './queries';
import { type Search, buildFilter, readSearch, searchQuery } from './search';
import { SearchForm } from './SearchForm';
import { SummaryPanel } from './SummaryPanel';

const PAGE_SIZE = 25;

/** Pesquisa de Inadimplências: the debtors with unpaid entries, searched, sorted, paged. */
export function HomePage() {
  const { query } = useLocation();
  const search = useMemo(() => readSearch(query), [query]);
  const filter = useMemo(() => buildFilter(search), [search]);
  const run = useExecute();

  const companies = useQuery(companiesQuery);
  const result = useQuery(homeSearchQuery, { filter, orderBy: search.order, first: PAGE_SIZE });

  const [exporting, setExporting] = useState<{ progress?: string; error?: string } | null>(null);

  function applySearch(next: Search) {
    const target = href({ name: 'home' }, searchQuery(next));
    if (target === (window.location.hash || '#/')) result.reload();
    else navigate({ name: 'home' }, searchQuery(next));
  }

  const debtors = result.data?.debtors;
  const pages = useMorePages(debtors, async (after) => {
    const page = await run(debtorPageQuery, { filter, orderBy: search.order, first: PAGE_SIZE, after });
    return page.debtors;
  });
  const rows = pages.edges;

  async function exportCsv() {
    setExporting({ progress: 'Exportando…' });
    try {
      const all = await fetchAllDebtors(run, filter, search.order, (loaded, total) =>
        setExporting({ progress: `Exportando… ${loaded.toLocaleString('pt-BR')} de ${total.toLocaleString('pt-BR')}` }),
      );
      download(debtorsCsv(all), `inadimplencias-${todayISO()}.csv`);
      setExporting(null);
    } catch (failure) {
      setExporting({ error: `Não foi possível exportar: ${(failure as Error).message}` });
    }
  }

  return (
    <Page title="Pesquisa de Inadimplências">
      <SearchForm applied={search} companies={companies.data?.companies ?? []} onSearch={applySearch} />
      {companies.error && <ErrorBanner message={`Empresas: ${companies.error}`} onRetry={companies.reload} />}

      {result.error && <ErrorBanner message={result.error} onRetry={result.reload} />}
      {!debtors && result.loading && <Loading>Buscando devedores…</Loading>}

      {debtors && result.data && (
        <div className="results" aria-busy={result.loading}>
          <SummaryPanel summary={result.data.collectionSummary} />
          <div className="results-header">
            <p role="status">
              {result.loading ? (
                'Atualizando…'
              ) : (
                <>
                  {rows.length.toLocaleString('pt-BR')} de {debtors.totalCount.toLocaleString('pt-BR')}{' '}
                  {debtors.totalCount === 1 ? 'devedor' : 'devedores'} · <Money value={debtors.totalOpenAmount} /> em
                  aberto
                </>
              )}
            </p>
            {debtors.totalCount > 0 && (
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={exportCsv}
                disabled={Boolean(exporting?.progress)}
              >
                <DownloadIcon />
                Exportar CSV
              </button>
            )}
          </div>
          {exporting?.progress && <Loading>{exporting.progress}</Loading>}
          {exporting?.error && <ErrorBanner message={exporting.error} />}

          {rows.length === 0 ? (
            <Empty>Nenhum cliente inadimplente encontrado.</Empty>
          ) : (
            <DebtorTable
              rows={rows}
              order={search.order}
              onSort={(order: DebtorOrder) => applySearch({ ...search, order })}
              companyId={search.companyId}
            />
          )}

          <LoadMore pages={pages} hidden={result.loading} />
        </div>
      )}
    </Page>
  );
}
