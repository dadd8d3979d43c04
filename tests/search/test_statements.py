"""A search page costs the same few SQL statements whatever its size, on the plans it needs."""

from __future__ import annotations

import datetime as dt

import pytest
from tortoise import connections

from backend.core.pagination import PageRequest
from backend.core.periods import DueRange, Period
from backend.search import statements
from backend.search.balances import roll_balances
from backend.search.filters import ResolvedFilter
from backend.search.sql import Sql
from backend.search.statements import DebtorOrder
from tests.search.helpers import days, today
from tests.support import ApiClient, SqlLog, gid, make_company, make_debtor, make_entry

PAGE = """
query($filter: DebtorFilter, $first: Int) {
  debtors(filter: $filter, first: $first) {
    totalCount totalOpenAmount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node { id name document overdueBalance { openAmount maxDaysOverdue } }
      balance { openAmount entryCount oldestDueDate maxDaysOverdue }
    }
  }
  collectionSummary(filter: $filter) { totalOpenAmount buckets { label openAmount } }
}"""


def _search_statements(log: SqlLog) -> list[str]:
    """Statements of the search itself (authentication reads other tables; a token's read of
    personal data is recorded in audit_event, LGPD — backend/lgpd/reads.py)."""
    tables = ("financial_entry", "debtor", "company", "balance_state")
    return [s for s in log.statements if any(t in s for t in tables) and "audit_event" not in s]


@pytest.mark.parametrize(
    ("summary", "by_company", "expected"),
    [
        # Each field reads the companies' overdue cutoffs once (one statement: companies with
        # their own holidays, backend.businessdays).
        # Summary never rolled: the summary's answer comes back with a stale date, so the
        # entries answer (page and totals in one statement); then one read of the debtors
        # (their overdue balances came with the page); the same two tries for collectionSummary.
        (False, False, 2 + 5),
        # Rolled: page, totals and date in one read of the summary, the debtors, and
        # collectionSummary from the summary.
        (True, False, 2 + 3),
        # A company filter: its lookup (once per field), the page with its totals from the
        # per-company summary, the debtors, their overdue balances (no longer the filtered
        # balance, with their own cutoffs), and collectionSummary; plus, per field, every
        # company's cutoffs (is the per-company summary today's?).
        (True, True, 2 + 6 + 1 + 2),
    ],
)
async def test_statement_count_does_not_grow_with_the_page(
    admin_api: ApiClient, sql_log: SqlLog, summary: bool, by_company: bool, expected: int
) -> None:
    company = await make_company()
    for index in range(30):
        debtor = await make_debtor(f"Cliente {index}")
        await make_entry(company, debtor, due=days(-1 - index), amount=f"{index + 1}.00")
        await make_entry(company, debtor, due=days(3))
    if summary:
        await roll_balances(today=today())
    variables_filter = {"companyId": gid("Company", company.id)} if by_company else {}
    counts = []
    for first in (1, 10, 30):
        sql_log.clear()
        data = await admin_api.data(PAGE, {"filter": variables_filter, "first": first})
        assert len(data["debtors"]["edges"]) == first
        assert data["debtors"]["totalCount"] == 30
        counts.append(len(_search_statements(sql_log)))
    assert counts == [expected] * 3, sql_log.statements


async def test_the_plans_the_search_relies_on(database_url: str) -> None:
    conn = connections.get("default")
    if database_url.startswith("postgres"):
        # migrations/0003: every execution is planned with its values, never a generic plan.
        rows = await conn.execute_query_dict("SELECT current_setting('plan_cache_mode') AS mode")
        assert rows[0]["mode"] == "force_custom_plan"
        return
    # SQLite: a bounded due range reads the covering partial index, not (status, due_date).
    window = DueRange(dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    f = ResolvedFilter(dt.date(2026, 3, 1), Period.CUSTOM, window, None, None, None, (), None)
    sql = Sql(conn)
    statement = statements.grouped_page(
        sql,
        f,
        DebtorOrder.OPEN_AMOUNT_DESC,
        PageRequest.of(25, None, list_name="debtors"),
        statements.entries_groups,
    )
    plan = await conn.execute_query_dict(f"EXPLAIN QUERY PLAN {statement}", sql.params)
    details = " | ".join(str(row["detail"]) for row in plan)
    assert "USING COVERING INDEX entry_open_due" in details, details
