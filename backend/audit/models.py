from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.accounts.models import ApiToken, User
    from backend.companies.models import Company


class AuditEvent(Model):
    """Who did what: e-mails sent, payments registered, entries edited."""

    id = fields.IntField(primary_key=True)
    actor_user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    actor_user_id: int | None
    actor_token: fields.ForeignKeyNullableRelation[ApiToken] = fields.ForeignKeyField(
        "models.ApiToken", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    actor_token_id: int | None
    actor_label = fields.CharField(max_length=200)
    action = fields.CharField(max_length=60)  # e.g. entry.update, payment.create, email.queue
    target_type = fields.CharField(max_length=40)
    target_id = fields.IntField()
    company: fields.ForeignKeyNullableRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    company_id: int | None
    details: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_event"
        indexes = (("target_type", "target_id"),)


class AuditEventCompany(Model):
    """Another company an event concerns, e.g. each company that shares a changed debtor: the
    event is listed for every one of them (AuditEvent.company holds a single one)."""

    id = fields.IntField(primary_key=True)
    event: fields.ForeignKeyRelation[AuditEvent] = fields.ForeignKeyField(
        "models.AuditEvent", related_name="company_links", on_delete=fields.CASCADE
    )
    event_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="audit_event_links", on_delete=fields.CASCADE
    )
    company_id: int

    class Meta:
        table = "audit_event_company"
        unique_together = (("event_id", "company_id"),)
        indexes = (("company_id", "event_id"),)
