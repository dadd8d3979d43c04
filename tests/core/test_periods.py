from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.core.errors import FieldError, ServiceError
from backend.core.periods import SUNDAY, DueRange, Period, due_range, local_today

MONDAY = 0
SAO_PAULO = ZoneInfo("America/Sao_Paulo")
NEW_YORK = ZoneInfo("America/New_York")


def d(text: str) -> date:
    return date.fromisoformat(text)


def rng(
    period: Period,
    today: str,
    *,
    week_start: int = SUNDAY,
    due_from: date | None = None,
    due_to: date | None = None,
) -> tuple[str | None, str | None]:
    """The range as ISO strings, so expectations read like a calendar."""
    r = due_range(period, today=d(today), week_start=week_start, due_from=due_from, due_to=due_to)
    return (
        r.start.isoformat() if r.start else None,
        r.end.isoformat() if r.end else None,
    )


# --- local_today ---------------------------------------------------------------------------


def test_new_years_eve_in_sao_paulo_is_still_31_december() -> None:
    now = datetime(2026, 1, 1, 2, 30, tzinfo=UTC)  # 23:30 on 31 Dec in São Paulo
    assert now.date() == d("2026-01-01")
    assert local_today(now, "America/Sao_Paulo") == d("2025-12-31")
    assert local_today(now, SAO_PAULO) == d("2025-12-31")


def test_local_today_reads_any_aware_datetime_in_the_target_zone() -> None:
    now = datetime(2025, 12, 31, 23, 30, tzinfo=SAO_PAULO)
    assert local_today(now, "UTC") == d("2026-01-01")
    assert local_today(now, SAO_PAULO) == d("2025-12-31")


def test_local_today_at_midnight_boundary_in_sao_paulo() -> None:
    assert local_today(datetime(2026, 3, 15, 2, 59, 59, tzinfo=UTC), SAO_PAULO) == d("2026-03-14")
    assert local_today(datetime(2026, 3, 15, 3, 0, tzinfo=UTC), SAO_PAULO) == d("2026-03-15")


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        # Spring forward on 2026-03-08: EST (UTC-5) before, EDT (UTC-4) after.
        (datetime(2026, 3, 8, 4, 30, tzinfo=UTC), "2026-03-07"),  # 23:30 EST
        (datetime(2026, 3, 8, 5, 0, tzinfo=UTC), "2026-03-08"),  # 00:00 EST
        (datetime(2026, 3, 9, 3, 30, tzinfo=UTC), "2026-03-08"),  # 23:30 EDT
        (datetime(2026, 3, 9, 4, 0, tzinfo=UTC), "2026-03-09"),  # 00:00 EDT
        # Fall back on 2026-11-01: the day has 25 hours.
        (datetime(2026, 11, 1, 3, 59, tzinfo=UTC), "2026-10-31"),  # 23:59 EDT
        (datetime(2026, 11, 1, 4, 30, tzinfo=UTC), "2026-11-01"),  # 00:30 EDT
        (datetime(2026, 11, 2, 4, 59, tzinfo=UTC), "2026-11-01"),  # 23:59 EST
        (datetime(2026, 11, 2, 5, 0, tzinfo=UTC), "2026-11-02"),  # 00:00 EST
    ],
)
def test_local_today_across_dst_changes(utc: datetime, expected: str) -> None:
    assert local_today(utc, NEW_YORK) == d(expected)
    assert local_today(utc, "America/New_York") == d(expected)


def test_local_today_refuses_a_naive_datetime() -> None:
    with pytest.raises(ValueError, match="aware"):
        local_today(datetime(2026, 1, 1, 12, 0), SAO_PAULO)


@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2037, 12, 31)))
def test_sao_paulo_is_utc_minus_3_since_dst_ended(naive_utc: datetime) -> None:
    # Brazil abolished DST in 2019, so an independent definition is a fixed offset.
    now = naive_utc.replace(tzinfo=UTC)
    assert local_today(now, SAO_PAULO) == (naive_utc - timedelta(hours=3)).date()


# --- presets -------------------------------------------------------------------------------


def test_overdue_is_everything_due_before_today() -> None:
    r = due_range(Period.OVERDUE, today=d("2026-03-01"))
    assert r == DueRange(None, d("2026-02-28"))
    assert r.contains(d("1900-01-01"))
    assert r.contains(d("2026-02-28"))
    assert not r.contains(d("2026-03-01"))


def test_single_days() -> None:
    assert rng(Period.TODAY, "2026-03-01") == ("2026-03-01", "2026-03-01")
    assert rng(Period.YESTERDAY, "2026-03-01") == ("2026-02-28", "2026-02-28")
    assert rng(Period.TOMORROW, "2026-02-28") == ("2026-03-01", "2026-03-01")
    assert rng(Period.YESTERDAY, "2028-03-01") == ("2028-02-29", "2028-02-29")
    assert rng(Period.YESTERDAY, "2026-01-01") == ("2025-12-31", "2025-12-31")
    assert rng(Period.TOMORROW, "2025-12-31") == ("2026-01-01", "2026-01-01")


def test_weeks_start_on_sunday_by_default() -> None:
    # 2026-03-04 is a Wednesday; its Sunday-based week runs 1 to 7 March.
    assert rng(Period.THIS_WEEK, "2026-03-04") == ("2026-03-01", "2026-03-07")
    assert rng(Period.LAST_WEEK, "2026-03-04") == ("2026-02-22", "2026-02-28")
    assert rng(Period.NEXT_WEEK, "2026-03-04") == ("2026-03-08", "2026-03-14")


def test_week_edges_with_sunday_start() -> None:
    # On the Sunday itself the week starts today; on Saturday it ends today.
    assert rng(Period.THIS_WEEK, "2026-03-01") == ("2026-03-01", "2026-03-07")
    assert rng(Period.THIS_WEEK, "2026-03-07") == ("2026-03-01", "2026-03-07")
    assert rng(Period.THIS_WEEK, "2026-03-08") == ("2026-03-08", "2026-03-14")


def test_week_edges_with_monday_start() -> None:
    def week(period: Period, today: str) -> tuple[str | None, str | None]:
        return rng(period, today, week_start=MONDAY)

    assert week(Period.THIS_WEEK, "2026-03-01") == ("2026-02-23", "2026-03-01")  # a Sunday
    assert week(Period.THIS_WEEK, "2026-03-02") == ("2026-03-02", "2026-03-08")  # a Monday
    assert week(Period.LAST_WEEK, "2026-03-02") == ("2026-02-23", "2026-03-01")
    assert week(Period.NEXT_WEEK, "2026-03-08") == ("2026-03-09", "2026-03-15")


def test_weeks_across_the_year_change() -> None:
    # Thursday 1 Jan 2026: the week began in December.
    assert rng(Period.THIS_WEEK, "2026-01-01") == ("2025-12-28", "2026-01-03")
    assert rng(Period.LAST_WEEK, "2026-01-01") == ("2025-12-21", "2025-12-27")
    assert rng(Period.NEXT_WEEK, "2025-12-31") == ("2026-01-04", "2026-01-10")


def test_week_around_leap_day() -> None:
    # Tuesday 29 Feb 2028.
    assert rng(Period.THIS_WEEK, "2028-02-29") == ("2028-02-27", "2028-03-04")
    assert rng(Period.THIS_WEEK, "2028-02-29", week_start=MONDAY) == ("2028-02-28", "2028-03-05")


def test_week_start_must_be_a_weekday_number() -> None:
    for bad in (-1, 7):
        with pytest.raises(ValueError, match="week_start"):
            due_range(Period.THIS_WEEK, today=d("2026-03-04"), week_start=bad)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-01-01", ("2026-01-01", "2026-01-31")),
        ("2026-01-31", ("2026-01-01", "2026-01-31")),
        ("2026-02-15", ("2026-02-01", "2026-02-28")),
        ("2028-02-29", ("2028-02-01", "2028-02-29")),
        ("2100-02-10", ("2100-02-01", "2100-02-28")),  # not a leap year
        ("2000-02-10", ("2000-02-01", "2000-02-29")),  # a leap year
        ("2026-04-30", ("2026-04-01", "2026-04-30")),
        ("2026-12-31", ("2026-12-01", "2026-12-31")),
    ],
)
def test_this_month_is_the_calendar_month(today: str, expected: tuple[str, str]) -> None:
    assert rng(Period.THIS_MONTH, today) == expected


def test_last_month_in_january_is_december_of_last_year() -> None:
    assert rng(Period.LAST_MONTH, "2026-01-15") == ("2025-12-01", "2025-12-31")
    assert rng(Period.LAST_MONTH, "2026-01-01") == ("2025-12-01", "2025-12-31")


def test_next_month_in_december_is_january_of_next_year() -> None:
    assert rng(Period.NEXT_MONTH, "2025-12-31") == ("2026-01-01", "2026-01-31")
    assert rng(Period.NEXT_MONTH, "2025-12-01") == ("2026-01-01", "2026-01-31")


def test_months_around_leap_february() -> None:
    assert rng(Period.NEXT_MONTH, "2028-01-31") == ("2028-02-01", "2028-02-29")
    assert rng(Period.LAST_MONTH, "2028-03-31") == ("2028-02-01", "2028-02-29")
    assert rng(Period.NEXT_MONTH, "2028-02-29") == ("2028-03-01", "2028-03-31")
    assert rng(Period.LAST_MONTH, "2028-02-29") == ("2028-01-01", "2028-01-31")
    assert rng(Period.NEXT_MONTH, "2027-01-31") == ("2027-02-01", "2027-02-28")


def test_this_year() -> None:
    assert rng(Period.THIS_YEAR, "2026-01-01") == ("2026-01-01", "2026-12-31")
    assert rng(Period.THIS_YEAR, "2028-12-31") == ("2028-01-01", "2028-12-31")


def test_presets_ignore_custom_dates() -> None:
    # Even reversed dates, which CUSTOM would refuse.
    since, until = d("2020-01-01"), d("2019-01-01")
    this_month = rng(Period.THIS_MONTH, "2026-03-04", due_from=since, due_to=until)
    assert this_month == ("2026-03-01", "2026-03-31")
    overdue = rng(Period.OVERDUE, "2026-03-04", due_from=since, due_to=until)
    assert overdue == (None, "2026-03-03")
    assert rng(Period.TODAY, "2026-03-04", due_from=since) == ("2026-03-04", "2026-03-04")


def test_period_values_equal_names() -> None:
    assert [p.value for p in Period] == [p.name for p in Period]
    assert Period("LAST_WEEK") is Period.LAST_WEEK


# --- CUSTOM --------------------------------------------------------------------------------


def test_custom_with_both_dates_is_inclusive() -> None:
    r = due_range(
        Period.CUSTOM, today=d("2026-03-04"), due_from=d("2026-02-10"), due_to=d("2026-02-20")
    )
    assert r == DueRange(d("2026-02-10"), d("2026-02-20"))
    assert r.contains(d("2026-02-10"))
    assert r.contains(d("2026-02-20"))
    assert not r.contains(d("2026-02-09"))
    assert not r.contains(d("2026-02-21"))


def test_custom_single_day() -> None:
    day = d("2026-02-10")
    assert due_range(Period.CUSTOM, today=day, due_from=day, due_to=day) == DueRange(day, day)


def test_custom_open_on_either_side() -> None:
    today = d("2026-03-04")
    since = due_range(Period.CUSTOM, today=today, due_from=d("2026-02-10"))
    assert since == DueRange(d("2026-02-10"), None)
    assert since.contains(d("2999-12-31"))
    assert not since.contains(d("2026-02-09"))
    until = due_range(Period.CUSTOM, today=today, due_to=d("2026-02-10"))
    assert until == DueRange(None, d("2026-02-10"))
    assert until.contains(d("1900-01-01"))
    assert not until.contains(d("2026-02-11"))


def test_custom_without_dates_fails() -> None:
    with pytest.raises(ServiceError) as info:
        due_range(Period.CUSTOM, today=d("2026-03-04"))
    assert info.value.errors == [
        FieldError(
            "PERIOD_REQUIRES_DATES",
            "Informe a data inicial ou a data final do período personalizado.",
            ("filter", "dueFrom"),
        )
    ]


def test_custom_with_reversed_dates_fails() -> None:
    with pytest.raises(ServiceError) as info:
        due_range(
            Period.CUSTOM, today=d("2026-03-04"), due_from=d("2026-02-21"), due_to=d("2026-02-20")
        )
    assert info.value.errors == [
        FieldError(
            "INVALID_PERIOD",
            "A data inicial deve ser anterior ou igual à data final.",
            ("filter", "dueFrom"),
        )
    ]


# --- properties ----------------------------------------------------------------------------

todays = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
week_starts = st.integers(min_value=0, max_value=6)
presets = st.sampled_from([p for p in Period if p is not Period.CUSTOM])


def week_number(day: date, week_start: int) -> int:
    # Ordinal 1 (0001-01-01) is a Monday, so ordinal - 1 - week_start is a multiple of 7
    # exactly on the days the week starts: a counting method unlike due_range's.
    return (day.toordinal() - 1 - week_start) // 7


def bounds(r: DueRange) -> tuple[date, date]:
    assert r.start is not None
    assert r.end is not None
    return r.start, r.end


def month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


def in_period(period: Period, day: date, today: date, week_start: int) -> bool:
    """An independent, deliberately naive definition of each preset."""
    days_apart = day.toordinal() - today.toordinal()
    weeks_apart = week_number(day, week_start) - week_number(today, week_start)
    months_apart = month_number(day) - month_number(today)
    return {
        Period.OVERDUE: days_apart < 0,
        Period.TODAY: days_apart == 0,
        Period.YESTERDAY: days_apart == -1,
        Period.TOMORROW: days_apart == 1,
        Period.THIS_WEEK: weeks_apart == 0,
        Period.LAST_WEEK: weeks_apart == -1,
        Period.NEXT_WEEK: weeks_apart == 1,
        Period.THIS_MONTH: months_apart == 0,
        Period.LAST_MONTH: months_apart == -1,
        Period.NEXT_MONTH: months_apart == 1,
        Period.THIS_YEAR: day.year == today.year,
    }[period]


@given(
    period=presets,
    today=todays,
    week_start=week_starts,
    far=st.lists(st.integers(min_value=-800, max_value=800), max_size=20),
)
def test_presets_contain_exactly_their_dates(
    period: Period, today: date, week_start: int, far: list[int]
) -> None:
    r = due_range(period, today=today, week_start=week_start)
    # Every day within ~2 months of today, plus a sample of days up to ~2 years away.
    for offset in [*range(-70, 71), *far]:
        day = today + timedelta(days=offset)
        assert r.contains(day) == in_period(period, day, today, week_start), (day, r)


@given(today=todays, week_start=week_starts)
def test_weeks_are_seven_contiguous_days_starting_on_week_start(
    today: date, week_start: int
) -> None:
    last, this, nxt = (
        due_range(p, today=today, week_start=week_start)
        for p in (Period.LAST_WEEK, Period.THIS_WEEK, Period.NEXT_WEEK)
    )
    for start, end in map(bounds, (last, this, nxt)):
        assert start.weekday() == week_start
        assert (end - start).days == 6
    assert bounds(last)[1] + timedelta(days=1) == this.start
    assert bounds(this)[1] + timedelta(days=1) == nxt.start
    assert this.contains(today)


@given(today=todays)
def test_months_are_contiguous_whole_calendar_months(today: date) -> None:
    last, this, nxt = (
        due_range(p, today=today) for p in (Period.LAST_MONTH, Period.THIS_MONTH, Period.NEXT_MONTH)
    )
    for start, end in map(bounds, (last, this, nxt)):
        assert start.day == 1
        assert (start.year, start.month) == (end.year, end.month)
        assert (end + timedelta(days=1)).day == 1
    assert bounds(last)[1] + timedelta(days=1) == this.start
    assert bounds(this)[1] + timedelta(days=1) == nxt.start
    assert this.contains(today)


@given(today=todays, day=todays)
def test_overdue_and_today_onwards_partition_the_calendar(today: date, day: date) -> None:
    overdue = due_range(Period.OVERDUE, today=today)
    assert overdue.contains(day) != (day >= today)


@given(
    today=todays,
    due_from=st.none() | todays,
    due_to=st.none() | todays,
    day=todays,
)
def test_custom_contains_the_dates_between_its_bounds(
    today: date, due_from: date | None, due_to: date | None, day: date
) -> None:
    if due_from is None and due_to is None:
        with pytest.raises(ServiceError):
            due_range(Period.CUSTOM, today=today, due_from=due_from, due_to=due_to)
        return
    if due_from is not None and due_to is not None and due_from > due_to:
        with pytest.raises(ServiceError):
            due_range(Period.CUSTOM, today=today, due_from=due_from, due_to=due_to)
        return
    r = due_range(Period.CUSTOM, today=today, due_from=due_from, due_to=due_to)
    after_from = due_from is None or due_from <= day
    before_to = due_to is None or day <= due_to
    assert r.contains(day) == (after_from and before_to)
