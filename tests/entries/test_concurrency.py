"""Simultaneous writes to one entry: never an overpayment, never a lost payment.

On PostgreSQL the settlements run on separate pooled connections at once, and only the row lock
(SELECT ... FOR UPDATE) keeps them from all reading the same open amount. SQLite runs the same
code with its write transactions serialised; the invariants must hold on both.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

from backend.audit.models import AuditEvent
from backend.core.enums import EntryStatus
from backend.core.errors import ServiceError
from backend.entries.models import FinancialEntry, Payment
from backend.entries.services import EntryChanges, update_entry
from backend.entries.settlement import Settled, Settlement, settle_entry
from tests.entries.helpers import NOON_9_FEB
from tests.support import make_company, make_debtor, make_entry, principal

ADMIN = principal()


async def _settle(entry_id: int, amount: str) -> Settled:
    data = Settlement(entry_id=entry_id, amount=Decimal(amount), method="PIX")
    return await settle_entry(principal=ADMIN, data=data, now=NOON_9_FEB)


def _codes(results: list[object]) -> list[str]:
    return [e.code for r in results if isinstance(r, ServiceError) for e in r.errors]


async def test_many_settlements_at_once_never_overpay(database_url: str) -> None:
    entry = await make_entry(
        await make_company(), await make_debtor(), due=dt.date(2026, 1, 10), amount="100.00"
    )
    results = await asyncio.gather(
        *(_settle(entry.id, "10.00") for _ in range(25)), return_exceptions=True
    )
    assert not [r for r in results if not isinstance(r, (Settled, ServiceError))], results
    assert sum(isinstance(r, Settled) for r in results) == 10
    assert set(_codes(results)) <= {"AMOUNT_EXCEEDS_OPEN", "ENTRY_ALREADY_PAID"}
    assert len(_codes(results)) == 15
    stored = await FinancialEntry.get(id=entry.id)
    assert (stored.paid_cents, stored.status) == (10000, EntryStatus.PAID)
    assert sum(p.amount_cents for p in await Payment.filter(entry_id=entry.id)) == 10000
    assert await AuditEvent.filter(action="payment.create").count() == 10


async def test_many_settlements_at_once_lose_no_payment(database_url: str) -> None:
    entry = await make_entry(
        await make_company(), await make_debtor(), due=dt.date(2026, 1, 10), amount="100.00"
    )
    results = await asyncio.gather(*(_settle(entry.id, "5.00") for _ in range(12)))
    assert len({r.payment.id for r in results}) == 12
    stored = await FinancialEntry.get(id=entry.id)
    assert stored.paid_cents == 6000
    assert stored.status == EntryStatus.PARTIALLY_PAID
    assert stored.version == entry.version + 12
    assert await Payment.filter(entry_id=entry.id).count() == 12


async def test_lowering_the_amount_while_settling_never_leaves_paid_above_amount(
    database_url: str,
) -> None:
    for _ in range(3):
        entry = await make_entry(
            await make_company(), await make_debtor(), due=dt.date(2026, 1, 10), amount="100.00"
        )
        lower = update_entry(
            principal=ADMIN, entry_id=entry.id, data=EntryChanges(amount=Decimal("50.00"))
        )
        results = await asyncio.gather(_settle(entry.id, "60.00"), lower, return_exceptions=True)
        assert set(_codes(results)) in ({"AMOUNT_BELOW_PAID"}, {"AMOUNT_EXCEEDS_OPEN"})
        stored = await FinancialEntry.get(id=entry.id)
        assert stored.paid_cents <= stored.amount_cents
