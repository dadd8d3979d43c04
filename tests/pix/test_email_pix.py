"""PIX inside collection e-mails, received through a real SMTP server: the copia e cola in the
text and HTML parts and the same code as an inline QR image, decoded and checked (key, amount,
txid naming the SentEmail, CRC)."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal
from email.message import EmailMessage
from typing import Any

import zxingcpp

from backend.core.periods import local_today
from backend.mailing.compose import EmailRequest
from backend.mailing.models import SentEmail
from backend.mailing.services import preview_collection_email
from backend.mailing.statement import overdue_statement
from backend.pix.brcode import crc16_ccitt, decode
from backend.pix.message import sent_email_id_of, txid_for
from backend.pix.models import SentEmailEntry
from tests.mailing.helpers import (
    MAIL_FROM,
    SEND,
    Clock,
    SmtpServer,
    billing_company,
    customer,
    queue,
    worker,
)
from tests.pix.pngread import grey_pixels
from tests.support import ApiClient, gid, make_entry, principal

BODY = "Olá {{ cliente }}, devemos {{ total_atualizado }}.\nPIX: {{ pix_copia_e_cola }}\nObrigado."


def _image(message: EmailMessage) -> tuple[str, bytes]:
    for part in message.walk():
        if part.get_content_type() == "image/png":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return str(part["Content-ID"]), payload
    raise AssertionError("no image/png part")


def _qr_text(png: bytes) -> str:
    width, height, pixels = grey_pixels(png)
    found = zxingcpp.read_barcode(memoryview(pixels).cast("B", (height, width)))
    assert found is not None
    return str(found.text)


async def test_each_message_carries_the_pix_of_its_sent_email(
    database_url: str, smtp_server: SmtpServer, mail_clock: Clock
) -> None:
    company = await billing_company(pix_key="financeiro@bexus.example", city="São Paulo")
    debtor = await customer()
    now = dt.datetime.now(dt.UTC)
    today = local_today(now, company.time_zone)
    old = await make_entry(company, debtor, due=today - dt.timedelta(days=40), amount="500.00",
                           paid="200.00")  # fmt: skip
    recent = await make_entry(company, debtor, due=today - dt.timedelta(days=12), amount="1000.00")
    await make_entry(company, debtor, due=today + dt.timedelta(days=20), amount="70.00")  # not due

    first = await queue(company, debtor, body=BODY, now=now)
    second = await queue(company, debtor, body=BODY, now=now)
    statement = await overdue_statement(company=company, debtor=debtor, now=now)
    assert statement.total_updated > statement.total_open  # multa and juros count

    for email in (first, second):
        await email.refresh_from_db()
        assert email.pix_txid == txid_for(email.id)
        assert sent_email_id_of(email.pix_txid) == email.id
        assert email.pix_copia_e_cola is not None
        code = decode(email.pix_copia_e_cola)
        assert code.key == "financeiro@bexus.example"
        assert code.amount == statement.total_updated
        assert code.txid == email.pix_txid
        assert code.name == "Bexus Comercio Ltda"
        assert code.city == "Sao Paulo"
        covered = await SentEmailEntry.filter(sent_email_id=email.id).order_by("entry_id")
        quoted = [(c.entry_id, c.open_cents) for c in covered]
        assert quoted == [(old.id, 30000), (recent.id, 100000)]
    assert first.pix_txid != second.pix_txid

    delivery = worker(smtp_server.transport(), mail_clock)
    assert await delivery.drain() == 2
    await asyncio.to_thread(smtp_server.inbox.wait_for, 2)
    by_id = {str(r.message["Message-ID"]): r for r in smtp_server.inbox.received}
    for email in (first, second):
        assert email.pix_copia_e_cola is not None
        received = by_id[str(email.message_id)]
        text = received.part("text/plain")
        html = received.part("text/html")
        # In the body where the placeholder stood, and in the PIX block after it.
        assert f"PIX: {email.pix_copia_e_cola}\n" in text
        assert text.count(email.pix_copia_e_cola) == 2
        assert "Pague com PIX: R$" in text
        content_id, png = _image(received.message)
        assert content_id == f"<pix-{email.pix_txid}@cobrancas>"
        assert f'src="cid:pix-{email.pix_txid}@cobrancas"' in html
        assert email.pix_copia_e_cola in html
        scanned = _qr_text(png)
        assert scanned == email.pix_copia_e_cola
        code = decode(scanned)  # raises on a wrong CRC
        assert code.crc == f"{crc16_ccitt(scanned[:-4].encode()):04X}"
        assert (code.key, code.amount, code.txid) == (
            "financeiro@bexus.example",
            statement.total_updated,
            email.pix_txid,
        )


async def test_no_pix_key_means_no_pix_and_an_empty_placeholder(
    database_url: str, smtp_server: SmtpServer, mail_clock: Clock
) -> None:
    company = await billing_company()
    debtor = await customer()
    now = dt.datetime.now(dt.UTC)
    today = local_today(now, company.time_zone)
    await make_entry(company, debtor, due=today - dt.timedelta(days=30), amount="100.00")
    email = await queue(company, debtor, body=BODY, now=now)
    await email.refresh_from_db()
    assert (email.pix_txid, email.pix_copia_e_cola) == (None, None)
    assert "PIX: \nObrigado." in email.text
    assert "Pague com PIX" not in email.text
    assert await SentEmailEntry.filter(sent_email_id=email.id).count() == 1
    assert await worker(smtp_server.transport(), mail_clock).drain() == 1
    await asyncio.to_thread(smtp_server.inbox.wait_for, 1)
    message = smtp_server.inbox.received[0].message
    assert not [p for p in message.walk() if p.get_content_type() == "image/png"]


async def test_nothing_overdue_means_no_pix(database_url: str) -> None:
    company = await billing_company(pix_key="+5511987654321")
    debtor = await customer()
    email = await queue(company, debtor, body=BODY)
    await email.refresh_from_db()
    assert email.pix_copia_e_cola is None
    assert await SentEmailEntry.filter(sent_email_id=email.id).count() == 0


async def test_the_api_answers_the_pix_of_a_sent_email(admin_api: ApiClient) -> None:
    company = await billing_company(pix_key="11222333000181", city="Recife")
    debtor = await customer()
    today = local_today(dt.datetime.now(dt.UTC), company.time_zone)
    await make_entry(company, debtor, due=today - dt.timedelta(days=30), amount="250.00")
    query = SEND.replace("messageId", "messageId pixCopiaECola pixTxid")
    variables: dict[str, Any] = {
        "input": {
            "companyId": gid("Company", company.id),
            "debtorId": gid("Debtor", debtor.id),
            "subject": "Cobrança",
            "body": BODY,
        }
    }
    payload = (await admin_api.data(query, variables))["sendCollectionEmail"]
    assert payload["errors"] == []
    sent = payload["sentEmail"]
    stored = await SentEmail.get(pix_txid=sent["pixTxid"])
    assert sent["pixCopiaECola"] == stored.pix_copia_e_cola
    assert decode(sent["pixCopiaECola"]).key == "11222333000181"
    assert sent["pixCopiaECola"] in sent["body"]


async def test_the_preview_shows_the_pix_before_the_email_has_a_txid(database_url: str) -> None:
    company = await billing_company(pix_key="financeiro@bexus.example")
    debtor = await customer()
    now = dt.datetime.now(dt.UTC)
    today = local_today(now, company.time_zone)
    await make_entry(company, debtor, due=today - dt.timedelta(days=30), amount="100.00")
    preview = await preview_collection_email(
        principal=principal(),
        request=EmailRequest(
            debtor_id=debtor.id, company_id=company.id, subject="Cobrança", body=BODY
        ),
        now=now,
        mail_from=MAIL_FROM,
    )
    assert preview.errors == []
    assert preview.text is not None
    line = next(x for x in preview.text.splitlines() if x.startswith("PIX: "))
    code = decode(line.removeprefix("PIX: "))
    assert code.txid == "***"  # the BR Code's "no identifier": the e-mail has no id yet
    assert code.amount is not None
    assert code.amount > Decimal("100.00")  # with multa and juros
    assert "Pague com PIX" in preview.text
