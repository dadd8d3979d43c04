"""Queries and small builders shared by the search tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from backend.core.periods import local_today
from tests.support import ApiClient

SAO_PAULO = "America/Sao_Paulo"

DEBTORS = """
query($filter: DebtorFilter, $orderBy: DebtorOrder, $first: Int, $after: String) {
  debtors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    totalOpenAmount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node { id name }
      balance { openAmount entryCount oldestDueDate maxDaysOverdue }
    }
  }
}"""

SUMMARY = """
query($filter: DebtorFilter) {
  collectionSummary(filter: $filter) {
    totalOpenAmount debtorCount entryCount
    buckets { label minDays maxDays openAmount entryCount }
  }
}"""


# The API's clock in the search tests (tests/search/conftest.py): noon in São Paulo on
# Wednesday 18 March 2026. On a Wednesday (after a business Tuesday) "overdue" is simply "due
# before today": the business-day rule has its own tests, these stay about the search.
NOW = dt.datetime(2026, 3, 18, 15, 0, tzinfo=dt.UTC)


def today() -> dt.date:
    """Today in São Paulo, the zone the API uses by default."""
    return local_today(NOW, SAO_PAULO)


def days(n: int) -> dt.date:
    """A date n days from today (negative: in the past)."""
    return today() + dt.timedelta(days=n)


async def search(api: ApiClient, **variables: Any) -> dict[str, Any]:
    data = await api.data(DEBTORS, variables)
    result: dict[str, Any] = data["debtors"]
    return result


def names(result: dict[str, Any]) -> list[str]:
    return [edge["node"]["name"] for edge in result["edges"]]


async def search_error(api: ApiClient, **variables: Any) -> dict[str, Any]:
    """The single top-level error of a refused search."""
    body = await api.execute(DEBTORS, variables)
    assert body.get("data") is None, body
    (error,) = body["errors"]
    return dict(error)
