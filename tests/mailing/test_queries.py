"""sentEmail, Debtor.sentEmails, emailPlaceholders and previewCollectionEmail."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from backend.debtors.models import Debtor
from backend.mailing.models import SentEmail
from backend.mailing.rendering import PLACEHOLDERS
from tests.mailing.helpers import BODY, SEND, SUBJECT, billing_company, customer, queue
from tests.support import ApiClient, gid, make_entry

SENT_EMAIL = """
query($id: ID!) {
  sentEmail(id: $id) { id subject to status debtor { id } company { id } }
}"""
DEBTOR_EMAILS = """
query($id: ID!, $first: Int, $after: String) {
  debtor(id: $id) {
    lastEmailedAt
    sentEmails(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { subject company { name } } }
    }
  }
}"""
PREVIEW = """
query($input: SendCollectionEmailInput!) {
  previewCollectionEmail(input: $input) {
    to subject body html text
    warnings { code message }
    errors { field code message }
  }
}"""


async def test_sent_email_is_seen_only_within_the_callers_companies(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company, other = await billing_company(), await billing_company(name="Outra")
    debtor = await customer()
    await make_entry(company, debtor, due=dt.date(2026, 1, 5))
    await make_entry(other, debtor, due=dt.date(2026, 1, 5))
    email = await queue(company, debtor, subject="Da Bexus")
    email_id = gid("SentEmail", email.id)

    found = (await admin_api.data(SENT_EMAIL, {"id": email_id}))["sentEmail"]
    assert found == {
        "id": email_id,
        "subject": "Da Bexus",
        "to": ["maria@cliente.example"],
        "status": "QUEUED",
        "debtor": {"id": gid("Debtor", debtor.id)},
        "company": {"id": gid("Company", company.id)},
    }
    outsider = await ApiClient.with_token(http, scope="READ", companies=[other])
    assert (await outsider.data(SENT_EMAIL, {"id": email_id}))["sentEmail"] is None
    for wrong in (gid("Debtor", email.id), gid("SentEmail", 999), "lixo"):
        assert (await admin_api.data(SENT_EMAIL, {"id": wrong}))["sentEmail"] is None


async def test_debtor_sent_emails_newest_first_paged_and_scoped(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company, other = await billing_company(), await billing_company(name="Outra")
    debtor = await customer()
    await make_entry(company, debtor, due=dt.date(2026, 1, 5))
    await make_entry(other, debtor, due=dt.date(2026, 1, 5))
    start = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    for i in range(3):
        email = await queue(company, debtor, subject=f"Bexus {i}", now=start)
        await SentEmail.filter(id=email.id).update(queued_at=start + dt.timedelta(hours=i))
    await queue(other, debtor, subject="Outra 0")
    debtor_id = gid("Debtor", debtor.id)

    page = (await admin_api.data(DEBTOR_EMAILS, {"id": debtor_id, "first": 2}))["debtor"]
    assert page["lastEmailedAt"] is not None
    emails = page["sentEmails"]
    assert emails["totalCount"] == 4
    assert [e["node"]["subject"] for e in emails["edges"]] == ["Outra 0", "Bexus 2"]
    assert emails["pageInfo"]["hasNextPage"] is True
    assert emails["pageInfo"]["hasPreviousPage"] is False
    rest = (
        await admin_api.data(
            DEBTOR_EMAILS,
            {"id": debtor_id, "first": 5, "after": emails["pageInfo"]["endCursor"]},
        )
    )["debtor"]["sentEmails"]
    assert [e["node"]["subject"] for e in rest["edges"]] == ["Bexus 1", "Bexus 0"]
    assert rest["pageInfo"]["hasNextPage"] is False
    # The count comes with the page; an empty page still knows it (past the end, size 0).
    past = (
        await admin_api.data(
            DEBTOR_EMAILS,
            {"id": debtor_id, "first": 5, "after": rest["pageInfo"]["endCursor"]},
        )
    )["debtor"]["sentEmails"]
    assert (past["totalCount"], past["edges"], past["pageInfo"]["hasPreviousPage"]) == (4, [], True)
    none = (await admin_api.data(DEBTOR_EMAILS, {"id": debtor_id, "first": 0}))["debtor"]
    assert (none["sentEmails"]["totalCount"], none["sentEmails"]["edges"]) == (4, [])
    silent = gid("Debtor", (await customer()).id)
    never = (await admin_api.data(DEBTOR_EMAILS, {"id": silent}))["debtor"]["sentEmails"]
    assert (never["totalCount"], never["edges"]) == (0, [])

    only_other = await ApiClient.with_token(http, scope="READ", companies=[other])
    scoped = (await only_other.data(DEBTOR_EMAILS, {"id": debtor_id}))["debtor"]["sentEmails"]
    assert scoped["totalCount"] == 1
    assert [e["node"]["company"]["name"] for e in scoped["edges"]] == ["Outra"]

    body = await admin_api.execute(DEBTOR_EMAILS, {"id": debtor_id, "first": 101})
    assert body["errors"][0]["extensions"]["code"] == "PAGE_SIZE_TOO_LARGE"


async def test_email_placeholders_lists_every_placeholder(admin_api: ApiClient) -> None:
    data = await admin_api.data("{ emailPlaceholders { name token description inSubject } }")
    listed = data["emailPlaceholders"]
    assert [p["name"] for p in listed] == [p.name for p in PLACEHOLDERS]
    assert {"name": "cliente", "token": "{{ cliente }}"}.items() <= listed[0].items()
    table = next(p for p in listed if p["name"] == "tabela_lancamentos")
    assert table["inSubject"] is False
    assert all(p["description"] for p in listed)


async def _preview(api: ApiClient, **values: Any) -> dict[str, Any]:
    data = await api.data(PREVIEW, {"input": values})
    preview: dict[str, Any] = data["previewCollectionEmail"]
    return preview


async def test_preview_is_exactly_what_is_sent_and_sends_nothing(admin_api: ApiClient) -> None:
    company, debtor = await billing_company(), await customer()
    await make_entry(company, debtor, due=dt.date(2026, 1, 5), code="NF-1")
    values = {
        "companyId": gid("Company", company.id),
        "debtorId": gid("Debtor", debtor.id),
        "subject": SUBJECT,
        "body": BODY,
    }
    preview = await _preview(admin_api, **values)
    assert preview["errors"] == []
    assert preview["warnings"] == []
    assert await SentEmail.all().count() == 0
    assert (await Debtor.get(id=debtor.id)).last_emailed_at is None

    sent = (await admin_api.data(SEND, {"input": values}))["sendCollectionEmail"]["sentEmail"]
    for key in ("to", "subject", "body", "html", "text"):
        assert preview[key] == sent[key], key
    assert ">NF-1</td>" in preview["html"]

    again = await _preview(admin_api, **values)  # the recent contact is a warning here
    assert again["errors"] == []
    assert [w["code"] for w in again["warnings"]] == ["RECENTLY_CONTACTED"]
    assert again["html"] is not None


async def test_preview_warnings_and_errors(admin_api: ApiClient) -> None:
    company = await billing_company(email=None)
    debtor = await customer()
    ids = {"companyId": gid("Company", company.id), "debtorId": gid("Debtor", debtor.id)}
    preview = await _preview(admin_api, **ids, subject="Oi", body="Olá")
    assert [w["code"] for w in preview["warnings"]] == ["NO_OVERDUE_ENTRIES", "NO_REPLY_TO"]
    assert "cobranca@localhost" in preview["warnings"][1]["message"]

    broken = await _preview(admin_api, **ids, subject="Oi\nBcc: x@y.example", body="{{ x }}")
    assert broken["html"] is None
    assert broken["to"] == []
    assert {e["code"] for e in broken["errors"]} == {"INVALID_TEXT", "UNKNOWN_PLACEHOLDER"}


async def test_read_only_callers_may_preview(http: httpx.AsyncClient) -> None:
    company, debtor = await billing_company(), await customer()
    reader = await ApiClient.with_token(http, scope="READ")
    preview = await _preview(
        reader,
        companyId=gid("Company", company.id),
        debtorId=gid("Debtor", debtor.id),
        subject="Oi {{ cliente }}",
        body="Olá",
    )
    assert preview["subject"] == "Oi Maria da Silva"


async def test_a_lists_rows_hold_every_light_column_converted_as_the_model(
    database_url: str,
) -> None:
    """Débitos do Cliente reads the e-mails as plain rows (mailing/rows.py): every column of
    sent_email but the texts, each equal to what the model reads, on both engines."""
    import dataclasses

    from backend.core.enums import EmailStatus
    from backend.core.pagination import PageRequest
    from backend.mailing.loaders import light_columns
    from backend.mailing.rows import SentEmailRow
    from backend.mailing.services import SENT_EMAILS_LIST, debtor_sent_emails
    from tests.support import make_company, make_debtor, make_user, principal

    names = [f.name for f in dataclasses.fields(SentEmailRow)]
    assert sorted(names) == light_columns()
    company, debtor, user = await make_company(), await make_debtor(), await make_user()
    instant = dt.datetime(2026, 2, 9, 13, 14, 15, 123456, tzinfo=dt.UTC)
    email = await SentEmail.create(
        debtor=debtor,
        company=company,
        recipients=["a@exemplo.com.br", "b@exemplo.com.br"],
        delivered_to=["a@exemplo.com.br"],
        subject="Cobrança — março",
        body="corpo",
        html="<p>corpo</p>",
        text="corpo",
        status=EmailStatus.FAILED,
        attempts=3,
        next_attempt_at=instant,
        lease_until=instant,
        last_error="550 caixa cheia",
        idempotency_key="k-1",
        message_id="<m@x>",
        pix_txid="TX123",
        pix_copia_e_cola="000201...",
        sent_at=instant,
        sent_by=user,
        automatic=True,
        collection_step_days=7,
    )
    page = await debtor_sent_emails(
        principal(), debtor.id, PageRequest.of(10, None, list_name=SENT_EMAILS_LIST)
    )
    [row] = page.items
    model = await SentEmail.get(id=email.id)
    assert {n: getattr(row, n) for n in names} == {n: getattr(model, n) for n in names}
    assert row.status is EmailStatus.FAILED
    assert row.automatic is True
    assert page.total_count == 1
