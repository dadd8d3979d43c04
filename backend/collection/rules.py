"""Which step of the régua a debtor reaches on a date: pure rules, no database.

An open entry is at stage S on date d when S is the latest enabled step with due + S <= d.
An entry is pending when no message at its stage or a later one was sent to the debtor on or
after the day the entry reached it (a message carries every staged entry); the debtor reaches,
on d, the highest stage among its pending entries (so a missed day is caught up by the next
run, and a step is never sent twice for the same entry). The message carries every open entry
that reached a step: one consolidated statement. A debtor already claimed on a date gets
nothing more that date: one message per debtor, company and day.

The run happens within business hours (08:00–18:00 on a business day of the company's calendar,
in its zone) and a promise to pay holds the régua through its date (`promise_outcome`)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from backend.businessdays.rules import BusinessCalendar


class OpenEntry(NamedTuple):  # a tuple: a company's plan makes hundreds of thousands
    entry_id: int
    due_date: dt.date
    paused: bool = False  # a pause on this entry alone


@dataclass(frozen=True)
class Reached:
    step_days: int
    since: dt.date  # the first day the debtor stood at this step (catch-up window start)
    entry_ids: tuple[int, ...]  # every open entry that reached a step: one consolidated message


def stage(step_days: Sequence[int], due: dt.date, on: dt.date) -> int | None:
    """The latest step (days relative to due) reached by an entry due on `due`, on date `on`."""
    steps = sorted(step_days)
    index = bisect_right(steps, (on - due).days)
    return steps[index - 1] if index else None


def reached_step(
    step_days: Iterable[int],
    entries: Iterable[OpenEntry],
    on: dt.date,
    sent: Iterable[tuple[int, dt.date]] = (),
    *,
    held: bool = False,
) -> Reached | None:
    """The step the debtor reaches on `on`, or None.

    `step_days`: the company's enabled steps; `sent`: (step_days, run_date) of earlier sends to
    this debtor by this company; `held`: a pause on the debtor or a pending promise."""
    if held:
        return None
    steps = sorted(set(step_days))
    staged: list[tuple[OpenEntry, int]] = []
    for entry in entries:
        if entry.paused:
            continue
        index = bisect_right(steps, (on - entry.due_date).days)  # the latest step reached
        if index:
            staged.append((entry, steps[index - 1]))
    if not staged:
        return None
    sent_list = list(sent)
    if any(run_date == on for _, run_date in sent_list):
        return None  # one message per debtor and day

    def pending(entry: OpenEntry, at: int) -> bool:
        reached_on = entry.due_date + dt.timedelta(days=at)
        return not any(days >= at and run_date >= reached_on for days, run_date in sent_list)

    fresh = [(e, s) for e, s in staged if pending(e, s)] if sent_list else staged
    if not fresh:
        return None
    top = max(s for _, s in fresh)
    since = min(e.due_date for e, s in fresh if s == top) + dt.timedelta(days=top)
    ids = tuple(sorted(e.entry_id for e, _ in staged))
    return Reached(step_days=top, since=since, entry_ids=ids)


BUSINESS_START = dt.time(8, 0)
BUSINESS_END = dt.time(18, 0)


def in_business_hours(local: dt.datetime, calendar: BusinessCalendar) -> bool:
    """08:00 to 18:00 (exclusive) on a business day, `local` in the company's zone (CDC art. 42
    and 71: no contact at unreasonable hours, nor on weekends and holidays)."""
    return BUSINESS_START <= local.time() < BUSINESS_END and calendar.is_business_day(local.date())


def next_opening(local: dt.datetime, calendar: BusinessCalendar) -> dt.datetime | None:
    """None within business hours; else the next 08:00 of a business day (same zone)."""
    if in_business_hours(local, calendar):
        return None
    day = local.date()
    if local.time() >= BUSINESS_START:
        day += dt.timedelta(days=1)
    day = calendar.next_business_day(day)
    return dt.datetime.combine(day, BUSINESS_START, local.tzinfo)


def promise_outcome(amount_cents: int, paid_cents: int, promised: dt.date, today: dt.date) -> str:
    """OPEN through the promised date; then KEPT when what was paid since the promise was
    recorded reaches the amount, else BROKEN."""
    if today <= promised:
        return "OPEN"
    return "KEPT" if paid_cents >= amount_cents else "BROKEN"


def validate_step_days(days: Sequence[int]) -> list[str]:
    """Problems with a whole régua's list of day offsets (empty when fine)."""
    problems = []
    if len(set(days)) != len(days):
        problems.append("Dois passos da régua não podem ter o mesmo dia.")
    if any(d < -60 or d > 365 for d in days):
        problems.append("Os dias de um passo devem estar entre -60 e 365.")
    if len(days) > 20:
        problems.append("A régua pode ter no máximo 20 passos.")
    return problems
