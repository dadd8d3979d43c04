"""The overdue entries and totals an e-mail quotes, from the models and compute_charges."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from backend.core.enums import EntryStatus
from backend.entries.models import Payment
from backend.mailing.statement import overdue_statement
from tests.mailing.helpers import billing_company, customer
from tests.support import VALID_CNPJ, make_entry

# 02:00 UTC on 10 March is still 9 March in São Paulo (UTC-3).
NOW = dt.datetime(2026, 3, 10, 2, 0, tzinfo=dt.UTC)


async def test_overdue_means_due_before_today_in_the_company_zone(database_url: str) -> None:
    # 02:00 UTC on Thursday 12 March is still Wednesday 11 March in São Paulo.
    now = dt.datetime(2026, 3, 12, 2, 0, tzinfo=dt.UTC)
    company, debtor = await billing_company(), await customer()
    await make_entry(company, debtor, due=dt.date(2026, 3, 10), code="ONTEM")
    await make_entry(company, debtor, due=dt.date(2026, 3, 11), code="HOJE-SP")
    await make_entry(company, debtor, due=dt.date(2026, 3, 2), code="CANCELADO",
                     status=EntryStatus.CANCELLED)  # fmt: skip
    await make_entry(company, debtor, due=dt.date(2026, 3, 2), code="PAGO", paid="100.00")
    await make_entry(await billing_company(name="Outra"), debtor, due=dt.date(2026, 3, 2))

    statement = await overdue_statement(company=company, debtor=debtor, now=now)
    assert statement.today == dt.date(2026, 3, 11)
    assert [line.code for line in statement.lines] == ["ONTEM"]
    assert statement.lines[0].days_overdue == 1

    tokyo = await billing_company(name="Tóquio", time_zone="Asia/Tokyo")
    await make_entry(tokyo, debtor, due=dt.date(2026, 3, 11), code="ONTEM-TOQUIO")
    in_tokyo = await overdue_statement(company=tokyo, debtor=debtor, now=now)
    assert in_tokyo.today == dt.date(2026, 3, 12)
    assert [line.code for line in in_tokyo.lines] == ["ONTEM-TOQUIO"]


async def test_an_entry_due_on_saturday_is_not_demanded_on_monday(database_url: str) -> None:
    # Due Saturday 7 Mar 2026: payable without charges on Monday 9 Mar (CC art. 132 §1), so
    # the statement of Monday (NOW) leaves it out; on Tuesday it is 3 days overdue, charges
    # from the original due date: multa 2 % of 1.000,00 = 20,00, juros 1000 x 3 / 3000 = 1,00.
    company, debtor = await billing_company(), await customer()
    await make_entry(company, debtor, due=dt.date(2026, 3, 7), amount="1000.00", code="SAB")
    monday = await overdue_statement(company=company, debtor=debtor, now=NOW)
    assert monday.today == dt.date(2026, 3, 9)
    assert monday.lines == []
    tuesday = NOW + dt.timedelta(days=1)
    lines = (await overdue_statement(company=company, debtor=debtor, now=tuesday)).lines
    assert [(x.code, x.days_overdue, x.updated_amount) for x in lines] == [
        ("SAB", 3, Decimal("1021.00"))
    ]


async def test_totals_include_late_fee_and_interest_oldest_first(database_url: str) -> None:
    company, debtor = await billing_company(), await customer()
    await make_entry(company, debtor, due=dt.date(2026, 2, 27), amount="1000.00", code="B")
    await make_entry(company, debtor, due=dt.date(2026, 1, 28), amount="300.00", code="A")
    statement = await overdue_statement(company=company, debtor=debtor, now=NOW)
    assert [line.code for line in statement.lines] == ["A", "B"]
    a, b = statement.lines
    assert (a.days_overdue, a.open_amount, a.updated_amount) == (
        40, Decimal("300.00"), Decimal("310.00")  # 6,00 multa + 4,00 juros
    )  # fmt: skip
    assert (b.days_overdue, b.updated_amount) == (10, Decimal("1023.33"))
    assert statement.total_open == Decimal("1300.00")
    assert statement.total_updated == Decimal("1333.33")
    assert statement.oldest_due_date == dt.date(2026, 1, 28)


async def test_payments_lower_the_base_and_reversed_ones_do_not(database_url: str) -> None:
    company, debtor = await billing_company(), await customer()
    entry = await make_entry(company, debtor, due=dt.date(2026, 1, 28), amount="600.00",
                             paid="300.00")  # fmt: skip
    await Payment.create(entry=entry, amount_cents=30000, paid_on=dt.date(2026, 2, 27))
    await Payment.create(entry=entry, amount_cents=10000, paid_on=dt.date(2026, 2, 1),
                         reversed_at=NOW)  # fmt: skip
    [line] = (await overdue_statement(company=company, debtor=debtor, now=NOW)).lines
    # Multa 2 % on 600; juros 1 % a month on 600 for 30 days (29 Jan .. 27 Feb, the payment
    # day included), then on 300 for 10 days: (18.000 + 3.000) / 3000 = 7,00.
    assert line.open_amount == Decimal("300.00")
    assert line.updated_amount == Decimal("300.00") + Decimal("12.00") + Decimal("7.00")


async def test_an_amount_paid_without_payment_rows_counts_from_the_due_date(
    database_url: str,
) -> None:
    company, debtor = await billing_company(), await customer()
    await make_entry(company, debtor, due=dt.date(2026, 1, 28), amount="500.00", paid="200.00")
    [line] = (await overdue_statement(company=company, debtor=debtor, now=NOW)).lines
    assert line.open_amount == Decimal("300.00")
    assert line.updated_amount == Decimal("310.00")


async def test_consumer_late_fee_is_capped_a_company_pays_the_companys_rate(
    database_url: str,
) -> None:
    company = await billing_company(late_fee_percent=Decimal("10.00"))
    person, business = await customer(), await customer(name="Loja", document=VALID_CNPJ)
    for debtor in (person, business):
        # Friday 6 Mar: on Monday 9 Mar, 3 days of juros = 1000 x 3 / 3000 = 1,00.
        await make_entry(company, debtor, due=dt.date(2026, 3, 6), amount="1000.00")
    [for_person] = (await overdue_statement(company=company, debtor=person, now=NOW)).lines
    [for_business] = (await overdue_statement(company=company, debtor=business, now=NOW)).lines
    assert for_person.updated_amount == Decimal("1021.00")  # 2 % (CDC) + 3 days of juros
    assert for_business.updated_amount == Decimal("1101.00")
