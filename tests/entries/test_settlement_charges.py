"""Charges received are not charged again, waivers, consumer caps and charges(on:), through the
API with the exact figures of issue 9, on both engines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from backend.audit.models import AuditEvent
from backend.entries.models import FinancialEntry, Payment
from backend.entries.settlement import DEFAULT_WAIVER_REASON
from tests.entries.helpers import NOON_9_FEB, REVERSE, SETTLE, codes, entry_id, freeze, mutate
from tests.support import VALID_CNPJ, VALID_CPF, ApiClient, make_company, make_debtor, make_entry

CHARGES = """
query($id: ID!, $on: Date) {
  node: entry(id: $id) {
    status openAmount receivedCharges waivedCharges
    charges(on: $on) {
      on daysOverdue lateFee interest updatedAmount accruedLateFee accruedInterest
      receivedCharges waivedCharges
    }
    payments { amount lateFee interest waivedLateFee waivedInterest waivedCharges waiverReason }
  }
}"""


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    freeze(monkeypatch, NOON_9_FEB)  # Monday 9 Feb 2026, 12:00 in São Paulo


async def _charges(api: ApiClient, entry: FinancialEntry, on: str | None = None) -> Any:
    data = await api.data(CHARGES, {"id": entry_id(entry), "on": on})
    return data["node"]


async def test_issue_9_the_debtor_pays_1036_not_1065_87(admin_api: ApiClient) -> None:
    # R$ 1.000,00 due 11 Dec 2025 (a Thursday, 60 days before 9 Feb), multa 2 %, juros 1 %/month.
    company = await make_company()
    debtor = await make_debtor(document=VALID_CNPJ)
    entry = await make_entry(company, debtor, due=dt.date(2025, 12, 11), amount="1000.00")

    # The settle dialog asks the charges of the payment date, 10 Jan (30 days late):
    # multa 2 % x 1.000,00 = 20,00; juros 1.000,00 x 1 % x 30 / 30 = 10,00.
    quoted = (await _charges(admin_api, entry, "2026-01-10"))["charges"]
    assert (quoted["on"], quoted["daysOverdue"], quoted["lateFee"], quoted["interest"]) == (
        "2026-01-10",
        30,
        "20.00",
        "10.00",
    )
    first = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="400.00",
        paidOn="2026-01-10",
        lateFee="20.00",
        interest="10.00",
    )
    assert first["errors"] == []
    assert first["payment"]["receivedAmount"] == "430.00"

    # Today, 9 Feb: juros accrued 12 Dec..10 Jan on 1.000,00 (30 days) + 11 Jan..9 Feb on
    # 600,00 (30 days) = 48.000 x 1 % / 30 = 16,00, less 10,00 received = 6,00; multa 20,00
    # accrued, 20,00 received = 0,00. Owed: 600,00 + 6,00 = 606,00 (was 635,87).
    now = await _charges(admin_api, entry)
    assert now["charges"] == {
        "on": "2026-02-09",
        "daysOverdue": 60,
        "lateFee": "0.00",
        "interest": "6.00",
        "updatedAmount": "606.00",
        "accruedLateFee": "20.00",
        "accruedInterest": "16.00",
        "receivedCharges": "30.00",
        "waivedCharges": "0.00",
    }
    rest = await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), interest="6.00")
    assert rest["errors"] == []
    assert rest["entry"]["status"] == "PAID"
    assert rest["payment"]["receivedAmount"] == "606.00"
    received = sum(
        (
            Decimal(p.amount_cents + p.late_fee_cents + p.interest_cents - p.discount_cents)
            for p in await Payment.filter(entry_id=entry.id)
        ),
        Decimal(0),
    )
    assert received / 100 == Decimal("1036.00")  # 400 + 20 + 10 + 606
    done = await _charges(admin_api, entry)
    assert (done["receivedCharges"], done["waivedCharges"]) == ("36.00", "0.00")


async def _friday_entry(document: str | None = VALID_CNPJ) -> FinancialEntry:
    # R$ 1.000,00 due Friday 9 Jan 2026 (a business day: overdue from Saturday).
    return await make_entry(
        await make_company(),
        await make_debtor(document=document),
        due=dt.date(2026, 1, 9),
        amount="1000.00",
    )


async def test_partial_payment_then_waiver(admin_api: ApiClient) -> None:
    entry = await _friday_entry()
    # 400,00 of principal only on 19 Jan (10 days late), its charges waived: multa 20,00 and
    # juros 1.000,00 x 10 / 3000 = 3,33.
    paid = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="400.00",
        paidOn="2026-01-19",
        waiveCharges=True,
        waiverReason="Acordo com o cliente",
    )
    assert paid["errors"] == []
    found = await _charges(admin_api, entry)
    assert found["payments"] == [
        {
            "amount": "400.00",
            "lateFee": "0.00",
            "interest": "0.00",
            "waivedLateFee": "20.00",
            "waivedInterest": "3.33",
            "waivedCharges": "23.33",
            "waiverReason": "Acordo com o cliente",
        }
    ]
    # 9 Feb: juros accrued 1.000,00 x 10 days (10..19 Jan) + 600,00 x 21 days (20 Jan..9 Feb)
    # = 22.600 / 3000 = 7,53; less 3,33 waived = 4,20 (600 x 21 / 3000); multa 0,00.
    assert found["charges"]["lateFee"] == "0.00"
    assert found["charges"]["interest"] == "4.20"
    assert found["charges"]["updatedAmount"] == "604.20"
    assert found["waivedCharges"] == "23.33"
    event = await AuditEvent.get(action="payment.create")
    assert event.actor_label  # who
    assert (event.details["waivedLateFee"], event.details["waivedInterest"]) == ("20.00", "3.33")
    assert event.details["waiverReason"] == "Acordo com o cliente"  # why


async def test_principal_only_leaves_the_charges_owed(admin_api: ApiClient) -> None:
    entry = await _friday_entry()
    await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="400.00",
        paidOn="2026-01-19",
    )  # fmt: skip
    # Multa 20,00 still owed; juros 7,53 accrued (as above), nothing received: 627,53.
    charges = (await _charges(admin_api, entry))["charges"]
    assert (charges["lateFee"], charges["interest"], charges["updatedAmount"]) == (
        "20.00",
        "7.53",
        "627.53",
    )


async def test_a_waiver_needs_a_reason(admin_api: ApiClient) -> None:
    entry = await _friday_entry()
    result = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="400.00",
        waiveCharges=True,
    )  # fmt: skip
    assert codes(result) == {("REQUIRED", ("input", "waiverReason"))}
    assert await Payment.all().count() == 0


async def test_settling_the_whole_principal_without_charges_waives_them(
    admin_api: ApiClient,
) -> None:
    entry = await _friday_entry()
    # 9 Feb, 31 days late: multa 20,00, juros 1.000,00 x 31 / 3000 = 10,33 -> recorded waived.
    result = await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry))
    assert result["errors"] == []
    payment = await Payment.get(entry_id=entry.id)
    assert (payment.waived_late_fee_cents, payment.waived_interest_cents) == (2000, 1033)
    assert payment.waiver_reason == DEFAULT_WAIVER_REASON


@pytest.mark.parametrize("document", [VALID_CPF, None])
async def test_a_consumers_typed_multa_is_capped_at_two_percent(
    admin_api: ApiClient, document: str | None
) -> None:
    company = await make_company(late_fee_percent=Decimal("10.00"))
    debtor = await make_debtor(document=document)  # a CPF, or no document yet: a consumer
    entry = await make_entry(company, debtor, due=dt.date(2026, 1, 9), amount="1000.00")
    # The company's 10 % is capped at 2 % of 1.000,00 = 20,00 (CDC art. 52 §1).
    assert (await _charges(admin_api, entry))["charges"]["lateFee"] == "20.00"
    over = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="100.00",
        lateFee="20.01",
    )  # fmt: skip
    assert codes(over) == {("LATE_FEE_ABOVE_CAP", ("input", "lateFee"))}
    assert "R$ 20,00" in over["errors"][0]["message"]
    ok = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="100.00",
        lateFee="15.00",
    )  # fmt: skip
    assert ok["errors"] == []
    # 15,00 already received: at most 5,00 more.
    again = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="100.00",
        lateFee="5.01",
    )  # fmt: skip
    assert codes(again) == {("LATE_FEE_ABOVE_CAP", ("input", "lateFee"))}
    assert await Payment.all().count() == 1


async def test_a_business_pays_the_companys_multa(admin_api: ApiClient) -> None:
    company = await make_company(late_fee_percent=Decimal("10.00"))
    debtor = await make_debtor(document=VALID_CNPJ)
    entry = await make_entry(company, debtor, due=dt.date(2026, 1, 9), amount="1000.00")
    assert (await _charges(admin_api, entry))["charges"]["lateFee"] == "100.00"
    ok = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="100.00",
        lateFee="100.00",
    )  # fmt: skip
    assert ok["errors"] == []


async def test_charges_on_a_date_outside_the_accepted_range_is_refused(
    admin_api: ApiClient,
) -> None:
    entry = await _friday_entry()
    body = await admin_api.execute(CHARGES, {"id": entry_id(entry), "on": "1800-01-01"})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_DATE"


async def test_reversing_a_waiver_makes_the_charges_owed_again(admin_api: ApiClient) -> None:
    entry = await _friday_entry()
    paid = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="400.00",
        paidOn="2026-01-19", waiveCharges=True, waiverReason="Acordo",
    )  # fmt: skip
    reversed_ = await mutate(
        admin_api, REVERSE, "reversePayment", paymentId=paid["payment"]["id"], reason="Erro"
    )
    assert reversed_["errors"] == []
    # Nothing paid, nothing waived: 31 days on 1.000,00 = multa 20,00 + juros 10,33.
    found = await _charges(admin_api, entry)
    assert found["waivedCharges"] == "0.00"
    assert found["charges"]["updatedAmount"] == "1030.33"


# --- what was received is never asked again, whatever the payment's date (CDC art. 42) ------


async def test_a_backdated_payment_does_not_charge_again_what_a_later_one_received(
    admin_api: ApiClient,
) -> None:
    # R$ 1.000,00 due Friday 9 Jan 2026; today Monday 9 Feb, 31 days late: multa 2 % = 20,00,
    # juros 1.000,00 x 1 % x 31 / 30 = 10,333 -> 10,33. Paid today with both received.
    entry = await _friday_entry()
    today = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="100.00",
        lateFee="20.00",
        interest="10.33",
    )
    assert today["errors"] == []
    # A payment found later, dated 20 Jan: by then multa 20,00 and juros 1.000,00 x 1 % x 11/30
    # = 3,67 had accrued, and all of it has since been received (20,00 + 10,33): nothing is owed.
    quoted = (await _charges(admin_api, entry, "2026-01-20"))["charges"]
    assert (quoted["lateFee"], quoted["interest"], quoted["receivedCharges"]) == (
        "0.00",
        "0.00",
        "30.33",
    )
    for charge in ({"lateFee": "20.00"}, {"interest": "3.67"}):
        refused = await mutate(
            admin_api,
            SETTLE,
            "settleEntry",
            entryId=entry_id(entry),
            amount="50.00",
            paidOn="2026-01-20",
            **charge,
        )
        [field] = charge
        assert codes(refused) == {("CHARGES_ABOVE_OWED", ("input", field))}
        assert "R$ 0,00" in refused["errors"][0]["message"]
    plain = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="50.00",
        paidOn="2026-01-20",
    )
    assert plain["errors"] == []
    assert await Payment.filter(entry_id=entry.id).count() == 2  # nothing half-written


async def test_charges_typed_above_what_is_owed_are_refused(admin_api: ApiClient) -> None:
    entry = await _friday_entry()  # owed today: multa 20,00, juros 10,33 (above)
    too_much = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="10.00",
        lateFee="100.00",
        interest="50.00",
    )
    assert codes(too_much) == {
        ("CHARGES_ABOVE_OWED", ("input", "lateFee")),
        ("CHARGES_ABOVE_OWED", ("input", "interest")),
    }
    messages = " ".join(e["message"] for e in too_much["errors"])
    assert "R$ 20,00" in messages
    assert "R$ 10,33" in messages
    not_due = await make_entry(
        await make_company(), await make_debtor(document=VALID_CNPJ), due=dt.date(2026, 3, 2)
    )
    early = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(not_due), amount="10.00", lateFee="2.00"
    )
    assert codes(early) == {("CHARGES_ABOVE_OWED", ("input", "lateFee"))}
    assert await Payment.filter(entry_id__in=[entry.id, not_due.id]).count() == 0
    exact = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="10.00",
        lateFee="20.00",
        interest="10.33",
    )
    assert exact["errors"] == []
