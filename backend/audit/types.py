from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON

from backend.audit import models
from backend.core.gql import gid
from backend.core.relay import OffsetEdge, PageInfo


@strawberry.type(
    description="One thing someone did: e-mail queued, payment registered, entry edited."
)
class AuditEvent:
    model: strawberry.Private[models.AuditEvent]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("AuditEvent", self.model.id)

    @strawberry.field(description="e.g. entry.update, payment.create, email.queue.")
    def action(self) -> str:
        return self.model.action

    @strawberry.field(description="The GraphQL type of the target, e.g. FinancialEntry.")
    def target_type(self) -> str:
        return self.model.target_type

    @strawberry.field(description="The target's id, as the API shows it.")
    def target_id(self) -> strawberry.ID:
        return gid(self.model.target_type, self.model.target_id)

    @strawberry.field(description="Who did it: a user's name or 'token <name>'.")
    def actor(self) -> str:
        return self.model.actor_label

    @strawberry.field
    def actor_user_id(self) -> strawberry.ID | None:
        user_id = self.model.actor_user_id
        return gid("User", user_id) if user_id is not None else None

    @strawberry.field(
        description='What changed, e.g. {"amount": {"old": "10.00", "new": "12.00"}}.'
    )
    def details(self) -> JSON:
        details: dict[str, Any] = self.model.details
        return JSON(details)

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at


@strawberry.type
class AuditEventEdge(OffsetEdge):
    node: AuditEvent


@strawberry.type
class AuditEventConnection:
    edges: list[AuditEventEdge]
    page_info: Annotated[PageInfo, strawberry.field(name="pageInfo")]
    total_count: int
