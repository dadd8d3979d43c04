"""upsertDebtors and upsertEntries: per-item answers, one transaction, scope, audit, few SQL."""

from __future__ import annotations

from typing import Any

import httpx

from backend.audit.models import AuditEvent
from backend.core.clock import utc_now
from backend.core.enums import EntryStatus
from backend.core.periods import local_today
from backend.debtors.models import Debtor, DebtorCompany
from backend.entries.models import FinancialEntry
from backend.search.balances import roll_balances
from backend.search.models import DebtorBalance
from tests.support import VALID_CNPJ, VALID_CPF, ApiClient, SqlLog, gid, make_company

UPSERT_DEBTORS = """
mutation($input: UpsertDebtorsInput!) {
  upsertDebtors(input: $input) {
    results { index id created changed errors { field code message } }
    created updated unchanged failed errors { code field }
  }
}"""
UPSERT_ENTRIES = UPSERT_DEBTORS.replace("upsertDebtors", "upsertEntries").replace(
    "UpsertDebtorsInput", "UpsertEntriesInput"
)
# An alphanumeric CNPJ (IN RFB 2.229/2024): letters in the first 12 positions.
ALPHANUMERIC_CNPJ = "12ABC34501DE35"


async def upsert(api: ApiClient, query: str, company: Any, items: list[dict[str, Any]]) -> Any:
    data = await api.data(
        query, {"input": {"companyId": gid("Company", company.id), "items": items}}
    )
    [payload] = data.values()
    return payload


async def test_debtors_valid_written_invalid_reported(admin_api: ApiClient) -> None:
    company = await make_company()
    items = [
        {"externalId": "c-1", "name": "Maria da Conceição", "document": "529.982.247-25",
         "email": "maria@example.com"},
        {"externalId": "c-2", "name": "Padaria Alfa", "document": ALPHANUMERIC_CNPJ.lower()},
        {"externalId": "c-3", "name": "Sem documento válido", "document": "123.456.789-00"},
        {"externalId": "c-1", "name": "Repetido"},
        {"externalId": "c-5"},  # a new debtor needs a name
        {"externalId": "c-6", "name": "Telefone ruim", "phone": "12", "email": "x@"},
    ]  # fmt: skip
    payload = await upsert(admin_api, UPSERT_DEBTORS, company, items)
    assert payload["errors"] == []
    results = payload["results"]
    assert [r["index"] for r in results] == list(range(6))
    assert [bool(r["id"]) for r in results] == [True, True, False, False, False, False]
    assert results[2]["errors"] == [
        {"field": ["input", "items", "2", "document"], "code": "INVALID_DOCUMENT",
         "message": results[2]["errors"][0]["message"]}
    ]  # fmt: skip
    assert results[3]["errors"][0]["code"] == "DUPLICATE_EXTERNAL_ID"
    assert results[4]["errors"][0]["code"] == "REQUIRED"
    assert {e["code"] for e in results[5]["errors"]} == {"INVALID_PHONE", "INVALID_EMAIL"}
    assert (payload["created"], payload["updated"], payload["failed"]) == (2, 0, 4)
    maria = await Debtor.get(document=VALID_CPF)
    assert maria.search_key == "maria da conceicao"
    assert await Debtor.filter(document=ALPHANUMERIC_CNPJ).exists()
    link = await DebtorCompany.get(debtor_id=maria.id)
    assert (link.company_id, link.external_id) == (company.id, "c-1")
    assert await AuditEvent.filter(action="debtor.create", company_id=company.id).count() == 2

    # Sent again: one change, one unchanged, nothing duplicated.
    again = await upsert(
        admin_api,
        UPSERT_DEBTORS,
        company,
        [{"externalId": "c-1", "name": "Maria da Conceição", "email": "nova@example.com"},
         {"externalId": "c-2", "name": "Padaria Alfa"}],
    )  # fmt: skip
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 1, 1)
    assert again["results"][0]["id"] == results[0]["id"]
    assert (await Debtor.get(id=maria.id)).email == "nova@example.com"
    assert await Debtor.all().count() == 2
    update = await AuditEvent.get(action="debtor.update")
    assert update.details == {"email": {"old": "maria@example.com", "new": "nova@example.com"}}


async def test_entries_upsert_by_external_id(admin_api: ApiClient, sql_log: SqlLog) -> None:
    company = await make_company()
    await upsert(admin_api, UPSERT_DEBTORS, company,
                 [{"externalId": "c-1", "name": "Cliente Um", "document": VALID_CNPJ}])  # fmt: skip
    items = [
        {"externalId": f"nf-{n}", "debtorExternalId": "c-1", "description": f"NF {n}",
         "dueDate": "2026-03-10", "amount": "100.10"}
        for n in range(300)
    ]  # fmt: skip
    items.append({**items[0], "externalId": "bad-1", "amount": "-1.00"})
    items.append({**items[0], "externalId": "bad-2", "debtorExternalId": "nobody"})
    items.append({**items[0], "externalId": "bad-3", "issueDate": "2026-04-01"})
    sql_log.clear()
    payload = await upsert(admin_api, UPSERT_ENTRIES, company, items)
    statements = sql_log.count
    assert payload["errors"] == []
    assert (payload["created"], payload["failed"]) == (300, 3)
    assert [e["code"] for r in payload["results"][300:] for e in r["errors"]] == [
        "INVALID_AMOUNT", "NOT_FOUND", "INVALID_DATE"
    ]  # fmt: skip
    # Set-based: the statement count does not grow with the items (auth, lookups, one INSERT,
    # codes, audit, the summary refresh).
    assert statements < 30, sql_log.statements
    rows = await FinancialEntry.filter(company_id=company.id).order_by("id")
    assert len(rows) == 300
    assert all(r.amount_cents == 10010 and r.code == str(r.id) for r in rows)
    assert [r.external_id for r in rows] == [f"nf-{n}" for n in range(300)]
    ids = [r["id"] for r in payload["results"][:300]]
    assert ids == [gid("FinancialEntry", r.id) for r in rows]
    assert await AuditEvent.filter(action="entry.create").count() == 300

    # A partial payment, then the partner re-sends: unchanged ones keep their version; a
    # change makes a new one; an amount below what was paid is refused for that item only.
    first = rows[0]
    first.paid_cents, first.status = 5000, EntryStatus.PARTIALLY_PAID
    await first.save()
    resend = [
        {**items[0], "amount": "100.1"},
        {**items[1], "amount": "250.00", "code": "NF-1"},
        {**items[0], "externalId": "nf-2", "amount": "10.00"},
    ]
    await FinancialEntry.filter(external_id="nf-2").update(paid_cents=5000)
    again = await upsert(admin_api, UPSERT_ENTRIES, company, resend)
    assert (again["unchanged"], again["updated"], again["failed"]) == (1, 1, 1)
    assert again["results"][2]["errors"][0]["code"] == "AMOUNT_BELOW_PAID"
    second = await FinancialEntry.get(external_id="nf-1")
    assert (second.amount_cents, second.code, second.version) == (25000, "NF-1", 2)
    assert (await FinancialEntry.get(external_id="nf-0")).version == 1
    assert (await FinancialEntry.get(external_id="nf-2")).amount_cents == 10010

    duplicate = await upsert(admin_api, UPSERT_ENTRIES, company,
                             [{**items[2], "code": "NF-1"}])  # fmt: skip
    assert duplicate["results"][0]["errors"][0]["code"] == "DUPLICATE_CODE"


async def test_summary_follows_bulk_writes(admin_api: ApiClient) -> None:
    """Bulk writes bypass the per-entry signals: the search summary is refreshed by the call."""
    company = await make_company()
    await roll_balances(today=local_today(utc_now(), "America/Sao_Paulo"), rebuild=True)
    await upsert(admin_api, UPSERT_DEBTORS, company, [{"externalId": "c", "name": "Devedor"}])
    await upsert(admin_api, UPSERT_ENTRIES, company, [
        {"externalId": "e1", "debtorExternalId": "c", "description": "A", "dueDate": "2025-01-10",
         "amount": "10.00"}])  # fmt: skip
    debtor = await Debtor.get(name="Devedor")
    summary = await DebtorBalance.get(debtor_id=debtor.id)
    assert (summary.open_cents, summary.entry_count) == (1000, 1)


async def test_scope_and_limits(http: httpx.AsyncClient) -> None:
    mine, other = await make_company(), await make_company()
    token = await ApiClient.with_token(http, companies=[mine])
    refused = await upsert(token, UPSERT_DEBTORS, other, [{"externalId": "x", "name": "X"}])
    assert refused["errors"] == [{"code": "NOT_FOUND", "field": ["input", "companyId"]}]
    too_many = [{"externalId": str(n), "name": "N"} for n in range(501)]
    big = await upsert(token, UPSERT_DEBTORS, mine, too_many)
    assert big["errors"][0]["code"] == "TOO_MANY_ITEMS"
    assert await Debtor.all().count() == 0
    reader = await ApiClient.with_token(http, scope="READ", companies=[mine])
    body = await reader.execute(
        UPSERT_DEBTORS,
        {
            "input": {
                "companyId": gid("Company", mine.id),
                "items": [{"externalId": "x", "name": "X"}],
            }
        },
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # The same externalId in two companies is two debtors (each partner's own ids).
    await upsert(token, UPSERT_DEBTORS, mine, [{"externalId": "42", "name": "Meu"}])
    admin = await ApiClient.with_token(http, scope="ADMIN")
    await upsert(admin, UPSERT_DEBTORS, other, [{"externalId": "42", "name": "Outro"}])
    assert sorted(await Debtor.all().values_list("name", flat=True)) == ["Meu", "Outro"]
    # Entries of `other` cannot name a debtor of `mine` by its externalId.
    crossed = await upsert(admin, UPSERT_ENTRIES, other, [
        {"externalId": "e", "debtorExternalId": "42", "description": "x", "dueDate": "2026-01-01",
         "amount": "1.00"}])  # fmt: skip
    assert crossed["results"][0]["id"] is not None  # "42" of `other` is its own debtor
    entry = await FinancialEntry.get(external_id="e")
    assert (await Debtor.get(id=entry.debtor_id)).name == "Outro"


async def test_a_shared_debtor_is_refused_per_item_without_reach_over_its_companies(
    http: httpx.AsyncClient,
) -> None:
    mine, other = await make_company(), await make_company()
    token = await ApiClient.with_token(http, companies=[mine])
    await upsert(token, UPSERT_DEBTORS, mine, [{"externalId": "s", "name": "Compartilhado"}])
    debtor = await Debtor.get(name="Compartilhado")
    await FinancialEntry.create(
        company=other, debtor=debtor, code="X1", description="d", due_date="2026-01-01",
        amount_cents=100,
    )  # fmt: skip
    payload = await upsert(
        token,
        UPSERT_DEBTORS,
        mine,
        [{"externalId": "s", "email": "desvio@example.com"}, {"externalId": "n", "name": "Novo"}],
    )
    assert payload["results"][0]["errors"][0]["code"] == "FORBIDDEN"
    assert payload["results"][1]["created"] is True
    assert (await Debtor.get(id=debtor.id)).email is None
