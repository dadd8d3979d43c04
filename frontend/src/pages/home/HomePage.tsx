import { LiveUpdates } from '../../live';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useExecute, useMorePages, useQuery } from '../../data';
import { Page } from '../../Page';
import { href, navigate, useHash, useLocation } from '../../router';
import { Empty, ErrorBanner, LoadMore, Loading } from '../../ui/Feedback';
import { DownloadIcon } from '../../ui/Icons';
import { Money } from '../../ui/Values';
import { DebtorTable } from './DebtorTable';
import { companiesQuery, debtorPageQuery, homeSearchQuery } from './queries';
import { homeHash, readPlace, savePlace } from './place';
import { ORDERS, type Search, type SortOrder, apiOrder, buildFilter, exportUrl, readSearch, searchQuery } from './search';
import { SearchForm } from './SearchForm';
import { SummaryPanel } from './SummaryPanel';

const PAGE_SIZE = 25;
const MAX_PAGE = 100; // the API's largest page

/** Pesquisa de Inadimplências: the debtors with unpaid entries, searched, sorted, paged. */
export function HomePage() {
  const { query } = useLocation();
  const search = useMemo(() => readSearch(query), [query]);
  const filter = useMemo(() => buildFilter(search), [search]);
  const run = useExecute();
  const orderBy = apiOrder(search.order);
  const hash = homeHash(useHash());

  // Coming back to the search left (Back, "Voltar à pesquisa"): as many rows as were loaded,
  // then the same scroll position. Another search starts at the top with one page.
  const [returning] = useState(() => {
    const place = readPlace();
    return place && place.hash === homeHash() ? place : null;
  });
  const restoring = useRef(returning);
  const first = returning?.hash === hash ? Math.min(Math.max(returning.rows, PAGE_SIZE), MAX_PAGE) : PAGE_SIZE;

  const companies = useQuery(companiesQuery);
  const result = useQuery(homeSearchQuery, { filter, orderBy, first });

  function applySearch(next: Search) {
    const target = href({ name: 'home' }, searchQuery(next));
    if (target === (window.location.hash || '#/')) result.reload();
    else navigate({ name: 'home' }, searchQuery(next));
  }

  const debtors = result.data?.debtors;
  const pages = useMorePages(debtors, async (after) => {
    const page = await run(debtorPageQuery, { filter, orderBy, first: PAGE_SIZE, after });
    return page.debtors;
  });
  const rows = pages.edges;
  const failed = Boolean(result.error);

  // Past 100 rows the rest come page by page, then the scroll position is put back once.
  useEffect(() => {
    const place = restoring.current;
    if (!place || !debtors || result.loading || failed) return;
    if (place.hash !== hash) {
      restoring.current = null;
      return;
    }
    if (rows.length < place.rows && pages.hasMore && !pages.error) {
      if (!pages.loading) void pages.loadMore();
      return;
    }
    restoring.current = null;
    window.scrollTo(0, place.scrollY);
  });

  // Remember the place: on every scroll and whenever rows are added (not while restoring it).
  const rowCount = rows.length;
  useEffect(() => {
    if (!debtors || failed) return undefined;
    const remember = () => {
      if (restoring.current || homeHash() !== hash) return; // leaving: the next screen scrolls
      savePlace({ hash, rows: rowCount, scrollY: window.scrollY });
    };
    remember();
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(remember);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [debtors, failed, hash, rowCount]);

  return (
    <Page title="Pesquisa de Inadimplências">
      <SearchForm applied={search} companies={companies.data?.companies ?? []} onSearch={applySearch} />
      {companies.error && <ErrorBanner message={`Empresas: ${companies.error}`} onRetry={companies.reload} />}

      {result.error && <ErrorBanner message={result.error} onRetry={result.reload} />}
      <LiveUpdates onUpdate={result.reload} />
      {(!debtors || failed) && result.loading && <Loading>Buscando devedores…</Loading>}

      {/* A failed search shows its error alone: the previous list and totals are not its answer. */}
      {debtors && result.data && !failed && (
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
            {rows.length > 1 && <SortSelect order={search.order} onSort={(order) => applySearch({ ...search, order })} />}
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
              onSort={(order: SortOrder) => applySearch({ ...search, order })}
              companyId={search.companyId}
            />
          )}

          <LoadMore pages={pages} hidden={result.loading} />
        </div>
      )}
    </Page>
  );
}

/** On a phone the column headers are hidden with the table: the order is chosen here. */
function SortSelect({ order, onSort }: { order: SortOrder; onSort: (order: SortOrder) => void }) {
  return (
    <label className="sort-select">
      Ordenar por
      <select value={order} onChange={(event) => onSort(event.target.value as SortOrder)}>
        {ORDERS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
