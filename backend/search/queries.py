from __future__ import annotations

import strawberry

from backend.core.context import Info
from backend.core.gql import selects
from backend.core.pagination import PageRequest
from backend.search import services
from backend.search.loaders import overdue_balance_loader
from backend.search.statements import DebtorOrder
from backend.search.types import (
    CollectionSummary,
    DebtorConnection,
    DebtorFilter,
    DebtorOrderEnum,
)

DEFAULT_PAGE_SIZE = 25
# What a debtors page reads from the whole result's totals (pageInfo: hasNextPage).
CONNECTION_TOTALS = ("totalCount", "totalOpenAmount", "pageInfo")


@strawberry.type
class SearchQueries:
    @strawberry.field(
        description=(
            "Pesquisa de Inadimplências: every debtor with unpaid entries matching the filter "
            "(by default, overdue ones), with the balance of those entries. first ≤ 100."
        )
    )
    async def debtors(
        self,
        info: Info,
        filter: DebtorFilter | None = None,
        order_by: DebtorOrderEnum | None = DebtorOrder.OPEN_AMOUNT_DESC,  # type: ignore[valid-type]
        first: int | None = DEFAULT_PAGE_SIZE,
        after: str | None = None,
    ) -> DebtorConnection:
        context = info.context
        data, company_given = filter.to_data() if filter is not None else (None, False)
        result = await services.search_debtors(
            principal=context.principal,
            settings=context.settings,
            now=context.now(),
            data=data,
            order=order_by or DebtorOrder.OPEN_AMOUNT_DESC,
            page=PageRequest.of(
                first, after, list_name=services.DEBTORS_LIST, default=DEFAULT_PAGE_SIZE
            ),
            company_id_given=company_given,
            totals=selects(info, CONNECTION_TOTALS),
        )
        if services.edge_is_overdue_balance(result.filter):
            # Same entries: a page asking for node { overdueBalance } costs no extra statement.
            overdue_balance_loader(context).prime_many(
                {row.debtor_id: row.balance for row in result.page.items}
            )
        return await DebtorConnection.of(result, info)

    @strawberry.field(description="Totals and ageing buckets of what the same filter finds.")
    async def collection_summary(
        self, info: Info, filter: DebtorFilter | None = None
    ) -> CollectionSummary:
        context = info.context
        data, company_given = filter.to_data() if filter is not None else (None, False)
        summary = await services.collection_summary(
            principal=context.principal,
            settings=context.settings,
            now=context.now(),
            data=data,
            company_id_given=company_given,
        )
        return CollectionSummary.of(summary)
