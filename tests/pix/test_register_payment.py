"""registerPayment: a payment reported from outside, by the PIX txid of a collection e-mail or
by an entry's externalId. Worked examples with the figures a debtor would see."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import httpx
import pytest

from backend.audit.models import AuditEvent
from backend.core.enums import EntryStatus
from backend.entries.models import FinancialEntry, Payment
from backend.mailing.statement import overdue_statement
from backend.pix.models import ProviderPayment
from tests.entries.helpers import codes, freeze
from tests.mailing.helpers import billing_company, customer, queue
from tests.support import ApiClient, gid, make_entry

# 12:00 in São Paulo on Monday 9 Feb 2026.
NOON_9_FEB = dt.datetime(2026, 2, 9, 15, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 2, 9)

REGISTER = """
mutation($input: RegisterPaymentInput!) {
  registerPayment(input: $input) {
    registeredPayment {
      id providerPaymentId method txid amount allocated credit paidOn
      payments { id amount lateFee interest paidOn method note }
      entries { id code status openAmount paidAmount }
    }
    errors { field code message }
  }
}"""


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    freeze(monkeypatch, NOON_9_FEB)


async def register(api: ApiClient, **values: Any) -> dict[str, Any]:
    data = await api.data(REGISTER, {"input": values})
    payload: dict[str, Any] = data["registerPayment"]
    return payload


async def _charged_by_email() -> tuple[Any, FinancialEntry, FinancialEntry, str]:
    """R$ 1.000,00 due 9 Jan (31 days late) and R$ 500,00 due 26 Jan (14 days), to a consumer:
    multa 2 % each; juros 1 % a month pro rata die."""
    company = await billing_company(pix_key="financeiro@bexus.example")
    debtor = await customer()
    old = await make_entry(company, debtor, due=dt.date(2026, 1, 9), amount="1000.00", code="NF-1")
    new = await make_entry(company, debtor, due=dt.date(2026, 1, 26), amount="500.00", code="NF-2")
    email = await queue(company, debtor, now=NOON_9_FEB)
    await email.refresh_from_db()
    assert email.pix_txid is not None
    return company, old, new, email.pix_txid


async def test_paid_by_txid_on_the_day_settles_every_entry_with_its_charges(
    admin_api: ApiClient,
) -> None:
    company, old, _, txid = await _charged_by_email()
    # 1.000,00 + multa 20,00 + juros 10,33 (31 days) ; 500,00 + multa 10,00 + juros 2,33 (14 days)
    statement = await overdue_statement(company=company, debtor=await old.debtor, now=NOON_9_FEB)
    assert statement.total_updated == Decimal("1542.66")

    done = await register(
        admin_api,
        companyId=gid("Company", company.id),
        txid=txid.lower(),  # as a bank app may echo it
        amount="1542.66",
        paidOn="2026-02-09",
        providerPaymentId="psp-e2e-1",
        method="PIX",
    )
    assert done["errors"] == []
    paid = done["registeredPayment"]
    assert (paid["amount"], paid["allocated"], paid["credit"]) == ("1542.66", "1542.66", "0.00")
    assert paid["txid"] == txid
    assert [(p["interest"], p["lateFee"], p["amount"]) for p in paid["payments"]] == [
        ("10.33", "20.00", "1000.00"),
        ("2.33", "10.00", "500.00"),
    ]
    assert [e["code"] for e in paid["entries"]] == ["NF-1", "NF-2"]
    assert {e["status"] for e in paid["entries"]} == {"PAID"}
    assert {p["method"] for p in paid["payments"]} == {"PIX"}
    assert all(txid in p["note"] for p in paid["payments"])
    assert await AuditEvent.filter(action="payment.create").count() == 2
    event = await AuditEvent.get(action="payment.register")
    assert event.details["credit"] == "0.00"
    assert event.company_id == company.id


async def test_a_partial_pix_pays_the_oldest_first_and_an_overpayment_becomes_credit(
    admin_api: ApiClient,
) -> None:
    company, _, new, txid = await _charged_by_email()
    ids = {"companyId": gid("Company", company.id), "txid": txid}
    first = await register(admin_api, **ids, amount="1100.00", providerPaymentId="p-1")
    assert first["errors"] == []
    # NF-1 takes 10,33 + 20,00 + 1.000,00; NF-2 the 69,67 left: juros 2,33, multa 10,00,
    # principal 57,34.
    payments = first["registeredPayment"]["payments"]
    assert [(p["interest"], p["lateFee"], p["amount"]) for p in payments] == [
        ("10.33", "20.00", "1000.00"),
        ("2.33", "10.00", "57.34"),
    ]
    assert [e["status"] for e in first["registeredPayment"]["entries"]] == [
        "PAID",
        "PARTIALLY_PAID",
    ]
    assert (await FinancialEntry.get(id=new.id)).open_amount == Decimal("442.66")

    # The debtor scans the same code again: 442,66 settle NF-2 (its charges were received
    # today), the rest is the debtor's credit, recorded, never lost.
    second = await register(admin_api, **ids, amount="1100.00", providerPaymentId="p-2")
    assert second["errors"] == []
    paid = second["registeredPayment"]
    assert [(p["interest"], p["lateFee"], p["amount"]) for p in paid["payments"]] == [
        ("0.00", "0.00", "442.66")
    ]
    assert (paid["allocated"], paid["credit"]) == ("442.66", "657.34")
    assert Decimal(paid["allocated"]) + Decimal(paid["credit"]) == Decimal(paid["amount"])
    assert (await FinancialEntry.get(id=new.id)).status == EntryStatus.PAID
    row = await ProviderPayment.get(provider_payment_id="p-2")
    assert row.credit_cents == 65734

    # A third time: nothing open, all credit.
    third = await register(admin_api, **ids, amount="10.00", providerPaymentId="p-3")
    assert third["registeredPayment"]["payments"] == []
    assert third["registeredPayment"]["credit"] == "10.00"
    total_in = sum(r.amount_cents for r in await ProviderPayment.all())
    received = sum(
        p.amount_cents + p.late_fee_cents + p.interest_cents for p in await Payment.all()
    )
    credits = sum(r.credit_cents for r in await ProviderPayment.all())
    assert total_in == received + credits  # not a cent lost


async def test_the_same_report_again_returns_the_first_result_and_other_data_is_refused(
    admin_api: ApiClient,
) -> None:
    company, _, _, txid = await _charged_by_email()
    values = {
        "companyId": gid("Company", company.id),
        "txid": txid,
        "amount": "300.00",
        "providerPaymentId": "e2e-42",
    }
    first = await register(admin_api, **values)
    again = await register(admin_api, **values)
    assert first["errors"] == again["errors"] == []
    assert again["registeredPayment"] == first["registeredPayment"]
    assert await Payment.all().count() == 1
    other = await register(admin_api, **{**values, "amount": "301.00"})
    assert codes(other) == {("IDEMPOTENCY_KEY_REUSED", ("input", "providerPaymentId"))}
    assert other["registeredPayment"] is None
    assert await Payment.all().count() == 1


async def test_by_external_id_as_a_boleto(admin_api: ApiClient) -> None:
    company = await billing_company()
    debtor = await customer()
    entry = await make_entry(
        company, debtor, due=TODAY + dt.timedelta(days=10), amount="80.00", external_id="ERP-9"
    )
    done = await register(
        admin_api,
        companyId=gid("Company", company.id),
        entryExternalId="ERP-9",
        amount="50.00",
        providerPaymentId="boleto-1",
        method="BOLETO",
    )
    assert done["errors"] == []
    paid = done["registeredPayment"]
    assert paid["method"] == "BOLETO"
    assert paid["payments"][0]["amount"] == "50.00"
    assert paid["paidOn"] == "2026-02-09"  # today in São Paulo
    assert (await FinancialEntry.get(id=entry.id)).paid_cents == 5000


async def test_bad_reports_are_refused_with_nothing_written(
    admin_api: ApiClient, http: httpx.AsyncClient
) -> None:
    company, _, _, txid = await _charged_by_email()
    other = await billing_company(name="Outra Ltda")
    base = {"companyId": gid("Company", company.id), "amount": "10.00", "providerPaymentId": "x"}
    cases: list[tuple[dict[str, Any], tuple[str, tuple[str, ...]]]] = [
        ({}, ("REQUIRED", ("input", "entryExternalId"))),
        ({"txid": txid, "entryExternalId": "E"}, ("AMBIGUOUS_REFERENCE", ("input", "txid"))),
        ({"txid": "COBZZZZ"}, ("NOT_FOUND", ("input", "txid"))),
        ({"txid": "***"}, ("NOT_FOUND", ("input", "txid"))),
        ({"entryExternalId": "nope"}, ("NOT_FOUND", ("input", "entryExternalId"))),
        ({"txid": txid, "companyId": gid("Company", other.id)}, ("NOT_FOUND", ("input", "txid"))),
        ({"txid": txid, "amount": "0"}, ("INVALID_AMOUNT", ("input", "amount"))),
        ({"txid": txid, "amount": "1.001"}, ("INVALID_AMOUNT", ("input", "amount"))),
        ({"txid": txid, "paidOn": "2026-02-10"}, ("FUTURE_DATE", ("input", "paidOn"))),
        ({"txid": txid, "providerPaymentId": " "}, ("REQUIRED", ("input", "providerPaymentId"))),
    ]
    for change, expected in cases:
        result = await register(admin_api, **{**base, **change})
        assert expected in codes(result), (change, result)
        assert result["registeredPayment"] is None
    assert await Payment.all().count() == 0
    assert await ProviderPayment.all().count() == 0

    # Another company's token does not reach the company, nor its txid.
    outsider = await ApiClient.with_token(http, scope="WRITE", companies=[other])
    result = await register(outsider, **base, txid=txid)
    assert codes(result) == {("NOT_FOUND", ("input", "companyId"))}
    # A read-only token may not write.
    reader = await ApiClient.with_token(http, scope="READ")
    body = await reader.execute(REGISTER, {"input": {**base, "txid": txid}})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await Payment.all().count() == 0
