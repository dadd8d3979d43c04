"""The rules under the API: charge wiring, overdue cut-offs, settlement checks and invariants."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from backend.businessdays.rules import BusinessCalendar
from backend.companies.models import Company
from backend.core.enums import EntryStatus, PaymentMethod
from backend.core.errors import ErrorCollector, ServiceError
from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry, Payment
from backend.entries.overdue import (
    entry_charges,
    is_consumer,
    overdue_condition,
    payment_events,
)
from backend.entries.services import status_for
from backend.entries.settlement import (
    Settlement,
    check_charge,
    check_method,
    reverse_payment,
    settle_entry,
)
from tests.entries.helpers import DUE_10_JAN, NOON_9_FEB
from tests.support import VALID_CNPJ, VALID_CPF, make_company, make_debtor, make_entry, principal


def test_a_person_is_a_consumer_a_company_is_not() -> None:
    assert is_consumer(Debtor(document=VALID_CPF))
    assert not is_consumer(Debtor(document=VALID_CNPJ))
    # No document yet: the protective default (CDC) until a CNPJ is recorded.
    assert is_consumer(Debtor(document=None))


def test_reversed_payments_are_left_out_of_the_charges() -> None:
    kept = Payment(amount_cents=1000, paid_on=dt.date(2026, 1, 20))
    undone = Payment(amount_cents=500, paid_on=dt.date(2026, 1, 21), reversed_at=NOON_9_FEB)
    entry = FinancialEntry(amount_cents=5000, paid_cents=1000, due_date=DUE_10_JAN)
    events = payment_events(entry, [kept, undone])
    assert [(e.paid_on, e.principal) for e in events] == [(dt.date(2026, 1, 20), Decimal("10.00"))]


def test_a_paid_amount_without_payment_rows_counts_as_paid_on_the_due_date() -> None:
    entry = FinancialEntry(amount_cents=100000, paid_cents=40000, due_date=DUE_10_JAN)
    kept = Payment(amount_cents=10000, paid_on=dt.date(2026, 1, 20))
    events = payment_events(entry, [kept])
    assert [(e.paid_on, e.principal) for e in events] == [
        (dt.date(2026, 1, 20), Decimal("100.00")),
        (DUE_10_JAN, Decimal("300.00")),
    ]


def test_a_cancelled_entry_has_no_charges() -> None:
    entry = FinancialEntry(
        amount_cents=100000, paid_cents=0, due_date=DUE_10_JAN, status=EntryStatus.CANCELLED
    )
    charges = entry_charges(
        entry,
        company=Company(),
        debtor=Debtor(),
        payments=[],
        today=dt.date(2026, 2, 9),
        calendar=BusinessCalendar(),
    )
    assert (charges.days_overdue, charges.updated_amount) == (0, Decimal("0.00"))


async def test_nothing_is_overdue_outside_the_principal_s_companies(database_url: str) -> None:
    company = await make_company()
    assert await overdue_condition(principal([]), NOON_9_FEB) is None
    assert await overdue_condition(principal(), NOON_9_FEB, company_id=company.id + 1) is None
    assert await overdue_condition(principal([company.id]), NOON_9_FEB) is not None


@given(st.sampled_from(list(PaymentMethod)), st.booleans(), st.sampled_from(["", " ", "\t"]))
def test_any_spelling_of_a_method_is_accepted(
    method: PaymentMethod, lower: bool, padding: str
) -> None:
    errors = ErrorCollector()
    text = method.value.lower() if lower else method.value
    assert check_method(errors, f"{padding}{text}{padding}", "method") == method
    assert not errors


@given(st.text(max_size=12))
def test_anything_else_is_an_invalid_method(text: str) -> None:
    errors = ErrorCollector()
    method = check_method(errors, text, "method")
    if text.strip().upper() in {m.value for m in PaymentMethod}:
        assert not errors
    elif not text.strip():
        assert (method, bool(errors)) == (PaymentMethod.OTHER, False)  # the default
    else:
        assert [e.code for e in errors.errors] == ["INVALID_METHOD"]


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**6), max_value=10**6))
def test_charges_are_zero_or_positive_cents(value: Decimal) -> None:
    errors = ErrorCollector()
    cents = check_charge(errors, value, "lateFee", label="Multa")
    valid = value >= 0 and value == value.quantize(Decimal("0.01"))
    assert bool(errors) is not valid
    assert cents == (int(value * 100) if valid else 0)


@given(st.integers(1, 10**9), st.integers(0, 10**9))
def test_status_follows_the_paid_amount(amount: int, paid: int) -> None:
    status = status_for(amount, min(paid, amount))
    if paid == 0:
        assert status == EntryStatus.OPEN
    elif paid >= amount:
        assert status == EntryStatus.PAID
    else:
        assert status == EntryStatus.PARTIALLY_PAID


async def test_any_mix_of_settlements_and_reversals_keeps_the_books(database_url: str) -> None:
    """paid = sum of the payments not reversed, never above the amount; status follows."""
    rng = random.Random(20260209)
    admin = principal()
    entry = await make_entry(
        await make_company(), await make_debtor(), due=DUE_10_JAN, amount="100.00"
    )
    refused: set[str] = set()
    for _ in range(40):
        payments = await Payment.filter(entry_id=entry.id, reversed_at=None)
        try:
            if payments and rng.random() < 0.3:
                await reverse_payment(
                    principal=admin,
                    payment_id=rng.choice(payments).id,
                    reason="teste",
                    now=NOON_9_FEB,
                )
            else:
                amount = Decimal(rng.randint(1, 4000)) / 100
                await settle_entry(
                    principal=admin,
                    data=Settlement(entry_id=entry.id, amount=amount),
                    now=NOON_9_FEB,
                )
        except ServiceError as exc:
            refused.update(e.code for e in exc.errors)
        stored = await FinancialEntry.get(id=entry.id)
        live = await Payment.filter(entry_id=entry.id, reversed_at=None)
        assert stored.paid_cents == sum(p.amount_cents for p in live) <= stored.amount_cents
        assert stored.status == status_for(stored.amount_cents, stored.paid_cents)
    assert refused <= {"AMOUNT_EXCEEDS_OPEN", "ENTRY_ALREADY_PAID"}
