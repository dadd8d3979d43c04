"""Debtor.history: e-mails, payments and reversals, appointments, promises, pauses and entry
changes, newest first, in keyset pages of one SQL statement, scoped to the caller's companies."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from backend.appointments.models import Appointment
from backend.audit.services import record
from backend.core.periods import local_today
from backend.debtors.models import Debtor
from tests.mailing.helpers import billing_company, customer, queue
from tests.support import ApiClient, SqlLog, gid, make_entry, make_user, principal

HISTORY = """
query($id: ID!, $first: Int, $after: String) {
  debtor(id: $id) {
    history(first: $first, after: $after) {
      edges { cursor node { id at kind action summary amount companyId automatic actor { name } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}"""
SETTLE = """mutation($input: SettleEntryInput!) {
  settleEntry(input: $input) { payment { id } errors { code } } }"""
REVERSE = """mutation($input: ReversePaymentInput!) {
  reversePayment(input: $input) { payment { id } errors { code } } }"""
UPDATE = """mutation($input: UpdateEntryInput!) {
  updateEntry(input: $input) { entry { id } errors { code } } }"""


async def history(api: ApiClient, debtor: Debtor, **args: Any) -> dict[str, Any]:
    data = await api.data(HISTORY, {"id": gid("Debtor", debtor.id), **args})
    assert data["debtor"] is not None
    result: dict[str, Any] = data["debtor"]["history"]
    return result


async def _world(admin_api: ApiClient) -> dict[str, Any]:
    """A debtor owed to company A and company B, with something of every kind in each."""
    company_a = await billing_company(pix_key="financeiro@bexus.example")
    company_b = await billing_company(name="Outra Ltda")
    debtor = await customer()
    today = local_today(dt.datetime.now(dt.UTC), company_a.time_zone)
    entry_a = await make_entry(company_a, debtor, due=today - dt.timedelta(days=20),
                               amount="300.00", code="NF-A")  # fmt: skip
    entry_b = await make_entry(company_b, debtor, due=today - dt.timedelta(days=20),
                               amount="700.00", code="NF-B")  # fmt: skip
    await queue(company_a, debtor, subject="Cobrança A")
    await queue(company_b, debtor, subject="Cobrança B")
    for entry in (entry_a, entry_b):
        settled = await admin_api.data(
            SETTLE, {"input": {"entryId": gid("FinancialEntry", entry.id), "amount": "100.00"}}
        )
        assert settled["settleEntry"]["errors"] == []
        payment_id = settled["settleEntry"]["payment"]["id"]
        reversed_ = await admin_api.data(
            REVERSE, {"input": {"paymentId": payment_id, "reason": "Pago em duplicidade"}}
        )
        assert reversed_["reversePayment"]["errors"] == []
        updated = await admin_api.data(
            UPDATE, {"input": {"id": gid("FinancialEntry", entry.id), "notes": "Ligar de manhã"}}
        )
        assert updated["updateEntry"]["errors"] == []
    user = await make_user(name="Ana Cobradora")
    for company in (company_a, company_b):
        await Appointment.create(
            debtor=debtor,
            company=company,
            responsible=user,
            created_by=user,
            scheduled_date=today + dt.timedelta(days=2),
            scheduled_time="10:30",
            notes=f"Ligar ({company.name})",
        )
        # As the régua records them (backend/collection/holds.py): audit events on the debtor.
        await record(
            principal(),
            action="promise.record",
            target_type="Debtor",
            target_id=debtor.id,
            company_id=company.id,
            details={"promiseId": 1, "promisedDate": "2026-03-10", "amount": "150.00"},
        )
        await record(
            principal(),
            action="collection.pause",
            target_type="Debtor",
            target_id=debtor.id,
            company_id=company.id,
            details={"pauseId": 1, "reason": "em disputa", "until": "2026-03-31"},
        )
    # Not history: another debtor's event, and a debtor event that is no promise or pause.
    other = await customer(name="Outro Cliente")
    await record(principal(), action="promise.record", target_type="Debtor",
                 target_id=other.id, company_id=company_a.id)  # fmt: skip
    await record(principal(), action="debtor.update", target_type="Debtor",
                 target_id=debtor.id, company_id=company_a.id)  # fmt: skip
    return {"a": company_a, "b": company_b, "debtor": debtor}


EXPECTED_KINDS_PER_COMPANY = {
    "EMAIL": 1,
    "PAYMENT": 1,
    "REVERSAL": 1,
    "APPOINTMENT": 1,
    "PROMISE": 1,
    "PAUSE": 1,
    "ENTRY": 1,
}


async def test_every_kind_newest_first_and_only_the_callers_companies(
    admin_api: ApiClient, http: httpx.AsyncClient
) -> None:
    world = await _world(admin_api)
    everything = await history(admin_api, world["debtor"], first=100)
    nodes = [e["node"] for e in everything["edges"]]
    kinds: dict[str, int] = {}
    for node in nodes:
        kinds[node["kind"]] = kinds.get(node["kind"], 0) + 1
    assert kinds == {k: 2 * n for k, n in EXPECTED_KINDS_PER_COMPANY.items()}
    stamps = [dt.datetime.fromisoformat(n["at"]) for n in nodes]
    assert stamps == sorted(stamps, reverse=True)
    assert everything["pageInfo"]["hasNextPage"] is False
    assert len({n["id"] for n in nodes}) == len(nodes)

    summaries = {n["summary"] for n in nodes}
    assert "E-mail de cobrança na fila de envio: Cobrança A" in {
        s.split(" (PIX")[0] for s in summaries
    }
    assert "Pagamento de R$ 100,00 no lançamento NF-A (outra forma)" in summaries
    assert "Estorno do pagamento de R$ 100,00 no lançamento NF-A: Pago em duplicidade" in summaries
    assert "Lançamento NF-A alterado (observações)" in summaries
    assert "Promessa de pagamento registrada de R$ 150,00 para 10/03/2026" in summaries
    assert "Cobrança pausada até 31/03/2026: em disputa" in summaries
    appointment = next(n for n in nodes if n["kind"] == "APPOINTMENT")
    assert appointment["actor"] == {"name": "Ana Cobradora"}
    assert appointment["summary"].startswith("Agendamento para ")
    payment = next(n for n in nodes if n["kind"] == "PAYMENT")
    assert payment["amount"] == "100.00"

    # A token of company A sees A's events only: never B's e-mail, payment, promise or pause.
    token_a = await ApiClient.with_token(http, scope="READ", companies=[world["a"]])
    seen = [e["node"] for e in (await history(token_a, world["debtor"], first=100))["edges"]]
    assert {n["companyId"] for n in seen} == {gid("Company", world["a"].id)}
    assert {n["kind"]: 1 for n in seen} == {k: 1 for k in EXPECTED_KINDS_PER_COMPANY}
    assert len(seen) == sum(EXPECTED_KINDS_PER_COMPANY.values())
    assert not [n for n in seen if "NF-B" in n["summary"] or "Cobrança B" in n["summary"]]


async def test_keyset_pages_cover_the_list_once_in_one_statement_each(
    admin_api: ApiClient, sql_log: SqlLog
) -> None:
    world = await _world(admin_api)
    debtor = world["debtor"]
    whole = [e["node"]["id"] for e in (await history(admin_api, debtor, first=100))["edges"]]
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        sql_log.clear()
        page = await history(admin_api, debtor, first=3, after=after)
        unions = [s for s in sql_log.statements if "UNION ALL" in s]
        assert len(unions) == 1
        seen += [e["node"]["id"] for e in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
        assert after == page["edges"][-1]["cursor"]
    assert seen == whole
    assert pages == -(-len(whole) // 3)

    # A row written after the first page was read does not shift the next pages.
    first = await history(admin_api, debtor, first=4)
    await queue(world["a"], debtor, subject="Nova")
    rest = await history(admin_api, debtor, first=100, after=first["pageInfo"]["endCursor"])
    assert [e["node"]["id"] for e in first["edges"] + rest["edges"]] == whole


async def test_bad_cursors_and_sizes_are_refused(admin_api: ApiClient) -> None:
    debtor = await customer()
    other_list = (
        await admin_api.data(
            "query($id: ID!) { debtor(id: $id) { sentEmails(first: 1) "
            "{ pageInfo { endCursor } } } }",
            {"id": gid("Debtor", debtor.id)},
        )
    )["debtor"]["sentEmails"]["pageInfo"]["endCursor"]
    for args, code in (
        ({"after": "bm9wZQ"}, "INVALID_CURSOR"),
        ({"after": other_list or "ZGVidG9yczox"}, "INVALID_CURSOR"),
        ({"first": 101}, "PAGE_SIZE_TOO_LARGE"),
    ):
        body = await admin_api.execute(HISTORY, {"id": gid("Debtor", debtor.id), **args})
        assert body["errors"][0]["extensions"]["code"] == code, body
