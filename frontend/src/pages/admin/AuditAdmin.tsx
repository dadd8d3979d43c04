import { type FormEvent, useState } from 'react';
import { useQuery } from '../../data';
import { formatDateTime } from '../../format';
import { Empty, ErrorBanner, Loading } from '../../ui/Feedback';
import { DateField } from '../../ui/DateField';
import { SelectField, TextField } from '../../ui/Field';
import { adminAuditQuery } from './queries';

type Filters = { debtorId: string; actorUserId: string; dateFrom: string; dateTo: string };
const NONE: Filters = { debtorId: '', actorUserId: '', dateFrom: '', dateTo: '' };

/** Auditoria: who did what, by debtor, user and date. */
export function AuditAdmin() {
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [after, setAfter] = useState<string | null>(null);
  // "Limpar filtros" also empties a half-typed date (its value is '' already).
  const [cleared, setCleared] = useState(0);
  const result = useQuery(adminAuditQuery, {
    debtorId: applied.debtorId || null,
    actorUserId: applied.actorUserId || null,
    dateFrom: applied.dateFrom || null,
    dateTo: applied.dateTo || null,
    after,
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    setAfter(null);
    setApplied(draft);
  }

  const events = result.data?.auditEvents;
  return (
    <>
      <form className="search-form" aria-label="Filtrar auditoria" onSubmit={apply}>
        <div className="form-grid">
          <TextField
            label="Cliente (id)"
            value={draft.debtorId}
            onChange={(e) => setDraft({ ...draft, debtorId: e.target.value.trim() })}
          />
          <SelectField label="Usuário" value={draft.actorUserId} onChange={(e) => setDraft({ ...draft, actorUserId: e.target.value })}>
            <option value="">Todos</option>
            {(result.data?.allUsers ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <DateField key={`de-${cleared}`} label="De" value={draft.dateFrom} onChange={(dateFrom) => setDraft({ ...draft, dateFrom })} />
          <DateField key={`ate-${cleared}`} label="Até" value={draft.dateTo} onChange={(dateTo) => setDraft({ ...draft, dateTo })} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            Filtrar
          </button>
          <button type="button" className="button button-quiet" onClick={() => (setDraft(NONE), setApplied(NONE), setAfter(null), setCleared((n) => n + 1))}>
            Limpar filtros
          </button>
        </div>
      </form>
      {result.error && <ErrorBanner message={result.error} onRetry={result.reload} />}
      {!events && !result.error && <Loading />}
      {events && (
        <>
          <p>{events.totalCount} evento(s)</p>
          {events.edges.length === 0 && <Empty>Nenhum evento com esses filtros.</Empty>}
          <ul className="admin-cards">
            {events.edges.map(({ node }) => (
              <li key={node.id} className="admin-card">
                <strong>{node.actor}</strong>
                <span>{node.action}</span>
                <span>
                  {node.targetType} {node.targetId}
                </span>
                <time dateTime={node.createdAt}>{formatDateTime(node.createdAt)}</time>
              </li>
            ))}
          </ul>
          {events.pageInfo.hasNextPage && (
            <button type="button" className="button button-quiet" onClick={() => setAfter(events.pageInfo.endCursor ?? null)}>
              Próxima página
            </button>
          )}
        </>
      )}
    </>
  );
}
