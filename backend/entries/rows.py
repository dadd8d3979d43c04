"""Entries and payments as plain rows: what the read loaders return instead of models.

Same names and properties as the models (backend/entries/models.py) so the GraphQL types and
the charge rules read either; writes still go through the models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from backend.core.enums import EntryStatus, PaymentMethod
from backend.core.money import from_cents
from backend.entries import models


@dataclass(frozen=True, slots=True)
class EntryRow:
    id: int
    company_id: int
    debtor_id: int
    code: str
    external_id: str | None
    description: str
    document_number: str | None
    category: str | None
    cost_center: str | None
    issue_date: dt.date | None
    due_date: dt.date
    amount_cents: int
    paid_cents: int
    status: EntryStatus
    notes: str | None
    version: int
    cancelled_at: dt.datetime | None
    cancel_reason: str | None
    created_at: dt.datetime
    updated_at: dt.datetime

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


@dataclass(frozen=True, slots=True)
class PaymentRow:
    id: int
    entry_id: int
    amount_cents: int
    late_fee_cents: int
    interest_cents: int
    discount_cents: int
    waived_late_fee_cents: int
    waived_interest_cents: int
    waiver_reason: str | None
    paid_on: dt.date
    method: PaymentMethod
    note: str | None
    created_by_id: int | None
    reversed_at: dt.datetime | None
    reversal_reason: str | None
    created_at: dt.datetime

    @property
    def amount(self) -> Decimal:
        return from_cents(self.amount_cents)


# What the types and rules accept: a row from a loader or a model from a write.
AnyEntry = models.FinancialEntry | EntryRow
AnyPayment = models.Payment | PaymentRow
