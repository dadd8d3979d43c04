"""Company boundaries (issue 8, points 1 to 4): what a partner of company A may not do to B."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx

from backend.audit.models import AuditEvent
from backend.debtors.models import Contact, Debtor, DebtorCompany
from backend.entries.models import FinancialEntry
from backend.mailing.models import SentEmail
from tests.mailing.helpers import SEND, billing_company, customer
from tests.search.helpers import search
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry

UNKNOWN_DEBTOR = gid("Debtor", 999_999)

CREATE_DEBTOR = """mutation($input: CreateDebtorInput!) {
  createDebtor(input: $input) { debtor { id name email externalId } errors { code field } }
}"""
UPDATE_DEBTOR = """mutation($input: UpdateDebtorInput!) {
  updateDebtor(input: $input) { debtor { id email } errors { code field message } }
}"""
CREATE_ENTRY = """mutation($input: CreateEntryInput!) {
  createEntry(input: $input) { entry { id } errors { code field message } }
}"""
ADD_CONTACT = """mutation($input: AddContactInput!) {
  addContact(input: $input) { contact { id } errors { code field message } }
}"""
READ_DEBTOR = """query($id: ID!) {
  debtor(id: $id) { id name document email externalId address { street } contacts { id } }
}"""
AUDIT = """query($id: ID!) {
  auditEvents(targetType: "Debtor", targetId: $id) { edges { node { action details } } }
}"""


def _same_as_unknown(body: dict[str, Any], unknown: dict[str, Any], real_id: str) -> None:
    """The answer for a real id of another company is, byte for byte, the unknown id's."""
    assert str(body).replace(real_id, "<id>") == str(unknown).replace(UNKNOWN_DEBTOR, "<id>")


async def test_a_new_debtor_of_b_cannot_be_read_changed_or_taken_by_a(
    http: httpx.AsyncClient,
) -> None:
    company_a, company_b = await make_company("A"), await make_company("B")
    api_a = await ApiClient.with_token(http, companies=[company_a])
    api_b = await ApiClient.with_token(http, companies=[company_b])
    new = {
        "name": "Cliente de B",
        "document": "52998224725",
        "email": "b@cliente.example",
        "address": {"street": "Rua de B"},
        "externalId": "erp-42",
    }
    created = (await api_b.data(CREATE_DEBTOR, {"input": new}))["createDebtor"]
    assert created["errors"] == []
    debtor_id = created["debtor"]["id"]
    assert created["debtor"]["externalId"] == "erp-42"

    for query, variables in [
        (READ_DEBTOR, lambda i: {"id": i}),
        (UPDATE_DEBTOR, lambda i: {"input": {"id": i, "email": "a@tomada.example"}}),
        (ADD_CONTACT, lambda i: {"input": {"debtorId": i, "name": "Intruso"}}),
        (
            CREATE_ENTRY,
            lambda i: {
                "input": {
                    "debtorId": i,
                    "companyId": gid("Company", company_a.id),
                    "description": "Venda",
                    "dueDate": "2026-01-10",
                    "amount": "10.00",
                }
            },
        ),
    ]:
        real = await api_a.execute(query, variables(debtor_id))
        unknown = await api_a.execute(query, variables(UNKNOWN_DEBTOR))
        _same_as_unknown(real, unknown, debtor_id)

    stored = await Debtor.get(name="Cliente de B")
    assert stored.email == "b@cliente.example"
    assert await FinancialEntry.filter(debtor_id=stored.id).count() == 0
    # B still reaches it, and its own external id updates it: no DUPLICATE_EXTERNAL_ID.
    again = (await api_b.data(CREATE_DEBTOR, {"input": {**new, "name": "Cliente B Ltda"}}))[
        "createDebtor"
    ]
    assert again["errors"] == []
    assert again["debtor"]["id"] == debtor_id
    assert (await api_b.data(READ_DEBTOR, {"id": debtor_id}))["debtor"]["name"] == "Cliente B Ltda"
    # A's partner may call its own debtor "erp-42" too: a different debtor.
    mine = await api_a.data(CREATE_DEBTOR, {"input": {"name": "De A", "externalId": "erp-42"}})
    assert mine["createDebtor"]["errors"] == []
    assert mine["createDebtor"]["debtor"]["id"] != debtor_id
    assert await DebtorCompany.filter(external_id="erp-42").count() == 2


async def test_a_principal_of_several_companies_names_the_company(
    http: httpx.AsyncClient,
) -> None:
    company_a, company_b = await make_company("A"), await make_company("B")
    company_c = await make_company("C")
    both = await ApiClient.with_token(http, companies=[company_a, company_b])
    missing = await both.data(CREATE_DEBTOR, {"input": {"name": "X"}})
    assert missing["createDebtor"]["errors"] == [
        {"code": "REQUIRED", "field": ["input", "companyId"]}
    ]
    outside = await both.data(
        CREATE_DEBTOR, {"input": {"name": "X", "companyId": gid("Company", company_c.id)}}
    )
    assert outside["createDebtor"]["errors"] == [
        {"code": "NOT_FOUND", "field": ["input", "companyId"]}
    ]
    named = await both.data(
        CREATE_DEBTOR, {"input": {"name": "X", "companyId": gid("Company", company_b.id)}}
    )
    assert named["createDebtor"]["errors"] == []
    assert await DebtorCompany.filter(company_id=company_b.id).count() == 1
    only_c = await ApiClient.with_token(http, companies=[company_c])
    read = await only_c.data(READ_DEBTOR, {"id": named["createDebtor"]["debtor"]["id"]})
    assert read["debtor"] is None


async def test_a_debtor_created_without_company_is_only_for_unrestricted_principals(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company_a = await make_company("A")
    api_a = await ApiClient.with_token(http, companies=[company_a])
    created = await admin_api.data(CREATE_DEBTOR, {"input": {"name": "Sem empresa"}})
    debtor_id = created["createDebtor"]["debtor"]["id"]
    assert (await api_a.data(READ_DEBTOR, {"id": debtor_id}))["debtor"] is None
    assert (await admin_api.data(READ_DEBTOR, {"id": debtor_id}))["debtor"] is not None


async def test_a_shared_debtor_is_changed_only_with_reach_over_all_its_companies(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company_a, company_b = await make_company("A"), await make_company("B")
    shared = await make_debtor("Compartilhado", email="cliente@exemplo.com")
    await make_entry(company_a, shared, due=dt.date(2026, 1, 5))
    await make_entry(company_b, shared, due=dt.date(2026, 1, 6))
    api_a = await ApiClient.with_token(http, companies=[company_a])
    api_b = await ApiClient.with_token(http, companies=[company_b])
    both = await ApiClient.with_token(http, companies=[company_a, company_b])
    debtor_id = gid("Debtor", shared.id)

    refused = await api_a.data(
        UPDATE_DEBTOR, {"input": {"id": debtor_id, "email": "desvio@a.example"}}
    )
    [error] = refused["updateDebtor"]["errors"]
    assert error["code"] == "FORBIDDEN"
    assert "outra empresa" in error["message"]
    assert refused["updateDebtor"]["debtor"] is None
    await shared.refresh_from_db()
    assert shared.email == "cliente@exemplo.com"
    assert await AuditEvent.filter(action="debtor.update").count() == 0

    changed = await both.data(UPDATE_DEBTOR, {"input": {"id": debtor_id, "email": "n@x.example"}})
    assert changed["updateDebtor"]["errors"] == []
    # Each company sees the change in its audit trail; so does an unrestricted principal, once.
    for api in (api_a, api_b, admin_api):
        edges = (await api.data(AUDIT, {"id": debtor_id}))["auditEvents"]["edges"]
        assert [e["node"]["action"] for e in edges] == ["debtor.update"]
        assert edges[0]["node"]["details"]["email"]["new"] == "n@x.example"
    other = await ApiClient.with_token(http, companies=[await make_company("C")])
    assert (await other.data(AUDIT, {"id": debtor_id}))["auditEvents"]["edges"] == []


async def test_a_partner_upsert_of_a_shared_debtor_needs_the_same_reach(
    http: httpx.AsyncClient,
) -> None:
    company_a, company_b = await make_company("A"), await make_company("B")
    api_a = await ApiClient.with_token(http, companies=[company_a])
    created = await api_a.data(CREATE_DEBTOR, {"input": {"name": "D", "externalId": "x-1"}})
    debtor = await Debtor.get(name="D")
    await make_entry(company_b, debtor, due=dt.date(2026, 1, 6))
    again = await api_a.data(
        CREATE_DEBTOR, {"input": {"name": "D", "externalId": "x-1", "email": "a@a.example"}}
    )
    assert [e["code"] for e in again["createDebtor"]["errors"]] == ["FORBIDDEN"]
    assert created["createDebtor"]["errors"] == []
    await debtor.refresh_from_db()
    assert debtor.email is None


SENT = """query($id: ID!) { sentEmail(id: $id) { id debtor { id name contacts { id } } } }"""
LAST = """query($id: ID!) { debtor(id: $id) { lastEmailedAt } }"""


def _send_input(company: Any, debtor: Any, **values: Any) -> dict[str, Any]:
    return {
        "input": {
            "companyId": gid("Company", company.id),
            "debtorId": gid("Debtor", debtor.id),
            "subject": "Aviso",
            "body": "Olá",
            **values,
        }
    }


async def test_an_email_does_not_lead_to_a_debtor_out_of_reach(http: httpx.AsyncClient) -> None:
    company_a, company_b = await billing_company(), await billing_company(name="B")
    debtor = await customer(companies=[company_b])
    await make_entry(company_b, debtor, due=dt.date(2026, 1, 6))
    both = await ApiClient.with_token(http, companies=[company_a, company_b])
    sent = await both.data(SEND, _send_input(company_a, debtor))
    email_id = sent["sendCollectionEmail"]["sentEmail"]["id"]
    api_a = await ApiClient.with_token(http, companies=[company_a])
    real = await api_a.execute(SENT, {"id": email_id})
    unknown = await api_a.execute(SENT, {"id": gid("SentEmail", 999_999)})
    assert real == unknown == {"data": {"sentEmail": None}}
    assert (await both.data(SENT, {"id": email_id}))["sentEmail"]["debtor"]["name"]


async def test_last_emailed_at_and_the_recent_contact_warning_are_per_company(
    http: httpx.AsyncClient,
) -> None:
    company_a, company_b = await billing_company(), await billing_company(name="B")
    shared = await customer()
    await make_entry(company_a, shared, due=dt.date(2026, 1, 5))
    await make_entry(company_b, shared, due=dt.date(2026, 1, 6))
    api_a = await ApiClient.with_token(http, companies=[company_a])
    api_b = await ApiClient.with_token(http, companies=[company_b])
    assert (await api_b.data(SEND, _send_input(company_b, shared)))["sendCollectionEmail"][
        "errors"
    ] == []
    debtor_id = gid("Debtor", shared.id)
    assert (await api_b.data(LAST, {"id": debtor_id}))["debtor"]["lastEmailedAt"] is not None
    assert (await api_a.data(LAST, {"id": debtor_id}))["debtor"]["lastEmailedAt"] is None
    # A's send is not held back (nor told) by B's e-mail.
    mine = await api_a.data(SEND, _send_input(company_a, shared))
    assert mine["sendCollectionEmail"]["errors"] == []


async def test_an_idempotency_key_of_another_company_is_not_revealed(
    http: httpx.AsyncClient,
) -> None:
    company_a, company_b = await billing_company(), await billing_company(name="B")
    debtor_a = await customer(companies=[company_a])
    debtor_b = await customer(companies=[company_b], name="Outro")
    api_a = await ApiClient.with_token(http, companies=[company_a])
    api_b = await ApiClient.with_token(http, companies=[company_b])
    first = await api_b.data(SEND, _send_input(company_b, debtor_b, idempotencyKey="k-1"))
    assert first["sendCollectionEmail"]["errors"] == []
    mine = await api_a.data(SEND, _send_input(company_a, debtor_a, idempotencyKey="k-1"))
    assert mine["sendCollectionEmail"]["errors"] == []
    assert (
        mine["sendCollectionEmail"]["sentEmail"]["id"]
        != (first["sendCollectionEmail"]["sentEmail"]["id"])
    )
    assert await SentEmail.filter(idempotency_key="k-1").count() == 2
    # Within one company the key still means "the same e-mail".
    repeat = await api_a.data(SEND, _send_input(company_a, debtor_a, idempotencyKey="k-1"))
    assert repeat["sendCollectionEmail"]["sentEmail"] == mine["sendCollectionEmail"]["sentEmail"]


BALANCE = """query($id: ID!) { debtor(id: $id) { overdueBalance { openAmount entryCount }
  overdueEntries { edges { node { openAmount } } } } }"""


async def test_the_debtor_page_balance_equals_the_search_list_for_a_restricted_token(
    http: httpx.AsyncClient,
) -> None:
    company_a, company_b = await make_company("A"), await make_company("B")
    debtor = await make_debtor("Devedor")
    today = dt.datetime.now(dt.UTC).date()
    await make_entry(company_b, debtor, due=today - dt.timedelta(days=5), amount="250.10")
    await make_entry(company_a, debtor, due=today - dt.timedelta(days=5), amount="99.00")
    api_b = await ApiClient.with_token(http, companies=[company_b])
    listed = await search(api_b)
    assert [e["balance"]["openAmount"] for e in listed["edges"]] == ["250.10"]
    page = (await api_b.data(BALANCE, {"id": gid("Debtor", debtor.id)}))["debtor"]
    assert page["overdueBalance"] == {"openAmount": "250.10", "entryCount": 1}
    assert [e["node"]["openAmount"] for e in page["overdueEntries"]["edges"]] == ["250.10"]


async def test_the_contacts_of_a_shared_debtor_need_the_same_reach(
    http: httpx.AsyncClient,
) -> None:
    company_a, company_b = await make_company("A"), await make_company("B")
    shared = await make_debtor("Compartilhado")
    await make_entry(company_a, shared, due=dt.date(2026, 1, 5))
    await make_entry(company_b, shared, due=dt.date(2026, 1, 6))
    contact = await Contact.create(debtor=shared, name="Financeiro", email="fin@cliente.example")
    api_a = await ApiClient.with_token(http, companies=[company_a])
    both = await ApiClient.with_token(http, companies=[company_a, company_b])
    contact_id = gid("Contact", contact.id)
    attempts = [
        (ADD_CONTACT, {"input": {"debtorId": gid("Debtor", shared.id), "name": "Desvio",
                                 "email": "desvio@a.example"}}),
        ("""mutation($input: UpdateContactInput!) { updateContact(input: $input) {
            errors { code } } }""", {"input": {"id": contact_id, "email": "desvio@a.example"}}),
        ("""mutation($input: RemoveContactInput!) { removeContact(input: $input) {
            errors { code } } }""", {"input": {"id": contact_id}}),
    ]  # fmt: skip
    for query, variables in attempts:
        [payload] = (await api_a.data(query, variables)).values()
        assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    await contact.refresh_from_db()
    assert contact.email == "fin@cliente.example"
    assert await Contact.filter(debtor_id=shared.id).count() == 1
    [_, update, _] = attempts
    [payload] = (await both.data(*update)).values()
    assert payload["errors"] == []
    events = await AuditEvent.filter(action="contact.update").prefetch_related("company_links")
    assert [sorted(link.company_id for link in e.company_links) for e in events] == [
        sorted([company_a.id, company_b.id])
    ]


async def test_concurrent_upserts_of_one_partner_id_make_one_debtor(
    http: httpx.AsyncClient,
) -> None:
    company = await make_company("A")
    api = await ApiClient.with_token(http, companies=[company])
    results = await asyncio.gather(
        *(
            api.data(CREATE_DEBTOR, {"input": {"name": f"D{i}", "externalId": "d-1"}})
            for i in range(6)
        )
    )
    assert all(r["createDebtor"]["errors"] == [] for r in results)
    assert len({r["createDebtor"]["debtor"]["id"] for r in results}) == 1
    assert await Debtor.all().count() == 1
    assert await DebtorCompany.filter(company_id=company.id, external_id="d-1").count() == 1
