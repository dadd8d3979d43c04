"""The search's SQL: one statement per answer, on the entries or on the per-debtor summary.

Every page statement returns the page rows *and* the totals of the whole result (a LEFT JOIN
on a one-row totals set, so a page past the end still carries them). Statements on the summary
also return `balance_state.as_of` and its calendar key, read in the same snapshot as the rows:
the caller keeps the answer only when it describes today with today's overdue cutoffs, else asks
the entries.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from backend.core.pagination import PageRequest
from backend.search.aging import AGING, OVERDUE_BANDS
from backend.search.filters import ResolvedFilter
from backend.search.sql import OPEN_CENTS, Sql, debtor_conditions, entry_conditions, overdue_sql

AS_OF = (
    "(SELECT s.as_of FROM balance_state s WHERE s.id = 1) AS as_of, "
    "(SELECT s.calendar_key FROM balance_state s WHERE s.id = 1) AS calendar_key"
)
Groups = Callable[[Sql, ResolvedFilter], str]


class DebtorOrder(StrEnum):
    OPEN_AMOUNT_DESC = "OPEN_AMOUNT_DESC"
    OPEN_AMOUNT_ASC = "OPEN_AMOUNT_ASC"
    OLDEST_DUE_ASC = "OLDEST_DUE_ASC"
    OLDEST_DUE_DESC = "OLDEST_DUE_DESC"
    NAME_ASC = "NAME_ASC"
    NAME_DESC = "NAME_DESC"


def order_by(order: DebtorOrder, table: str, name: str = "d.search_key") -> str:
    """Each order with the debtor as tie-break, so pages never overlap or skip."""
    match order:
        case DebtorOrder.OPEN_AMOUNT_DESC:
            return f"{table}.open_cents DESC, {table}.debtor_id"
        case DebtorOrder.OPEN_AMOUNT_ASC:
            return f"{table}.open_cents, {table}.debtor_id"
        case DebtorOrder.OLDEST_DUE_ASC:
            return f"{table}.oldest_due, {table}.debtor_id"
        case DebtorOrder.OLDEST_DUE_DESC:
            return f"{table}.oldest_due DESC, {table}.debtor_id"
        case DebtorOrder.NAME_ASC:
            return f"{name}, {table}.debtor_id"
        case DebtorOrder.NAME_DESC:
            return f"{name} DESC, {table}.debtor_id"


def _page_and_totals(
    sql: Sql,
    order: DebtorOrder,
    page: PageRequest,
    *,
    ctes: str,
    source: str,
    as_of: bool,
    totals: bool = True,
) -> str:
    by_name = order in (DebtorOrder.NAME_ASC, DebtorOrder.NAME_DESC)
    name = ", d.search_key AS sort_name" if by_name else ""
    join = " JOIN debtor d ON d.id = r.debtor_id" if by_name else ""
    # Only what the connection shows: every extra SUM costs ~1.5 ms per 100k rows; none when
    # the request reads no total (the whole summary's scan is 10–20 ms at 100k debtors).
    sums = (
        f"SELECT COUNT(*) AS debtors, SUM(r.open_cents) AS cents FROM {source} r"
        if totals
        else "SELECT NULL AS debtors, NULL AS cents"
    )
    return (
        f"WITH {ctes}"
        "p AS (SELECT r.debtor_id, r.open_cents, r.entry_count, r.oldest_due"
        f"{name} FROM {source} r{join} ORDER BY {order_by(order, 'r')} "
        f"LIMIT {sql.param(page.limit)} OFFSET {sql.param(page.offset)}), "
        f"t AS ({sums}) "
        "SELECT p.debtor_id, p.open_cents, p.entry_count, p.oldest_due, "
        f"t.debtors, t.cents{', ' + AS_OF if as_of else ''} "
        f"FROM t LEFT JOIN p ON 1 = 1 ORDER BY {order_by(order, 'p', 'p.sort_name')}"
    )


def grouped_page(
    sql: Sql,
    f: ResolvedFilter,
    order: DebtorOrder,
    page: PageRequest,
    groups: Groups,
    *,
    totals: bool = True,
) -> str:
    """The matching debtors are computed once (CTE g) and read twice: page and totals.

    Measured at 1M entries, this beats window functions over the same groups on both engines.
    With `summary_matches` the statement also reads the summary's as_of.
    """
    return _page_and_totals(
        sql,
        order,
        page,
        ctes=f"g AS ({groups(sql, f)}), ",
        source="g",
        as_of=groups in (summary_matches, company_summary_groups),
        totals=totals,
    )


def summary_page(sql: Sql, order: DebtorOrder, page: PageRequest, *, totals: bool = True) -> str:
    """The whole summary: the page walks an index of the order, the totals scan the table."""
    return _page_and_totals(
        sql,
        order,
        page,
        ctes="",
        source="debtor_balance",
        as_of=True,
        totals=totals,
    )


def entries_from(sql: Sql, f: ResolvedFilter) -> str:
    """FROM and WHERE over the unpaid entries the filter selects.

    SQLite's planner, given statistics, reads a bounded due range through (status, due_date)
    and fetches every row from the table (150 ms for two months at 1M entries); the covering
    partial index answers it in 25 ms, so it is named. An open-ended range (overdue) streams
    best through the debtor-ordered index SQLite picks itself; a company or a debtor filter
    narrows the rows enough that its own choice is right.
    """
    hint = ""
    if not sql.postgres and f.due.start is not None and f.company_id is None:
        hint = "" if f.filters_debtors else " INDEXED BY entry_open_due"
    where = entry_conditions(sql, f)
    if f.filters_debtors:
        where += (
            f" AND e.debtor_id IN (SELECT d.id FROM debtor d WHERE {debtor_conditions(sql, f)})"
        )
    return f"FROM financial_entry e{hint} WHERE {where}"


def entries_groups(sql: Sql, f: ResolvedFilter) -> str:
    """One row per debtor with unpaid entries matching the filter."""
    return (
        f"SELECT e.debtor_id AS debtor_id, CAST(SUM({OPEN_CENTS}) AS BIGINT) AS open_cents, "
        "COUNT(*) AS entry_count, MIN(e.due_date) AS oldest_due "
        f"{entries_from(sql, f)} GROUP BY e.debtor_id"
    )


def summary_matches(sql: Sql, f: ResolvedFilter) -> str:
    """The summary rows of the debtors the filter's search and kind select."""
    return (
        "SELECT b.debtor_id, b.open_cents, b.entry_count, b.oldest_due FROM debtor_balance b "
        f"JOIN debtor d ON d.id = b.debtor_id WHERE {debtor_conditions(sql, f)}"
    )


def filter_companies(f: ResolvedFilter) -> set[int]:
    """The companies a scoped or company-filtered search covers."""
    companies = set(f.scope) if f.scope is not None else None
    if f.company_id is not None:
        companies = {f.company_id} if companies is None else companies & {f.company_id}
    assert companies is not None  # services._summary_choice asks only then
    return companies


def _company_rows(sql: Sql, f: ResolvedFilter) -> str:
    """FROM and WHERE over the per-(debtor, company) summary rows of the filter's companies."""
    where = [f"c.company_id IN ({sql.params_list(sorted(filter_companies(f)))})"]
    join = ""
    if f.filters_debtors:
        join = " JOIN debtor d ON d.id = c.debtor_id"
        where.append(debtor_conditions(sql, f))
    return f"FROM debtor_company_balance c{join} WHERE {' AND '.join(where)}"


def company_summary_groups(sql: Sql, f: ResolvedFilter) -> str:
    """One row per debtor: its summary rows in the filter's companies, added up (one company:
    its rows as they are, no aggregate — the common case of a collector of one company; several
    companies cost an aggregate over their rows, about what the entries cost)."""
    if len(filter_companies(f)) == 1:
        return (
            "SELECT c.debtor_id AS debtor_id, c.open_cents AS open_cents, "
            f"c.entry_count AS entry_count, c.oldest_due AS oldest_due {_company_rows(sql, f)}"
        )
    return (
        "SELECT c.debtor_id AS debtor_id, CAST(SUM(c.open_cents) AS BIGINT) AS open_cents, "
        "SUM(c.entry_count) AS entry_count, MIN(c.oldest_due) AS oldest_due "
        f"{_company_rows(sql, f)} GROUP BY c.debtor_id"
    )


def company_summary_buckets(sql: Sql, f: ResolvedFilter) -> str:
    """summary_buckets over the filter's companies (a debtor in two of them counted once)."""
    sums = ", ".join(
        f"SUM(c.b{i}_cents) AS b{i}_cents, SUM(c.b{i}_count) AS b{i}_count"
        for i in range(1, len(OVERDUE_BANDS) + 1)
    )
    return f"SELECT COUNT(DISTINCT c.debtor_id) AS debtors, {sums}, {AS_OF} {_company_rows(sql, f)}"


def entries_buckets(sql: Sql, f: ResolvedFilter) -> str:
    """Totals and ageing of the entries (bucket columns a0..a4)."""
    sums = ", ".join(
        band.sums(sql, f.today, f"a{i}", lambda q: overdue_sql(q, f.cutoffs))
        for i, band in enumerate(AGING)
    )
    return (
        "SELECT COUNT(DISTINCT e.debtor_id) AS debtors, COUNT(*) AS entries, "
        f"SUM({OPEN_CENTS}) AS cents, {sums} {entries_from(sql, f)}"
    )


def summary_buckets(sql: Sql, f: ResolvedFilter) -> str:
    """Debtors and ageing from the summary (bucket columns b1..b4), with its as_of."""
    sums = ", ".join(
        f"SUM(b.b{i}_cents) AS b{i}_cents, SUM(b.b{i}_count) AS b{i}_count"
        for i in range(1, len(OVERDUE_BANDS) + 1)
    )
    source = "FROM debtor_balance b"
    if f.filters_debtors:
        source += f" JOIN debtor d ON d.id = b.debtor_id WHERE {debtor_conditions(sql, f)}"
    # No SUM of the totals: every overdue entry is in exactly one bucket, so the caller adds
    # the buckets up (two aggregates fewer over ~100k rows).
    return f"SELECT COUNT(*) AS debtors, {sums}, {AS_OF} {source}"
