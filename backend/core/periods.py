"""Due-date periods for the debtor search ("Filtros Período").

A period is resolved against a *local* date: "today" is the calendar date in the company's time
zone, never the server's or UTC's, so a collector in São Paulo at 23:30 on 31 December still
sees December's list. Callers compute it once with `local_today` and pass it to `due_range`,
which is pure and therefore easy to test at the edges.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from backend.core.errors import fail

SUNDAY = 6  # Python weekday numbers (Monday=0); Brazilian calendars start the week on Sunday

_ONE_DAY = timedelta(days=1)


class Period(enum.Enum):
    OVERDUE = "OVERDUE"
    TODAY = "TODAY"
    YESTERDAY = "YESTERDAY"
    TOMORROW = "TOMORROW"
    THIS_WEEK = "THIS_WEEK"
    LAST_WEEK = "LAST_WEEK"
    NEXT_WEEK = "NEXT_WEEK"
    THIS_MONTH = "THIS_MONTH"
    LAST_MONTH = "LAST_MONTH"
    NEXT_MONTH = "NEXT_MONTH"
    THIS_YEAR = "THIS_YEAR"
    CUSTOM = "CUSTOM"


@dataclass(frozen=True, slots=True)
class DueRange:
    """Due dates from `start` to `end`, both inclusive; None leaves that side unbounded."""

    start: date | None
    end: date | None

    def contains(self, d: date) -> bool:
        return (self.start is None or self.start <= d) and (self.end is None or d <= self.end)


def local_today(now: datetime, tz: str | ZoneInfo) -> date:
    """The calendar date of the instant `now` in the time zone `tz`."""
    if now.utcoffset() is None:
        # A naive datetime would silently be read in the server's zone: refuse it.
        raise ValueError("now must be timezone-aware")
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    return now.astimezone(zone).date()


def due_range(
    period: Period,
    *,
    today: date,
    week_start: int = SUNDAY,
    due_from: date | None = None,
    due_to: date | None = None,
) -> DueRange:
    """The due dates that `period` covers, seen from the local date `today`.

    `due_from` and `due_to` are read only for CUSTOM; the presets ignore them, so a client that
    switches from "Personalizado" to "Este mês" without clearing the dates gets this month.
    Raises ServiceError when CUSTOM has no date or its dates are in the wrong order.
    """
    if not 0 <= week_start <= 6:
        raise ValueError(f"week_start must be a weekday number 0..6, got {week_start}")
    match period:
        case Period.OVERDUE:
            return DueRange(None, today - _ONE_DAY)
        case Period.TODAY:
            return DueRange(today, today)
        case Period.YESTERDAY:
            return DueRange(today - _ONE_DAY, today - _ONE_DAY)
        case Period.TOMORROW:
            return DueRange(today + _ONE_DAY, today + _ONE_DAY)
        case Period.THIS_WEEK:
            return _week(today, week_start, 0)
        case Period.LAST_WEEK:
            return _week(today, week_start, -1)
        case Period.NEXT_WEEK:
            return _week(today, week_start, 1)
        case Period.THIS_MONTH:
            return _month(today, 0)
        case Period.LAST_MONTH:
            return _month(today, -1)
        case Period.NEXT_MONTH:
            return _month(today, 1)
        case Period.THIS_YEAR:
            return DueRange(date(today.year, 1, 1), date(today.year, 12, 31))
        case Period.CUSTOM:
            return _custom(due_from, due_to)


def _week(today: date, week_start: int, offset: int) -> DueRange:
    start = today - timedelta(days=(today.weekday() - week_start) % 7) + timedelta(weeks=offset)
    return DueRange(start, start + timedelta(days=6))


def _month(today: date, offset: int) -> DueRange:
    start = _first_of_month(today.year, today.month + offset)
    end = _first_of_month(today.year, today.month + offset + 1) - _ONE_DAY
    return DueRange(start, end)


def _first_of_month(year: int, month: int) -> date:
    """The first day of `month` counted from January of `year` (0 is December of year-1)."""
    years, month_index = divmod(month - 1, 12)
    return date(year + years, month_index + 1, 1)


def _custom(due_from: date | None, due_to: date | None) -> DueRange:
    if due_from is None and due_to is None:
        fail(
            "PERIOD_REQUIRES_DATES",
            "Informe a data inicial ou a data final do período personalizado.",
            "filter",
            "dueFrom",
        )
    if due_from is not None and due_to is not None and due_from > due_to:
        fail(
            "INVALID_PERIOD",
            "A data inicial deve ser anterior ou igual à data final.",
            "filter",
            "dueFrom",
        )
    return DueRange(due_from, due_to)
