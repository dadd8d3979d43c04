"""Pesquisa de Inadimplências: debtors with unpaid entries, their balances, totals and ageing.

Two sources answer the same question (the SQL is in search.statements):
- the entries themselves (`financial_entry`, covering partial indexes on unpaid entries): any
  filter, any scope; one statement gives the page and the totals of the whole result;
- the per-debtor summary (`debtor_balance`, search.models), for the default period (overdue)
  across all companies, when it describes today: it answers the busiest screen, the default
  list, in a few milliseconds at a million entries where the aggregate needs ~70-130 ms.

"Today" and the scope rules are in search.filters. Statement count per request is constant:
[company lookup] + one search statement (+ one more when the summary turns out stale).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from backend.businessdays.services import CompanyCalendars, local_cutoffs, overdue_cutoffs
from backend.core.money import from_cents
from backend.core.pagination import Page, PageRequest
from backend.core.periods import Period, local_today
from backend.core.principal import Principal
from backend.search import statements
from backend.search.aging import AGING, AgingBand
from backend.search.filters import DebtorFilterData, ResolvedFilter, resolve_filter
from backend.search.sql import (
    OPEN_CENTS,
    OPEN_ENTRY,
    Sql,
    as_date,
    as_int,
    connection,
    overdue_sql,
)
from backend.search.statements import DebtorOrder
from backend.settings import Settings

DEBTORS_LIST = "debtors"  # the list's name in its cursors


class Source(StrEnum):
    SUMMARY = "summary"
    ENTRIES = "entries"


@dataclass(frozen=True)
class BalanceData:
    """Open balance of a set of unpaid entries, seen from the local date `today`."""

    open_cents: int
    entry_count: int
    oldest_due: dt.date | None
    today: dt.date

    @property
    def open_amount(self) -> Decimal:
        return from_cents(self.open_cents)

    @property
    def max_days_overdue(self) -> int:
        if self.oldest_due is None:
            return 0
        return max(0, (self.today - self.oldest_due).days)


@dataclass(frozen=True)
class DebtorRow:
    debtor_id: int
    balance: BalanceData


@dataclass(frozen=True)
class Totals:
    """Of the whole result: how many debtors, and the open amount of their matching entries."""

    debtor_count: int
    open_cents: int

    @property
    def open_amount(self) -> Decimal:
        return from_cents(self.open_cents)


@dataclass(frozen=True)
class SearchResult:
    page: Page[DebtorRow]
    totals: Totals
    filter: ResolvedFilter
    source: Source


@dataclass(frozen=True)
class BucketData:
    band: AgingBand
    open_cents: int
    entry_count: int


@dataclass(frozen=True)
class SummaryData:
    totals: Totals
    entry_count: int
    buckets: list[BucketData]
    source: Source
    filter: ResolvedFilter


# --- public operations -------------------------------------------------------------------


async def search_debtors(
    *,
    principal: Principal,
    settings: Settings,
    now: dt.datetime,
    data: DebtorFilterData | None,
    order: DebtorOrder,
    page: PageRequest,
    company_id_given: bool = False,
    use_summary: bool = True,
    totals: bool = True,
) -> SearchResult:
    """One page of debtors with unpaid entries matching the filter, and the whole result's totals.

    One statement answers both; with `totals=False` (the request reads none) the totals are
    not computed and the result's are zero. Raises ServiceError for a bad filter (see
    resolve_filter). `use_summary=False` forces the plain aggregate (tests compare both sources).
    """
    f = await resolve_filter(
        principal=principal,
        settings=settings,
        now=now,
        data=data,
        company_id_given=company_id_given,
    )
    source = Source.ENTRIES
    found = None
    choice = await _summary_choice(f) if use_summary else None
    key = f.cutoffs.key
    if choice is not None:
        per_company, key = choice
        sql = Sql(connection())
        if per_company:
            statement = statements.grouped_page(
                sql, f, order, page, statements.company_summary_groups, totals=totals
            )
        elif f.filters_debtors:
            statement = statements.grouped_page(
                sql, f, order, page, statements.summary_matches, totals=totals
            )
        else:
            statement = statements.summary_page(sql, order, page, totals=totals)
        found = await sql.rows(statement)
        source = Source.SUMMARY
    if found is None or not _describes(found[0], f, key):
        sql = Sql(connection())
        found = await sql.rows(
            statements.grouped_page(sql, f, order, page, statements.entries_groups, totals=totals)
        )
        source = Source.ENTRIES
    rows = _debtor_rows([r for r in found if r["debtor_id"] is not None], f.today)
    sums = _totals(found[0])
    return SearchResult(
        page=Page(
            items=rows, offset=page.offset, total_count=sums.debtor_count, list_name=DEBTORS_LIST
        ),
        totals=sums,
        filter=f,
        source=source,
    )


async def collection_summary(
    *,
    principal: Principal,
    settings: Settings,
    now: dt.datetime,
    data: DebtorFilterData | None,
    company_id_given: bool = False,
    use_summary: bool = True,
) -> SummaryData:
    """Totals and ageing buckets of the entries the same filter finds."""
    f = await resolve_filter(
        principal=principal,
        settings=settings,
        now=now,
        data=data,
        company_id_given=company_id_given,
    )
    choice = await _summary_choice(f) if use_summary else None
    if choice is not None:
        per_company, key = choice
        sql = Sql(connection())
        buckets = statements.company_summary_buckets if per_company else statements.summary_buckets
        row = dict((await sql.rows(buckets(sql, f)))[0])
        if _describes(row, f, key):
            # Overdue only: nothing in the summary is still to fall due.
            row["b0_cents"], row["b0_count"] = 0, 0
            row["cents"] = sum(as_int(row[f"b{i}_cents"]) for i in range(1, len(AGING)))
            row["entries"] = sum(as_int(row[f"b{i}_count"]) for i in range(1, len(AGING)))
            return _summary_data(row, AGING, "b", Source.SUMMARY, f)
    sql = Sql(connection())
    row = (await sql.rows(statements.entries_buckets(sql, f)))[0]
    return _summary_data(row, AGING, "a", Source.ENTRIES, f)


async def overdue_balances(
    *,
    principal: Principal,
    settings: Settings,
    now: dt.datetime,
    debtor_ids: list[int],
    calendars: CompanyCalendars,
) -> list[BalanceData]:
    """Each debtor's overdue balance in the principal's companies.

    Overdue is each company's rule on its own today (backend.businessdays), exactly as the
    debtor's `overdueEntries`: the header and the list never disagree at midnight. Days overdue
    count from the companies' date when their zones agree, else the installation's.
    `calendars`: the principal's companies' (the request reads them once).
    """
    cutoffs = calendars.cutoffs(local_cutoffs(now))
    todays = {local_today(now, zone) for zone in cutoffs.zones}
    today = todays.pop() if len(todays) == 1 else local_today(now, settings.time_zone)
    ids = sorted(set(debtor_ids))
    found: dict[int, BalanceData] = {}
    if ids and cutoffs:
        sql = Sql(connection())
        # Placeholders are made in the order they appear: SQLite's "?" binds by position.
        statement = (
            f"SELECT e.debtor_id AS debtor_id, SUM({OPEN_CENTS}) AS open_cents, "
            "COUNT(*) AS entry_count, MIN(e.due_date) AS oldest_due "
            f"FROM financial_entry e WHERE {OPEN_ENTRY} AND {overdue_sql(sql, cutoffs)}"
        )
        if principal.company_ids is not None:
            statement += f" AND e.company_id IN ({sql.params_list(sorted(principal.company_ids))})"
        statement += f" AND e.debtor_id IN ({sql.params_list(ids)}) GROUP BY e.debtor_id"
        found = {
            row.debtor_id: row.balance for row in _debtor_rows(await sql.rows(statement), today)
        }
    return [found.get(i) or BalanceData(0, 0, None, today) for i in debtor_ids]


def _describes(row: dict[str, Any], f: ResolvedFilter, key: str) -> bool:
    """Whether a summary answer is about the filter's today, with every company's cutoffs
    (`key`: the filter's own when it spans every company)."""
    return as_date(row["as_of"]) == f.today and row["calendar_key"] == key


async def _summary_choice(f: ResolvedFilter) -> tuple[bool, str] | None:
    """Which summary may answer the filter: (per company?, the key of the cutoffs it must have
    been computed with), or None for the entries.

    The per-debtor summary holds every company: it answers an unscoped overdue list, and a
    principal limited to companies that are in fact all of them. The per-(debtor, company)
    summary answers a single company (a collector of one company, a company filter) with its
    rows as they are. Several companies but not all would cost an aggregate over their rows,
    no cheaper than the entries' covering index (measured): the entries answer.
    """
    if summary_covers(f):
        return False, f.cutoffs.key
    if f.period is not Period.OVERDUE or not f.same_day_everywhere:
        return None
    every = await overdue_cutoffs(company_ids=None, today_for=lambda _zone: f.today)
    all_ids = {company for _cutoff, ids in every.groups for company in ids}
    if f.company_id is None and f.scope is not None and all_ids <= set(f.scope):
        return False, every.key
    if len(statements.filter_companies(f)) == 1:
        return True, every.key
    return None


def edge_is_overdue_balance(f: ResolvedFilter) -> bool:
    """Whether a search edge's balance is also the debtor's `overdueBalance` (same entries):
    overdue in every company, and the search's today is each company's own."""
    return f.period is Period.OVERDUE and f.company_id is None and f.same_day_everywhere


def summary_covers(f: ResolvedFilter) -> bool:
    """The summary holds overdue entries of every company (it is used when it is today's)."""
    return f.period is Period.OVERDUE and f.company_id is None and f.scope is None


# --- rows to values ----------------------------------------------------------------------


def _debtor_rows(rows: list[dict[str, Any]], today: dt.date) -> list[DebtorRow]:
    return [
        DebtorRow(
            debtor_id=int(row["debtor_id"]),
            balance=BalanceData(
                open_cents=as_int(row["open_cents"]),
                entry_count=as_int(row["entry_count"]),
                oldest_due=as_date(row["oldest_due"]),
                today=today,
            ),
        )
        for row in rows
    ]


def _totals(row: dict[str, Any]) -> Totals:
    """NULLs (zero) when the statement was told not to compute them: nobody reads them."""
    return Totals(debtor_count=as_int(row["debtors"]), open_cents=as_int(row["cents"]))


def _summary_data(
    row: dict[str, Any],
    bands: tuple[AgingBand, ...],
    prefix: str,
    source: Source,
    f: ResolvedFilter,
) -> SummaryData:
    buckets = [
        BucketData(
            band=band,
            open_cents=as_int(row[f"{prefix}{i}_cents"]),
            entry_count=as_int(row[f"{prefix}{i}_count"]),
        )
        for i, band in enumerate(bands)
    ]
    return SummaryData(
        totals=_totals(row),
        entry_count=as_int(row["entries"]),
        buckets=buckets,
        source=source,
        filter=f,
    )
