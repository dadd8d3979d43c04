import { LiveUpdates } from '../../live';
import { useMemo } from 'react';
import { useExecute, useMorePages, useQuery } from '../../data';
import type { DebtorOrder } from '../../gql/graphql';
import { Page } from '../../Page';
import { href, navigate, useLocation } from '../../router';
import { Empty, ErrorBanner, LoadMore, Loading } from '../../ui/Feedback';
import { DownloadIcon } from '../../ui/Icons';
import { Money } from '../../ui/Values';
import { DebtorTable } from './DebtorTable';
import { companiesQuery, debtorPageQuery, homeSearchQuery } from './queries';
import { type Search, buildFilter, exportUrl, readSearch, searchQuery } from './search';
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

  return (
    <Page title="Pesquisa de Inadimplências">
      <SearchForm applied={search} companies={companies.data?.companies ?? []} onSearch={applySearch} />
      {companies.error && <ErrorBanner message={`Empresas: ${companies.error}`} onRetry={companies.reload} />}

      {result.error && <ErrorBanner message={result.error} onRetry={result.reload} />}
      <LiveUpdates onUpdate={result.reload} />
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
              <span className="export-links">
                <a className="button button-quiet button-small" href={exportUrl(search, 'csv')} download>
                  <DownloadIcon />
                  Exportar CSV
                </a>
                <a className="button button-quiet button-small" href={exportUrl(search, 'xlsx')} download>
                  <DownloadIcon />
                  Exportar XLSX
                </a>
              </span>
            )}
          </div>

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
