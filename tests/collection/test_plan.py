"""collectionPlan: what the régua would send on a date, consolidated per debtor, without
sending; a claimed send is not planned again; a partial payment lowers the open amount."""

from __future__ import annotations

import datetime as dt

from backend.collection.models import CollectionSend, CollectionStep
from backend.collection.templates import ensure_default_template
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry

PLAN = """
query($c: ID!, $d: Date!) { collectionPlan(companyId: $c, date: $d) {
  debtorName stepDays template { name } entryCount openAmount } }"""

DAY = dt.date(2026, 3, 10)


async def test_plan_consolidates_and_skips_claimed(admin_api: ApiClient) -> None:
    company = await make_company()
    template = await ensure_default_template(company)
    for days in (-3, 0, 3):
        await CollectionStep.create(company=company, days=days, template=template)
    await CollectionStep.create(company=company, days=10, template=template, enabled=False)
    ana, bia, caio = [await make_debtor(n) for n in ("Ana", "Bia", "Caio")]
    await make_entry(company, ana, due=DAY - dt.timedelta(days=3), amount="100.00", paid="40.00")
    await make_entry(company, ana, due=DAY + dt.timedelta(days=3), amount="50.00")
    await make_entry(company, bia, due=DAY - dt.timedelta(days=20), amount="70.00")
    await make_entry(company, caio, due=DAY + dt.timedelta(days=10), amount="10.00")
    variables = {"c": gid("Company", company.id), "d": DAY.isoformat()}
    plan = (await admin_api.data(PLAN, variables))["collectionPlan"]
    assert plan == [
        {"debtorName": "Ana", "stepDays": 3, "template": {"name": template.name},
         "entryCount": 2, "openAmount": "110.00"},
        {"debtorName": "Bia", "stepDays": 3, "template": {"name": template.name},
         "entryCount": 1, "openAmount": "70.00"},
    ]  # fmt: skip
    # Bia's D+3 went out on its day: nothing for her now (D+10 is off).
    await CollectionSend.create(
        debtor=bia, company=company, step_days=3, run_date=DAY - dt.timedelta(days=17)
    )
    plan = (await admin_api.data(PLAN, variables))["collectionPlan"]
    assert [p["debtorName"] for p in plan] == ["Ana"]
    other = await make_company()
    restricted = await ApiClient.with_token(admin_api.http, companies=[other])
    assert (await restricted.data(PLAN, variables))["collectionPlan"] == []


async def test_plan_equals_the_pure_rule_for_every_debtor(database_url: str) -> None:
    """The planner's one-pass path (no earlier sends, nothing paused alone) and its full path
    agree with `reached_step` debtor by debtor, on random data."""
    import random

    from backend.collection.rules import OpenEntry, reached_step

    rng = random.Random(7)
    company = await make_company()
    template = await ensure_default_template(company)
    steps = [-3, 0, 3, 10, 30]
    for days in steps:
        await CollectionStep.create(company=company, days=days, template=template)
    expected = {}
    for n in range(30):
        debtor = await make_debtor(f"D{n}")
        entries = []
        for _ in range(rng.randint(1, 6)):
            due = DAY + dt.timedelta(days=rng.randint(-60, 10))
            entry = await make_entry(company, debtor, due=due, amount="10.00")
            entries.append(OpenEntry(entry.id, due))
        sent = []
        if n % 3 == 0:  # an earlier send for a third of them: the full path
            sent = [(3, DAY - dt.timedelta(days=rng.randint(1, 20)))]
            await CollectionSend.create(debtor=debtor, company=company, step_days=3,
                                        run_date=sent[0][1])  # fmt: skip
        reached = reached_step(steps, entries, DAY, sent)
        if reached is not None:
            expected[debtor.id] = (reached.step_days, reached.entry_ids)
    from backend.collection.planning import collection_plan

    plan = await collection_plan(company.id, DAY)
    assert {p.debtor_id: (p.step_days, p.entry_ids) for p in plan} == expected
    assert len(expected) > 10
