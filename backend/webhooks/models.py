from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.companies.models import Company


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    SENDING = "SENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"


class WebhookEndpoint(Model):
    """A company's partner URL and the events it receives, signed with `secret` (Standard
    Webhooks: "whsec_" + base64 of the key; shown once, when made or rotated)."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="webhook_endpoints", on_delete=fields.CASCADE
    )
    company_id: int
    url = fields.CharField(max_length=2000)
    events: fields.JSONField[list[str]] = fields.JSONField()
    description = fields.CharField(max_length=200, null=True)
    secret = fields.CharField(max_length=100)
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "webhook_endpoint"
        indexes = (("company_id", "active"),)


class WebhookDelivery(Model):
    """One event for one endpoint, and its outbox state: written PENDING in the transaction of
    the change it reports, delivered by the worker (at least once)."""

    id = fields.IntField(primary_key=True)
    endpoint: fields.ForeignKeyRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name="deliveries", on_delete=fields.CASCADE
    )
    endpoint_id: int
    company_id = fields.IntField()
    event = fields.CharField(max_length=40)
    message_id = fields.CharField(max_length=64)  # webhook-id: the same on every attempt
    body = fields.TextField()  # exactly what is signed and sent
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    lease_until = fields.DatetimeField(null=True)
    last_error = fields.TextField(null=True)
    response_status = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhook_delivery"
        indexes = (("status", "next_attempt_at"), ("endpoint_id", "created_at"))

    def payload(self) -> Any:
        import json

        return json.loads(self.body)
