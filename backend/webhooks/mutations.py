from __future__ import annotations

import strawberry

from backend.core.context import Info
from backend.core.gql import gid, pk
from backend.core.payloads import UserError, run_mutation
from backend.webhooks import services
from backend.webhooks.types import WebhookDelivery, WebhookEndpoint


@strawberry.input
class CreateWebhookEndpointInput:
    company_id: strawberry.ID
    url: str = strawberry.field(description="http:// or https://; never a private address.")
    events: list[str]
    description: str | None = None


@strawberry.input(description="Omitted fields stay as they are.")
class UpdateWebhookEndpointInput:
    id: strawberry.ID
    url: str | None = None
    events: list[str] | None = None
    description: str | None = None
    active: bool | None = None
    rotate_secret: bool | None = strawberry.field(
        default=None, description="A new secret, answered once in `secret`."
    )


@strawberry.input
class DeleteWebhookEndpointInput:
    id: strawberry.ID


@strawberry.input
class RetryWebhookDeliveryInput:
    id: strawberry.ID


@strawberry.type
class WebhookEndpointPayload:
    endpoint: WebhookEndpoint | None = None
    secret: str | None = strawberry.field(
        default=None,
        description='"whsec_…": shown only here, when the endpoint is made or its secret rotated.',
    )
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class DeleteWebhookEndpointPayload:
    deleted_id: strawberry.ID | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RetryWebhookDeliveryPayload:
    delivery: WebhookDelivery | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(description="Register a company's webhook endpoint (administrators).")
    async def create_webhook_endpoint(
        self, info: Info, input: CreateWebhookEndpointInput
    ) -> WebhookEndpointPayload:
        async def action() -> WebhookEndpointPayload:
            endpoint = await services.create_endpoint(
                principal=info.context.principal,
                company_id=pk("Company", input.company_id),
                data=services.EndpointData(
                    url=input.url, events=input.events, description=input.description
                ),
                allow_private=info.context.settings.webhooks_allow_private,
            )
            return WebhookEndpointPayload(
                endpoint=WebhookEndpoint(model=endpoint), secret=endpoint.secret
            )

        return await run_mutation(action, lambda errors: WebhookEndpointPayload(errors=errors))

    @strawberry.mutation(description="Change an endpoint: URL, events, active, a new secret.")
    async def update_webhook_endpoint(
        self, info: Info, input: UpdateWebhookEndpointInput
    ) -> WebhookEndpointPayload:
        async def action() -> WebhookEndpointPayload:
            endpoint = await services.update_endpoint(
                principal=info.context.principal,
                endpoint_id=pk("WebhookEndpoint", input.id),
                data=services.EndpointData(
                    url=input.url, events=input.events, description=input.description,
                    active=input.active,
                ),
                rotate_secret=bool(input.rotate_secret),
                allow_private=info.context.settings.webhooks_allow_private,
            )  # fmt: skip
            return WebhookEndpointPayload(
                endpoint=WebhookEndpoint(model=endpoint),
                secret=endpoint.secret if input.rotate_secret else None,
            )

        return await run_mutation(action, lambda errors: WebhookEndpointPayload(errors=errors))

    @strawberry.mutation(description="Remove an endpoint and its delivery log.")
    async def delete_webhook_endpoint(
        self, info: Info, input: DeleteWebhookEndpointInput
    ) -> DeleteWebhookEndpointPayload:
        async def action() -> DeleteWebhookEndpointPayload:
            deleted = await services.delete_endpoint(
                principal=info.context.principal, endpoint_id=pk("WebhookEndpoint", input.id)
            )
            return DeleteWebhookEndpointPayload(deleted_id=gid("WebhookEndpoint", deleted))

        return await run_mutation(
            action, lambda errors: DeleteWebhookEndpointPayload(errors=errors)
        )

    @strawberry.mutation(description="Send a FAILED delivery again, with fresh attempts.")
    async def retry_webhook_delivery(
        self, info: Info, input: RetryWebhookDeliveryInput
    ) -> RetryWebhookDeliveryPayload:
        async def action() -> RetryWebhookDeliveryPayload:
            delivery = await services.retry_delivery(
                principal=info.context.principal,
                delivery_id=pk("WebhookDelivery", input.id),
                now=info.context.now(),
            )
            return RetryWebhookDeliveryPayload(delivery=WebhookDelivery(model=delivery))

        return await run_mutation(action, lambda errors: RetryWebhookDeliveryPayload(errors=errors))
