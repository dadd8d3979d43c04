from __future__ import annotations

import strawberry

from backend.accounts.scope import get_debtor
from backend.core.context import Info
from backend.core.gql import pk
from backend.debtors.types import Debtor


@strawberry.type
class DebtorQueries:
    @strawberry.field(description="One debtor, or null when it does not exist or is out of reach.")
    async def debtor(self, info: Info, id: strawberry.ID) -> Debtor | None:
        model = await get_debtor(info.context.principal, pk("Debtor", id))
        return Debtor(model=model) if model is not None else None
