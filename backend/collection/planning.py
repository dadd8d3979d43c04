"""What the régua would send on a date, for one company: set-based (one query each for the
company and its holidays, the steps, the open entries, the earlier sends, the pauses, the open
promises and the recent e-mails), then the pure rule per debtor in Python. The number of
statements does not grow with the number of debtors."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from backend.businessdays.services import calendars_by_company
from backend.collection.models import (
    CollectionPause,
    CollectionSend,
    CollectionStep,
    PaymentPromise,
)
from backend.collection.rules import OpenEntry, reached_step
from backend.companies.models import Company
from backend.core.enums import OPEN_STATUSES, EmailStatus
from backend.entries.models import FinancialEntry
from backend.mailing.models import SentEmail


@dataclass(frozen=True)
class PlannedMessage:
    debtor_id: int
    step_days: int
    template_id: int
    entry_ids: tuple[int, ...]
    open_cents: int


@dataclass
class Plan:
    """The messages, and the debtors that reached a step but are held today, with why."""

    messages: list[PlannedMessage]
    held: dict[int, str]  # debtor id → "pause" | "promise" | "recent_contact"


def local_midnight(day: dt.date, zone: str) -> dt.datetime:
    """In UTC: SQLite compares stored instants as text, all in UTC."""
    return dt.datetime.combine(day, dt.time(0), ZoneInfo(zone)).astimezone(dt.UTC)


async def collection_plan(company_id: int, on: dt.date) -> list[PlannedMessage]:
    return (await plan_company(company_id, on)).messages


async def plan_company(company_id: int, on: dt.date) -> Plan:
    """The plan of `on` for the company: nothing on a day that is not a business day of its
    calendar (weekends, national and state holidays, its own days off)."""
    plan = Plan(messages=[], held={})
    company = await Company.get_or_none(id=company_id)
    if company is None:
        return plan
    calendar = (await calendars_by_company([company_id]))[company_id]
    if not calendar.is_business_day(on):
        return plan
    steps = await CollectionStep.filter(company_id=company_id, enabled=True)
    if not steps:
        return plan
    by_days = {s.days: s for s in steps}
    latest_due = on - dt.timedelta(days=min(by_days))
    rows = await FinancialEntry.filter(
        company_id=company_id, status__in=list(OPEN_STATUSES), due_date__lte=latest_due
    ).values_list("id", "debtor_id", "due_date", "amount_cents", "paid_cents")
    # Pauses in force on `on`: of the whole debtor, or of single entries.
    paused_debtors: set[int] = set()
    paused_entries: set[int] = set()
    for debtor_id, entry_id in await CollectionPause.filter(
        company_id=company_id, ended_at__isnull=True, until__gte=on
    ).values_list("debtor_id", "entry_id"):
        if entry_id is None:
            paused_debtors.add(debtor_id)
        else:
            paused_entries.add(entry_id)
    entries: dict[int, list[tuple[int, dt.date, int]]] = defaultdict(list)
    for entry_id, debtor_id, due, amount, paid in rows:
        if amount > paid:
            entries[debtor_id].append((entry_id, due, amount - paid))
    # Debtors with an entry paused alone go through the whole rule (below).
    with_paused_entry = {
        d for d, items in entries.items() if any(i[0] in paused_entries for i in items)
    }
    earliest = on - dt.timedelta(days=max(by_days) - min(by_days) + 400)
    sent: dict[int, list[tuple[int, dt.date]]] = defaultdict(list)
    for debtor_id, days, run_date in await CollectionSend.filter(
        company_id=company_id, run_date__gte=earliest, run_date__lte=on
    ).values_list("debtor_id", "step_days", "run_date"):
        sent[debtor_id].append((days, run_date))
    promised = {
        int(debtor_id)
        for (debtor_id,) in await PaymentPromise.filter(
            company_id=company_id, status="OPEN", promised_date__gte=on
        ).values_list("debtor_id")
    }
    recent: set[int] = set()
    if company.recent_contact_days > 0:
        # The recent-contact guard, in days of the company's calendar: an e-mail of this
        # company queued on one of the last `recent_contact_days` days (today included) that
        # may have reached the debtor (a FAILED one counts only if some copy was delivered).
        since = local_midnight(
            on - dt.timedelta(days=company.recent_contact_days - 1), company.time_zone
        )
        recent = {
            int(debtor_id)
            for (debtor_id,) in await SentEmail.filter(company_id=company_id, queued_at__gte=since)
            .filter(Q(status__not=EmailStatus.FAILED) | Q(delivered_to__isnull=False))
            .distinct()
            .values_list("debtor_id")
        }
    step_list = sorted(by_days)
    no_sends: list[tuple[int, dt.date]] = []
    for debtor_id, items in sorted(entries.items()):
        debtor_sent = sent.get(debtor_id)
        if debtor_sent or debtor_id in with_paused_entry:
            reached = reached_step(
                step_list,
                [OpenEntry(i, due, paused=i in paused_entries) for i, due, _ in items],
                on,
                debtor_sent or no_sends,
            )
            if reached is None:
                continue
            top, entry_ids = reached.step_days, reached.entry_ids
            chosen = set(entry_ids)
            open_cents = sum(c for i, _, c in items if i in chosen)
        else:
            # Nothing sent before and nothing paused alone: the rule reduces to the highest
            # stage of the debtor's entries, every staged entry in the message (one pass).
            top, staged, open_cents = -(10**6), [], 0
            for entry_id, due, cents in items:
                index = bisect_right(step_list, (on - due).days)
                if index:
                    staged.append(entry_id)
                    open_cents += cents
                    top = max(top, step_list[index - 1])
            if not staged:
                continue
            entry_ids = tuple(sorted(staged))
        step = by_days[top]
        if open_cents < step.minimum_open_cents:
            continue
        if debtor_id in paused_debtors:
            plan.held[debtor_id] = "pause"
        elif debtor_id in promised:
            plan.held[debtor_id] = "promise"
        elif debtor_id in recent:
            plan.held[debtor_id] = "recent_contact"
        else:
            plan.messages.append(
                PlannedMessage(debtor_id, step.days, step.template_id, entry_ids, open_cents)
            )
    return plan
