"""The raw twins: the same JSON as the GraphQL answer, from hand-written SQL and orjson.

Each twin reads what the API reads for that case (the per-debtor summary for the overdue cases,
the entries for the others) with as few statements as a person would write, and builds the
response body directly: the floor that the GraphQL figures are divided by.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import Any

import asyncpg
import orjson

from backend.core.ids import encode_id
from backend.core.pagination import encode_cursor
from bench.cases import PAGE_SIZE, Case

OPEN = "e.status IN ('OPEN', 'PARTIALLY_PAID')"
BUCKETS = (
    ("A vencer", 0, 0),
    ("1–30 dias", 1, 30),
    ("31–60 dias", 31, 60),
    ("61–90 dias", 61, 90),
    ("Mais de 90 dias", 91, None),
)


def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


class Statements:
    """The twins' SQL for one engine ($n on PostgreSQL, ? on SQLite)."""

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres

    def _p(self, params: list[Any], value: Any) -> str:
        params.append(value if self.postgres or not isinstance(value, dt.date) else str(value))
        return f"${len(params)}" if self.postgres else "?"

    def summary_page(self, case: Case) -> tuple[str, list[Any]]:
        params: list[Any] = []
        if case.name_term is None:
            # The page walks the summary's order index; the totals scan the summary.
            return (
                "WITH p AS (SELECT debtor_id, open_cents, entry_count, oldest_due "
                f"FROM debtor_balance ORDER BY open_cents DESC, debtor_id LIMIT {PAGE_SIZE}), "
                "t AS (SELECT COUNT(*) AS debtors, COALESCE(SUM(open_cents), 0) AS cents "
                "FROM debtor_balance) "
                "SELECT p.*, d.name, d.document, t.debtors, t.cents FROM t LEFT JOIN p ON 1 = 1 "
                "LEFT JOIN debtor d ON d.id = p.debtor_id ORDER BY p.open_cents DESC, p.debtor_id",
                params,
            )
        like = self._p(params, f"%{case.name_term}%")
        groups = (
            "SELECT b.debtor_id, b.open_cents, b.entry_count, b.oldest_due, d.name, d.document "
            "FROM debtor_balance b JOIN debtor d ON d.id = b.debtor_id "
            f"WHERE d.search_key LIKE {like}"
        )
        return self._with_totals(groups, join_names=False), params

    def entries_page(self, case: Case) -> tuple[str, list[Any]]:
        params: list[Any] = []
        where = [OPEN]
        if case.company_id is not None:
            where.append(f"e.company_id = {self._p(params, case.company_id)}")
        if case.scope is not None:
            companies = ", ".join(self._p(params, c) for c in case.scope)
            where.append(f"e.company_id IN ({companies})")
        if case.due_from is not None:
            where.append(f"e.due_date >= {self._p(params, case.due_from)}")
        if case.due_to is not None:
            where.append(f"e.due_date <= {self._p(params, case.due_to)}")
        # SQLite picks a non-covering index for a bounded due range; the floor names the right
        # one (an open-ended range streams best through the debtor index SQLite picks itself).
        bounded = case.due_from is not None and case.company_id is None
        hint = " INDEXED BY entry_open_due" if bounded and not self.postgres else ""
        groups = (
            "SELECT e.debtor_id, CAST(SUM(e.amount_cents - e.paid_cents) AS BIGINT) AS open_cents, "
            f"COUNT(*) AS entry_count, MIN(e.due_date) AS oldest_due FROM financial_entry e{hint} "
            f"WHERE {' AND '.join(where)} GROUP BY e.debtor_id"
        )
        return self._with_totals(groups, join_names=True), params

    @staticmethod
    def _with_totals(groups: str, *, join_names: bool) -> str:
        names = "JOIN debtor d ON d.id = p.debtor_id " if join_names else ""
        columns = "d.name, d.document" if join_names else "p.name, p.document"
        return (
            f"WITH g AS ({groups}), "
            f"p AS (SELECT * FROM g ORDER BY open_cents DESC, debtor_id LIMIT {PAGE_SIZE}), "
            "t AS (SELECT COUNT(*) AS debtors, COALESCE(SUM(open_cents), 0) AS cents FROM g) "
            f"SELECT p.debtor_id, p.open_cents, p.entry_count, p.oldest_due, {columns}, "
            f"t.debtors, t.cents FROM t LEFT JOIN p ON 1 = 1 {names}"
            "ORDER BY p.open_cents DESC, p.debtor_id"
        )

    @staticmethod
    def summary_buckets() -> str:
        sums = ", ".join(
            f"SUM(b{i}_cents) AS b{i}_cents, SUM(b{i}_count) AS b{i}_count" for i in range(1, 5)
        )
        return f"SELECT COUNT(*) AS debtors, {sums} FROM debtor_balance"


def page_body(rows: Sequence[Any], total_debtors: int, total_cents: int, today: dt.date) -> bytes:
    edges = []
    for index, row in enumerate(rows):
        oldest = _date(row["oldest_due"])
        edges.append(
            {
                "cursor": encode_cursor(index),
                "node": {
                    "id": encode_id("Debtor", row["debtor_id"]),
                    "name": row["name"],
                    "document": row["document"],
                },
                "balance": {
                    "openAmount": money(int(row["open_cents"])),
                    "entryCount": int(row["entry_count"]),
                    "oldestDueDate": oldest.isoformat(),
                    "maxDaysOverdue": max(0, (today - oldest).days),
                },
            }
        )
    body = {
        "data": {
            "debtors": {
                "totalCount": total_debtors,
                "totalOpenAmount": money(total_cents),
                "pageInfo": {
                    "hasNextPage": len(rows) < total_debtors,
                    "endCursor": edges[-1]["cursor"] if edges else None,
                },
                "edges": edges,
            }
        }
    }
    return orjson.dumps(body)


def page_with_totals_body(rows: Sequence[Any], today: dt.date) -> bytes:
    """Rows of a page with the totals on each (and one row of totals alone when it is empty)."""
    page = [row for row in rows if row["debtor_id"] is not None]
    return page_body(page, int(rows[0]["debtors"]), int(rows[0]["cents"]), today)


def summary_body(row: Any) -> bytes:
    buckets = [
        {"label": "A vencer", "minDays": 0, "maxDays": 0, "openAmount": "0.00", "entryCount": 0}
    ]
    cents = count = 0
    for index, (label, low, high) in enumerate(BUCKETS[1:], 1):
        bucket_cents, bucket_count = (
            int(row[f"b{index}_cents"] or 0),
            int(row[f"b{index}_count"] or 0),
        )
        cents, count = cents + bucket_cents, count + bucket_count
        buckets.append(
            {
                "label": label,
                "minDays": low,
                "maxDays": high,
                "openAmount": money(bucket_cents),
                "entryCount": bucket_count,
            }
        )
    body = {
        "data": {
            "collectionSummary": {
                "totalOpenAmount": money(cents),
                "debtorCount": int(row["debtors"]),
                "entryCount": count,
                "buckets": buckets,
            }
        }
    }
    return orjson.dumps(body)


def uses_summary(case: Case) -> bool:
    return case.company_id is None and case.due_from is None and case.scope is None


class PostgresTwin:
    def __init__(self, conn: asyncpg.Connection, today: dt.date) -> None:
        self.conn = conn
        self.today = today
        self.sql = Statements(postgres=True)

    async def run(self, case: Case) -> bytes:
        if case.key == "summary":
            return summary_body(await self.conn.fetchrow(self.sql.summary_buckets()))
        page = self.sql.summary_page if uses_summary(case) else self.sql.entries_page
        statement, params = page(case)
        return page_with_totals_body(await self.conn.fetch(statement, *params), self.today)


class SqliteTwin:
    def __init__(self, conn: sqlite3.Connection, today: dt.date) -> None:
        conn.row_factory = sqlite3.Row
        self.conn = conn
        self.today = today
        self.sql = Statements(postgres=False)

    async def run(self, case: Case) -> bytes:
        return self.run_sync(case)

    def run_sync(self, case: Case) -> bytes:
        if case.key == "summary":
            return summary_body(self.conn.execute(self.sql.summary_buckets()).fetchone())
        page = self.sql.summary_page if uses_summary(case) else self.sql.entries_page
        statement, params = page(case)
        return page_with_totals_body(self.conn.execute(statement, params).fetchall(), self.today)


async def open_twin(url: str, today: dt.date) -> PostgresTwin | SqliteTwin:
    if url.startswith("sqlite://"):
        return SqliteTwin(sqlite3.connect(url.removeprefix("sqlite://")), today)
    return PostgresTwin(await asyncpg.connect(url), today)


async def close_twin(twin: PostgresTwin | SqliteTwin) -> None:
    if isinstance(twin, SqliteTwin):
        twin.conn.close()
    else:
        await twin.conn.close()
