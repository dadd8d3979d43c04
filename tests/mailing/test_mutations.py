"""sendCollectionEmail and retryEmail through the API, delivered to a real SMTP server."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from backend.audit.models import AuditEvent
from backend.core.enums import EmailStatus
from backend.core.periods import local_today
from backend.debtors.models import Contact, Debtor
from backend.entries.models import Payment
from backend.mailing.models import SentEmail
from tests.mailing.helpers import (
    BODY,
    MAIL_FROM,
    SEND,
    SUBJECT,
    Clock,
    SmtpServer,
    billing_company,
    customer,
    queue,
    worker,
)
from tests.support import ApiClient, gid, make_company, make_entry, make_user

RETRY = """
mutation($id: ID!) {
  retryEmail(input: {id: $id}) {
    sentEmail { id status attempts lastError }
    errors { field code message }
  }
}"""


async def send(api: ApiClient, **values: Any) -> dict[str, Any]:
    data = await api.data(SEND, {"input": values})
    payload: dict[str, Any] = data["sendCollectionEmail"]
    return payload


def _ids(company: Any, debtor: Any) -> dict[str, str]:
    return {"companyId": gid("Company", company.id), "debtorId": gid("Debtor", debtor.id)}


async def test_the_debtor_receives_the_message_with_placeholders_table_and_footer(
    admin_api: ApiClient, smtp_server: SmtpServer, clock: Clock
) -> None:
    company = await billing_company()
    other = await billing_company(name="Outra Empresa", document=None)
    debtor = await customer()
    today = local_today(dt.datetime.now(dt.UTC), "America/Sao_Paulo")
    await make_entry(company, debtor, due=today - dt.timedelta(days=10), amount="1000.00",
                     code="NF-10", description="Venda <b>balcão</b>")  # fmt: skip
    partial = await make_entry(company, debtor, due=today - dt.timedelta(days=40),
                               amount="500.00", paid="200.00", code="NF-40")  # fmt: skip
    await Payment.create(entry=partial, amount_cents=20000, paid_on=partial.due_date)
    await make_entry(company, debtor, due=today, code="HOJE")  # due today: not overdue
    await make_entry(company, debtor, due=today - dt.timedelta(days=5), paid="100.00",
                     code="PAGO")  # fmt: skip
    await make_entry(other, debtor, due=today - dt.timedelta(days=5), code="OUTRA")

    payload = await send(admin_api, **_ids(company, debtor), subject=SUBJECT, body=BODY)

    assert payload["errors"] == []
    queued = payload["sentEmail"]
    assert queued["status"] == "QUEUED"
    assert queued["attempts"] == 0
    assert queued["sentAt"] is None
    assert queued["to"] == ["maria@cliente.example"]
    assert queued["subject"] == "Cobrança Bexus Comércio Ltda - Maria da Silva"
    assert queued["body"].startswith("Olá Maria da Silva (529.982.247-25),\n\nConstam 2 ")
    assert "R$ 1.300,00, ou R$ 1.333,33 com multa e juros" in queued["body"]
    assert f"o mais antigo de {today - dt.timedelta(days=40):%d/%m/%Y}" in queued["body"]
    assert queued["debtor"]["lastEmailedAt"] is not None
    assert queued["company"]["name"] == "Bexus Comércio Ltda"
    assert queued["sentBy"] is None  # an API token
    assert smtp_server.inbox.received == []  # nothing is sent inside the request

    assert await worker(smtp_server.transport(), clock).drain() == 1

    [received] = smtp_server.inbox.received
    message = received.message
    assert received.mail_from == MAIL_FROM
    assert received.rcpt_tos == ["maria@cliente.example"]
    [sender] = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Bexus Comércio Ltda", MAIL_FROM)
    assert message["Reply-To"] == "financeiro@bexus.example"
    assert message["To"] == "maria@cliente.example"
    assert message["Subject"] == "Cobrança Bexus Comércio Ltda - Maria da Silva"
    assert message["Message-ID"] == queued["messageId"]
    html, text = received.part("text/html"), received.part("text/plain")
    for code in ("NF-10", "NF-40"):
        assert f">{code}</td>" in html
        assert code in text
    for absent in ("HOJE", "PAGO", "OUTRA"):
        assert absent not in html
        assert absent not in text
    assert "Venda &lt;b&gt;balcão&lt;/b&gt;" in html  # entry text is escaped
    assert "R$ 1.023,33" in html  # 1000 + 2 % multa + 1 % a month for 10 days
    assert "R$ 310,00" in html  # 300 open + 6,00 multa + 4,00 juros for 40 days
    assert ">40</td>" in html
    footer = "CNPJ 11.222.333/0001-81"
    assert footer in html
    assert footer in text
    address = "Av. Paulista, 1000 - Bela Vista - São Paulo/SP - CEP 01310-100"
    assert address in html
    assert address in text
    assert "Credor: <strong>Bexus Comércio Ltda</strong>" in html

    read = await admin_api.data(
        "query($id: ID!) { sentEmail(id: $id) { status sentAt attempts html text } }",
        {"id": queued["id"]},
    )
    stored = read["sentEmail"]
    assert stored["status"] == "SENT"
    assert stored["sentAt"] is not None
    assert stored["attempts"] == 1
    assert stored["html"].strip() == html.strip()  # "Visualizar e-mail" shows what was sent
    assert stored["text"].strip() == text.strip()
    event = await AuditEvent.get(action="email.queue")
    assert event.target_id == (await SentEmail.get()).id
    assert event.company_id == company.id


async def test_recipients_given_and_contacts_replace_the_debtor_address(
    admin_api: ApiClient, smtp_server: SmtpServer, clock: Clock
) -> None:
    company, debtor = await billing_company(), await customer()
    contact = await Contact.create(debtor=debtor, name="Financeiro", email="fin@cliente.example")
    payload = await send(
        admin_api,
        **_ids(company, debtor),
        subject="Aviso",
        body="Olá",
        to=["Ana@Cliente.Example", "ana@cliente.example", "joao@cliente.example"],
        contactIds=[gid("Contact", contact.id)],
    )
    assert payload["errors"] == []
    assert payload["sentEmail"]["to"] == [
        "Ana@cliente.example",
        "joao@cliente.example",
        "fin@cliente.example",
    ]
    await worker(smtp_server.transport(), clock).drain()
    # One message per recipient, each showing only that recipient's own address.
    received = smtp_server.inbox.received
    assert [(r.rcpt_tos, str(r.message["To"])) for r in received] == [
        (["Ana@cliente.example"], "Ana@cliente.example"),
        (["joao@cliente.example"], "joao@cliente.example"),
        (["fin@cliente.example"], "fin@cliente.example"),
    ]
    for copy in received:
        assert copy.message["Cc"] is None
        assert "maria@" not in copy.message.as_string()


async def test_sent_by_names_the_logged_in_user(http: httpx.AsyncClient) -> None:
    company = await billing_company()
    debtor = await customer(companies=[company])
    user = await make_user(name="Carla Cobradora", companies=[company])
    api = await ApiClient.with_login(http, user)
    payload = await send(api, **_ids(company, debtor), subject="Aviso", body="Olá")
    assert payload["sentEmail"]["sentBy"] == {"name": "Carla Cobradora"}


HOSTILE_CASES = [
    ({"body": "{{ ''.__class__.__mro__ }}"}, "INVALID_PLACEHOLDER", "body"),
    ({"body": "{{ cliente.__class__ }}"}, "INVALID_PLACEHOLDER", "body"),
    ({"body": "{{ cliente|upper }}"}, "INVALID_PLACEHOLDER", "body"),
    ({"body": "{% for x in range(9) %}x{% endfor %}"}, "INVALID_PLACEHOLDER", "body"),
    ({"body": "Olá {{ cliente"}, "INVALID_PLACEHOLDER", "body"),
    ({"body": "{{ senha }}"}, "UNKNOWN_PLACEHOLDER", "body"),
    ({"subject": "{{ tabela_lancamentos }}"}, "INVALID_PLACEHOLDER", "subject"),
    ({"subject": "Oi\r\nBcc: vitima@example.com"}, "INVALID_TEXT", "subject"),
    ({"subject": "Oi\nX-Header: 1"}, "INVALID_TEXT", "subject"),
    ({"subject": "x" * 301}, "TOO_LONG", "subject"),
    ({"subject": "   "}, "REQUIRED", "subject"),
    ({"body": ""}, "REQUIRED", "body"),
    ({"body": "x" * 20_001}, "TOO_LONG", "body"),
    ({"to": ["a@cliente.example, b@cliente.example"]}, "INVALID_EMAIL", "to"),
    ({"to": ["a@cliente.example\r\nBcc: b@cliente.example"]}, "INVALID_EMAIL", "to"),
    ({"to": ["Ana <a@cliente.example>"]}, "INVALID_EMAIL", "to"),
    ({"to": ["nao-e-email"]}, "INVALID_EMAIL", "to"),
    ({"to": [" "]}, "INVALID_EMAIL", "to"),
    ({"to": [f"c{i}@cliente.example" for i in range(11)]}, "TOO_MANY_RECIPIENTS", "to"),
    ({"idempotencyKey": "k" * 101}, "TOO_LONG", "idempotencyKey"),
]


@pytest.mark.parametrize(("values", "code", "field"), HOSTILE_CASES)
async def test_hostile_or_invalid_input_is_rejected_and_queues_nothing(
    admin_api: ApiClient, values: dict[str, Any], code: str, field: str
) -> None:
    company, debtor = await billing_company(), await customer()
    request = {**_ids(company, debtor), "subject": "Aviso", "body": "Olá", **values}
    payload = await send(admin_api, **request)
    assert payload["sentEmail"] is None
    assert [(e["code"], e["field"][:2]) for e in payload["errors"]] == [(code, ["input", field])]
    assert payload["errors"][0]["message"]
    assert await SentEmail.all().count() == 0
    assert not await AuditEvent.filter(action="email.queue").exists()
    assert (await Debtor.get(id=debtor.id)).last_emailed_at is None


async def test_nul_in_the_body_is_refused_at_the_edge_and_queues_nothing(
    admin_api: ApiClient,
) -> None:
    # Control characters are refused for every text input before any resolver runs
    # (api/extensions.py, InputGuard): a top-level INVALID_TEXT with the input's path.
    company, debtor = await billing_company(), await customer()
    body = await admin_api.execute(
        SEND, {"input": {**_ids(company, debtor), "subject": "Aviso", "body": "Olá\x00"}}
    )
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "INVALID_TEXT", "field": ["input", "body"]}
    assert await SentEmail.all().count() == 0


async def test_every_problem_is_reported_at_once(admin_api: ApiClient) -> None:
    company = await make_company()  # no CNPJ, no address
    debtor = await customer(email=None)
    payload = await send(
        admin_api, **_ids(company, debtor), subject="", body="{{ x }}", to=["a@b, c@d"]
    )
    assert {(e["code"], e["field"][1]) for e in payload["errors"]} == {
        ("COMPANY_INCOMPLETE", "companyId"),
        ("REQUIRED", "subject"),
        ("UNKNOWN_PLACEHOLDER", "body"),
        ("INVALID_EMAIL", "to"),
    }


async def test_hostile_names_and_text_are_rendered_inert(
    admin_api: ApiClient, smtp_server: SmtpServer, clock: Clock
) -> None:
    company = await billing_company(name='Cobra & "Cia" <b>Ltda</b>')
    debtor = await customer(name="<script>alert(1)</script>\r\nBcc: vitima@example.com")
    payload = await send(
        admin_api,
        **_ids(company, debtor),
        subject="Oi {{ cliente }}",
        body="<img src=x onerror=alert(1)> {% raw %}{{ ''.__class__ }}{% endraw %} {{ cliente }}",
    )
    assert payload["errors"] == []
    await worker(smtp_server.transport(), clock).drain()
    [received] = smtp_server.inbox.received
    message = received.message
    assert message["Subject"] == "Oi <script>alert(1)</script> Bcc: vitima@example.com"
    assert message["Bcc"] is None
    assert received.rcpt_tos == ["maria@cliente.example"]
    html = received.part("text/html")
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ &#39;&#39;.__class__ }}" in html  # literal text, never evaluated
    assert "<b>Ltda</b>" not in html
    assert "Cobra &amp; &#34;Cia&#34; &lt;b&gt;Ltda&lt;/b&gt;" in html
    assert message["From"].addresses[0].display_name == 'Cobra & "Cia" <b>Ltda</b>'


async def test_not_found_and_out_of_scope(http: httpx.AsyncClient, admin_api: ApiClient) -> None:
    company, debtor = await billing_company(), await customer()
    elsewhere = await billing_company(name="Outra")
    await make_entry(company, debtor, due=dt.date(2026, 1, 5))
    hidden = await customer(name="Só da outra")
    await make_entry(elsewhere, hidden, due=dt.date(2026, 1, 5))
    other_debtor = await customer(name="Outro")
    foreign_contact = await Contact.create(debtor=other_debtor, name="X", email="x@x.example")
    mute_contact = await Contact.create(debtor=debtor, name="Sem e-mail")
    limited = await ApiClient.with_token(http, companies=[company])
    cases: list[tuple[ApiClient, dict[str, Any], str, str]] = [
        (admin_api, {"debtorId": gid("Debtor", 999)}, "NOT_FOUND", "debtorId"),
        (admin_api, {"debtorId": gid("Company", debtor.id)}, "NOT_FOUND", "debtorId"),
        (admin_api, {"companyId": "lixo"}, "NOT_FOUND", "companyId"),
        (limited, {"debtorId": gid("Debtor", hidden.id)}, "NOT_FOUND", "debtorId"),
        (limited, {"companyId": gid("Company", elsewhere.id)}, "NOT_FOUND", "companyId"),
        (
            admin_api,
            {"contactIds": [gid("Contact", foreign_contact.id)]},
            "NOT_FOUND",
            "contactIds",
        ),
        (
            admin_api,
            {"contactIds": [gid("Contact", mute_contact.id)]},
            "CONTACT_WITHOUT_EMAIL",
            "contactIds",
        ),
    ]
    for api, values, code, field in cases:
        request = {**_ids(company, debtor), "subject": "Aviso", "body": "Olá", **values}
        payload = await send(api, **request)
        assert [(e["code"], e["field"][1]) for e in payload["errors"]] == [(code, field)], values
    assert await SentEmail.all().count() == 0


async def test_no_recipient_and_incomplete_company(admin_api: ApiClient) -> None:
    company, debtor = await billing_company(), await customer(email=None)
    payload = await send(admin_api, **_ids(company, debtor), subject="Aviso", body="Olá")
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("NO_RECIPIENT", ["input", "to"])
    ]
    bare = await billing_company(name="Sem endereço", street=None)
    payload = await send(admin_api, **_ids(bare, await customer()), subject="Aviso", body="Olá")
    [error] = payload["errors"]
    assert error["code"] == "COMPANY_INCOMPLETE"
    assert "CDC, art. 42-A" in error["message"]
    assert await SentEmail.all().count() == 0


async def test_read_only_token_cannot_send(http: httpx.AsyncClient) -> None:
    company, debtor = await billing_company(), await customer()
    reader = await ApiClient.with_token(http, scope="READ")
    body = await reader.execute(
        SEND, {"input": {**_ids(company, debtor), "subject": "Aviso", "body": "Olá"}}
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await SentEmail.all().count() == 0


async def test_same_idempotency_key_returns_the_first_email_and_queues_nothing(
    admin_api: ApiClient,
) -> None:
    company, debtor = await billing_company(), await customer()
    request = {**_ids(company, debtor), "subject": "Aviso", "body": "Olá"}
    first = await send(admin_api, **request, idempotencyKey="clique-1")
    again = await send(admin_api, **request, idempotencyKey="clique-1")  # the double click
    assert first["errors"] == again["errors"] == []
    assert first["sentEmail"]["id"] == again["sentEmail"]["id"]
    assert await SentEmail.all().count() == 1
    assert await AuditEvent.filter(action="email.queue").count() == 1

    reused = await send(
        admin_api,
        **{**request, "debtorId": gid("Debtor", (await customer(name="Outro")).id)},
        idempotencyKey="clique-1",
    )
    assert [e["code"] for e in reused["errors"]] == ["IDEMPOTENCY_KEY_REUSED"]
    assert await SentEmail.all().count() == 1


async def test_recent_contact_needs_confirmation(admin_api: ApiClient) -> None:
    company, debtor = await billing_company(), await customer()
    request = {**_ids(company, debtor), "subject": "Aviso", "body": "Olá"}
    assert (await send(admin_api, **request))["errors"] == []

    again = await send(admin_api, **request)
    [error] = again["errors"]
    assert error["code"] == "RECENTLY_CONTACTED"
    assert error["field"] == ["input", "confirmRecentContact"]
    assert "há menos de 3 dias" in error["message"]
    assert await SentEmail.all().count() == 1

    confirmed = await send(admin_api, **request, confirmRecentContact=True)
    assert confirmed["errors"] == []
    assert await SentEmail.all().count() == 2
    event = await AuditEvent.filter(action="email.queue").order_by("-id").first()
    assert event is not None
    assert event.details["confirmed_recent_contact"] is True


async def test_recent_contact_window_is_the_company_setting(admin_api: ApiClient) -> None:
    company = await billing_company(recent_contact_days=0)
    debtor = await customer()
    request = {**_ids(company, debtor), "subject": "Aviso", "body": "Olá"}
    assert (await send(admin_api, **request))["errors"] == []
    assert (await send(admin_api, **request))["errors"] == []

    await SentEmail.filter(debtor_id=debtor.id).update(
        queued_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=3, minutes=1)
    )
    strict = await billing_company(name="Três dias")
    assert (await send(admin_api, **_ids(strict, debtor), subject="A", body="B"))["errors"] == []


async def test_a_failed_email_is_no_contact(
    admin_api: ApiClient, smtp_server: SmtpServer, clock: Clock
) -> None:
    """An e-mail that FAILED for good a minute ago does not ask for the confirmation; one still
    QUEUED does, and so does one SENT."""
    company, debtor = await billing_company(), await customer()
    request = {**_ids(company, debtor), "subject": "Aviso", "body": "Olá"}
    first = await send(admin_api, **request)
    assert first["errors"] == []
    down = SmtpServer()  # nobody listens there
    await worker(down.transport(), clock, max_attempts=1).drain()
    assert (await SentEmail.get()).status == EmailStatus.FAILED

    second = await send(admin_api, **request)
    assert second["errors"] == []
    assert second["sentEmail"]["status"] == "QUEUED"
    queued_again = await send(admin_api, **request)
    assert [e["code"] for e in queued_again["errors"]] == ["RECENTLY_CONTACTED"]

    await worker(smtp_server.transport(), clock).drain()
    assert await SentEmail.filter(status=EmailStatus.SENT).count() == 1
    sent_again = await send(admin_api, **request)
    assert [e["code"] for e in sent_again["errors"]] == ["RECENTLY_CONTACTED"]


async def test_retry_a_failed_email(
    admin_api: ApiClient, smtp_server: SmtpServer, clock: Clock
) -> None:
    email = await queue(await billing_company(), await customer())
    down = SmtpServer()  # nobody listens there
    delivery = worker(down.transport(), clock, max_attempts=2)
    await delivery.drain()
    clock.advance(minutes=1)
    await delivery.drain()
    await email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    email_id = gid("SentEmail", email.id)

    retried = (await admin_api.data(RETRY, {"id": email_id}))["retryEmail"]
    assert retried["errors"] == []
    assert retried["sentEmail"]["status"] == "QUEUED"
    assert retried["sentEmail"]["attempts"] == 0
    assert retried["sentEmail"]["lastError"]  # kept until the next attempt
    assert await AuditEvent.filter(action="email.retry", target_id=email.id).exists()

    again = (await admin_api.data(RETRY, {"id": email_id}))["retryEmail"]
    assert [e["code"] for e in again["errors"]] == ["NOT_FAILED"]

    await worker(smtp_server.transport(), clock).drain()
    await email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == (EmailStatus.SENT, 1, None)
    assert len(smtp_server.inbox.received) == 1

    missing = (await admin_api.data(RETRY, {"id": gid("SentEmail", 999)}))["retryEmail"]
    assert [e["code"] for e in missing["errors"]] == ["NOT_FOUND"]


async def test_a_company_and_debtor_with_alphanumeric_cnpjs_send_and_receive_collection(
    admin_api: ApiClient, smtp_server: SmtpServer, clock: Clock
) -> None:
    """IN RFB 2.229/2024: CNPJs issued since July 2026 have letters; both ends are named with
    them, formatted, in the message."""
    company = await billing_company(document="12ABC34501DE35")
    debtor = await customer(name="Loja Nova", document="12ABD000000149")
    today = local_today(dt.datetime.now(dt.UTC), "America/Sao_Paulo")
    await make_entry(company, debtor, due=today - dt.timedelta(days=10), amount="100.00")
    payload = await send(
        admin_api,
        **_ids(company, debtor),
        subject="Cobrança {{ cliente }}",
        body="{{ cliente }} ({{ cpf_cnpj }}) deve à empresa de CNPJ {{ cnpj_empresa }}.",
    )
    assert payload["errors"] == []
    assert payload["sentEmail"]["body"] == (
        "Loja Nova (12.ABD.000/0001-49) deve à empresa de CNPJ 12.ABC.345/01DE-35."
    )
    await worker(smtp_server.transport(), clock).drain()
    [received] = smtp_server.inbox.received
    assert "CNPJ 12.ABC.345/01DE-35" in received.part("text/plain")
