"""Shared by the entries tests: a frozen clock, GraphQL documents, small factories."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from backend.core.context import Context
from backend.core.money import to_cents
from backend.entries.models import FinancialEntry, Payment
from backend.entries.services import status_for
from tests.support import ApiClient, gid

# 12:00 in São Paulo on 9 Feb 2026: an entry due on 10 Jan is exactly 30 days overdue.
NOON_9_FEB = dt.datetime(2026, 2, 9, 15, 0, tzinfo=dt.UTC)
DUE_10_JAN = dt.date(2026, 1, 10)

ERRORS = "errors { field code message }"
ENTRY_FIELDS = "id code status amount paidAmount openAmount version"
PAYMENT_FIELDS = "id amount lateFee interest discount receivedAmount paidOn method note reversedAt"

SETTLE = f"""
mutation($input: SettleEntryInput!) {{
  settleEntry(input: $input) {{
    entry {{ {ENTRY_FIELDS} }} payment {{ {PAYMENT_FIELDS} }} {ERRORS}
  }}
}}"""
REVERSE = f"""
mutation($input: ReversePaymentInput!) {{
  reversePayment(input: $input) {{
    entry {{ {ENTRY_FIELDS} }} payment {{ {PAYMENT_FIELDS} reversalReason }} {ERRORS}
  }}
}}"""
UPDATE = f"""
mutation($input: UpdateEntryInput!) {{
  updateEntry(input: $input) {{
    entry {{
      {ENTRY_FIELDS} description dueDate issueDate notes documentNumber category costCenter
      company {{ id }}
    }}
    {ERRORS}
  }}
}}"""
CANCEL = f"""
mutation($input: CancelEntryInput!) {{
  cancelEntry(input: $input) {{ entry {{ {ENTRY_FIELDS} cancelReason cancelledAt }} {ERRORS} }}
}}"""


def freeze(monkeypatch: pytest.MonkeyPatch, now: dt.datetime) -> None:
    """Every request sees `now` as the current instant."""
    monkeypatch.setattr(Context, "now", lambda self: now)


async def pay(entry: FinancialEntry, amount: str, paid_on: dt.date, **values: Any) -> Payment:
    """A payment written directly, keeping the entry's paid amount in step."""
    payment = await Payment.create(
        entry_id=entry.id, amount_cents=to_cents(Decimal(amount)), paid_on=paid_on, **values
    )
    if payment.reversed_at is None:
        entry.paid_cents += payment.amount_cents
        entry.status = status_for(entry.amount_cents, entry.paid_cents)
        await entry.save()
    return payment


async def mutate(api: ApiClient, document: str, name: str, /, **values: Any) -> dict[str, Any]:
    data = await api.data(document, {"input": values})
    payload: dict[str, Any] = data[name]
    return payload


def codes(payload: dict[str, Any]) -> set[tuple[str, tuple[str, ...]]]:
    return {(e["code"], tuple(e["field"] or ())) for e in payload["errors"]}


def entry_id(entry: FinancialEntry) -> str:
    return gid("FinancialEntry", entry.id)
