"""The dashboard sends its operations by trusted-document id (frontend/src/api.ts; the ids are set
at build time by frontend/documentIds.ts, registered by api/documents.py): every query of the
dashboard answers by id exactly what it answers by text, a mutation by id does what it does by
text, and a refusal is the same refusal, over HTTP with a signed-in administrator's session, on
both engines."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import httpx

from backend.api.documents import TRUSTED
from backend.core.enums import Role
from backend.core.ids import decode_id
from backend.demo import load_demo
from backend.entries.models import FinancialEntry
from tests.support import ApiClient, SetClock, gid, make_user

TODAY = dt.date(2026, 2, 9)
NOW = dt.datetime(2026, 2, 9, 15, tzinfo=dt.UTC)
_HEAD = re.compile(r"\b(query|mutation|subscription)\s+(\w+)")


def _registered() -> dict[str, tuple[str, str]]:
    """Operation name -> (kind, id) of every registered document."""
    found = {}
    for identifier, text in TRUSTED.texts.items():
        match = _HEAD.search(text)
        assert match is not None, text
        found[match.group(2)] = (match.group(1), identifier)
    return found


OPERATIONS = _registered()


async def _post(api: ApiClient, body: dict[str, Any], accept: str | None = None) -> httpx.Response:
    headers = dict(api.headers) | ({"Accept": accept} if accept else {})
    return await api.http.post("/graphql", json=body, headers=headers)


async def _by_id(
    api: ApiClient, name: str, variables: dict[str, Any], accept: str | None = None
) -> httpx.Response:
    return await _post(api, {"documentId": OPERATIONS[name][1], "variables": variables}, accept)


async def _by_text(
    api: ApiClient, name: str, variables: dict[str, Any], accept: str | None = None
) -> httpx.Response:
    text = TRUSTED.texts[OPERATIONS[name][1]]
    return await _post(api, {"query": text, "variables": variables}, accept)


async def _same(api: ApiClient, name: str, variables: dict[str, Any]) -> dict[str, Any]:
    """The query by text, then by id: the same status and the same body; its data."""
    by_text = await _by_text(api, name, variables)
    by_id = await _by_id(api, name, variables)
    assert by_id.status_code == by_text.status_code == 200, (name, by_id.text)
    assert by_id.json() == by_text.json(), name
    body: dict[str, Any] = by_id.json()
    assert "errors" not in body, (name, body["errors"])
    data: dict[str, Any] = body["data"]
    return data


async def _dashboard(http: httpx.AsyncClient, clock: SetClock) -> ApiClient:
    clock.set(NOW)
    await load_demo(debtors=6, entries=40, today=TODAY, progress=lambda _: None)
    return await ApiClient.with_login(http, await make_user(role=Role.ADMIN))


async def _send_email(api: ApiClient, debtor_id: str, company_id: str, key: str) -> Any:
    variables = {
        "input": {
            "debtorId": debtor_id,
            "companyId": company_id,
            "subject": "Débitos em aberto",
            "body": "Prezado {{ cliente }},\n\n{{ tabela_lancamentos }}",
            "idempotencyKey": key,
            "confirmRecentContact": True,
        }
    }
    response = await _by_id(api, "SendCollectionEmail", variables)
    assert response.status_code == 200, response.text
    sent = response.json()["data"]["sendCollectionEmail"]
    assert sent["errors"] == [], sent["errors"]
    return sent["sentEmail"]["id"], variables


async def test_every_dashboard_query_answers_the_same_by_id_as_by_text(
    http: httpx.AsyncClient, clock: SetClock
) -> None:
    api = await _dashboard(http, clock)
    covered: set[str] = set()

    async def same(name: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        covered.add(name)
        return await _same(api, name, variables or {})

    for name in (
        "Me",
        "Companies",
        "ImportCompanies",
        "Regua",
        "AdminCompanies",
        "AdminUsers",
        "AdminTokens",
        "AdminRetention",
    ):
        await same(name)
    # Shown once (the first time it is asked for, then null): by id first, then by text.
    covered.add("MyCalendarUrl")
    first = (await _by_id(api, "MyCalendarUrl", {})).json()
    assert re.fullmatch(r"http://testserver/calendar/.+\.ics", first["data"]["myCalendarUrl"])
    assert (await _by_text(api, "MyCalendarUrl", {})).json() == {"data": {"myCalendarUrl": None}}
    await same("AdminWebhooks", {"deliveries": 5})
    search = {"filter": {"period": "OVERDUE"}, "orderBy": "OPEN_AMOUNT_DESC"}
    home = await same("HomeSearch", search | {"first": 25})
    assert home["debtors"]["edges"], "the demo has overdue debtors"
    await same("DebtorPage", search | {"first": 2, "after": None})
    debtor = home["debtors"]["edges"][0]["node"]["id"]

    entry = await FinancialEntry.filter(debtor_id=_pk(debtor)).order_by("id").first()
    assert entry is not None
    company = gid("Company", entry.company_id)
    sent_email, _ = await _send_email(api, debtor, company, "um")
    await _send_email(api, debtor, company, "dois")

    detail = await same("DebtorDetail", {"id": debtor, "entriesPage": 1, "emailsPage": 1})
    assert detail["debtor"]["overdueEntries"]["edges"]
    after = detail["debtor"]["overdueEntries"]["pageInfo"]["endCursor"]
    await same("MoreOverdueEntries", {"id": debtor, "first": 5, "after": after})
    after = detail["debtor"]["sentEmails"]["pageInfo"]["endCursor"]
    await same("MoreSentEmails", {"id": debtor, "first": 5, "after": after})
    follow_up = await same("DebtorFollowUp", {"id": debtor, "historyPage": 1})
    after = follow_up["debtor"]["history"]["pageInfo"]["endCursor"]
    await same("MoreDebtorHistory", {"id": debtor, "first": 5, "after": after})
    await same("DebtorEntries", {"id": debtor, "first": 20, "after": None})
    await same("DebtorBalance", {"id": debtor})
    await same("SentEmailView", {"id": sent_email})
    # Each export is audited: the second's trail has the first, the rest is the same.
    covered.add("ExportDebtorData")
    exports = []
    for send in (_by_text, _by_id):
        response = await send(api, "ExportDebtorData", {"debtorId": debtor})
        exports.append(json.loads(response.json()["data"]["exportDebtorData"]))
    trails = [export.pop("auditTrail") for export in exports]
    assert exports[1] == exports[0]
    assert trails[1][: len(trails[0])] == trails[0]
    assert len(trails[1]) == len(trails[0]) + 1
    preview = {
        "debtorId": debtor,
        "companyId": company,
        "subject": "Débitos de {{ cliente }}",
        "body": "{{ tabela_lancamentos }}",
    }
    await same("PreviewCollectionEmail", {"input": preview})
    entry_id = gid("FinancialEntry", entry.id)
    await same("EntryForm", {"id": entry_id})
    await same("EntryCharges", {"id": entry_id, "on": TODAY.isoformat()})
    await same("MyAppointments", {"from": None, "to": None, "includeDone": True})
    await same("CollectionPlan", {"companyId": company, "date": TODAY.isoformat(), "first": 20})
    await same("AdminAudit", {})

    # A query the dashboard gains is added here (the registry follows the frontend).
    queries = {name for name, (kind, _) in OPERATIONS.items() if kind == "query"}
    assert covered == queries, queries ^ covered


def _pk(global_id: str) -> int:
    pk = decode_id("Debtor", global_id)
    assert pk is not None
    return pk


async def test_a_mutation_by_id_does_what_it_does_by_text(
    http: httpx.AsyncClient, clock: SetClock
) -> None:
    api = await _dashboard(http, clock)
    companies = (await _same(api, "AdminCompanies", {}))["companies"]
    company = companies[0]
    home = await _same(
        api,
        "HomeSearch",
        {"filter": {"period": "OVERDUE"}, "orderBy": "NAME_ASC", "first": 1},
    )
    debtor = home["debtors"]["edges"][0]["node"]["id"]

    # The same change twice: by id (it writes), by text (nothing left to change): one answer.
    for name, variables in (
        ("AdminUpdateCompany", {"input": {"id": company["id"], "recentContactDays": 0}}),
        ("UpdateDebtor", {"input": {"id": debtor, "phone": "1133334444"}}),
    ):
        by_id = await _by_id(api, name, variables)
        by_text = await _by_text(api, name, variables)
        assert by_id.status_code == by_text.status_code == 200, by_id.text
        assert by_id.json() == by_text.json(), name
        assert "errors" not in by_id.json(), by_id.json()
    after = (await _same(api, "AdminCompanies", {}))["companies"]
    assert [c["recentContactDays"] for c in after if c["id"] == company["id"]] == [0]

    # The same idempotency key by id, then by text: one e-mail, the same answer.
    sent, variables = await _send_email(api, debtor, company["id"], "chave")
    again = await _by_text(api, "SendCollectionEmail", variables)
    assert again.json()["data"]["sendCollectionEmail"]["sentEmail"]["id"] == sent

    # A refused input: the same errors field by field.
    bad = {"input": {"name": "", "pixKey": "não é uma chave"}}
    by_id = await _by_id(api, "AdminCreateCompany", bad)
    by_text = await _by_text(api, "AdminCreateCompany", bad)
    assert by_id.json() == by_text.json()
    assert by_id.json()["data"]["createCompany"]["errors"]
    assert len((await _same(api, "AdminCompanies", {}))["companies"]) == len(companies)


async def test_a_request_error_by_id_is_the_text_s_request_error(
    http: httpx.AsyncClient, clock: SetClock
) -> None:
    """Validated once, refused the same: a missing variable, under either media type."""
    api = await _dashboard(http, clock)
    for accept in ("application/json", "application/graphql-response+json"):
        by_id = await _by_id(api, "DebtorBalance", {}, accept)
        by_text = await _by_text(api, "DebtorBalance", {}, accept)
        assert by_id.status_code == by_text.status_code
        assert by_id.json() == by_text.json()
        assert by_id.json()["errors"]
    assert by_id.status_code == 400
