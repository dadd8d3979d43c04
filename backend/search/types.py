from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry

from backend.core.context import Info
from backend.core.gql import pk
from backend.core.money import from_cents
from backend.core.periods import Period
from backend.core.relay import OffsetEdge, PageInfo
from backend.debtors.loaders import load_debtors_by_id
from backend.debtors.types import Debtor, DebtorKindEnum
from backend.search.filters import DebtorFilterData
from backend.search.loaders import overdue_balance_loader
from backend.search.services import (
    BalanceData,
    BucketData,
    SearchResult,
    SummaryData,
)
from backend.search.statements import DebtorOrder

PeriodPresetEnum = strawberry.enum(
    Period,
    name="PeriodPreset",
    description=(
        "Due-date periods, from today in the company's time zone (the installation's when the "
        "search spans companies). OVERDUE: unpaid and due before today."
    ),
)
DebtorOrderEnum = strawberry.enum(
    DebtorOrder,
    name="DebtorOrder",
    description="Ties are broken by the debtor, always the same way.",
)


@strawberry.input(description="Pesquisa de Inadimplências; every field is optional.")
class DebtorFilter:
    search: str | None = strawberry.field(
        default=None,
        description=(
            "A name (accent- and case-insensitive; every word must appear) or the start of a "
            "CPF/CNPJ (punctuation allowed; letters too, for an alphanumeric CNPJ)."
        ),
    )
    company_id: strawberry.ID | None = None
    kind: DebtorKindEnum | None = None  # type: ignore[valid-type]
    period: PeriodPresetEnum | None = Period.OVERDUE  # type: ignore[valid-type]
    due_from: dt.date | None = strawberry.field(default=None, description="With CUSTOM, inclusive.")
    due_to: dt.date | None = strawberry.field(default=None, description="With CUSTOM, inclusive.")

    def to_data(self) -> tuple[DebtorFilterData, bool]:
        """The service's filter, and whether a companyId was sent at all."""
        data = DebtorFilterData(
            search=self.search,
            company_id=pk("Company", self.company_id),
            kind=self.kind,
            period=self.period or Period.OVERDUE,
            due_from=self.due_from,
            due_to=self.due_to,
        )
        return data, self.company_id is not None


@strawberry.type(description="Open balance of a set of unpaid entries.")
class Balance:
    # Plain fields, filled once: a page resolves hundreds of them (cheaper than resolvers).
    open_amount: Decimal
    entry_count: int
    oldest_due_date: dt.date | None
    max_days_overdue: int = strawberry.field(
        description="Days since the oldest due date; 0 when nothing is overdue."
    )

    @classmethod
    def of(cls, data: BalanceData) -> Balance:
        return cls(
            open_amount=data.open_amount,
            entry_count=data.entry_count,
            oldest_due_date=data.oldest_due,
            max_days_overdue=data.max_days_overdue,
        )


@strawberry.type
class DebtorEdge(OffsetEdge):
    node: Debtor
    balance: Balance = strawberry.field(
        description="Balance of the debtor's entries that matched the filter."
    )


@strawberry.type
class DebtorConnection:
    edges: list[DebtorEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Debtors in the whole result.")
    total_open_amount: Decimal = strawberry.field(
        description="Open amount of every entry in the whole result."
    )

    @classmethod
    async def of(cls, result: SearchResult, info: Info) -> DebtorConnection:
        page = result.page
        # One batch through the request's DebtorByIdLoader, so the edges hold their nodes and
        # resolve synchronously (25 awaits fewer per page).
        loader = info.context.loaders.get(load_debtors_by_id)
        debtors = await loader.load_many([row.debtor_id for row in page.items])
        edges = []
        for index, (row, debtor) in enumerate(zip(page.items, debtors, strict=True)):
            assert debtor is not None  # the row came from this debtor's entries
            edges.append(
                DebtorEdge(
                    page=page,
                    index=index,
                    node=Debtor(model=debtor),
                    balance=Balance.of(row.balance),
                )
            )
        return cls(
            edges=edges,
            page_info=PageInfo.of(page),
            total_count=result.totals.debtor_count,
            total_open_amount=result.totals.open_amount,
        )


@strawberry.type(description="Entries grouped by days overdue.")
class AgingBucket:
    label: str = strawberry.field(description='pt-BR, e.g. "A vencer", "1–30 dias".')
    min_days: int = strawberry.field(
        description="Fewest days overdue in the bucket; 0 for A vencer."
    )
    max_days: int | None = strawberry.field(
        description="Most days overdue; null for the last bucket."
    )
    open_amount: Decimal
    entry_count: int

    @classmethod
    def of(cls, data: BucketData) -> AgingBucket:
        return cls(
            label=data.band.label,
            min_days=data.band.min_days or 0,
            max_days=data.band.max_days,
            open_amount=from_cents(data.open_cents),
            entry_count=data.entry_count,
        )


@strawberry.type(description="Totals and ageing of the entries a DebtorFilter finds.")
class CollectionSummary:
    total_open_amount: Decimal
    debtor_count: int
    entry_count: int
    buckets: list[AgingBucket]
    today: dt.date = strawberry.field(
        description="The local date the period was read from (the company's today, or the "
        "installation's when the search spans companies), from the server's clock."
    )
    due_from: dt.date | None = strawberry.field(
        description="First due date the filter covers; null: unbounded."
    )
    due_to: dt.date | None = strawberry.field(
        description="Last due date the filter covers; for OVERDUE, the day before today."
    )

    @classmethod
    def of(cls, data: SummaryData) -> CollectionSummary:
        return cls(
            total_open_amount=data.totals.open_amount,
            debtor_count=data.totals.debtor_count,
            entry_count=data.entry_count,
            buckets=[AgingBucket.of(b) for b in data.buckets],
            today=data.filter.today,
            due_from=data.filter.due.start,
            due_to=data.filter.due.end,
        )


async def overdue_balance(info: Info, debtor_id: int) -> Balance:
    """Debtor.overdueBalance (backend.debtors.types delegates here)."""
    return Balance.of(await overdue_balance_loader(info.context).load(debtor_id))
