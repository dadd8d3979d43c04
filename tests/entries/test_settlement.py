"""settleEntry and reversePayment through the API: statuses, charges received, every error."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from backend.audit.models import AuditEvent
from backend.core.enums import EntryStatus
from backend.core.ids import decode_id
from backend.entries.models import FinancialEntry, Payment
from tests.entries.helpers import (
    DUE_10_JAN,
    NOON_9_FEB,
    REVERSE,
    SETTLE,
    codes,
    entry_id,
    freeze,
    mutate,
)
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    freeze(monkeypatch, NOON_9_FEB)


async def _entry(amount: str = "1000.00", **values: object) -> FinancialEntry:
    return await make_entry(
        await make_company(), await make_debtor(), due=DUE_10_JAN, amount=amount, **values
    )


async def test_partial_then_full_settlement(admin_api: ApiClient) -> None:
    entry = await _entry()
    first = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="400.00",
        paidOn="2026-01-20",
        method="pix",
        note="Primeira parcela",
    )
    assert first["errors"] == []
    assert first["entry"]["status"] == "PARTIALLY_PAID"
    assert first["entry"]["paidAmount"] == "400.00"
    assert first["entry"]["openAmount"] == "600.00"
    assert first["payment"]["method"] == "PIX"
    assert first["payment"]["paidOn"] == "2026-01-20"

    rest = await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry))
    assert rest["errors"] == []
    assert rest["payment"]["amount"] == "600.00"  # the open amount by default
    assert rest["payment"]["paidOn"] == "2026-02-09"  # today in São Paulo
    assert rest["payment"]["method"] == "OTHER"
    assert rest["entry"]["status"] == "PAID"
    assert rest["entry"]["openAmount"] == "0.00"
    assert rest["entry"]["version"] == entry.version + 2


async def test_paying_1033_33_settles_1000_with_charges_received(admin_api: ApiClient) -> None:
    # Due Wednesday 31 Dec 2025, paid 9 Feb: 40 days late. Multa 2 % = 20,00; juros
    # 1.000,00 x 1 % x 40 / 30 = 13,333 -> 13,33: R$ 1.033,33 settles it (product.md's example).
    entry = await make_entry(
        await make_company(), await make_debtor(), due=dt.date(2025, 12, 31), amount="1000.00"
    )
    result = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        lateFee="20.00",
        interest="13.33",
        method="BOLETO",
    )
    assert result["errors"] == []
    assert result["entry"]["status"] == "PAID"
    assert result["entry"]["paidAmount"] == "1000.00"
    payment = result["payment"]
    assert (payment["amount"], payment["lateFee"], payment["interest"]) == (
        "1000.00",
        "20.00",
        "13.33",
    )
    assert payment["receivedAmount"] == "1033.33"
    stored = await Payment.get(id=decode_id("Payment", payment["id"]))
    assert (stored.late_fee_cents, stored.interest_cents, stored.discount_cents) == (2000, 1333, 0)


async def test_discount_is_part_of_the_principal_settled(admin_api: ApiClient) -> None:
    entry = await _entry()
    result = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), discount="50.00"
    )
    assert result["errors"] == []
    assert result["entry"]["status"] == "PAID"
    assert result["payment"]["receivedAmount"] == "950.00"


async def test_settlement_is_audited(admin_api: ApiClient) -> None:
    entry = await _entry()
    await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="250.00")
    event = await AuditEvent.get(action="payment.create")
    assert (event.target_type, event.target_id) == ("FinancialEntry", entry.id)
    assert event.details["paymentId"] == (await Payment.get(entry_id=entry.id)).id
    assert event.company_id == entry.company_id
    assert event.details["amount"] == "250.00"
    assert event.details["paidAmount"] == {"old": "0.00", "new": "250.00"}
    assert event.details["status"] == {"old": "OPEN", "new": "PARTIALLY_PAID"}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"amount": "0"}, {("INVALID_AMOUNT", ("input", "amount"))}),
        ({"amount": "-5.00"}, {("INVALID_AMOUNT", ("input", "amount"))}),
        ({"amount": "10.001"}, {("INVALID_AMOUNT", ("input", "amount"))}),
        ({"amount": "1000.01"}, {("AMOUNT_EXCEEDS_OPEN", ("input", "amount"))}),
        ({"method": "BITCOIN"}, {("INVALID_METHOD", ("input", "method"))}),
        ({"paidOn": "2026-02-10"}, {("FUTURE_DATE", ("input", "paidOn"))}),
        ({"paidOn": "1900-01-01"}, {("INVALID_DATE", ("input", "paidOn"))}),
        ({"lateFee": "-1.00"}, {("INVALID_AMOUNT", ("input", "lateFee"))}),
        ({"interest": "0.001"}, {("INVALID_AMOUNT", ("input", "interest"))}),
        (
            {"amount": "10.00", "lateFee": "1.00", "discount": "11.01"},
            {("DISCOUNT_EXCEEDS_TOTAL", ("input", "discount"))},
        ),
        ({"note": "x" * 501}, {("TOO_LONG", ("input", "note"))}),
        (
            {"amount": "2000.00", "method": "?", "paidOn": "2030-01-01"},
            {
                ("AMOUNT_EXCEEDS_OPEN", ("input", "amount")),
                ("INVALID_METHOD", ("input", "method")),
                ("FUTURE_DATE", ("input", "paidOn")),
            },
        ),
    ],
)
async def test_bad_settlements_write_nothing(
    admin_api: ApiClient, values: dict[str, str], expected: set[tuple[str, tuple[str, ...]]]
) -> None:
    entry = await _entry()
    result = await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), **values)
    assert result["entry"] is None
    assert result["payment"] is None
    assert codes(result) == expected
    assert all(e["message"] for e in result["errors"])
    assert await Payment.all().count() == 0
    assert (await FinancialEntry.get(id=entry.id)).paid_cents == 0
    assert await AuditEvent.filter(action="payment.create").count() == 0


async def test_a_paid_or_cancelled_entry_cannot_be_settled(admin_api: ApiClient) -> None:
    paid = await _entry(paid="1000.00")
    cancelled = await _entry(status=EntryStatus.CANCELLED)
    for entry, code in ((paid, "ENTRY_ALREADY_PAID"), (cancelled, "ENTRY_CANCELLED")):
        result = await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry))
        assert codes(result) == {(code, ("input", "entryId"))}


async def test_unknown_wrong_type_and_out_of_scope_entries_are_not_found(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company_a, company_b = await make_company(), await make_company()
    debtor = await make_debtor()
    entry_b = await make_entry(company_b, debtor, due=DUE_10_JAN)
    api_a = await ApiClient.with_token(http, companies=[company_a])
    for api, target in (
        (admin_api, gid("FinancialEntry", 999)),
        (admin_api, gid("Debtor", debtor.id)),
        (admin_api, "not-an-id"),
        (api_a, entry_id(entry_b)),
    ):
        result = await mutate(api, SETTLE, "settleEntry", entryId=target)
        assert codes(result) == {("NOT_FOUND", ("input", "entryId"))}
    assert await Payment.all().count() == 0


async def test_read_only_token_cannot_settle(http: httpx.AsyncClient) -> None:
    entry = await _entry()
    reader = await ApiClient.with_token(http, scope="READ")
    body = await reader.execute(SETTLE, {"input": {"entryId": entry_id(entry)}})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await Payment.all().count() == 0


async def test_reversal_restores_the_open_amount_once(admin_api: ApiClient) -> None:
    entry = await _entry()
    settled = await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry))
    payment_id = settled["payment"]["id"]
    reversed_ = await mutate(
        admin_api, REVERSE, "reversePayment", paymentId=payment_id, reason="Pix devolvido"
    )
    assert reversed_["errors"] == []
    assert reversed_["entry"]["status"] == "OPEN"
    assert reversed_["entry"]["paidAmount"] == "0.00"
    assert reversed_["payment"]["reversedAt"] is not None
    assert reversed_["payment"]["reversalReason"] == "Pix devolvido"
    event = await AuditEvent.get(action="payment.reverse")
    assert event.details["status"] == {"old": "PAID", "new": "OPEN"}

    again = await mutate(
        admin_api, REVERSE, "reversePayment", paymentId=payment_id, reason="De novo"
    )
    assert codes(again) == {("ALREADY_REVERSED", ("input", "paymentId"))}
    assert (await FinancialEntry.get(id=entry.id)).paid_cents == 0


async def test_reversing_one_of_two_payments_leaves_the_entry_partially_paid(
    admin_api: ApiClient,
) -> None:
    entry = await _entry()
    first = await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="300")
    await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="200")
    result = await mutate(
        admin_api, REVERSE, "reversePayment", paymentId=first["payment"]["id"], reason="Erro"
    )
    assert result["entry"]["status"] == "PARTIALLY_PAID"
    assert result["entry"]["paidAmount"] == "200.00"
    read = await admin_api.data(
        "query($id: ID!) { entry(id: $id) { payments { amount reversedAt } } }",
        {"id": entry_id(entry)},
    )
    assert [(p["amount"], p["reversedAt"] is None) for p in read["entry"]["payments"]] == [
        ("300.00", False),
        ("200.00", True),
    ]


async def test_reversal_errors(http: httpx.AsyncClient, admin_api: ApiClient) -> None:
    company_a, company_b = await make_company(), await make_company()
    entry_b = await make_entry(company_b, await make_debtor(), due=DUE_10_JAN)
    settled = await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry_b))
    payment_b = settled["payment"]["id"]
    api_a = await ApiClient.with_token(http, companies=[company_a])

    missing_reason = await mutate(
        admin_api, REVERSE, "reversePayment", paymentId=payment_b, reason=" "
    )
    assert codes(missing_reason) == {("REQUIRED", ("input", "reason"))}
    for api, target in ((api_a, payment_b), (admin_api, gid("Payment", 999)), (admin_api, "x")):
        result = await mutate(api, REVERSE, "reversePayment", paymentId=target, reason="Erro")
        assert codes(result) == {("NOT_FOUND", ("input", "paymentId"))}
    assert await Payment.filter(reversed_at__isnull=False).count() == 0


async def test_payment_dated_today_in_sao_paulo_is_not_future_though_utc_is_tomorrow(
    admin_api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 23:30 on 9 Feb in São Paulo is already 10 Feb in UTC.
    freeze(monkeypatch, dt.datetime(2026, 2, 10, 2, 30, tzinfo=dt.UTC))
    entry = await _entry()
    ok = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="1", paidOn="2026-02-09"
    )
    assert ok["errors"] == []
    default = await mutate(admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="1")
    assert default["payment"]["paidOn"] == "2026-02-09"
    future = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="1", paidOn="2026-02-10"
    )
    assert codes(future) == {("FUTURE_DATE", ("input", "paidOn"))}
