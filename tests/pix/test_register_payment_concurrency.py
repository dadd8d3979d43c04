"""registerPayment at once: the same report many times pays once; many reports of one txid
never overpay an entry and never lose a cent (what no entry takes is credit); and each report
is published live to the company's subscribers."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

from backend.entries.models import FinancialEntry, Payment
from backend.live.bus import events, hub
from backend.pix.models import ProviderPayment
from backend.pix.payments import PaymentReport, Registered, register_payment
from tests.mailing.helpers import billing_company, customer, queue
from tests.support import make_entry, principal

NOON_9_FEB = dt.datetime(2026, 2, 9, 15, 0, tzinfo=dt.UTC)
ADMIN = principal()


async def _txid() -> tuple[int, str]:
    company = await billing_company(pix_key="financeiro@bexus.example", late_fee_percent=0,
                                    monthly_interest_percent=0)  # fmt: skip
    debtor = await customer()
    for due, amount in ((dt.date(2026, 1, 9), "60.00"), (dt.date(2026, 1, 20), "40.00")):
        await make_entry(company, debtor, due=due, amount=amount)
    email = await queue(company, debtor, now=NOON_9_FEB)
    await email.refresh_from_db()
    assert email.pix_txid is not None
    return company.id, email.pix_txid


async def _report(company_id: int, txid: str, provider_id: str, amount: str) -> Registered:
    report = PaymentReport(
        company_id=company_id, provider_payment_id=provider_id, amount=Decimal(amount), txid=txid
    )
    return await register_payment(principal=ADMIN, report=report, now=NOON_9_FEB)


async def test_the_same_report_at_once_pays_once(database_url: str) -> None:
    company_id, txid = await _txid()
    results = await asyncio.gather(*(_report(company_id, txid, "psp-1", "70.00") for _ in range(8)))
    assert {r.report.id for r in results} == {results[0].report.id}
    assert await ProviderPayment.all().count() == 1
    assert sum(p.amount_cents for p in await Payment.all()) == 7000


async def test_many_reports_at_once_never_overpay_nor_lose_a_cent(database_url: str) -> None:
    company_id, txid = await _txid()
    results = await asyncio.gather(
        *(_report(company_id, txid, f"psp-{n}", "30.00") for n in range(6))
    )
    assert len(results) == 6
    entries = await FinancialEntry.all()
    assert all(e.paid_cents <= e.amount_cents for e in entries)
    assert sum(e.paid_cents for e in entries) == 10000  # both paid in full
    credits = sum(r.credit_cents for r in await ProviderPayment.all())
    received = sum(p.amount_cents for p in await Payment.all())
    assert received + credits == 6 * 3000
    assert credits == 8000


async def test_a_reported_payment_is_published_live(database_url: str) -> None:
    company_id, txid = await _txid()
    async with hub(database_url):
        stream = events(principal([company_id]))
        waiter = asyncio.create_task(anext(stream))
        await asyncio.sleep(0.1)  # subscribed before the payment commits
        done = await _report(company_id, txid, "live-1", "10.00")
        event = await asyncio.wait_for(waiter, timeout=10)
        await stream.aclose()
    assert (event.kind, event.debtor_id, event.company_ids) == (
        "payment.settle",
        done.report.debtor_id,
        (company_id,),
    )
