"""The régua meets PIX and the partners' webhooks: an automatic e-mail carries the BR Code of its
own SentEmail (the amount it states, the entries it covered), and a broken promise is an event
for the company's endpoints, written in the transaction that breaks it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import zxingcpp

from backend.collection import holds
from backend.collection import run as regua
from backend.collection.models import CollectionStep
from backend.collection.templates import ensure_default_template
from backend.core.ids import encode_id
from backend.mailing.models import SentEmail
from backend.pix.brcode import decode
from backend.pix.message import txid_for
from backend.pix.models import SentEmailEntry
from backend.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests.collection.test_run import MONDAY, NINE, ZONE, worker
from tests.mailing.helpers import MAIL_FROM, SmtpServer, billing_company, customer
from tests.pix.pngread import grey_pixels
from tests.support import SetClock, make_entry, make_user, principal


async def test_an_automatic_email_carries_the_pix_of_its_own_sent_email(
    database_url: str, clock: SetClock, smtp_server: SmtpServer
) -> None:
    company = await billing_company(recent_contact_days=0, pix_key="financeiro@bexus.example")
    template = await ensure_default_template(company)
    template.body += "\nPIX copia e cola: {{ pix_copia_e_cola }}"
    await template.save()
    await CollectionStep.create(company=company, days=0, template=template)
    debtor = await customer(name="Ana Souza", email="ana@cliente.example")
    first = await make_entry(company, debtor, due=MONDAY, amount="50.00")
    second = await make_entry(company, debtor, due=MONDAY - dt.timedelta(days=1), amount="25.00")

    clock.set(NINE)
    delivery = worker(smtp_server, clock)
    await delivery.regua_tick()
    await delivery.drain()

    email = await SentEmail.get(automatic=True)
    assert email.pix_txid == txid_for(email.id)
    [received] = smtp_server.inbox.received
    png = next(p for p in received.message.walk() if p.get_content_type() == "image/png")
    payload = png.get_payload(decode=True)
    assert isinstance(payload, bytes)
    width, height, pixels = grey_pixels(payload)
    found = zxingcpp.read_barcode(memoryview(pixels).cast("B", (height, width)))
    assert found is not None
    assert found.text == email.pix_copia_e_cola
    assert email.pix_copia_e_cola in received.part("text/plain")
    code = decode(found.text)
    assert code.key == "financeiro@bexus.example"
    assert code.txid == email.pix_txid
    # D0 on Monday: nothing is late yet — the entry due on Sunday may be paid on the next
    # business day without charges (backend/businessdays) — so the code asks R$ 50 + R$ 25.
    covered = await SentEmailEntry.filter(sent_email_id=email.id).order_by("entry_id")
    assert [c.entry_id for c in covered] == sorted([first.id, second.id])
    assert code.amount == sum((Decimal(c.updated_cents) / 100 for c in covered), Decimal(0))
    assert code.amount == Decimal("75.00")


async def test_a_broken_promise_is_an_event_for_the_partners(
    database_url: str, clock: SetClock
) -> None:
    company = await billing_company(recent_contact_days=0)
    template = await ensure_default_template(company)
    await CollectionStep.create(company=company, days=0, template=template)
    debtor = await customer(name="Bia Lima", email="bia@cliente.example")
    await make_entry(company, debtor, due=MONDAY, amount="50.00")
    endpoint = await WebhookEndpoint.create(
        company=company, url="https://erp.example/hooks", events=["promise.broken"], secret="x"
    )
    other = await billing_company(name="Outra Ltda")
    await WebhookEndpoint.create(
        company=other, url="https://outra.example/hooks", events=["promise.broken"], secret="y"
    )
    user = await make_user(companies=[company])
    recorder = dataclasses.replace(principal([company.id]), user_id=user.id)
    friday = dt.datetime.combine(MONDAY - dt.timedelta(days=3), dt.time(10), ZONE)
    promise = await holds.record_promise(
        principal=recorder, debtor_id=debtor.id, company_id=company.id,
        promised_date=friday.date(), amount=Decimal("50.00"), note=None, now=friday,
    )  # fmt: skip

    [result] = await regua.run_due(now=NINE, mail_from=MAIL_FROM)

    assert result.broken
    [delivery] = await WebhookDelivery.all()
    assert delivery.endpoint_id == endpoint.id
    assert delivery.event == "promise.broken"
    body = json.loads(delivery.body)
    data = body.get("data", body)
    assert data["promiseId"] == encode_id("PaymentPromise", promise.id)
    assert data["debtorId"] == encode_id("Debtor", debtor.id)
    assert data["amount"] == "50.00"
    assert data["paidSince"] == "0.00"
