"""Ageing buckets (a vencer, 1–30, 31–60, 61–90, more than 90 days overdue) as SQL sums.

Days are calendar days since the due date; whether an entry is overdue at all is the business-
day rule (backend.businessdays): an entry due on Saturday is "a vencer" on Monday, and in
"1–30 dias" from Tuesday, 3 days overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from backend.search.sql import OPEN_CENTS, Sql

# Writes the "is overdue" condition on alias e, its placeholders in statement order.
Overdue = Callable[[Sql], str]


@dataclass(frozen=True)
class AgingBand:
    label: str  # pt-BR, shown as is
    min_days: int | None  # None: no lower bound (not due yet, any date ahead)
    max_days: int | None  # None: no upper bound

    def sums(self, sql: Sql, today: dt.date, name: str, overdue: Overdue) -> str:
        """`name`_cents and `name`_count of the unpaid entries (alias e) in this band on `today`.

        An entry due on d is `today - d` days overdue once `overdue` holds; until then it is
        not yet overdue ("A vencer"), even a few days after d (a weekend or holiday).
        """
        return (
            f"SUM(CASE WHEN {self._when(sql, today, overdue)} THEN {OPEN_CENTS} ELSE 0 END) "
            f"AS {name}_cents, "
            f"COUNT(CASE WHEN {self._when(sql, today, overdue)} THEN 1 END) AS {name}_count"
        )

    def _when(self, sql: Sql, today: dt.date, overdue: Overdue) -> str:
        # Written twice per band: SQLite's "?" placeholders take one value each.
        if self.min_days is None:  # not overdue yet
            return f"NOT ({overdue(sql)})"
        latest_due = today - dt.timedelta(days=self.min_days)
        conditions = [overdue(sql), f"e.due_date <= {sql.param(latest_due)}"]
        if self.max_days is not None:
            earliest_due = today - dt.timedelta(days=self.max_days)
            conditions.append(f"e.due_date >= {sql.param(earliest_due)}")
        return " AND ".join(conditions)


NOT_DUE = AgingBand("A vencer", None, 0)
OVERDUE_BANDS = (
    AgingBand("1–30 dias", 1, 30),
    AgingBand("31–60 dias", 31, 60),
    AgingBand("61–90 dias", 61, 90),
    AgingBand("Mais de 90 dias", 91, None),
)
AGING = (NOT_DUE, *OVERDUE_BANDS)
