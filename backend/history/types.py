from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal
from enum import StrEnum

import strawberry

from backend.accounts.loaders import load_users_by_id
from backend.accounts.types import User
from backend.core.context import Info
from backend.core.gql import gid
from backend.core.money import from_cents
from backend.core.relay import PageInfo
from backend.history import services
from backend.history.summary import summary


@strawberry.enum(description="What kind of thing happened to the debtor.")
class HistoryKind(StrEnum):
    EMAIL = "EMAIL"
    PAYMENT = "PAYMENT"
    REVERSAL = "REVERSAL"
    APPOINTMENT = "APPOINTMENT"
    PROMISE = "PROMISE"
    PAUSE = "PAUSE"
    ENTRY = "ENTRY"


@strawberry.type(description="One event in a debtor's history (Histórico).")
class HistoryEvent:
    row: strawberry.Private[services.HistoryRow]

    @strawberry.field
    def id(self) -> strawberry.ID:
        raw = f"HistoryEvent:{self.row.source}{self.row.source_id}".encode()
        return strawberry.ID(base64.urlsafe_b64encode(raw).decode().rstrip("="))

    @strawberry.field
    def at(self) -> dt.datetime:
        return self.row.at

    @strawberry.field
    def kind(self) -> HistoryKind:
        return HistoryKind(self.row.kind)

    @strawberry.field(description="e.g. email.sent, payment.create, promise.broken, entry.update.")
    def action(self) -> str:
        return self.row.action

    @strawberry.field(description="One line in pt-BR.")
    def summary(self) -> str:
        return summary(self.row)

    @strawberry.field(description="Money the event moved: a payment received (principal, multa "
                      "and juros, less discount) or reversed.")  # fmt: skip
    def amount(self) -> Decimal | None:
        if self.row.amount_cents is not None:
            return from_cents(self.row.amount_cents)
        value = self.row.details.get("amount")
        try:
            return Decimal(str(value)) if value is not None else None
        except ArithmeticError:
            return None

    @strawberry.field
    def company_id(self) -> strawberry.ID | None:
        return gid("Company", self.row.company_id) if self.row.company_id is not None else None

    @strawberry.field(description="Who did it; null for the system (régua, worker) or a token.")
    async def actor(self, info: Info) -> User | None:
        if self.row.actor_user_id is None:
            return None
        user = await info.context.loaders.get(load_users_by_id).load(self.row.actor_user_id)
        return User(model=user) if user is not None else None

    @strawberry.field(description="Done by the system (the régua), not by a person or a token.")
    def automatic(self) -> bool:
        return self.row.automatic


@strawberry.type
class HistoryEventEdge:
    cursor: str
    node: HistoryEvent


@strawberry.type(description="A debtor's history, newest first (keyset pages).")
class DebtorHistoryConnection:
    edges: list[HistoryEventEdge]
    page_info: PageInfo

    @classmethod
    def of(cls, page: services.HistoryPage) -> DebtorHistoryConnection:
        edges = [
            HistoryEventEdge(cursor=services.encode_cursor(r), node=HistoryEvent(row=r))
            for r in page.rows
        ]
        return cls(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next_page,
                has_previous_page=page.has_previous_page,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )


async def debtor_history(
    info: Info, debtor_id: int, first: int | None, after: str | None
) -> DebtorHistoryConnection:
    page = await services.debtor_history(
        info.context.principal, debtor_id, first=first, after=after
    )
    return DebtorHistoryConnection.of(page)
