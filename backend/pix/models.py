"""What PIX adds to the database: the entries each collection e-mail covered (which a payment
by its txid settles) and the payments partners report (idempotent by their own id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.companies.models import Company
    from backend.debtors.models import Debtor
    from backend.entries.models import FinancialEntry
    from backend.mailing.models import SentEmail


class SentEmailEntry(Model):
    """One entry a collection e-mail quoted, with the amounts it quoted on the day it was sent."""

    id = fields.IntField(primary_key=True)
    sent_email: fields.ForeignKeyRelation[SentEmail] = fields.ForeignKeyField(
        "models.SentEmail", related_name="covered_entries", on_delete=fields.CASCADE
    )
    sent_email_id: int
    entry: fields.ForeignKeyRelation[FinancialEntry] = fields.ForeignKeyField(
        "models.FinancialEntry", related_name="sent_email_links", on_delete=fields.CASCADE
    )
    entry_id: int
    open_cents = fields.BigIntField()  # principal open when the message was written
    updated_cents = fields.BigIntField()  # with the multa and juros owed that day

    class Meta:
        table = "sent_email_entry"
        unique_together = (("sent_email_id", "entry_id"),)


class ProviderPayment(Model):
    """A payment reported by a partner or payment provider (`registerPayment`), unique per
    company by the provider's own id: the same report again returns what the first did."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="provider_payments", on_delete=fields.RESTRICT
    )
    company_id: int
    debtor: fields.ForeignKeyRelation[Debtor] = fields.ForeignKeyField(
        "models.Debtor", related_name="provider_payments", on_delete=fields.RESTRICT
    )
    debtor_id: int
    provider_payment_id = fields.CharField(max_length=100)
    fingerprint = fields.CharField(max_length=64)  # sha256 of the report's input
    method = fields.CharField(max_length=16)
    txid = fields.CharField(max_length=25, null=True)
    amount_cents = fields.BigIntField()  # what arrived
    credit_cents = fields.BigIntField(default=0)  # what no open entry took: owed back or kept
    paid_on = fields.DateField()
    payment_ids: fields.JSONField[list[int]] = fields.JSONField(default=list)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "provider_payment"
        unique_together = (("company_id", "provider_payment_id"),)
