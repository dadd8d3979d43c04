from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from backend.core.context import Info
from backend.core.gql import gid
from backend.webhooks import models
from backend.webhooks.services import endpoint_deliveries

if TYPE_CHECKING:
    from backend.companies.types import Company

DeliveryStatusEnum = strawberry.enum(models.DeliveryStatus, name="WebhookDeliveryStatus")
MAX_DELIVERIES = 100


@strawberry.type(description="One event sent (or to be sent) to an endpoint: the delivery log.")
class WebhookDelivery:
    model: strawberry.Private[models.WebhookDelivery]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("WebhookDelivery", self.model.id)

    @strawberry.field(description="e.g. entry.settled")
    def event(self) -> str:
        return self.model.event

    @strawberry.field(description="The webhook-id header: the same on every attempt.")
    def message_id(self) -> str:
        return self.model.message_id

    @strawberry.field(description="The JSON body sent, exactly as signed.")
    def body(self) -> str:
        return self.model.body

    @strawberry.field
    def status(self) -> DeliveryStatusEnum:  # type: ignore[valid-type]
        return self.model.status

    @strawberry.field
    def attempts(self) -> int:
        return self.model.attempts

    @strawberry.field
    def next_attempt_at(self) -> dt.datetime | None:
        return self.model.next_attempt_at

    @strawberry.field(description="The last failed attempt's reason (HTTP status, timeout...).")
    def last_error(self) -> str | None:
        return self.model.last_error

    @strawberry.field(description="The receiver's HTTP status on the last attempt.")
    def response_status(self) -> int | None:
        return self.model.response_status

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at

    @strawberry.field
    def delivered_at(self) -> dt.datetime | None:
        return self.model.delivered_at


@strawberry.type(description="A partner's URL that receives the company's events, signed.")
class WebhookEndpoint:
    model: strawberry.Private[models.WebhookEndpoint]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("WebhookEndpoint", self.model.id)

    @strawberry.field
    async def company(
        self, info: Info
    ) -> Annotated[Company, strawberry.lazy("backend.companies.types")]:
        from backend.companies.models import Company as CompanyModel
        from backend.companies.types import Company

        return Company(model=await CompanyModel.get(id=self.model.company_id))

    @strawberry.field
    def url(self) -> str:
        return self.model.url

    @strawberry.field(description="entry.settled, entry.reversed, email.sent, email.failed, "
                      "promise.broken, debtor.updated")  # fmt: skip
    def events(self) -> list[str]:
        return list(self.model.events)

    @strawberry.field
    def description(self) -> str | None:
        return self.model.description

    @strawberry.field(description="false: no new event is queued for it.")
    def active(self) -> bool:
        return self.model.active

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at

    @strawberry.field(
        description=f"The latest deliveries, newest first (at most {MAX_DELIVERIES})."
    )
    async def deliveries(self, first: int | None = 20) -> list[WebhookDelivery]:
        limit = max(0, min(first if first is not None else 20, MAX_DELIVERIES))
        return [WebhookDelivery(model=d) for d in await endpoint_deliveries(self.model.id, limit)]
