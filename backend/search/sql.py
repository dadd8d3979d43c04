"""Hand-written SQL for both engines: placeholders, value conversion and the search conditions.

The search is a few aggregates that Tortoise's query builder cannot express well (a CTE read
twice, covering partial indexes whose predicate the query must repeat word for word), so it is
written here once for SQLite and PostgreSQL. Every value goes through `Sql.param`: no user text
is ever formatted into a statement.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from backend.businessdays.services import Cutoffs
from backend.core.sql import Sql, connection, is_postgres
from backend.search.filters import ResolvedFilter

# The predicate of the partial indexes on financial_entry (migrations/0002_search): a query
# uses them only when it states the same condition, so every entry query says exactly this.
OPEN_ENTRY = "e.status IN ('OPEN', 'PARTIALLY_PAID')"
OPEN_CENTS = "(e.amount_cents - e.paid_cents)"

__all__ = ["Sql", "connection", "is_postgres"]  # moved to core/sql.py; re-exported


def overdue_sql(sql: Sql, cutoffs: Cutoffs, alias: str = "e") -> str:
    """Entries (alias `alias`) overdue by their company's cutoff (backend.businessdays).

    Normally every company has the same cutoff: one comparison, which the due-date indexes
    serve. Companies with their own holidays or another state's add a group each.
    """
    groups = cutoffs.groups
    if not groups:
        return "1 = 0"
    if len(groups) == 1:
        return f"{alias}.due_date <= {sql.param(groups[0][0])}"
    return (
        "("
        + " OR ".join(
            f"({alias}.company_id IN ({sql.params_list(list(ids))}) "
            f"AND {alias}.due_date <= {sql.param(cutoff)})"
            for cutoff, ids in groups
        )
        + ")"
    )


def entry_conditions(sql: Sql, f: ResolvedFilter) -> str:
    """Unpaid entries due in the period, in the filter's company and the principal's scope."""
    parts = [OPEN_ENTRY]
    if f.due.start is not None:
        parts.append(f"e.due_date >= {sql.param(f.due.start)}")
    if f.due.end is not None:
        parts.append(f"e.due_date <= {sql.param(f.due.end)}")
    if f.overdue_only and len(f.cutoffs.groups) > 1:
        # due.end is the latest cutoff (a range the indexes serve); each company's own here.
        parts.append(overdue_sql(sql, f.cutoffs))
    if f.company_id is not None:
        parts.append(f"e.company_id = {sql.param(f.company_id)}")
    if f.scope is not None:
        parts.append(f"e.company_id IN ({sql.params_list(sorted(f.scope))})")
    return " AND ".join(parts)


def debtor_conditions(sql: Sql, f: ResolvedFilter, alias: str = "d") -> str:
    """Conditions on the debtor row (alias `d`); "1 = 1" when the filter has none.

    With both name terms and a document prefix (an alphanumeric word such as "12ABC"), a debtor
    matching either is found.
    """
    parts: list[str] = []
    if f.kind is not None:
        parts.append(f"{alias}.kind = {sql.param(f.kind.value)}")
    names = [
        f"{alias}.search_key LIKE {sql.param(like_pattern(term))} ESCAPE '\\'"
        for term in f.name_terms
    ]
    documents: list[str] = []
    if f.document_prefix is not None:
        low, high = prefix_bounds(f.document_prefix)
        documents.append(f"{alias}.document >= {sql.param(low)}")
        if high is not None:
            documents.append(f"{alias}.document < {sql.param(high)}")
    if names and documents:
        parts.append(f"(({' AND '.join(names)}) OR ({' AND '.join(documents)}))")
    else:
        parts.extend(names + documents)
    return " AND ".join(parts) or "1 = 1"


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# The characters of a stored CPF/CNPJ, in the order every collation sorts them (digits before
# capitals; stored documents are compact and in capitals).
DOCUMENT_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def prefix_bounds(prefix: str) -> tuple[str, str | None]:
    """Documents starting with `prefix` lie in [low, high): a range any B-tree serves.

    `high` is the prefix with its last character moved to the next one of DOCUMENT_ALPHABET
    ("529" -> "52A", "12AZ" -> "12B"), so both bounds are made of characters that every
    collation orders the same way (LIKE 'p%' would need a pattern-ops index on PostgreSQL).
    """
    last = DOCUMENT_ALPHABET[-1]
    stripped = prefix.rstrip(last)
    if not stripped:
        return prefix, None
    following = DOCUMENT_ALPHABET[DOCUMENT_ALPHABET.index(stripped[-1]) + 1]
    return prefix, stripped[:-1] + following


def as_int(value: Any) -> int:
    """SUM over BIGINT is NUMERIC on PostgreSQL (Decimal) and an int on SQLite."""
    return 0 if value is None else int(value)


def as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
