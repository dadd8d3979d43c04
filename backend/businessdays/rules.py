"""Business days and when an entry becomes overdue (Código Civil art. 132 §1).

A due date that falls on a Saturday, a Sunday or a holiday extends to the next business day:
the debtor may pay then without charges. So an entry due on d is overdue on `today` only when
its next business day is before today, and that is the same as d being on or before the last
business day before today (`overdue_cutoff`): every business day up to the cutoff is its own
next business day, and every day after it up to yesterday is not a business day, so their next
business day is today or later. One date per company and day answers "overdue?" for every
entry, in Python and in SQL alike. Charges, once the entry is overdue, count from the original
due date (backend.entries.charges).

Holidays: the national ones and, when the company has an address state, that state's, from the
`holidays` package (municipal holidays are not in it), plus the company's own dates.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from holidays import HolidayBase
from holidays.countries.brazil import Brazil

_ONE_DAY = timedelta(days=1)
# A run of non-business days longer than this is a data error (a company's whole year marked
# as holidays); stopping there keeps every answer finite.
_MAX_RUN = 60
SATURDAY = 5


@functools.cache
def _public_holidays(subdivision: str | None) -> HolidayBase:
    # Years are filled in lazily on lookup; one instance per state for the whole process.
    return Brazil(subdiv=subdivision, language="pt_BR")


def state_subdivision(state: str | None) -> str | None:
    """The company's address state as a `holidays` subdivision; None when absent or unknown."""
    if state is None:
        return None
    code = state.strip().upper()
    return code if code in Brazil.subdivisions and len(code) == 2 else None


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    state: str | None = None  # a subdivision code (state_subdivision), None: national only
    company_dates: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, state: str | None, company_dates: Iterable[date] = ()) -> BusinessCalendar:
        return cls(state_subdivision(state), frozenset(company_dates))

    def holiday_name(self, day: date) -> str | None:
        name: str | None = _public_holidays(self.state).get(day)
        return name

    def is_business_day(self, day: date) -> bool:
        return (
            day.weekday() < SATURDAY
            and day not in self.company_dates
            and day not in _public_holidays(self.state)
        )

    def next_business_day(self, day: date) -> date:
        """`day` itself when it is a business day, else the first one after it."""
        for _ in range(_MAX_RUN):
            if self.is_business_day(day):
                return day
            day += _ONE_DAY
        return day

    def grace_until(self, due_date: date) -> date:
        """The last day an entry due on `due_date` may be paid without charges."""
        return self.next_business_day(due_date)

    def overdue_cutoff(self, today: date) -> date:
        """The last business day before `today`: entries due on or before it are overdue."""
        day = today - _ONE_DAY
        for _ in range(_MAX_RUN):
            if self.is_business_day(day):
                return day
            day -= _ONE_DAY
        return day

    def is_overdue(self, due_date: date, today: date) -> bool:
        return due_date <= self.overdue_cutoff(today)


NATIONAL = BusinessCalendar()
