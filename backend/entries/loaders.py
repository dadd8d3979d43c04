"""Batch loaders of entries and payments: a page of many lists costs a constant few queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from tortoise.queryset import QuerySet

from backend.accounts.scope import scope_entries
from backend.core.pagination import Page
from backend.core.principal import Principal
from backend.entries.models import FinancialEntry, Payment
from backend.entries.overdue import overdue_condition

ENTRY_ORDER = ("-due_date", "-id")  # Lançamentos Financeiros: the latest due first
OVERDUE_ORDER = ("due_date", "id")  # Inadimplências: the oldest debt first
ENTRIES_LIST = "Debtor.entries"  # the lists' names in their cursors
OVERDUE_LIST = "Debtor.overdueEntries"


async def load_payments_by_entry_id(keys: Sequence[int]) -> list[list[Payment]]:
    """PaymentsByEntryIdLoader: every payment of each entry, reversed ones included."""
    grouped: dict[int, list[Payment]] = defaultdict(list)
    for payment in await Payment.filter(entry_id__in=list(set(keys))).order_by("paid_on", "id"):
        grouped[payment.entry_id].append(payment)
    return [grouped[k] for k in keys]


@dataclass(frozen=True, slots=True)
class DebtorPageKey:
    """One page of one debtor's entries; `company_id` narrows the overdue list to a company."""

    debtor_id: int
    offset: int
    limit: int
    company_id: int | None = None


PageLoadFn = Callable[[list[DebtorPageKey]], Awaitable[list[Page[FinancialEntry]]]]


def entries_by_debtor(principal: Principal) -> PageLoadFn:
    """EntriesByDebtorIdLoader: all the debtor's entries in the principal's companies."""

    async def base(_company_id: int | None) -> QuerySet[FinancialEntry] | None:
        return scope_entries(FinancialEntry.all(), principal)

    async def load(keys: list[DebtorPageKey]) -> list[Page[FinancialEntry]]:
        return await _pages(keys, base, ENTRY_ORDER, ENTRIES_LIST)

    return load


def overdue_entries_by_debtor(principal: Principal, now: dt.datetime) -> PageLoadFn:
    """OverdueEntriesByDebtorIdLoader: unpaid entries due before their company's today."""

    async def base(company_id: int | None) -> QuerySet[FinancialEntry] | None:
        if company_id is not None and not principal.sees_company(company_id):
            return None
        condition = await overdue_condition(principal, now, company_id)
        if condition is None:
            return None
        return scope_entries(FinancialEntry.filter(condition), principal)

    async def load(keys: list[DebtorPageKey]) -> list[Page[FinancialEntry]]:
        return await _pages(keys, base, OVERDUE_ORDER, OVERDUE_LIST)

    return load


async def _pages(
    keys: list[DebtorPageKey],
    base_for: Callable[[int | None], Awaitable[QuerySet[FinancialEntry] | None]],
    ordering: tuple[str, ...],
    list_name: str,
) -> list[Page[FinancialEntry]]:
    groups: dict[tuple[int | None, int, int], list[int]] = defaultdict(list)
    for key in keys:
        groups[(key.company_id, key.offset, key.limit)].append(key.debtor_id)
    pages: dict[DebtorPageKey, Page[FinancialEntry]] = {}
    for (company_id, offset, limit), debtor_ids in groups.items():
        base = await base_for(company_id)
        found = (
            await _group_pages(base, sorted(set(debtor_ids)), offset, limit, ordering, list_name)
            if base is not None
            else {}
        )
        for debtor_id in debtor_ids:
            key = DebtorPageKey(debtor_id, offset, limit, company_id)
            pages[key] = found.get(debtor_id) or Page(
                items=[], offset=offset, total_count=0, list_name=list_name
            )
    return [pages[k] for k in keys]


async def _group_pages(
    base: QuerySet[FinancialEntry],
    debtor_ids: list[int],
    offset: int,
    limit: int,
    ordering: tuple[str, ...],
    list_name: str,
) -> dict[int, Page[FinancialEntry]]:
    """The same page of several debtors' lists.

    One debtor (the detail screen): a count and an OFFSET/LIMIT query. Several debtors (a list
    of debtors asking for their entries) would need a window function per engine; instead the
    ids of all their matching entries are read in order, in one light query, sliced here, and
    the page rows fetched by id: two queries whatever the number of debtors.
    """
    if len(debtor_ids) == 1:
        query = base.filter(debtor_id=debtor_ids[0])
        total = await query.count()
        items = await query.order_by(*ordering).offset(offset).limit(limit) if limit else []
        return {
            debtor_ids[0]: Page(items=items, offset=offset, total_count=total, list_name=list_name)
        }
    ordered: dict[int, list[int]] = defaultdict(list)
    rows = (
        await base.filter(debtor_id__in=debtor_ids)
        .order_by(*ordering)
        .values_list("id", "debtor_id")
    )
    for entry_id, debtor_id in rows:
        ordered[debtor_id].append(entry_id)
    wanted = {d: ids[offset : offset + limit] for d, ids in ordered.items()}
    page_ids = [i for ids in wanted.values() for i in ids]
    by_id = {e.id: e for e in await FinancialEntry.filter(id__in=page_ids)} if page_ids else {}
    return {
        d: Page(
            items=[by_id[i] for i in wanted[d]],
            offset=offset,
            total_count=len(ids),
            list_name=list_name,
        )
        for d, ids in ordered.items()
    }
