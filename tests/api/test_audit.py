"""The audit trail: who did what, scoped like everything else."""

from __future__ import annotations

from dataclasses import replace

import httpx

from backend.audit.models import AuditEvent, AuditEventCompany
from backend.audit.services import NewEvent, record_many
from tests.support import ApiClient, gid, make_company, make_debtor, principal


async def test_entry_changes_are_listed_newest_first_and_scoped(http: httpx.AsyncClient) -> None:
    a, b = await make_company("A"), await make_company("B")
    debtor = await make_debtor()
    admin = await ApiClient.with_token(http, scope="WRITE")
    create = """mutation($input: CreateEntryInput!) { createEntry(input: $input) {
      entry { id } errors { code } } }"""
    ids = []
    for company, amount in ((a, "10.00"), (b, "20.00")):
        data = await admin.data(
            create,
            {
                "input": {
                    "debtorId": gid("Debtor", debtor.id),
                    "companyId": gid("Company", company.id),
                    "description": "x",
                    "dueDate": "2026-01-01",
                    "amount": amount,
                    "externalId": "e1",
                }
            },
        )
        ids.append(data["createEntry"]["entry"]["id"])
    await admin.data(
        create,
        {
            "input": {
                "debtorId": gid("Debtor", debtor.id),
                "companyId": gid("Company", a.id),
                "description": "x",
                "dueDate": "2026-01-01",
                "amount": "15.00",
                "externalId": "e1",
            }
        },
    )

    query = """query($id: ID) { auditEvents(targetType: "FinancialEntry", targetId: $id) {
      totalCount edges { node { action targetId actor details } } } }"""
    trail = (await admin.data(query, {"id": ids[0]}))["auditEvents"]
    assert trail["totalCount"] == 2
    update, create_event = (edge["node"] for edge in trail["edges"])
    assert update["action"] == "entry.update"
    assert update["details"]["amount"] == {"old": "10.00", "new": "15.00"}
    assert update["actor"].startswith("token ")
    assert create_event["action"] == "entry.create"
    assert create_event["targetId"] == ids[0]

    only_a = await ApiClient.with_token(http, scope="READ", companies=[a])
    seen = await only_a.data("{ auditEvents { totalCount edges { node { targetId } } } }")
    assert {e["node"]["targetId"] for e in seen["auditEvents"]["edges"]} == {ids[0]}
    too_many = await only_a.execute("{ auditEvents(first: 101) { totalCount } }")
    assert too_many["errors"][0]["extensions"]["code"] == "PAGE_SIZE_TOO_LARGE"


async def test_many_events_in_chunks_are_written_whole_with_their_company_links(
    database_url: str,
) -> None:
    """record_many: 1,001 events go in three INSERTs, each linked to the three companies, all at
    one instant; an event naming one company carries it and needs no link."""
    companies = [await make_company() for _ in range(3)]
    token_reader = replace(principal(), name="leitor")
    events = [NewEvent("debtor.read", "Debtor", n, {"fields": ["document"]}) for n in range(1001)]
    await record_many(token_reader, events, company_ids=[c.id for c in companies])
    written = await AuditEvent.filter(action="debtor.read").order_by("target_id")
    assert [e.target_id for e in written] == list(range(1001))
    assert {(e.company_id, e.actor_label, e.created_at) for e in written} == {
        (None, "leitor", written[0].created_at)
    }
    links = await AuditEventCompany.filter(event_id__in=[e.id for e in written])
    assert len(links) == 3003
    assert {link.company_id for link in links} == {c.id for c in companies}

    await record_many(token_reader, events[:2], company_ids=[companies[0].id])
    single = await AuditEvent.filter(action="debtor.read").order_by("-id").limit(2)
    assert [e.company_id for e in single] == [companies[0].id] * 2
    assert await AuditEventCompany.filter(event_id__in=[e.id for e in single]).count() == 0
