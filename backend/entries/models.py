from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from backend.core.enums import EntryStatus, PaymentMethod
from backend.core.money import from_cents

if TYPE_CHECKING:
    from backend.accounts.models import User
    from backend.companies.models import Company
    from backend.debtors.models import Debtor


class FinancialEntry(Model):
    """A receivable (Lançamento financeiro). Money in integer cents: SQL sums stay exact."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="entries", on_delete=fields.RESTRICT
    )
    company_id: int
    debtor: fields.ForeignKeyRelation[Debtor] = fields.ForeignKeyField(
        "models.Debtor", related_name="entries", on_delete=fields.RESTRICT
    )
    debtor_id: int
    code = fields.CharField(max_length=40)
    external_id = fields.CharField(max_length=100, null=True)
    description = fields.CharField(max_length=500)
    document_number = fields.CharField(max_length=60, null=True)  # e.g. "NF 1234"
    category = fields.CharField(max_length=100, null=True)  # plano de contas
    cost_center = fields.CharField(max_length=100, null=True)
    issue_date = fields.DateField(null=True)
    due_date = fields.DateField()
    amount_cents = fields.BigIntField()
    paid_cents = fields.BigIntField(default=0)
    status = fields.CharEnumField(EntryStatus, max_length=16, default=EntryStatus.OPEN)
    notes = fields.TextField(null=True)
    version = fields.IntField(default=1)  # optimistic lock for concurrent writes
    cancelled_at = fields.DatetimeField(null=True)
    cancel_reason = fields.CharField(max_length=500, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "financial_entry"
        unique_together = (("company", "code"), ("company", "external_id"))
        indexes = (
            Index(fields=("status", "due_date"), name="entry_status_due"),
            Index(fields=("debtor_id", "due_date"), name="entry_debtor_due"),
            Index(fields=("company_id", "due_date"), name="entry_company_due"),
        )

    @property
    def amount(self) -> Decimal:
        return from_cents(self.amount_cents)

    @property
    def paid_amount(self) -> Decimal:
        return from_cents(self.paid_cents)

    @property
    def open_amount(self) -> Decimal:
        if self.status == EntryStatus.CANCELLED:
            return from_cents(0)
        return from_cents(self.amount_cents - self.paid_cents)


class Payment(Model):
    """A settlement (baixa): principal settled, plus charges received and discount granted."""

    id = fields.IntField(primary_key=True)
    entry: fields.ForeignKeyRelation[FinancialEntry] = fields.ForeignKeyField(
        "models.FinancialEntry", related_name="payments", on_delete=fields.RESTRICT
    )
    entry_id: int
    amount_cents = fields.BigIntField()  # principal settled
    late_fee_cents = fields.BigIntField(default=0)
    interest_cents = fields.BigIntField(default=0)
    discount_cents = fields.BigIntField(default=0)
    # Charges owed on paid_on that were forgiven with this payment (not received): audited,
    # with who (created_by) and why (waiver_reason).
    waived_late_fee_cents = fields.BigIntField(default=0, db_default=0)
    waived_interest_cents = fields.BigIntField(default=0, db_default=0)
    waiver_reason = fields.CharField(max_length=500, null=True)
    paid_on = fields.DateField()
    method = fields.CharEnumField(PaymentMethod, max_length=16, default=PaymentMethod.OTHER)
    note = fields.CharField(max_length=500, null=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="payments", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    reversed_at = fields.DatetimeField(null=True)
    reversal_reason = fields.CharField(max_length=500, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "payment"
        ordering = ["paid_on", "id"]
        indexes = (("entry_id", "paid_on"),)

    @property
    def amount(self) -> Decimal:
        return from_cents(self.amount_cents)


class SettleKey(Model):
    """The idempotency key of a settleEntry call, unique per company: the same key with the same
    input returns `payment`, the first call's; with another input it is refused."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="settle_keys", on_delete=fields.CASCADE
    )
    company_id: int
    key = fields.CharField(max_length=100)
    fingerprint = fields.CharField(max_length=64)  # sha256 of the call's input
    payment: fields.ForeignKeyRelation[Payment] = fields.ForeignKeyField(
        "models.Payment", related_name="settle_keys", on_delete=fields.CASCADE
    )
    payment_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "settle_key"
        unique_together = (("company", "key"),)
