"""The zone guard's choice (tests/zone_guard.py): instants in São Paulo, worked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.zone_guard import SAO_PAULO, choose, held, on_another_date, time_left

KIRITIMATI = "Pacific/Kiritimati"
PAGO_PAGO = "Pacific/Pago_Pago"


def sp(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """An instant in December 2026, São Paulo time (UTC−3, no daylight saving)."""
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=SAO_PAULO)


@pytest.mark.parametrize(
    ("instant", "zone", "left"),
    [
        # 06:59: Kiritimati is at 23:59 of the same day; Pago Pago at 22:59 of the day before,
        # and stays there until 08:00 in São Paulo.
        (sp(4, 6, 59), PAGO_PAGO, dt.timedelta(minutes=61)),
        # 07:30: both are on another date; Pago Pago for 30 more minutes, Kiritimati (already
        # 00:30 of the 5th) until midnight in São Paulo.
        (sp(4, 7, 30), KIRITIMATI, dt.timedelta(hours=16, minutes=30)),
        # 23:40: only Kiritimati (16:40 of the 5th), for 20 minutes; the run goes on to a second
        # pass if it lasts longer.
        (sp(4, 23, 40), KIRITIMATI, dt.timedelta(minutes=20)),
        # 00:10: Kiritimati has reached the 5th too (17:10); Pago Pago is at 16:10 of the 4th.
        (sp(5, 0, 10), PAGO_PAGO, dt.timedelta(hours=7, minutes=50)),
        # A New Year's Eve: the dates differ in the year too.
        (sp(31, 23, 0), KIRITIMATI, dt.timedelta(hours=1)),
    ],
)
def test_the_zone_on_another_date_the_longest(
    instant: dt.datetime, zone: str, left: dt.timedelta
) -> None:
    assert choose(instant) == zone
    assert time_left(zone, instant) == left
    assert on_another_date(zone, instant)


@pytest.mark.parametrize("hour", range(24))
def test_at_every_hour_one_of_the_two_is_on_another_date(hour: int) -> None:
    for minute in (0, 30, 59):
        instant = sp(4, hour, minute)
        assert on_another_date(KIRITIMATI, instant) or on_another_date(PAGO_PAGO, instant)
        assert time_left(choose(instant), instant) >= dt.timedelta(minutes=30) or hour == 23


def test_same_date_is_no_time_left() -> None:
    assert not on_another_date(KIRITIMATI, sp(4, 6, 59))
    assert time_left(KIRITIMATI, sp(4, 6, 59)) == dt.timedelta(0)
    assert not on_another_date(PAGO_PAGO, sp(4, 8, 0))


def test_a_run_held_only_if_its_zone_never_reached_sao_paulos_date() -> None:
    assert held(KIRITIMATI, sp(4, 7, 30), sp(4, 23, 59))
    assert held(PAGO_PAGO, sp(4, 0, 0), sp(4, 7, 59))
    # Across midnight in São Paulo, or across 08:00 for Pago Pago: run once more.
    assert not held(KIRITIMATI, sp(4, 23, 40), sp(5, 0, 5))
    assert not held(PAGO_PAGO, sp(4, 6, 59), sp(4, 8, 1))
    # Seconds count: a run ending at 00:00:15 did reach the same date.
    start = sp(4, 23, 59).replace(second=30)
    assert not held(KIRITIMATI, start, start + dt.timedelta(seconds=45))
    assert held(KIRITIMATI, start, start + dt.timedelta(seconds=29))
