"""What the régua would send on a date, for one company: set-based (one query each for the
steps, the open entries and the earlier sends), then the pure rule per debtor."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from backend.collection.models import CollectionSend, CollectionStep
from backend.collection.rules import OpenEntry, reached_step
from backend.core.enums import OPEN_STATUSES
from backend.entries.models import FinancialEntry


@dataclass(frozen=True)
class PlannedMessage:
    debtor_id: int
    step_days: int
    template_id: int
    entry_ids: tuple[int, ...]
    open_cents: int


async def collection_plan(company_id: int, on: dt.date) -> list[PlannedMessage]:
    steps = await CollectionStep.filter(company_id=company_id, enabled=True)
    if not steps:
        return []
    by_days = {s.days: s for s in steps}
    latest_due = on - dt.timedelta(days=min(by_days))
    rows = await FinancialEntry.filter(
        company_id=company_id, status__in=list(OPEN_STATUSES), due_date__lte=latest_due
    ).values_list("id", "debtor_id", "due_date", "amount_cents", "paid_cents")
    entries: dict[int, list[tuple[OpenEntry, int]]] = defaultdict(list)
    for entry_id, debtor_id, due, amount, paid in rows:
        if amount - paid > 0:
            entries[debtor_id].append((OpenEntry(entry_id, due), amount - paid))
    earliest = on - dt.timedelta(days=max(by_days) - min(by_days) + 400)
    sent: dict[int, list[tuple[int, dt.date]]] = defaultdict(list)
    for debtor_id, days, run_date in await CollectionSend.filter(
        company_id=company_id, run_date__gte=earliest, run_date__lte=on
    ).values_list("debtor_id", "step_days", "run_date"):
        sent[debtor_id].append((days, run_date))
    plan = []
    for debtor_id, items in sorted(entries.items()):
        reached = reached_step(by_days, (e for e, _ in items), on, sent[debtor_id])
        if reached is None:
            continue
        open_cents = sum(c for e, c in items if e.entry_id in reached.entry_ids)
        step = by_days[reached.step_days]
        if open_cents < step.minimum_open_cents:
            continue
        plan.append(
            PlannedMessage(debtor_id, step.days, step.template_id, reached.entry_ids, open_cents)
        )
    return plan
