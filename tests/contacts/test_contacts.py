"""Contacts (Contatos) through the API: add, update, remove, validation, scope, audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from backend.audit.models import AuditEvent
from backend.contacts.services import ContactData, add_contact
from backend.core.errors import ServiceError
from backend.debtors.models import Contact, Debtor
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry, principal

FIELDS = "id name department role email phone mobile phoneFormatted mobileFormatted"
ERRORS = "errors { field code message }"
ADD = f"""mutation($input: AddContactInput!) {{
  addContact(input: $input) {{ contact {{ {FIELDS} }} {ERRORS} }}
}}"""
UPDATE = f"""mutation($input: UpdateContactInput!) {{
  updateContact(input: $input) {{ contact {{ {FIELDS} }} {ERRORS} }}
}}"""
REMOVE = f"""mutation($input: RemoveContactInput!) {{
  removeContact(input: $input) {{ removedContactId {ERRORS} }}
}}"""
LIST = "query($id: ID!) { debtor(id: $id) { contacts { name email } } }"


async def _run(api: ApiClient, document: str, name: str, /, **values: Any) -> dict[str, Any]:
    payload: dict[str, Any] = (await api.data(document, {"input": values}))[name]
    return payload


def _codes(payload: dict[str, Any]) -> set[tuple[str, tuple[str, ...]]]:
    return {(e["code"], tuple(e["field"] or ())) for e in payload["errors"]}


async def _names(api: ApiClient, debtor: Debtor) -> list[str]:
    data = await api.data(LIST, {"id": gid("Debtor", debtor.id)})
    return [c["name"] for c in data["debtor"]["contacts"]]


async def test_add_a_contact_normalised_and_formatted(admin_api: ApiClient) -> None:
    debtor = await make_debtor()
    result = await _run(
        admin_api,
        ADD,
        "addContact",
        debtorId=gid("Debtor", debtor.id),
        name="  Maria   Souza ",
        department="Financeiro",
        role="Gerente",
        email="Maria.Souza@Example.COM",
        phone="+55 (11) 3456-7890",
        mobile="011 98765-4321",
    )
    assert result["errors"] == []
    contact = result["contact"]
    assert contact["name"] == "Maria Souza"
    assert contact["email"] == "Maria.Souza@example.com"
    assert (contact["phone"], contact["mobile"]) == ("1134567890", "11987654321")
    assert (contact["phoneFormatted"], contact["mobileFormatted"]) == (
        "(11) 3456-7890",
        "(11) 98765-4321",
    )
    assert await _names(admin_api, debtor) == ["Maria Souza"]
    event = await AuditEvent.get(action="contact.create")
    assert event.details["name"] == "Maria Souza"


async def test_contacts_are_listed_by_name(admin_api: ApiClient) -> None:
    debtor = await make_debtor()
    for name in ("Zeca", "Ana", "Bruno"):
        await _run(admin_api, ADD, "addContact", debtorId=gid("Debtor", debtor.id), name=name)
    assert await _names(admin_api, debtor) == ["Ana", "Bruno", "Zeca"]


async def test_add_errors_come_all_at_once(admin_api: ApiClient) -> None:
    debtor = await make_debtor()
    result = await _run(
        admin_api,
        ADD,
        "addContact",
        debtorId=gid("Debtor", debtor.id),
        name=" ",
        email="maria@",
        phone="12345",
        mobile="(11) 1234-5678x",
        role="x" * 101,
    )
    assert result["contact"] is None
    assert _codes(result) == {
        ("REQUIRED", ("input", "name")),
        ("INVALID_EMAIL", ("input", "email")),
        ("INVALID_PHONE", ("input", "phone")),
        ("INVALID_PHONE", ("input", "mobile")),
        ("TOO_LONG", ("input", "role")),
    }
    assert await Contact.all().count() == 0


async def test_a_debtor_out_of_reach_is_not_found(http: httpx.AsyncClient) -> None:
    company_a, company_b = await make_company(), await make_company()
    debtor_b = await make_debtor()
    await make_entry(company_b, debtor_b, due=dt.date(2026, 1, 10))
    api_a = await ApiClient.with_token(http, companies=[company_a])
    for target in (gid("Debtor", debtor_b.id), gid("Debtor", 999), gid("Contact", 1)):
        result = await _run(api_a, ADD, "addContact", debtorId=target, name="Maria")
        assert _codes(result) == {("NOT_FOUND", ("input", "debtorId"))}
    assert await Contact.all().count() == 0


async def test_update_changes_given_fields_and_clears_with_empty_text(admin_api: ApiClient) -> None:
    debtor = await make_debtor()
    contact = await Contact.create(
        debtor=debtor, name="Maria", department="Financeiro", phone="1134567890"
    )
    result = await _run(
        admin_api,
        UPDATE,
        "updateContact",
        id=gid("Contact", contact.id),
        role="Diretora",
        department="",
        mobile="11987654321",
    )
    assert result["errors"] == []
    updated = result["contact"]
    assert (updated["name"], updated["role"], updated["department"]) == ("Maria", "Diretora", None)
    assert (updated["phone"], updated["mobile"]) == ("1134567890", "11987654321")
    event = await AuditEvent.get(action="contact.update")
    assert event.details["department"] == {"old": "Financeiro", "new": None}
    assert event.details["role"] == {"old": None, "new": "Diretora"}


async def test_update_errors(http: httpx.AsyncClient, admin_api: ApiClient) -> None:
    company_a, company_b = await make_company(), await make_company()
    debtor_b = await make_debtor()
    await make_entry(company_b, debtor_b, due=dt.date(2026, 1, 10))
    contact = await Contact.create(debtor=debtor_b, name="Maria")
    bad = await _run(
        admin_api, UPDATE, "updateContact", id=gid("Contact", contact.id), name="", email="x"
    )
    assert _codes(bad) == {("REQUIRED", ("input", "name")), ("INVALID_EMAIL", ("input", "email"))}
    api_a = await ApiClient.with_token(http, companies=[company_a])
    hidden = await _run(api_a, UPDATE, "updateContact", id=gid("Contact", contact.id), name="X")
    assert _codes(hidden) == {("NOT_FOUND", ("input", "id"))}
    assert (await Contact.get(id=contact.id)).name == "Maria"


async def test_remove_a_contact(http: httpx.AsyncClient, admin_api: ApiClient) -> None:
    company_a, company_b = await make_company(), await make_company()
    debtor_b = await make_debtor()
    await make_entry(company_b, debtor_b, due=dt.date(2026, 1, 10))
    contact = await Contact.create(debtor=debtor_b, name="Maria")
    api_a = await ApiClient.with_token(http, companies=[company_a])
    hidden = await _run(api_a, REMOVE, "removeContact", id=gid("Contact", contact.id))
    assert _codes(hidden) == {("NOT_FOUND", ("input", "id"))}
    removed = await _run(admin_api, REMOVE, "removeContact", id=gid("Contact", contact.id))
    assert removed == {"removedContactId": gid("Contact", contact.id), "errors": []}
    assert await Contact.all().count() == 0
    event = await AuditEvent.get(action="contact.remove")
    assert (event.target_id, event.details["name"]) == (contact.id, "Maria")
    again = await _run(admin_api, REMOVE, "removeContact", id=gid("Contact", contact.id))
    assert _codes(again) == {("NOT_FOUND", ("input", "id"))}


async def test_a_read_only_principal_cannot_add(database_url: str) -> None:
    debtor = await make_debtor()
    with pytest.raises(ServiceError) as info:
        await add_contact(
            principal=principal(can_write=False),
            debtor_id=debtor.id,
            data=ContactData(name="Maria"),
        )
    assert info.value.errors[0].code == "FORBIDDEN"
