"""Business days (Código Civil art. 132 §1): the pure calendar, with worked dates of 2026."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from backend.businessdays.rules import BusinessCalendar, state_subdivision

NATIONAL = BusinessCalendar()
SP = BusinessCalendar.of("SP")
RJ = BusinessCalendar.of("rj")


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_due_on_saturday_is_payable_on_monday() -> None:
    # Saturday 7 Mar 2026 -> Monday 9 Mar; on Monday the last business day before is Friday 6.
    assert NATIONAL.grace_until(d("2026-03-07")) == d("2026-03-09")
    assert NATIONAL.overdue_cutoff(d("2026-03-09")) == d("2026-03-06")
    assert not NATIONAL.is_overdue(d("2026-03-07"), d("2026-03-09"))
    assert not NATIONAL.is_overdue(d("2026-03-08"), d("2026-03-09"))  # Sunday too
    assert NATIONAL.is_overdue(d("2026-03-07"), d("2026-03-10"))  # Tuesday


def test_a_business_day_due_date_is_overdue_the_next_day() -> None:
    # Friday 6 Mar: overdue on Saturday 7 Mar already (charges from the due date).
    assert NATIONAL.grace_until(d("2026-03-06")) == d("2026-03-06")
    assert NATIONAL.is_overdue(d("2026-03-06"), d("2026-03-07"))
    assert not NATIONAL.is_overdue(d("2026-03-06"), d("2026-03-06"))


def test_national_holidays() -> None:
    # Tiradentes, Tuesday 21 Apr 2026: payable on Wednesday 22, overdue on Thursday 23.
    assert NATIONAL.holiday_name(d("2026-04-21")) is not None
    assert NATIONAL.grace_until(d("2026-04-21")) == d("2026-04-22")
    assert not NATIONAL.is_overdue(d("2026-04-21"), d("2026-04-22"))
    assert NATIONAL.is_overdue(d("2026-04-21"), d("2026-04-23"))
    # Good Friday 3 Apr 2026: payable on Monday 6 Apr.
    assert NATIONAL.grace_until(d("2026-04-03")) == d("2026-04-06")
    # Consciência Negra, Friday 20 Nov 2026 (national since 2024): payable on Monday 23.
    assert NATIONAL.grace_until(d("2026-11-20")) == d("2026-11-23")


def test_a_state_holiday_counts_only_for_companies_in_that_state() -> None:
    # 9 July (Revolução Constitucionalista) is a holiday in São Paulo only: Thursday in 2026.
    assert SP.grace_until(d("2026-07-09")) == d("2026-07-10")
    assert not SP.is_overdue(d("2026-07-09"), d("2026-07-10"))
    assert SP.is_overdue(d("2026-07-09"), d("2026-07-11"))
    assert RJ.grace_until(d("2026-07-09")) == d("2026-07-09")
    assert RJ.is_overdue(d("2026-07-09"), d("2026-07-10"))
    assert NATIONAL.is_overdue(d("2026-07-09"), d("2026-07-10"))


def test_across_a_month_end() -> None:
    # Saturday 31 Jan 2026 -> Monday 2 Feb; overdue on Tuesday 3 Feb, 3 days after the due date.
    assert NATIONAL.grace_until(d("2026-01-31")) == d("2026-02-02")
    assert not NATIONAL.is_overdue(d("2026-01-31"), d("2026-02-02"))
    assert NATIONAL.is_overdue(d("2026-01-31"), d("2026-02-03"))


def test_a_companys_own_dates() -> None:
    # A municipal holiday on Monday 9 Mar 2026: an entry due Saturday 7 Mar moves to Tuesday.
    own = BusinessCalendar.of(None, [d("2026-03-09")])
    assert own.grace_until(d("2026-03-07")) == d("2026-03-10")
    assert not own.is_overdue(d("2026-03-07"), d("2026-03-10"))
    assert own.is_overdue(d("2026-03-07"), d("2026-03-11"))


def test_unknown_states_fall_back_to_national_holidays() -> None:
    assert state_subdivision(" sp ") == "SP"
    assert state_subdivision("XX") is None
    assert state_subdivision(None) is None
    assert BusinessCalendar.of("XX") == NATIONAL


calendars = st.sampled_from([NATIONAL, SP, RJ, BusinessCalendar.of("BA", [d("2026-06-24")])])
days_2026 = st.dates(min_value=date(2025, 12, 1), max_value=date(2027, 1, 31))


@given(calendar=calendars, due=days_2026, later=st.integers(min_value=-5, max_value=20))
def test_overdue_is_after_the_next_business_day(
    calendar: BusinessCalendar, due: date, later: int
) -> None:
    # The cutoff form (one date per day, usable in SQL) says the same as the law's wording.
    today = due + timedelta(days=later)
    assert calendar.is_overdue(due, today) == (calendar.grace_until(due) < today)
    grace = calendar.grace_until(due)
    assert grace >= due
    assert calendar.is_business_day(grace)
    assert all(
        not calendar.is_business_day(due + timedelta(days=n)) for n in range((grace - due).days)
    )
