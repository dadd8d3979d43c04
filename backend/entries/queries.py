from __future__ import annotations

import strawberry

from backend.accounts.scope import get_entry
from backend.core.context import Info
from backend.core.gql import pk
from backend.entries.types import FinancialEntry


@strawberry.type
class EntryQueries:
    @strawberry.field(description="One entry, or null when it does not exist or is out of reach.")
    async def entry(self, info: Info, id: strawberry.ID) -> FinancialEntry | None:
        model = await get_entry(info.context.principal, pk("FinancialEntry", id))
        return FinancialEntry(model=model) if model is not None else None
