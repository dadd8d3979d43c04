from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from backend.accounts.scope import get_debtor
from backend.core.context import Info
from backend.core.errors import fail
from backend.core.gql import pk
from backend.live import bus
from backend.live.types import LiveUpdate


@strawberry.type
class LiveSubscriptions:
    @strawberry.subscription(
        description="Changes as they are committed, scoped like every read; with `debtorId`, "
        "only that debtor's (over WebSocket, graphql-transport-ws, at /graphql)."
    )
    async def live_updates(
        self, info: Info, debtor_id: strawberry.ID | None = None
    ) -> AsyncGenerator[LiveUpdate, None]:
        principal = info.context.principal
        debtor_pk: int | None = None
        if debtor_id is not None:
            debtor = await get_debtor(principal, pk("Debtor", debtor_id))
            if debtor is None:
                fail("NOT_FOUND", "Cliente não encontrado.", "debtorId")
            debtor_pk = debtor.id
        async for event in bus.events(principal):
            if debtor_pk is None or event.debtor_id == debtor_pk:
                yield LiveUpdate(event=event)
