"""A newcomer's demo data: each company has templates and a régua, and the plan for tomorrow
shows real debtors."""

from __future__ import annotations

import datetime as dt

from backend.collection.models import CollectionStep, EmailTemplate
from backend.collection.planning import collection_plan
from backend.companies.models import Company
from backend.demo import load_demo


async def test_demo_has_a_regua_with_a_plan_for_tomorrow(database_url: str) -> None:
    today = dt.date(2026, 3, 10)
    await load_demo(debtors=20, entries=120, today=today, progress=lambda _: None)
    planned = 0
    for company in await Company.all():
        assert await EmailTemplate.filter(company=company).count() == 2
        assert await CollectionStep.filter(company=company).count() == 5
        planned += len(await collection_plan(company.id, today + dt.timedelta(days=1)))
    assert planned > 0
