from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from backend.core.enums import EmailStatus

if TYPE_CHECKING:
    from backend.accounts.models import User
    from backend.companies.models import Company
    from backend.debtors.models import Debtor


class SentEmail(Model):
    """A collection e-mail and its outbox state: written QUEUED, delivered by the worker."""

    id = fields.IntField(primary_key=True)
    debtor: fields.ForeignKeyRelation[Debtor] = fields.ForeignKeyField(
        "models.Debtor", related_name="sent_emails", on_delete=fields.RESTRICT
    )
    debtor_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="sent_emails", on_delete=fields.RESTRICT
    )
    company_id: int
    recipients: fields.JSONField[list[str]] = fields.JSONField()
    # Recipients whose copy the server took (one message per recipient): an attempt that
    # fails half-way, and a retry, send only to the others.
    delivered_to: fields.JSONField[list[str]] = fields.JSONField(null=True)
    subject = fields.CharField(max_length=300)
    body = fields.TextField()  # as typed, placeholders filled
    html = fields.TextField()  # exactly what was sent
    text = fields.TextField()  # the plain-text alternative
    status = fields.CharEnumField(EmailStatus, max_length=16, default=EmailStatus.QUEUED)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    lease_until = fields.DatetimeField(null=True)
    last_error = fields.TextField(null=True)
    idempotency_key = fields.CharField(max_length=100, null=True)  # unique per company
    message_id = fields.CharField(max_length=255, null=True)
    # PIX (backend/pix): the static BR Code the message carries and its txid ("COB" + this id
    # in base 36), when the company has a PIX key and something was owed.
    pix_txid = fields.CharField(max_length=25, null=True, db_index=True)
    pix_copia_e_cola = fields.TextField(null=True)
    queued_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)
    sent_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sent_emails", null=True, on_delete=fields.SET_NULL
    )
    sent_by_id: int | None
    # Queued by the régua de cobrança (not by a person), at this step (days from the due date).
    automatic = fields.BooleanField(default=False, db_default=False)
    collection_step_days = fields.IntField(null=True)

    class Meta:
        table = "sent_email"
        indexes = (("status", "next_attempt_at"), ("debtor_id", "queued_at"))
        # Per company: a key another company used must not be refused (that would reveal it).
        unique_together = (("company_id", "idempotency_key"),)
