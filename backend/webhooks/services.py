"""Webhook endpoints of a company: registered, changed and removed by an administrator who
reaches the company (an ADMIN user or an ADMIN-scope token); read by whoever reaches it (the
secret never: it is shown once, when made or rotated). Audited as webhook.*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from backend.audit.services import record
from backend.companies.services import get_company
from backend.core.errors import ErrorCollector, fail
from backend.core.principal import Principal
from backend.core.validation import check_text
from backend.webhooks.addresses import check_url
from backend.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from backend.webhooks.outbox import EVENTS
from backend.webhooks.signing import new_secret


@dataclass(frozen=True)
class EndpointData:
    url: str | None = None
    events: list[str] | None = None
    description: str | None = None
    active: bool | None = None


def _require_admin(principal: Principal) -> None:
    principal.require_write()
    if not principal.can_administer:
        fail("FORBIDDEN", "Apenas administradores da empresa podem configurar webhooks.")


def _validate(data: EndpointData, *, creating: bool, allow_private: bool) -> dict[str, object]:
    errors = ErrorCollector()
    values: dict[str, object] = {}
    if creating or data.url is not None:
        if data.url is None:
            errors.add("REQUIRED", "Informe o endereço (URL).", "url")
        values["url"] = check_url(errors, data.url, "url", allow_private=allow_private)
    if creating or data.events is not None:
        events = sorted(set(data.events or []))
        unknown = [e for e in events if e not in EVENTS]
        if not events:
            errors.add("REQUIRED", "Escolha ao menos um evento.", "events")
        elif unknown:
            errors.add(
                "INVALID_EVENT",
                f"Evento desconhecido: {', '.join(unknown)}. Eventos: {', '.join(EVENTS)}.",
                "events",
            )
        values["events"] = events
    if data.description is not None:
        values["description"] = check_text(
            errors, data.description, "description", label="Descrição", max_length=200
        )
    if data.active is not None:
        values["active"] = data.active
    errors.raise_if_any()
    return values


async def get_endpoint(principal: Principal, endpoint_id: int | None) -> WebhookEndpoint | None:
    if endpoint_id is None:
        return None
    endpoint = await WebhookEndpoint.get_or_none(id=endpoint_id)
    if endpoint is None or not principal.sees_company(endpoint.company_id):
        return None
    return endpoint


async def company_endpoints(principal: Principal, company_id: int) -> list[WebhookEndpoint]:
    if not principal.sees_company(company_id):
        return []
    return await WebhookEndpoint.filter(company_id=company_id).order_by("id")


async def endpoint_deliveries(endpoint_id: int, limit: int) -> list[WebhookDelivery]:
    return await WebhookDelivery.filter(endpoint_id=endpoint_id).order_by("-id").limit(limit)


async def create_endpoint(
    *, principal: Principal, company_id: int | None, data: EndpointData, allow_private: bool
) -> WebhookEndpoint:
    if await get_company(principal, company_id) is None:
        fail("NOT_FOUND", "Empresa não encontrada.", "input", "companyId")
    _require_admin(principal)
    values = _validate(data, creating=True, allow_private=allow_private)
    async with in_transaction():
        endpoint = WebhookEndpoint(company_id=company_id, secret=new_secret())
        endpoint.update_from_dict(values)
        await endpoint.save()
        await record(
            principal, action="webhook.create", target_type="WebhookEndpoint",
            target_id=endpoint.id, company_id=endpoint.company_id,
            details={"url": endpoint.url, "events": endpoint.events},
        )  # fmt: skip
    return endpoint


async def update_endpoint(
    *,
    principal: Principal,
    endpoint_id: int | None,
    data: EndpointData,
    rotate_secret: bool,
    allow_private: bool,
) -> WebhookEndpoint:
    endpoint = await get_endpoint(principal, endpoint_id)
    if endpoint is None:
        fail("NOT_FOUND", "Webhook não encontrado.", "input", "id")
    _require_admin(principal)
    values = _validate(data, creating=False, allow_private=allow_private)
    before = {k: getattr(endpoint, k) for k in values}
    async with in_transaction():
        endpoint.update_from_dict(values)
        if rotate_secret:
            endpoint.secret = new_secret()
        await endpoint.save()
        details: dict[str, object] = {
            k: {"old": before[k], "new": v} for k, v in values.items() if before[k] != v
        }
        if rotate_secret:
            details["secret"] = "rotated"  # noqa: S105 - a word for the audit, not a secret
        await record(
            principal, action="webhook.update", target_type="WebhookEndpoint",
            target_id=endpoint.id, company_id=endpoint.company_id, details=details,
        )  # fmt: skip
    return endpoint


async def delete_endpoint(*, principal: Principal, endpoint_id: int | None) -> int:
    endpoint = await get_endpoint(principal, endpoint_id)
    if endpoint is None:
        fail("NOT_FOUND", "Webhook não encontrado.", "input", "id")
    _require_admin(principal)
    async with in_transaction():
        await endpoint.delete()
        await record(
            principal, action="webhook.delete", target_type="WebhookEndpoint",
            target_id=endpoint.id, company_id=endpoint.company_id, details={"url": endpoint.url},
        )  # fmt: skip
    return endpoint.id


async def retry_delivery(
    *, principal: Principal, delivery_id: int | None, now: dt.datetime
) -> WebhookDelivery:
    """Queue a FAILED delivery again, with a fresh round of attempts (same webhook-id)."""
    delivery = None
    if delivery_id is not None:
        delivery = await WebhookDelivery.get_or_none(id=delivery_id)
    if delivery is None or not principal.sees_company(delivery.company_id):
        fail("NOT_FOUND", "Entrega não encontrada.", "input", "id")
    _require_admin(principal)
    if delivery.status != DeliveryStatus.FAILED:
        fail("NOT_FAILED", "Só é possível reenviar uma entrega que falhou.", "input", "id")
    async with in_transaction():
        await WebhookDelivery.filter(id=delivery.id, status=DeliveryStatus.FAILED).update(
            status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=now, lease_until=None
        )
        await record(
            principal, action="webhook.retry", target_type="WebhookEndpoint",
            target_id=delivery.endpoint_id, company_id=delivery.company_id,
            details={"deliveryId": delivery.id, "event": delivery.event},
        )  # fmt: skip
    await delivery.refresh_from_db()
    from backend.mailing.worker import wake_workers

    wake_workers()
    return delivery
