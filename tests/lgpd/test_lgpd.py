"""LGPD: export, anonymisation (only with nothing open; figures kept; who asked and why kept),
retention by the worker, and tokens' reads of personal data in the audit trail."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx

from backend.audit.models import AuditEvent
from backend.core.clock import utc_now
from backend.core.enums import EmailStatus, EntryStatus, Role
from backend.debtors.models import Contact, Debtor
from backend.entries.models import FinancialEntry, Payment
from backend.lgpd.retention import RetentionSweeper, anonymize_expired
from backend.mailing.models import SentEmail
from tests.support import (
    VALID_CPF,
    ApiClient,
    gid,
    make_company,
    make_debtor,
    make_entry,
    make_user,
)

EXPORT = "query($id: ID!) { exportDebtorData(debtorId: $id) }"
ANONYMIZE = """
mutation($input: AnonymizeDebtorInput!) {
  anonymizeDebtor(input: $input) { debtor { id name document email anonymizedAt }
    errors { code field message } }
}"""
SETTLE = """
mutation($id: ID!) { settleEntry(input: {entryId: $id}) { errors { code } } }
"""


async def _debtor_with_history(company: Any) -> tuple[Debtor, FinancialEntry]:
    debtor = await make_debtor(
        "Maria da Silva", companies=[company], document=VALID_CPF, email="maria@example.com",
        phone="1134567890", street="Rua das Flores", number="10", city="São Paulo", state="SP",
    )  # fmt: skip
    await Contact.create(debtor=debtor, name="João Financeiro", email="joao@example.com")
    entry = await make_entry(company, debtor, due=dt.date(2026, 1, 10), amount="250.00")
    await SentEmail.create(
        debtor=debtor, company=company, recipients=["maria@example.com"], subject="Aviso Maria",
        body="Olá Maria, CPF 529.982.247-25", html="<p>Olá Maria</p>", text="Olá Maria",
        status=EmailStatus.SENT,
    )  # fmt: skip
    return debtor, entry


async def test_export_holds_everything_in_reach_and_is_audited(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company, other = await make_company(), await make_company()
    debtor, _ = await _debtor_with_history(company)
    await make_entry(other, debtor, due=dt.date(2026, 2, 1), amount="99.00")
    data = await admin_api.data(EXPORT, {"id": gid("Debtor", debtor.id)})
    exported = json.loads(data["exportDebtorData"])
    assert exported["debtor"]["document"] == VALID_CPF
    assert exported["debtor"]["email"] == "maria@example.com"
    assert exported["contacts"][0]["name"] == "João Financeiro"
    assert {e["amount"] for e in exported["entries"]} == {"250.00", "99.00"}
    assert exported["emails"][0]["subject"] == "Aviso Maria"
    assert await AuditEvent.filter(action="debtor.export", target_id=debtor.id).count() == 1

    # A token of one company exports only what that company holds; another's gets nothing.
    mine = await ApiClient.with_token(http, companies=[company])
    limited = json.loads((await mine.data(EXPORT, {"id": gid("Debtor", debtor.id)}))[
        "exportDebtorData"])  # fmt: skip
    assert [e["amount"] for e in limited["entries"]] == ["250.00"]
    stranger = await ApiClient.with_token(http, companies=[await make_company()])
    assert (await stranger.data(EXPORT, {"id": gid("Debtor", debtor.id)})) == {
        "exportDebtorData": None
    }


async def test_anonymize_only_when_nothing_is_open(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company = await make_company()
    debtor, entry = await _debtor_with_history(company)
    await admin_api.data(
        'mutation($id: ID!) { updateDebtor(input: {id: $id, email: "maria2@example.com"}) '
        "{ errors { code } } }",
        {"id": gid("Debtor", debtor.id)},
    )
    request = {"input": {"debtorId": gid("Debtor", debtor.id),
                         "reason": "Pedido da titular em 01/12/2026 (protocolo 77)"}}  # fmt: skip
    refused = (await admin_api.data(ANONYMIZE, request))["anonymizeDebtor"]
    assert refused["errors"][0]["code"] == "DEBTOR_HAS_OPEN_ITEMS"
    assert "lançamentos em aberto" in refused["errors"][0]["message"]
    assert (await Debtor.get(id=debtor.id)).document == VALID_CPF  # nothing written

    collector = await ApiClient.with_login(
        http, await make_user(role=Role.COLLECTOR, companies=[company])
    )
    settled = await admin_api.data(SETTLE, {"id": gid("FinancialEntry", entry.id)})
    assert settled["settleEntry"]["errors"] == []
    forbidden = (await collector.data(ANONYMIZE, request))["anonymizeDebtor"]
    assert forbidden["errors"][0]["code"] == "FORBIDDEN"
    missing_reason = (await admin_api.data(
        ANONYMIZE, {"input": {**request["input"], "reason": " "}}))["anonymizeDebtor"]  # fmt: skip
    assert missing_reason["errors"][0]["code"] == "REQUIRED"

    done = (await admin_api.data(ANONYMIZE, request))["anonymizeDebtor"]
    assert done["errors"] == []
    assert done["debtor"]["name"] == f"Titular anonimizado {debtor.id}"
    assert (done["debtor"]["document"], done["debtor"]["email"]) == (None, None)
    assert done["debtor"]["anonymizedAt"] is not None
    row = await Debtor.get(id=debtor.id)
    assert (row.phone, row.street, row.city, row.state) == (None, None, None, None)
    contact = await Contact.get(debtor_id=debtor.id)
    assert (contact.name, contact.email) == ("Contato anonimizado", None)
    email = await SentEmail.get(debtor_id=debtor.id)
    assert email.recipients == []
    assert "Maria" not in email.subject + email.body + email.html + email.text
    # The books keep their figures.
    kept = await FinancialEntry.get(id=entry.id)
    assert (kept.amount_cents, kept.paid_cents, kept.status) == (25000, 25000, EntryStatus.PAID)
    assert (await Payment.get(entry_id=entry.id)).amount_cents == 25000
    # Who asked and why stay; the old values in earlier events do not.
    event = await AuditEvent.get(action="debtor.anonymize")
    assert event.details["reason"] == "Pedido da titular em 01/12/2026 (protocolo 77)"
    assert event.actor_label
    update = await AuditEvent.get(action="debtor.update")
    assert "maria" not in json.dumps(update.details).lower()
    again = (await admin_api.data(ANONYMIZE, request))["anonymizeDebtor"]
    assert again["errors"][0]["code"] == "ALREADY_ANONYMIZED"
    # Search by the old name or document finds nothing.
    found = await admin_api.data('{ debtors(first: 5, filter: {search: "maria"}) '
                                 "{ edges { node { id } } } }")  # fmt: skip
    assert found["debtors"]["edges"] == []


async def _age(debtor: Debtor, days: int) -> None:
    old = utc_now() - dt.timedelta(days=days)
    await Debtor.filter(id=debtor.id).update(updated_at=old)
    await FinancialEntry.filter(debtor_id=debtor.id).update(updated_at=old)
    await SentEmail.filter(debtor_id=debtor.id).update(queued_at=old)


async def test_retention_anonymises_paid_off_debtors_without_activity(
    admin_api: ApiClient,
) -> None:
    company, keeps_all = await make_company(), await make_company()
    set_days = await admin_api.data(
        "mutation($c: ID!) { setDataRetention(input: {companyId: $c, days: 365}) "
        "{ company { retentionDays } errors { code } } }",
        {"c": gid("Company", company.id)},
    )
    assert set_days["setDataRetention"]["company"] == {"retentionDays": 365}
    too_short = await admin_api.data(
        "mutation($c: ID!) { setDataRetention(input: {companyId: $c, days: 5}) "
        "{ errors { code } } }",
        {"c": gid("Company", company.id)},
    )
    assert too_short["setDataRetention"]["errors"] == [{"code": "INVALID_DAYS"}]

    expired, _ = await _debtor_with_history(company)
    await FinancialEntry.filter(debtor_id=expired.id).update(
        paid_cents=25000, status=EntryStatus.PAID
    )
    recent = await make_debtor("Recente", companies=[company], document="11144477735")
    await make_entry(company, recent, due=dt.date(2025, 1, 1), paid="100.00")
    still_owes = await make_debtor("Devendo", companies=[company])
    await make_entry(company, still_owes, due=dt.date(2024, 1, 1))
    shared = await make_debtor("Compartilhado", companies=[company, keeps_all])
    for debtor, days in ((expired, 400), (recent, 100), (still_owes, 800), (shared, 800)):
        await _age(debtor, days)

    sweeper = RetentionSweeper()
    assert await sweeper.drain() == 1
    assert await sweeper.drain() == 0  # at most hourly
    names = {d.id: d.name for d in await Debtor.all()}
    assert names[expired.id].startswith("Titular anonimizado")
    assert (names[recent.id], names[still_owes.id], names[shared.id]) == (
        "Recente", "Devendo", "Compartilhado"
    )  # fmt: skip
    event = await AuditEvent.get(action="debtor.anonymize")
    assert event.actor_label == "retenção LGPD"
    assert "365 dias" in event.details["reason"]
    assert await anonymize_expired(utc_now()) == []


async def test_token_reads_of_personal_data_are_audited(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company = await make_company()
    debtor, _ = await _debtor_with_history(company)
    token = await ApiClient.with_token(http, scope="READ", companies=[company])
    query = "query($id: ID!) { debtor(id: $id) { name document email address { street } } }"
    await token.data(query, {"id": gid("Debtor", debtor.id)})
    [event] = await AuditEvent.filter(action="debtor.read")
    assert event.target_id == debtor.id
    assert event.details == {"fields": ["address", "document", "email"]}
    assert event.company_id == company.id
    assert event.actor_token_id is not None
    # A name alone is not recorded; nor is a dashboard user (a person at the company's desk).
    await token.data(
        "query($id: ID!) { debtor(id: $id) { name } }", {"id": gid("Debtor", debtor.id)}
    )
    user = await ApiClient.with_login(http, await make_user(role=Role.ADMIN))
    await user.data(query, {"id": gid("Debtor", debtor.id)})
    assert await AuditEvent.filter(action="debtor.read").count() == 1
    # The company's auditors see it in the audit trail through the API.
    listed = await admin_api.data(
        "query($id: ID!) { auditEvents(debtorId: $id, first: 20) { edges { node { action } } } }",
        {"id": gid("Debtor", debtor.id)},
    )
    assert "debtor.read" in [e["node"]["action"] for e in listed["auditEvents"]["edges"]]


async def test_a_multi_company_token_s_reads_are_seen_by_each_of_its_companies(
    http: httpx.AsyncClient,
) -> None:
    """One event per debtor read, in one statement, each linked to every company of the token,
    so each company's auditor finds it; an all-companies token's events name no company."""
    first, second, other = await make_company(), await make_company(), await make_company()
    one = await make_debtor("Um", companies=[first], document=VALID_CPF)
    both = await make_debtor("Dois", companies=[first, second], email="dois@example.com")
    query = "query($a: ID!, $b: ID!) { a: debtor(id: $a) { document } b: debtor(id: $b) { email } }"
    ids = {"a": gid("Debtor", one.id), "b": gid("Debtor", both.id)}
    before = utc_now()
    token = await ApiClient.with_token(http, scope="READ", companies=[first, second])
    await token.data(query, ids)
    events = (
        await AuditEvent.filter(action="debtor.read")
        .order_by("target_id")
        .prefetch_related("company_links")
    )
    assert [(e.target_id, e.details, e.company_id) for e in events] == [
        (one.id, {"fields": ["document"]}, None),
        (both.id, {"fields": ["email"]}, None),
    ]
    assert [sorted(link.company_id for link in e.company_links) for e in events] == [
        sorted([first.id, second.id])
    ] * 2
    assert all(before <= e.created_at <= utc_now() and e.actor_token_id for e in events)
    # The second company's auditor lists both reads; a third company's sees none.
    for company, expected in ((second, 2), (other, 0)):
        auditor = await ApiClient.with_login(
            http, await make_user(role=Role.ADMIN, companies=[company])
        )
        listed = await auditor.data("{ auditEvents(first: 50) { edges { node { action } } } }")
        actions = [e["node"]["action"] for e in listed["auditEvents"]["edges"]]
        assert actions.count("debtor.read") == expected

    everything = await ApiClient.with_token(http, scope="READ")
    await everything.data(query, ids)
    newest = (
        await AuditEvent.filter(action="debtor.read")
        .order_by("-id")
        .limit(2)
        .prefetch_related("company_links")
    )
    assert [(e.company_id, list(e.company_links)) for e in newest] == [(None, [])] * 2
