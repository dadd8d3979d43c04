import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { DebtorKind, PeriodPreset } from '../../gql/graphql';
import { DateField } from '../../ui/DateField';
import { SelectField, TextField } from '../../ui/Field';
import { SearchIcon } from '../../ui/Icons';
import { DEFAULT_SEARCH, KINDS, PERIODS, type Search, checkSearch, usesAdvancedFilters } from './search';

type Props = {
  /** The search on screen (from the URL). */
  applied: Search;
  companies: readonly { id: string; name: string }[];
  onSearch: (search: Search) => void;
};

/**
 * "Pesquisar por Cliente" with the magnifier, and "Busca Avançada" (Cliente, Empresa, tipo,
 * Filtros Período). Both edit the same draft: the quick box is the advanced Cliente field,
 * shown alone while the panel is closed.
 */
export function SearchForm({ applied, companies, onSearch }: Props) {
  const [draft, setDraft] = useState(applied);
  const [advanced, setAdvanced] = useState(() => usesAdvancedFilters(applied));
  const [errors, setErrors] = useState<ReturnType<typeof checkSearch>>({});
  const panelId = useId();
  const clientField = useRef<HTMLInputElement>(null);

  // Back/forward or a link changed the search: show it.
  useEffect(() => {
    setDraft(applied);
    setErrors({});
    if (usesAdvancedFilters(applied)) setAdvanced(true);
  }, [applied]);

  function change(patch: Partial<Search>) {
    setDraft((current) => ({ ...current, ...patch }));
    // An error was about the value that just changed (or the period that framed the dates).
    if ('dueFrom' in patch || 'dueTo' in patch || 'period' in patch) setErrors({});
  }

  /** A preset period searches at once; Personalizado waits for its dates. */
  function choosePeriod(period: PeriodPreset) {
    change({ period });
    if (period !== 'CUSTOM') onSearch({ ...draft, period, dueFrom: '', dueTo: '' });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkSearch(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    onSearch(draft);
  }

  function clear() {
    setDraft(DEFAULT_SEARCH);
    setErrors({});
    onSearch(DEFAULT_SEARCH);
  }

  function toggleAdvanced() {
    const opening = !advanced;
    setAdvanced(opening);
    if (opening) requestAnimationFrame(() => clientField.current?.focus());
  }

  return (
    <form className="search-form" role="search" aria-label="Pesquisa de inadimplências" onSubmit={submit} noValidate>
      <div className="search-bar">
        {!advanced && (
          <div className="quick-search">
            <label htmlFor={`${panelId}-q`}>Pesquisar por Cliente</label>
            <div className="input-with-button">
              <input
                id={`${panelId}-q`}
                type="search"
                name="q"
                placeholder="Nome ou CPF/CNPJ"
                autoComplete="off"
                value={draft.text}
                onChange={(event) => change({ text: event.target.value })}
              />
              <button type="submit" className="button search-button" aria-label="Pesquisar" title="Pesquisar">
                <SearchIcon />
              </button>
            </div>
          </div>
        )}
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={advanced}
          aria-controls={`${panelId}-panel`}
          onClick={toggleAdvanced}
        >
          Busca Avançada
        </button>
      </div>

      <div id={`${panelId}-panel`} className="advanced-search" hidden={!advanced}>
        {advanced && (
          <>
            <div className="form-grid">
              <TextField
                ref={clientField}
                label="Cliente"
                name="cliente"
                type="search"
                placeholder="Nome ou CPF/CNPJ"
                autoComplete="off"
                value={draft.text}
                onChange={(event) => change({ text: event.target.value })}
              />
              <SelectField
                label="Empresa"
                name="empresa"
                value={draft.companyId}
                onChange={(event) => change({ companyId: event.target.value })}
              >
                <option value="">Todas as empresas</option>
                {companies.map((company) => (
                  <option key={company.id} value={company.id}>
                    {company.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label="Clientes ou fornecedores"
                name="tipo"
                value={draft.kind}
                onChange={(event) => change({ kind: event.target.value as DebtorKind | '' })}
              >
                <option value="">Clientes e fornecedores</option>
                {KINDS.map((kind) => (
                  <option key={kind.value} value={kind.value}>
                    {kind.label}
                  </option>
                ))}
              </SelectField>
            </div>
            <fieldset className="period">
              <legend>Filtros Período</legend>
              <div className="form-grid">
                <SelectField
                  label="Por Período"
                  name="periodo"
                  hint="Pelo vencimento dos lançamentos em aberto."
                  value={draft.period}
                  onChange={(event) => choosePeriod(event.target.value as PeriodPreset)}
                >
                  {PERIODS.map((period) => (
                    <option key={period.value} value={period.value}>
                      {period.label}
                    </option>
                  ))}
                </SelectField>
                {draft.period === 'CUSTOM' && (
                  <>
                    <DateField
                      label="Data Inicial"
                      name="de"
                      value={draft.dueFrom}
                      error={errors.dueFrom}
                      onChange={(dueFrom) => change({ dueFrom })}
                    />
                    <DateField
                      label="Data Final"
                      name="ate"
                      value={draft.dueTo}
                      error={errors.dueTo}
                      onChange={(dueTo) => change({ dueTo })}
                    />
                  </>
                )}
              </div>
            </fieldset>
            <div className="form-actions">
              <button type="submit" className="button">
                Buscar
              </button>
              <button type="button" className="button button-quiet" onClick={clear}>
                Limpar Filtros
              </button>
            </div>
          </>
        )}
      </div>
    </form>
  );
}
