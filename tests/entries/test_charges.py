from __future__ import annotations

import decimal
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from backend.core.errors import FieldError, ServiceError
from backend.entries.charges import (
    CONSUMER_LATE_FEE_CAP,
    DAYS_PER_MONTH,
    ChargeRule,
    Charges,
    PaymentEvent,
    _round_to_cents,
    compute_charges,
)

DEFAULT_RULE = ChargeRule()  # multa 2 %, juros 1 % a month
DUE = date(2026, 1, 10)
CENT = Decimal("0.01")


def d(text: str) -> date:
    return date.fromisoformat(text)


def money(text: str) -> Decimal:
    return Decimal(text)


def pay(
    paid_on: str,
    principal: str,
    late_fee: str = "0.00",
    interest: str = "0.00",
    waived_late_fee: str = "0.00",
    waived_interest: str = "0.00",
) -> PaymentEvent:
    return PaymentEvent(
        d(paid_on),
        money(principal),
        money(late_fee),
        money(interest),
        money(waived_late_fee),
        money(waived_interest),
    )


def charges(
    amount: str = "1000.00",
    *,
    due: date = DUE,
    as_of: str,
    payments: tuple[PaymentEvent, ...] = (),
    rule: ChargeRule = DEFAULT_RULE,
    consumer: bool = False,
    grace_until: date | None = None,
) -> Charges:
    return compute_charges(
        amount=money(amount),
        due_date=due,
        payments=payments,
        as_of=d(as_of),
        rule=rule,
        consumer=consumer,
        grace_until=grace_until,
    )


def figures(c: Charges) -> tuple[int, str, str, str, str]:
    """The charges as strings, so a test shows exactly what the screen would."""
    return (
        c.days_overdue,
        str(c.open_amount),
        str(c.late_fee),
        str(c.interest),
        str(c.updated_amount),
    )


# --- worked examples -----------------------------------------------------------------------


def test_thirty_days_late_on_a_thousand() -> None:
    # 2 % multa = 20,00; 1 % a month for 30 days = 10,00.
    assert figures(charges(as_of="2026-02-09")) == (30, "1000.00", "20.00", "10.00", "1030.00")


def test_one_day_late() -> None:
    # 1000 x 1 % / 30 = 0,3333... -> 0,33
    assert figures(charges(as_of="2026-01-11")) == (1, "1000.00", "20.00", "0.33", "1020.33")


def test_partial_payment_on_the_tenth_day_late() -> None:
    # Days 1-10 (11 to 20 Jan, the payment day included) accrue on 1000; from 21 Jan on 600
    # (20 days). (1000 x 10 + 600 x 20) x 1 % / 30 = 220 / 30 = 7,333... -> 7,33.
    # The fee stays on the 1000 due.
    c = charges(as_of="2026-02-09", payments=(pay("2026-01-20", "400.00"),))
    assert figures(c) == (30, "600.00", "20.00", "7.33", "627.33")


def test_payment_before_the_due_date_reduces_the_fee_base() -> None:
    c = charges(as_of="2026-02-09", payments=(pay("2026-01-05", "300.00"),))
    assert figures(c) == (30, "700.00", "14.00", "7.00", "721.00")


def test_payment_on_the_due_date_is_on_time() -> None:
    c = charges(as_of="2026-02-09", payments=(pay("2026-01-10", "300.00"),))
    assert figures(c) == (30, "700.00", "14.00", "7.00", "721.00")


def test_several_payments_including_two_on_one_day() -> None:
    payments = (
        pay("2026-01-25", "100.00"),  # out of order on purpose
        pay("2026-01-08", "200.00"),
        pay("2026-01-15", "50.00"),
        pay("2026-01-15", "150.00"),
    )
    # Base 800 from 11 to 15 Jan (5 days), 600 from 16 to 25 (10), 500 from 26 Jan to 9 Feb
    # (15): (4000 + 6000 + 7500) / 3000 = 5,8333... -> 5,83; fee 2 % of 800 = 16,00.
    c = charges(as_of="2026-02-09", payments=payments)
    assert figures(c) == (30, "500.00", "16.00", "5.83", "521.83")


def test_payments_after_as_of_are_not_counted() -> None:
    later = (pay("2026-03-01", "1000.00"),)
    assert charges(as_of="2026-02-09", payments=later) == charges(as_of="2026-02-09")


def test_consumer_late_fee_is_capped_at_two_percent() -> None:
    ten_percent = ChargeRule(late_fee_percent=Decimal("10.00"))
    consumer = charges(as_of="2026-02-09", rule=ten_percent, consumer=True)
    company = charges(as_of="2026-02-09", rule=ten_percent, consumer=False)
    assert figures(consumer) == (30, "1000.00", "20.00", "10.00", "1030.00")
    assert figures(company) == (30, "1000.00", "100.00", "10.00", "1110.00")


def test_consumer_fee_below_the_cap_is_kept() -> None:
    one_percent = ChargeRule(late_fee_percent=Decimal("1.00"))
    assert charges(as_of="2026-02-09", rule=one_percent, consumer=True).late_fee == money("10.00")


def test_paid_in_full_on_time_has_no_charges() -> None:
    c = charges(as_of="2026-02-09", payments=(pay("2026-01-10", "1000.00"),))
    assert figures(c) == (0, "0.00", "0.00", "0.00", "0.00")


def test_paid_in_full_late_has_no_charges_left() -> None:
    # Charges accrued until the payment were settled with it, outside this calculation.
    c = charges(
        as_of="2026-02-09", payments=(pay("2026-01-20", "400.00"), pay("2026-02-01", "600.00"))
    )
    assert figures(c) == (0, "0.00", "0.00", "0.00", "0.00")


def test_not_yet_due() -> None:
    assert figures(charges(as_of="2026-01-01")) == (0, "1000.00", "0.00", "0.00", "1000.00")
    assert figures(charges(as_of="2026-01-10")) == (0, "1000.00", "0.00", "0.00", "1000.00")


def test_not_yet_due_after_a_partial_payment() -> None:
    c = charges(as_of="2026-01-09", payments=(pay("2026-01-05", "250.00"),))
    assert figures(c) == (0, "750.00", "0.00", "0.00", "750.00")


def test_zero_rates_charge_nothing_but_still_count_days() -> None:
    free = ChargeRule(late_fee_percent=Decimal(0), monthly_interest_percent=Decimal(0))
    c = charges(as_of="2026-02-09", rule=free)
    assert figures(c) == (30, "1000.00", "0.00", "0.00", "1000.00")


def test_days_are_calendar_days_across_a_leap_day() -> None:
    # 29 Feb and 1 Mar 2028.
    c = charges("3000.00", due=d("2028-02-28"), as_of="2028-03-01")
    assert figures(c) == (2, "3000.00", "60.00", "2.00", "3062.00")


def test_a_long_overdue_entry_keeps_simple_interest() -> None:
    # 365 days at 1 % a month pro rata: 1000 x 365 / 3000 = 121,666... -> 121,67 (not compound).
    c = charges(as_of="2027-01-10")
    assert figures(c) == (365, "1000.00", "20.00", "121.67", "1141.67")


def test_amounts_without_cents_come_back_with_cents() -> None:
    assert figures(charges("1000", as_of="2026-02-09")) == (
        30,
        "1000.00",
        "20.00",
        "10.00",
        "1030.00",
    )


@pytest.mark.parametrize(
    ("amount", "expected_interest"),
    [
        ("15.00", "0.00"),  # 15 / 3000 = 0,005 -> half to even: 0,00
        ("45.00", "0.02"),  # 0,015 -> 0,02
        ("75.00", "0.02"),  # 0,025 -> 0,02
        ("15.03", "0.01"),  # 0,00501 -> 0,01: just past the half
    ],
)
def test_interest_rounds_half_to_even(amount: str, expected_interest: str) -> None:
    assert str(charges(amount, as_of="2026-01-11").interest) == expected_interest


@pytest.mark.parametrize(
    ("amount", "expected_fee"),
    [("0.25", "0.00"), ("0.75", "0.02"), ("1.25", "0.02"), ("1.75", "0.04")],
)
def test_late_fee_rounds_half_to_even(amount: str, expected_fee: str) -> None:
    assert str(charges(amount, as_of="2026-01-11").late_fee) == expected_fee


def test_each_part_is_rounded_once_and_the_parts_add_up() -> None:
    # Fee 2 % of 333,33 = 6,6666; interest 333,33 x 1,5 % x 7 / 30 = 1,16665...
    rule = ChargeRule(late_fee_percent=Decimal("2.00"), monthly_interest_percent=Decimal("1.5"))
    c = charges("333.33", as_of="2026-01-17", rule=rule)
    assert figures(c) == (7, "333.33", "6.67", "1.17", "341.17")


# --- charges already received or waived (CDC art. 42, sole paragraph) ----------------------


def test_issue_9_charges_received_are_not_charged_again() -> None:
    # R$ 1.000,00 due 60 days before 9 Feb 2026 (11 Dec 2025), multa 2 %, juros 1 % a month.
    # R$ 400,00 settled 30 days before (10 Jan 2026) with R$ 20,00 multa + R$ 10,00 juros.
    #   Multa accrued: 2 % of the 1.000,00 due = 20,00; received 20,00 -> 0,00 owed.
    #   Juros accrued: 12 Dec .. 10 Jan (30 days, the payment day included) on 1.000,00
    #     = 30.000; 11 Jan .. 9 Feb (30 days) on 600,00 = 18.000;
    #     48.000 x 1 % / 30 = 16,00; received 10,00 (exactly 30 days on 1.000,00) -> 6,00 owed.
    #   Remainder: 600,00 + 0,00 + 6,00 = 606,00.
    #   Total paid by the debtor: 400,00 + 20,00 + 10,00 + 606,00 = 1.036,00
    #   (not 400 + 30 + 600 + 20 + 15,87 = 1.065,87, which charged the multa twice).
    due = d("2025-12-11")
    first = pay("2026-01-10", "400.00", late_fee="20.00", interest="10.00")
    # What the collector was quoted on 10 Jan, before the payment: 30 days on 1.000,00.
    quoted = charges(due=due, as_of="2026-01-10")
    assert figures(quoted) == (30, "1000.00", "20.00", "10.00", "1030.00")
    c = charges(due=due, as_of="2026-02-09", payments=(first,))
    assert figures(c) == (60, "600.00", "0.00", "6.00", "606.00")
    assert (c.accrued_late_fee, c.accrued_interest) == (money("20.00"), money("16.00"))
    assert (c.received_late_fee, c.received_interest) == (money("20.00"), money("10.00"))
    total = first.principal + first.late_fee + first.interest + c.updated_amount
    assert total == money("1036.00")


def test_received_more_than_accrued_is_never_a_credit() -> None:
    # 30 days on 1.000,00: multa 20,00 and juros 10,00 accrued; 25,00 multa and 12,00 juros
    # received with a partial payment: nothing owed, never a negative charge.
    c = charges(as_of="2026-02-09", payments=(pay("2026-02-09", "100.00", "25.00", "12.00"),))
    assert figures(c) == (30, "900.00", "0.00", "0.00", "900.00")


def test_partial_payment_then_waiver() -> None:
    # 400,00 of principal only on 20 Jan (10 days late), its charges waived then: multa 20,00
    # and juros 10 days on 1.000,00 = 3,33. On 9 Feb, juros accrued (1000 x 10 + 600 x 20) / 3000
    # = 7,33; owed 7,33 - 3,33 = 4,00 (20 days on 600,00); multa 0,00.
    waived = pay("2026-01-20", "400.00", waived_late_fee="20.00", waived_interest="3.33")
    c = charges(as_of="2026-02-09", payments=(waived,))
    assert figures(c) == (30, "600.00", "0.00", "4.00", "604.00")
    assert (c.waived_late_fee, c.waived_interest) == (money("20.00"), money("3.33"))


def test_principal_only_payment_leaves_its_charges_owed() -> None:
    # The same payment without a waiver: multa 20,00 and juros 7,33 still owed.
    c = charges(as_of="2026-02-09", payments=(pay("2026-01-20", "400.00"),))
    assert figures(c) == (30, "600.00", "20.00", "7.33", "627.33")


# --- business days (Código Civil art. 132 §1) ----------------------------------------------


def test_due_on_saturday_paid_on_monday_has_no_charges() -> None:
    # Due Saturday 7 Mar 2026; the next business day is Monday 9 Mar.
    saturday, monday = d("2026-03-07"), d("2026-03-09")
    c = charges(due=saturday, as_of="2026-03-09", grace_until=monday)
    assert figures(c) == (0, "1000.00", "0.00", "0.00", "1000.00")
    # Without the grace (the old rule): 2 days late, 20,00 + 0,67 = 20,67 of charges.
    assert figures(charges(due=saturday, as_of="2026-03-09")) == (
        2,
        "1000.00",
        "20.00",
        "0.67",
        "1020.67",
    )


def test_paid_after_the_grace_counts_from_the_original_due_date() -> None:
    # Tuesday 10 Mar: 3 days since Saturday 7 Mar. Multa 20,00; juros 1000 x 3 / 3000 = 1,00.
    c = charges(due=d("2026-03-07"), as_of="2026-03-10", grace_until=d("2026-03-09"))
    assert figures(c) == (3, "1000.00", "20.00", "1.00", "1021.00")


def test_a_payment_within_the_grace_counts_as_on_time() -> None:
    # 400,00 paid on Monday 9 Mar for an entry due Saturday 7 Mar: on time, so on 8 Apr the
    # multa is 2 % of 600,00 = 12,00 and juros run on 600,00 from 8 Mar: 32 days (8 Mar .. 8 Apr)
    # x 600 / 3000 = 6,40.
    c = charges(
        due=d("2026-03-07"),
        as_of="2026-04-08",
        grace_until=d("2026-03-09"),
        payments=(pay("2026-03-09", "400.00"),),
    )
    assert figures(c) == (32, "600.00", "12.00", "6.40", "618.40")


# --- bad input -----------------------------------------------------------------------------


def test_negative_and_non_finite_figures_are_refused_all_at_once() -> None:
    with pytest.raises(ServiceError) as info:
        compute_charges(
            amount=Decimal(-1),
            due_date=DUE,
            payments=[pay("2026-01-20", "10"), PaymentEvent(d("2026-01-21"), Decimal("NaN"))],
            as_of=d("2026-02-09"),
            rule=ChargeRule(Decimal(-2), Decimal("Infinity")),
            consumer=False,
        )
    assert [(e.code, e.field) for e in info.value.errors] == [
        ("INVALID_AMOUNT", ("amount",)),
        ("INVALID_PAYMENT", ("payments", "1", "principal")),
        ("INVALID_LATE_FEE", ("lateFeePercent",)),
        ("INVALID_INTEREST_RATE", ("monthlyInterestPercent",)),
    ]
    assert all(e.message for e in info.value.errors)


def test_payments_over_the_amount_are_refused() -> None:
    with pytest.raises(ServiceError) as info:
        charges(
            "100.00",
            as_of="2026-02-09",
            payments=(pay("2026-01-20", "60.00"), pay("2026-03-01", "40.01")),
        )
    assert info.value.errors == [
        FieldError(
            "PAYMENTS_EXCEED_AMOUNT",
            "O total pago não pode ser maior que o valor do lançamento.",
            ("payments",),
        )
    ]


# --- properties ----------------------------------------------------------------------------

amounts = st.integers(min_value=0, max_value=10**11).map(lambda cents: Decimal(cents).scaleb(-2))
due_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
percents = st.decimals(min_value=0, max_value=20, places=4)
rules = st.builds(ChargeRule, percents, percents)


@st.composite
def entries(draw: st.DrawFn) -> tuple[Decimal, date, list[PaymentEvent]]:
    """An amount, its due date and payments (before and after it) that never exceed it."""
    amount = draw(amounts)
    due_date = draw(due_dates)
    remaining = int(amount.scaleb(2))
    payments = []
    for offset in draw(st.lists(st.integers(min_value=-60, max_value=400), max_size=6)):
        cents = draw(st.integers(min_value=0, max_value=remaining))
        remaining -= cents
        payments.append(PaymentEvent(due_date + timedelta(days=offset), Decimal(cents).scaleb(-2)))
    return amount, due_date, payments


offsets = st.integers(min_value=-60, max_value=460)


def paid_by(payments: list[PaymentEvent], day: date) -> Decimal:
    return sum((p.principal for p in payments if p.paid_on <= day), Decimal(0))


@given(entry=entries(), offset=offsets, rule=rules, consumer=st.booleans())
def test_charges_are_never_negative_and_add_up(
    entry: tuple[Decimal, date, list[PaymentEvent]], offset: int, rule: ChargeRule, consumer: bool
) -> None:
    amount, due_date, payments = entry
    as_of = due_date + timedelta(days=offset)
    c = compute_charges(
        amount=amount,
        due_date=due_date,
        payments=payments,
        as_of=as_of,
        rule=rule,
        consumer=consumer,
    )
    assert c.open_amount == amount - paid_by(payments, as_of)
    assert c.open_amount >= 0
    assert c.late_fee >= 0
    assert c.interest >= 0
    assert c.days_overdue >= 0
    assert c.updated_amount == c.open_amount + c.late_fee + c.interest
    for part in (c.open_amount, c.late_fee, c.interest, c.updated_amount):
        assert part == part.quantize(CENT)
    assert c.days_overdue == (max(0, offset) if c.open_amount > 0 else 0)


@given(
    entry=entries(),
    offset=st.integers(min_value=-400, max_value=0),
    rule=rules,
    consumer=st.booleans(),
)
def test_nothing_overdue_means_no_charges(
    entry: tuple[Decimal, date, list[PaymentEvent]], offset: int, rule: ChargeRule, consumer: bool
) -> None:
    amount, due_date, payments = entry
    as_of = due_date + timedelta(days=offset)
    c = compute_charges(
        amount=amount,
        due_date=due_date,
        payments=payments,
        as_of=as_of,
        rule=rule,
        consumer=consumer,
    )
    assert c.days_overdue == 0
    assert c.late_fee == 0
    assert c.interest == 0
    assert c.updated_amount == c.open_amount


@given(
    entry=entries(),
    first=offsets,
    later_by=st.integers(min_value=0, max_value=400),
    rule=rules,
    consumer=st.booleans(),
)
def test_charges_grow_with_time_while_the_payments_stay_the_same(
    entry: tuple[Decimal, date, list[PaymentEvent]],
    first: int,
    later_by: int,
    rule: ChargeRule,
    consumer: bool,
) -> None:
    # Only payments made on or before the earlier day: a payment in between would lower the
    # open amount, and the updated amount with it, which is not a decrease in charges.
    amount, due_date, all_payments = entry
    earlier = due_date + timedelta(days=first)
    later = earlier + timedelta(days=later_by)
    payments = [p for p in all_payments if p.paid_on <= earlier]

    def on(as_of: date) -> Charges:
        return compute_charges(
            amount=amount,
            due_date=due_date,
            payments=payments,
            as_of=as_of,
            rule=rule,
            consumer=consumer,
        )

    before, after = on(earlier), on(later)
    assert after.open_amount == before.open_amount
    assert after.days_overdue >= before.days_overdue
    assert after.late_fee >= before.late_fee
    assert after.interest >= before.interest
    assert after.updated_amount >= before.updated_amount


@given(
    entry=entries(),
    first=offsets,
    later_by=st.integers(min_value=0, max_value=400),
    rule=rules,
)
def test_interest_never_shrinks_while_something_is_still_open(
    entry: tuple[Decimal, date, list[PaymentEvent]], first: int, later_by: int, rule: ChargeRule
) -> None:
    # With any payments at all: a payment stops interest on its part but never undoes any.
    amount, due_date, payments = entry
    earlier = due_date + timedelta(days=first)
    later = earlier + timedelta(days=later_by)
    assume(paid_by(payments, later) < amount)

    def on(as_of: date) -> Charges:
        return compute_charges(
            amount=amount,
            due_date=due_date,
            payments=payments,
            as_of=as_of,
            rule=rule,
            consumer=False,
        )

    assert on(later).interest >= on(earlier).interest
    assert on(later).late_fee >= on(earlier).late_fee


def reference_round(numerator: Decimal, denominator: int) -> Decimal:
    # Divide last: a finite decimal over 3000 has digits past the cents that either stop or
    # repeat 3s or 6s, so 80 significant digits never move it across a half-cent. Dividing
    # first (rate / 30, then x days) would: 75.494999... instead of 75.495.
    with decimal.localcontext(prec=80):
        return (numerator / denominator).quantize(CENT, rounding=ROUND_HALF_EVEN)


@given(
    amount=amounts,
    due_date=due_dates,
    days=st.integers(min_value=1, max_value=2000),
    rule=rules,
)
def test_interest_without_payments_is_simple_pro_rata(
    amount: Decimal, due_date: date, days: int, rule: ChargeRule
) -> None:
    assume(amount > 0)
    c = compute_charges(
        amount=amount,
        due_date=due_date,
        payments=[],
        as_of=due_date + timedelta(days=days),
        rule=rule,
        consumer=False,
    )
    assert c.interest == reference_round(amount * rule.monthly_interest_percent * days, 3000)
    assert c.late_fee == reference_round(amount * rule.late_fee_percent, 100)
    assert c.days_overdue == days


@given(entry=entries(), offset=offsets, rule=rules)
def test_interest_matches_a_day_by_day_count(
    entry: tuple[Decimal, date, list[PaymentEvent]], offset: int, rule: ChargeRule
) -> None:
    amount, due_date, payments = entry
    as_of = due_date + timedelta(days=offset)
    assume(paid_by(payments, as_of) < amount)
    c = compute_charges(
        amount=amount, due_date=due_date, payments=payments, as_of=as_of, rule=rule, consumer=False
    )
    # The principal open at the start of each day: a payment counts from the day after it.
    open_each_day = [
        amount - paid_by(payments, due_date + timedelta(days=n - 1)) for n in range(1, offset + 1)
    ]
    interest = sum(open_each_day, Decimal(0)) * rule.monthly_interest_percent
    assert c.interest == reference_round(interest, 3000)
    fee = (amount - paid_by(payments, due_date)) * rule.late_fee_percent
    assert c.late_fee == (reference_round(fee, 100) if offset > 0 else 0)


@given(entry=entries(), offset=st.integers(min_value=1, max_value=400), rule=rules)
def test_consumer_fee_is_the_company_fee_capped_at_two_percent(
    entry: tuple[Decimal, date, list[PaymentEvent]], offset: int, rule: ChargeRule
) -> None:
    amount, due_date, payments = entry
    as_of = due_date + timedelta(days=offset)

    def fee(consumer: bool, fee_rule: ChargeRule) -> Decimal:
        return compute_charges(
            amount=amount,
            due_date=due_date,
            payments=payments,
            as_of=as_of,
            rule=fee_rule,
            consumer=consumer,
        ).late_fee

    capped = ChargeRule(
        min(rule.late_fee_percent, CONSUMER_LATE_FEE_CAP), rule.monthly_interest_percent
    )
    assert fee(True, rule) == fee(False, capped)
    assert fee(True, rule) <= fee(False, rule)
    base = amount - paid_by(payments, due_date)
    assert fee(True, rule) <= (base * CONSUMER_LATE_FEE_CAP / 100).quantize(CENT, ROUND_HALF_EVEN)


money_parts = st.integers(min_value=0, max_value=10**6).map(lambda cents: Decimal(cents).scaleb(-2))


@given(
    entry=entries(),
    offset=st.integers(min_value=1, max_value=400),
    rule=rules,
    received=st.lists(st.tuples(money_parts, money_parts, money_parts, money_parts), max_size=4),
)
def test_what_is_owed_is_accrued_less_received_and_waived_never_below_zero(
    entry: tuple[Decimal, date, list[PaymentEvent]],
    offset: int,
    rule: ChargeRule,
    received: list[tuple[Decimal, Decimal, Decimal, Decimal]],
) -> None:
    amount, due_date, payments = entry
    as_of = due_date + timedelta(days=offset)
    assume(paid_by(payments, as_of) < amount)
    # Charges received or waived on days up to as_of, with no principal (the principal is
    # whatever `entries` drew): the accrual is the same, only the deductions change.
    with_charges = payments + [
        PaymentEvent(due_date + timedelta(days=n % offset + 1), Decimal(0), *parts)
        for n, parts in enumerate(received)
    ]

    def on(events: list[PaymentEvent]) -> Charges:
        return compute_charges(
            amount=amount,
            due_date=due_date,
            payments=events,
            as_of=as_of,
            rule=rule,
            consumer=False,
        )

    plain, deducted = on(payments), on(with_charges)
    assert (deducted.accrued_late_fee, deducted.accrued_interest) == (
        plain.late_fee,
        plain.interest,
    )
    fee_taken = sum((r[0] + r[2] for r in received), Decimal(0))
    interest_taken = sum((r[1] + r[3] for r in received), Decimal(0))
    assert deducted.late_fee == max(Decimal("0.00"), plain.late_fee - fee_taken)
    assert deducted.interest == max(Decimal("0.00"), plain.interest - interest_taken)
    assert deducted.updated_amount == deducted.open_amount + deducted.late_fee + deducted.interest


@given(
    entry=entries(),
    grace_days=st.integers(min_value=0, max_value=4),
    offset=st.integers(min_value=-10, max_value=400),
    rule=rules,
    consumer=st.booleans(),
)
def test_the_grace_of_a_non_business_due_date(
    entry: tuple[Decimal, date, list[PaymentEvent]],
    grace_days: int,
    offset: int,
    rule: ChargeRule,
    consumer: bool,
) -> None:
    # Until the grace ends nothing is charged; after it, the charges are those of the original
    # due date, with payments made within the grace counted as made on the due date.
    amount, due_date, payments = entry
    grace = due_date + timedelta(days=grace_days)
    as_of = due_date + timedelta(days=offset)

    def on(events: list[PaymentEvent], grace_until: date | None) -> Charges:
        return compute_charges(
            amount=amount,
            due_date=due_date,
            payments=events,
            as_of=as_of,
            rule=rule,
            consumer=consumer,
            grace_until=grace_until,
        )

    with_grace = on(payments, grace)
    if as_of <= grace:
        assert (with_grace.days_overdue, with_grace.late_fee, with_grace.interest) == (0, 0, 0)
    else:
        on_time = [
            PaymentEvent(due_date, p.principal) if due_date < p.paid_on <= grace else p
            for p in payments
        ]
        assert with_grace == on(on_time, None)


@given(
    cents=st.integers(min_value=-(10**15), max_value=10**15),
    scale=st.integers(min_value=0, max_value=6),
    denominator=st.sampled_from([100, 100 * DAYS_PER_MONTH, 1, 7, 3000]),
)
def test_rounding_to_cents_is_the_exact_quotient_rounded_half_even(
    cents: int, scale: int, denominator: int
) -> None:
    """The integer rounding equals round() on the exact Fraction (half to even), halves
    included: 0.005 → 0.00, 0.015 → 0.02, 0.025 → 0.02."""
    numerator = Decimal(cents).scaleb(-scale)
    expected = Decimal(round(Fraction(numerator) * 100 / denominator)).scaleb(-2)
    assert _round_to_cents(numerator, denominator) == expected


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [("0.5", 100, "0.00"), ("1.5", 100, "0.02"), ("2.5", 100, "0.02"), ("-1.5", 100, "-0.02"),
     ("90", 3000, "0.03"), ("0.45", 30, "0.02"), ("0.75", 30, "0.02"), ("0.15", 30, "0.00")],
)  # fmt: skip
def test_rounding_to_cents_worked_examples(numerator: str, denominator: int, expected: str) -> None:
    assert _round_to_cents(Decimal(numerator), denominator) == Decimal(expected)
