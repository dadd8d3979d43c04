"""Which step a debtor reaches on a date: stages, consolidation, catch-up, holds."""

from __future__ import annotations

import datetime as dt

from backend.collection.rules import OpenEntry, reached_step, stage, validate_step_days

STEPS = [-3, 0, 3, 10]
DUE = dt.date(2026, 3, 10)


def day(n: int) -> dt.date:
    return DUE + dt.timedelta(days=n)


def test_stage_is_the_latest_step_reached() -> None:
    assert stage(STEPS, DUE, day(-4)) is None
    assert stage(STEPS, DUE, day(-3)) == -3
    assert stage(STEPS, DUE, day(2)) == 0
    assert stage(STEPS, DUE, day(3)) == 3
    assert stage(STEPS, DUE, day(40)) == 10


def test_a_debtor_reaches_the_step_on_its_day_and_not_again() -> None:
    entries = [OpenEntry(1, DUE)]
    reached = reached_step(STEPS, entries, day(3))
    assert reached is not None
    assert reached.step_days == 3
    assert reached.since == day(3)
    # Sent on day 3: nothing on day 4, the next step on day 10.
    assert reached_step(STEPS, entries, day(4), sent=[(3, day(3))]) is None
    later = reached_step(STEPS, entries, day(10), sent=[(3, day(3))])
    assert later is not None
    assert later.step_days == 10


def test_a_missed_day_is_caught_up_once() -> None:
    entries = [OpenEntry(1, DUE)]
    caught = reached_step(STEPS, entries, day(5))  # the run of days 3 and 4 never happened
    assert caught is not None
    assert caught.step_days == 3
    assert caught.since == day(3)
    assert reached_step(STEPS, entries, day(6), sent=[(3, day(5))]) is None


def test_one_consolidated_message_with_every_entry_at_a_step() -> None:
    entries = [OpenEntry(1, DUE), OpenEntry(2, day(-10)), OpenEntry(3, day(30))]
    reached = reached_step(STEPS, entries, day(0))
    # Entry 2 (due 10 days earlier) is at D+10: the debtor reaches D+10, entry 1 goes along;
    # entry 3 is not due for a reminder yet.
    assert reached is not None
    assert reached.step_days == 10
    assert reached.entry_ids == (1, 2)


def test_a_later_entry_reaching_a_step_already_sent_for_another_gets_it() -> None:
    entries = [OpenEntry(1, DUE), OpenEntry(2, day(20))]
    sent = [(3, day(3)), (10, day(10))]
    # Day 23: entry 2 reaches D+3 (entry 1 got D+3 and D+10 long ago): one message, both.
    reached = reached_step(STEPS, entries, day(23), sent=sent)
    assert reached is not None
    assert reached.step_days == 3
    assert reached.entry_ids == (1, 2)
    assert reached_step(STEPS, entries, day(24), sent=[*sent, (3, day(23))]) is None


def test_holds_and_paused_entries() -> None:
    entries = [OpenEntry(1, DUE), OpenEntry(2, day(-10), paused=True)]
    assert reached_step(STEPS, entries, day(3), held=True) is None
    reached = reached_step(STEPS, entries, day(3))
    assert reached is not None
    assert reached.step_days == 3
    assert reached.entry_ids == (1,)
    assert reached_step(STEPS, [OpenEntry(1, DUE, paused=True)], day(3)) is None


def test_validate_step_days() -> None:
    assert validate_step_days([-3, 0, 3, 10, 30]) == []
    assert validate_step_days([3, 3])
    assert validate_step_days([400])


def test_one_message_per_debtor_per_day() -> None:
    # Entry 1 at D+10 and entry 2 at D+3 went out together at D+10 today: a second run the same
    # day sends nothing, not a D+3 message for entry 2 (it was in today's message).
    entries = [OpenEntry(1, day(-10)), OpenEntry(2, day(-3))]
    first = reached_step(STEPS, entries, DUE)
    assert first is not None
    assert first.step_days == 10
    assert first.entry_ids == (1, 2)
    assert reached_step(STEPS, entries, DUE, sent=[(10, DUE)]) is None
    # Nor the next day: entry 2 got a message at a later step after it reached D+3.
    assert reached_step(STEPS, entries, day(1), sent=[(10, DUE)]) is None
    # Any claim on the day (another step) is this debtor's one message of the day.
    assert reached_step(STEPS, [OpenEntry(3, day(-3))], DUE, sent=[(0, DUE)]) is None


def test_business_hours() -> None:
    from backend.businessdays.rules import BusinessCalendar
    from backend.collection.rules import in_business_hours

    calendar = BusinessCalendar.of("SP")
    tuesday = dt.datetime(2026, 3, 10, 8, 0)
    assert in_business_hours(tuesday, calendar)
    assert in_business_hours(tuesday.replace(hour=17, minute=59), calendar)
    assert not in_business_hours(tuesday.replace(hour=7, minute=59), calendar)
    assert not in_business_hours(tuesday.replace(hour=18), calendar)
    assert not in_business_hours(dt.datetime(2026, 3, 14, 10), calendar)  # Saturday
    assert not in_business_hours(dt.datetime(2026, 4, 21, 10), calendar)  # Tiradentes
    assert not in_business_hours(dt.datetime(2026, 7, 9, 10), calendar)  # SP: Revolução de 32
    assert in_business_hours(dt.datetime(2026, 7, 9, 10), BusinessCalendar.of("RJ"))


def test_promise_outcome() -> None:
    from backend.collection.rules import promise_outcome

    promised = day(5)
    # Held through the promised date, whatever was paid; judged the day after.
    assert promise_outcome(10_000, 0, promised, day(5)) == "OPEN"
    assert promise_outcome(10_000, 10_000, promised, day(6)) == "KEPT"
    assert promise_outcome(10_000, 12_000, promised, day(9)) == "KEPT"
    assert promise_outcome(10_000, 9_999, promised, day(6)) == "BROKEN"


def test_next_opening() -> None:
    from zoneinfo import ZoneInfo

    from backend.businessdays.rules import BusinessCalendar
    from backend.collection.rules import next_opening

    sp, calendar = ZoneInfo("America/Sao_Paulo"), BusinessCalendar.of("SP")
    assert next_opening(dt.datetime(2026, 4, 20, 10, tzinfo=sp), calendar) is None
    # Monday 20/4 at 19:00: Tuesday is Tiradentes, so Wednesday 08:00.
    assert next_opening(dt.datetime(2026, 4, 20, 19, tzinfo=sp), calendar) == dt.datetime(
        2026, 4, 22, 8, tzinfo=sp
    )
    # Friday 05:00: the same morning; Saturday noon: Monday.
    assert next_opening(dt.datetime(2026, 4, 24, 5, tzinfo=sp), calendar) == dt.datetime(
        2026, 4, 24, 8, tzinfo=sp
    )
    assert next_opening(dt.datetime(2026, 4, 25, 12, tzinfo=sp), calendar) == dt.datetime(
        2026, 4, 27, 8, tzinfo=sp
    )
