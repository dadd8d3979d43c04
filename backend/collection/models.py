"""The régua de cobrança: e-mail templates, the steps of a company's régua, and the key that
makes each automatic send happen once per debtor, company, step and date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.accounts.models import User
    from backend.companies.models import Company
    from backend.debtors.models import Debtor
    from backend.entries.models import FinancialEntry
    from backend.mailing.models import SentEmail


class EmailTemplate(Model):
    """A company's collection letter: subject and body with the composer's placeholders."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="email_templates", on_delete=fields.CASCADE
    )
    company_id: int
    name = fields.CharField(max_length=100)
    subject = fields.CharField(max_length=300)
    body = fields.TextField()
    is_default = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "email_template"
        ordering = ["name", "id"]
        unique_together = (("company_id", "name"),)


class CollectionStep(Model):
    """One step of a company's régua: `days` relative to the due date (negative = before)."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="collection_steps", on_delete=fields.CASCADE
    )
    company_id: int
    days = fields.IntField()
    template: fields.ForeignKeyRelation[EmailTemplate] = fields.ForeignKeyField(
        "models.EmailTemplate", related_name="steps", on_delete=fields.RESTRICT
    )
    template_id: int
    enabled = fields.BooleanField(default=True)
    minimum_open_cents = fields.BigIntField(default=0)

    class Meta:
        table = "collection_step"
        ordering = ["days", "id"]
        unique_together = (("company_id", "days"),)


class CollectionSend(Model):
    """The claim of one automatic send: unique per (debtor, company, step, date), so a catch-up
    run or a second worker cannot send the same step twice."""

    id = fields.IntField(primary_key=True)
    debtor: fields.ForeignKeyRelation[Debtor] = fields.ForeignKeyField(
        "models.Debtor", related_name="collection_sends", on_delete=fields.CASCADE
    )
    debtor_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="collection_sends", on_delete=fields.CASCADE
    )
    company_id: int
    step_days = fields.IntField()
    run_date = fields.DateField()
    sent_email: fields.ForeignKeyNullableRelation[SentEmail] = fields.ForeignKeyField(
        "models.SentEmail", related_name="collection_sends", null=True, on_delete=fields.SET_NULL
    )
    sent_email_id: int | None
    claimed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "collection_send"
        unique_together = (("debtor_id", "company_id", "step_days", "run_date"),)


class CollectionPause(Model):
    """The régua skips the debtor (or only one of its entries) for a company through `until`,
    e.g. while a charge is disputed; `ended_at` when resumed early."""

    id = fields.IntField(primary_key=True)
    debtor: fields.ForeignKeyRelation[Debtor] = fields.ForeignKeyField(
        "models.Debtor", related_name="collection_pauses", on_delete=fields.CASCADE
    )
    debtor_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="collection_pauses", on_delete=fields.CASCADE
    )
    company_id: int
    entry: fields.ForeignKeyNullableRelation[FinancialEntry] = fields.ForeignKeyField(
        "models.FinancialEntry", related_name="collection_pauses", null=True,
        on_delete=fields.CASCADE,
    )  # fmt: skip
    entry_id: int | None
    reason = fields.CharField(max_length=200)
    until = fields.DateField()  # inclusive
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="collection_pauses", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    created_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "collection_pause"
        ordering = ["-created_at", "-id"]
        indexes = (("company_id", "until"), ("debtor_id", "created_at"))


class PaymentPromise(Model):
    """A promise to pay `amount_cents` by `promised_date`: holds the régua for the debtor and
    company through that date; then KEPT or BROKEN (resolved by the daily run)."""

    id = fields.IntField(primary_key=True)
    debtor: fields.ForeignKeyRelation[Debtor] = fields.ForeignKeyField(
        "models.Debtor", related_name="payment_promises", on_delete=fields.CASCADE
    )
    debtor_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="payment_promises", on_delete=fields.CASCADE
    )
    company_id: int
    promised_date = fields.DateField()
    amount_cents = fields.BigIntField()
    note = fields.CharField(max_length=1000, null=True)
    status = fields.CharField(max_length=16, default="OPEN")  # OPEN KEPT BROKEN CANCELLED
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="payment_promises", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    created_at = fields.DatetimeField()
    resolved_at = fields.DatetimeField(null=True)

    class Meta:
        table = "payment_promise"
        ordering = ["-created_at", "-id"]
        indexes = (("company_id", "status", "promised_date"), ("debtor_id", "created_at"))


class CollectionRun(Model):
    """A company's daily run of the régua, recorded when it finished: once a day per company."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="collection_runs", on_delete=fields.CASCADE
    )
    company_id: int
    run_date = fields.DateField()
    queued = fields.IntField(default=0)
    finished_at = fields.DatetimeField()

    class Meta:
        table = "collection_run"
        unique_together = (("company_id", "run_date"),)
