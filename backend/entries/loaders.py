"""Batch loaders of entries and payments: a page of many lists is one statement.

A page of N entries of each of several debtors is one statement: on PostgreSQL a LATERAL walk
of each debtor's index that stops after the page, on SQLite `row_number()` over each debtor's
list. The database returns the page's rows and nothing else, as plain rows
(backend/entries/rows.py), never as models.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from backend.businessdays.services import CompanyCalendars, company_calendars, local_cutoffs
from backend.core.pagination import Page
from backend.core.principal import Principal
from backend.core.sql import RowReader, Sql, connection
from backend.entries.models import FinancialEntry, Payment
from backend.entries.rows import EntryRow, PaymentRow

ENTRIES_LIST = "Debtor.entries"  # the lists' names in their cursors
OVERDUE_LIST = "Debtor.overdueEntries"
# Lançamentos Financeiros: the latest due first; Inadimplências: the oldest debt first.
ENTRY_ORDER = "e.due_date DESC, e.id DESC"
OVERDUE_ORDER = "e.due_date, e.id"
# The open statuses, as the partial indexes of migrations/0002_search state them.
_OPEN = "e.status IN ('OPEN', 'PARTIALLY_PAID')"

ENTRY_ROWS = RowReader(FinancialEntry, EntryRow)
PAYMENT_ROWS = RowReader(Payment, PaymentRow)


async def load_payments_by_entry_id(keys: Sequence[int]) -> list[list[PaymentRow]]:
    """PaymentsByEntryIdLoader: every payment of each entry, reversed ones included."""
    sql = Sql(connection())
    ids = sql.params_list(sorted(set(keys)))
    statement = (
        f"SELECT {PAYMENT_ROWS.select('p')} FROM payment p "
        f"WHERE p.entry_id IN ({ids}) ORDER BY p.paid_on, p.id"
    )
    grouped: dict[int, list[PaymentRow]] = defaultdict(list)
    for row in await sql.rows(statement):
        payment = PAYMENT_ROWS.read(row)
        grouped[payment.entry_id].append(payment)
    return [grouped[k] for k in keys]


@dataclass(frozen=True, slots=True)
class DebtorPageKey:
    """One page of one debtor's entries; `company_id` narrows the overdue list to a company."""

    debtor_id: int
    offset: int
    limit: int
    company_id: int | None = None


PageLoadFn = Callable[[list[DebtorPageKey]], Awaitable[list[Page[EntryRow]]]]
# The conditions of a list, beyond the debtor: None when nothing can match.
Conditions = Callable[[Sql, int | None], Awaitable[str | None]]


def _scope(sql: Sql, principal: Principal, company_id: int | None) -> list[str]:
    parts = []
    if principal.company_ids is not None:
        parts.append(f"e.company_id IN ({sql.params_list(sorted(principal.company_ids))})")
    if company_id is not None:
        parts.append(f"e.company_id = {sql.param(company_id)}")
    return parts


def entries_by_debtor(principal: Principal) -> PageLoadFn:
    """EntriesByDebtorIdLoader: all the debtor's entries in the principal's companies."""

    async def conditions(sql: Sql, company_id: int | None) -> str | None:
        return " AND ".join(_scope(sql, principal, company_id)) or "1 = 1"

    async def load(keys: list[DebtorPageKey]) -> list[Page[EntryRow]]:
        return await _pages(keys, conditions, ENTRY_ORDER, ENTRIES_LIST)

    return load


CalendarsOf = Callable[[frozenset[int] | None], Awaitable[CompanyCalendars]]


def overdue_entries_by_debtor(
    principal: Principal, now: dt.datetime, calendars_of: CalendarsOf = company_calendars
) -> PageLoadFn:
    """OverdueEntriesByDebtorIdLoader: unpaid entries due on or before their company's cutoff
    (the last business day before today in its zone). `calendars_of`: the request's
    CompanyCalendarsByCompanyIdsLoader, when there is a request."""

    async def conditions(sql: Sql, company_id: int | None) -> str | None:
        if company_id is not None and not principal.sees_company(company_id):
            return None
        ids = principal.company_ids
        if company_id is not None:
            ids = frozenset({company_id}) if ids is None else ids & {company_id}
        cutoffs = (await calendars_of(ids)).cutoffs(local_cutoffs(now))
        if not cutoffs:
            return None
        due = " OR ".join(
            f"(e.company_id IN ({sql.params_list(list(group))}) "
            f"AND e.due_date <= {sql.param(cutoff)})"
            for cutoff, group in cutoffs
        )
        return " AND ".join([_OPEN, f"({due})", *_scope(sql, principal, company_id)])

    async def load(keys: list[DebtorPageKey]) -> list[Page[EntryRow]]:
        return await _pages(keys, conditions, OVERDUE_ORDER, OVERDUE_LIST)

    return load


async def _pages(
    keys: list[DebtorPageKey], conditions: Conditions, ordering: str, list_name: str
) -> list[Page[EntryRow]]:
    groups: dict[tuple[int | None, int, int], list[int]] = defaultdict(list)
    for key in keys:
        groups[(key.company_id, key.offset, key.limit)].append(key.debtor_id)
    pages: dict[DebtorPageKey, Page[EntryRow]] = {}
    for (company_id, offset, limit), debtor_ids in groups.items():
        sql = Sql(connection())
        where = await conditions(sql, company_id)
        found = (
            await _group_pages(sql, where, sorted(set(debtor_ids)), offset, limit, ordering)
            if where is not None
            else {}
        )
        for debtor_id in debtor_ids:
            items, total = found.get(debtor_id, ([], 0))
            pages[DebtorPageKey(debtor_id, offset, limit, company_id)] = Page(
                items=items, offset=offset, total_count=total, list_name=list_name
            )
    return [pages[k] for k in keys]


async def _group_pages(
    sql: Sql, where: str, debtor_ids: list[int], offset: int, limit: int, ordering: str
) -> dict[int, tuple[list[EntryRow], int]]:
    """The same page of several debtors' lists, and each list's length, in one statement."""
    if sql.postgres:
        return await _lateral_pages(sql, where, debtor_ids, offset, limit, ordering)
    return await _numbered_pages(sql, where, debtor_ids, offset, limit, ordering)


async def _lateral_pages(
    sql: Sql, where: str, debtor_ids: list[int], offset: int, limit: int, ordering: str
) -> dict[int, tuple[list[EntryRow], int]]:
    """PostgreSQL: each list's length, and its page as a walk of the (debtor_id, due_date, id)
    index that stops after `offset + limit` entries (LATERAL … LIMIT, migration 0015), then
    those rows by primary key: a page of 20 of a debtor with 700 entries reads 20 rows, where
    the numbered form (below) reads all 700. The index holds `status` and `company_id`, so the
    walk reads no row even for the overdue lists and the company scopes."""
    debtors = sql.params_list(debtor_ids)
    low, size = sql.param(offset), sql.param(limit)
    statement = (  # `where` twice: PostgreSQL's $n placeholders may repeat
        f"SELECT {ENTRY_ROWS.select('e')}, n.debtor_id AS list_debtor, n.list_length FROM "
        f"(SELECT e.debtor_id, count(*) AS list_length FROM financial_entry e WHERE {where} "
        f"AND e.debtor_id IN ({debtors}) GROUP BY e.debtor_id) n "
        f"LEFT JOIN LATERAL (SELECT e.id FROM financial_entry e WHERE {where} "
        f"AND e.debtor_id = n.debtor_id ORDER BY {ordering} OFFSET {low} LIMIT {size}) k ON TRUE "
        f"LEFT JOIN financial_entry e ON e.id = k.id ORDER BY n.debtor_id, {ordering}"
    )
    found: dict[int, tuple[list[EntryRow], int]] = {}
    read = ENTRY_ROWS.read
    for row in await sql.records(statement):
        debtor_id = row["list_debtor"]
        if debtor_id not in found:
            found[debtor_id] = ([], int(row["list_length"]))
        if row["id"] is not None:
            found[debtor_id][0].append(read(row))
    return found


async def _numbered_pages(
    sql: Sql, where: str, debtor_ids: list[int], offset: int, limit: int, ordering: str
) -> dict[int, tuple[list[EntryRow], int]]:
    """SQLite (no LATERAL): each debtor's matching entries are numbered in the list's order;
    the rows numbered past `offset` up to `offset + limit` come back, plus the first one (which
    carries the list's length) when the page does not hold it: at most `limit + 1` rows per
    debtor."""
    debtors = sql.params_list(debtor_ids)  # placeholders in the statement's order (SQLite)
    low, high = sql.param(offset), sql.param(offset + limit)
    statement = (
        f"SELECT * FROM (SELECT {ENTRY_ROWS.select('e')}, "
        f"row_number() OVER (PARTITION BY e.debtor_id ORDER BY {ordering}) AS list_row, "
        "count(*) OVER (PARTITION BY e.debtor_id) AS list_length "
        f"FROM financial_entry e WHERE {where} AND e.debtor_id IN ({debtors})) numbered "
        f"WHERE list_row = 1 OR (list_row > {low} AND list_row <= {high}) "
        "ORDER BY debtor_id, list_row"
    )
    found: dict[int, tuple[list[EntryRow], int]] = {}
    for row in await sql.rows(statement):
        debtor_id = row["debtor_id"]
        if debtor_id not in found:
            found[debtor_id] = ([], int(row["list_length"]))
        if offset < row["list_row"] <= offset + limit:
            found[debtor_id][0].append(ENTRY_ROWS.read(row))
    return found
