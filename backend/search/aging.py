"""Ageing buckets (a vencer, 1–30, 31–60, 61–90, more than 90 days overdue) as SQL sums."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backend.search.sql import OPEN_CENTS, Sql


@dataclass(frozen=True)
class AgingBand:
    label: str  # pt-BR, shown as is
    min_days: int | None  # None: no lower bound (not due yet, any date ahead)
    max_days: int | None  # None: no upper bound

    def sums(self, sql: Sql, today: dt.date, name: str) -> str:
        """`name`_cents and `name`_count of the unpaid entries (alias e) in this band on `today`.

        An entry due on d is `today - d` days overdue: 0 or less means not yet overdue.
        """
        return (
            f"SUM(CASE WHEN {self._when(sql, today)} THEN {OPEN_CENTS} ELSE 0 END) "
            f"AS {name}_cents, COUNT(CASE WHEN {self._when(sql, today)} THEN 1 END) AS {name}_count"
        )

    def _when(self, sql: Sql, today: dt.date) -> str:
        # Written twice per band: SQLite's "?" placeholders take one value each.
        conditions = []
        if self.min_days is not None:
            latest_due = today - dt.timedelta(days=self.min_days)
            conditions.append(f"e.due_date <= {sql.param(latest_due)}")
        if self.max_days is not None:
            earliest_due = today - dt.timedelta(days=self.max_days)
            conditions.append(f"e.due_date >= {sql.param(earliest_due)}")
        return " AND ".join(conditions) or "1 = 1"


NOT_DUE = AgingBand("A vencer", None, 0)
OVERDUE_BANDS = (
    AgingBand("1–30 dias", 1, 30),
    AgingBand("31–60 dias", 31, 60),
    AgingBand("61–90 dias", 61, 90),
    AgingBand("Mais de 90 dias", 91, None),
)
AGING = (NOT_DUE, *OVERDUE_BANDS)
