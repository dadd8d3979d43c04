"""Auditoria's filters: by debtor (its entries', e-mails', appointments' events too), by the
user who did it and by date (in the installation's TIME_ZONE), each within the caller's scope."""

from __future__ import annotations

import datetime as dt

import httpx

from backend.audit.models import AuditEvent
from backend.audit.services import record
from backend.core.enums import Role
from backend.core.principal import Principal
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry, make_user

LIST = """query($debtorId: ID, $actorUserId: ID, $dateFrom: Date, $dateTo: Date) {
  auditEvents(debtorId: $debtorId, actorUserId: $actorUserId, dateFrom: $dateFrom,
              dateTo: $dateTo, first: 50) {
    totalCount edges { node { action actor targetType } }
  }
}"""


def by(user_id: int, name: str) -> Principal:
    return Principal(name=name, role=Role.ADMIN, company_ids=None, can_write=True, user_id=user_id)


async def event(
    who: Principal, action: str, target: tuple[str, int], company: int, at: dt.datetime
) -> None:
    made = await record(
        who, action=action, target_type=target[0], target_id=target[1], company_id=company
    )
    await AuditEvent.filter(id=made.id).update(created_at=at)


async def actions(api: ApiClient, **variables: str) -> list[str]:
    data = await api.data(LIST, variables)
    found = data["auditEvents"]
    assert found["totalCount"] == len(found["edges"])
    return [e["node"]["action"] for e in found["edges"]]


async def test_filters_by_debtor_user_and_date(http: httpx.AsyncClient) -> None:
    a, b = await make_company("A"), await make_company("B")
    ana, bia = await make_user(name="Ana"), await make_user(name="Bia")
    d1, d2 = await make_debtor(companies=[a]), await make_debtor(companies=[a])
    other = await make_debtor(companies=[b])
    entry = await make_entry(a, d1, due=dt.date(2026, 2, 1))
    utc = dt.UTC
    await event(by(ana.id, "Ana"), "debtor.update", ("Debtor", d1.id), a.id,
                dt.datetime(2026, 3, 1, 12, tzinfo=utc))  # fmt: skip
    await event(by(bia.id, "Bia"), "payment.create", ("FinancialEntry", entry.id), a.id,
                dt.datetime(2026, 3, 2, 12, tzinfo=utc))  # fmt: skip
    # 23:00 on 2 March in São Paulo, already 3 March in UTC.
    await event(by(ana.id, "Ana"), "contact.create", ("Debtor", d2.id), a.id,
                dt.datetime(2026, 3, 3, 2, tzinfo=utc))  # fmt: skip
    await event(by(ana.id, "Ana"), "debtor.create", ("Debtor", other.id), b.id,
                dt.datetime(2026, 3, 4, 12, tzinfo=utc))  # fmt: skip
    admin = await ApiClient.with_token(http, scope="ADMIN")

    assert await actions(admin, debtorId=gid("Debtor", d1.id)) == [
        "payment.create",
        "debtor.update",
    ]
    assert await actions(admin, actorUserId=gid("User", ana.id)) == [
        "debtor.create",
        "contact.create",
        "debtor.update",
    ]
    assert await actions(admin, dateFrom="2026-03-02", dateTo="2026-03-02") == [
        "contact.create",
        "payment.create",
    ]
    assert await actions(admin, actorUserId=gid("User", ana.id), dateFrom="2026-03-02") == [
        "debtor.create",
        "contact.create",
    ]
    assert await actions(admin, dateTo="2026-02-28") == []

    # Restricted to A: B's debtor and a user of B alone answer as unknown ones (nothing).
    restricted = await ApiClient.with_token(http, scope="READ", companies=[a])
    only_b = await make_user(name="Caio", companies=[b])
    assert await actions(restricted, debtorId=gid("Debtor", other.id)) == []
    assert await actions(restricted, debtorId=gid("Debtor", other.id + 999)) == []
    assert await actions(restricted, actorUserId=gid("User", only_b.id)) == []
    assert await actions(restricted, actorUserId=gid("User", ana.id)) == [
        "contact.create",
        "debtor.update",
    ]
    assert await actions(restricted, debtorId=gid("Company", a.id)) == []  # not a debtor id
