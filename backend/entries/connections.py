"""A debtor's entries as Relay connections: Lançamentos Financeiros and Inadimplências.

Debtor.entries and Debtor.overdueEntries (backend/debtors/types.py) delegate here.
"""

from __future__ import annotations

import strawberry
from strawberry.dataloader import DataLoader

from backend.businessdays.loaders import company_calendars_loader
from backend.core.context import Info
from backend.core.gql import pk
from backend.core.pagination import Page, PageRequest
from backend.core.relay import OffsetEdge, PageInfo
from backend.debtors import models as debtor_models
from backend.debtors.loaders import load_debtors_by_id
from backend.entries.loaders import (
    ENTRIES_LIST,
    OVERDUE_LIST,
    DebtorPageKey,
    entries_by_debtor,
    overdue_entries_by_debtor,
)
from backend.entries.rows import EntryRow
from backend.entries.types import FinancialEntry, OverdueEntry, load_page_charges


@strawberry.type
class FinancialEntryEdge(OffsetEdge):
    node: FinancialEntry


@strawberry.type(description="Entries of a debtor, paid or not, the latest due first.")
class FinancialEntryConnection:
    edges: list[FinancialEntryEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class OverdueEntryEdge(OffsetEdge):
    node: OverdueEntry


@strawberry.type(description="Overdue entries of a debtor, the oldest due first.")
class OverdueEntryConnection:
    edges: list[OverdueEntryEdge]
    page_info: PageInfo
    total_count: int


def _known(info: Info, debtor: debtor_models.Debtor) -> None:
    # Nodes ask for their debtor: it is this one, already loaded.
    info.context.loaders.get(load_debtors_by_id).prime(debtor.id, debtor)


async def entries_of(
    info: Info, debtor: debtor_models.Debtor, *, first: int | None, after: str | None
) -> FinancialEntryConnection:
    request = PageRequest.of(first, after, list_name=ENTRIES_LIST)
    principal = info.context.principal
    loader: DataLoader[DebtorPageKey, Page[EntryRow]] = info.context.loaders.keyed(
        "entries.entries_by_debtor", lambda: DataLoader(load_fn=entries_by_debtor(principal))
    )
    _known(info, debtor)
    page = await loader.load(DebtorPageKey(debtor.id, request.offset, request.limit))
    return FinancialEntryConnection(
        edges=[
            FinancialEntryEdge(page=page, index=i, node=FinancialEntry(model=entry))
            for i, entry in enumerate(page.items)
        ],
        page_info=PageInfo.of(page),
        total_count=page.total_count,
    )


async def overdue_entries_of(
    info: Info,
    debtor: debtor_models.Debtor,
    *,
    company_id: strawberry.ID | None,
    first: int | None,
    after: str | None,
) -> OverdueEntryConnection:
    request = PageRequest.of(first, after, list_name=OVERDUE_LIST)
    principal, now = info.context.principal, info.context.now()
    loader: DataLoader[DebtorPageKey, Page[EntryRow]] = info.context.loaders.keyed(
        "entries.overdue_entries_by_debtor",
        lambda: DataLoader(
            load_fn=overdue_entries_by_debtor(
                principal, now, company_calendars_loader(info.context).load
            )
        ),
    )
    _known(info, debtor)
    company_pk = pk("Company", company_id)
    if company_id is not None and company_pk is None:  # a malformed id matches nothing
        page: Page[EntryRow] = Page(
            items=[], offset=request.offset, total_count=0, list_name=OVERDUE_LIST
        )
    else:
        page = await loader.load(
            DebtorPageKey(debtor.id, request.offset, request.limit, company_pk)
        )
    charges = await load_page_charges(info, page.items) if page.items else []
    return OverdueEntryConnection(
        edges=[
            OverdueEntryEdge(page=page, index=i, node=OverdueEntry(model=entry, charges=c))
            for i, (entry, c) in enumerate(zip(page.items, charges, strict=True))
        ],
        page_info=PageInfo.of(page),
        total_count=page.total_count,
    )
