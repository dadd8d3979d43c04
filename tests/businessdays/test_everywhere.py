"""One overdue rule everywhere: search list, ageing, summary and its roll, debtor page, charges,
e-mail statement — with the worked dates of issue 9 (weekend, national holiday, state holiday,
month-end), through the API, on both engines and from both search sources."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from backend.core.context import Context
from backend.mailing.statement import overdue_statement
from backend.search.balances import roll_balances
from tests.support import VALID_CNPJ, ApiClient, gid, make_company, make_debtor, make_entry

EVERYWHERE = """
query($id: ID!) {
  debtors { totalCount edges { node { id } balance { openAmount maxDaysOverdue } } }
  collectionSummary { buckets { label openAmount entryCount } }
  debtor(id: $id) {
    overdueBalance { openAmount maxDaysOverdue }
    overdueEntries { totalCount }
    entries { edges { node {
      isOverdue charges { daysOverdue lateFee interest updatedAmount }
    } } }
  }
}"""


def noon(day: dt.date) -> dt.datetime:
    """12:00 in São Paulo."""
    return dt.datetime(day.year, day.month, day.day, 15, 0, tzinfo=dt.UTC)


@pytest.fixture(params=["entries", "summary"])
def source(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def _look(
    api: ApiClient, monkeypatch: pytest.MonkeyPatch, debtor_id: int, day: dt.date, source: str
) -> dict[str, Any]:
    monkeypatch.setattr(Context, "now", lambda self: noon(day))
    if source == "summary":
        await roll_balances(today=day)  # a partial roll the second time
    data: dict[str, Any] = await api.data(EVERYWHERE, {"id": gid("Debtor", debtor_id)})
    return data


@pytest.mark.parametrize(
    ("due", "payable", "late", "days", "updated"),
    [
        # Saturday 7 Mar 2026 -> Monday 9 Mar; Tuesday: 3 days, juros 1000 x 3 / 3000 = 1,00.
        ("2026-03-07", "2026-03-09", "2026-03-10", 3, "1021.00"),
        # Tiradentes, Tuesday 21 Apr -> Wednesday 22; Thursday: 2 days, 2000 / 3000 = 0,67.
        ("2026-04-21", "2026-04-22", "2026-04-23", 2, "1020.67"),
        # 9 July, a São Paulo holiday (Thursday) -> Friday 10; Saturday: 2 days = 0,67.
        ("2026-07-09", "2026-07-10", "2026-07-11", 2, "1020.67"),
        # Saturday 31 Jan -> Monday 2 Feb, across the month-end; Tuesday: 3 days = 1,00.
        ("2026-01-31", "2026-02-02", "2026-02-03", 3, "1021.00"),
    ],
)
async def test_not_overdue_until_the_next_business_day_has_passed(
    admin_api: ApiClient,
    monkeypatch: pytest.MonkeyPatch,
    source: str,
    due: str,
    payable: str,
    late: str,
    days: int,
    updated: str,
) -> None:
    company = await make_company("Bexus", state="SP")
    debtor = await make_debtor("ACME Ltda", document=VALID_CNPJ)
    await make_entry(company, debtor, due=dt.date.fromisoformat(due), amount="1000.00")

    quiet_day = dt.date.fromisoformat(payable)
    quiet = await _look(admin_api, monkeypatch, debtor.id, quiet_day, source)
    assert quiet["debtors"]["totalCount"] == 0
    buckets = {
        b["label"]: (b["openAmount"], b["entryCount"])
        for b in quiet["collectionSummary"]["buckets"]
    }
    assert buckets["1–30 dias"] == ("0.00", 0)
    page = quiet["debtor"]
    assert page["overdueBalance"] == {"openAmount": "0.00", "maxDaysOverdue": 0}
    assert page["overdueEntries"]["totalCount"] == 0
    assert page["entries"]["edges"][0]["node"] == {
        "isOverdue": False,
        "charges": {
            "daysOverdue": 0,
            "lateFee": "0.00",
            "interest": "0.00",
            "updatedAmount": "1000.00",
        },
    }
    statement = await overdue_statement(company=company, debtor=debtor, now=noon(quiet_day))
    assert statement.lines == []

    late_day = dt.date.fromisoformat(late)
    overdue = await _look(admin_api, monkeypatch, debtor.id, late_day, source)
    assert overdue["debtors"]["totalCount"] == 1
    assert overdue["debtors"]["edges"][0]["balance"] == {
        "openAmount": "1000.00",
        "maxDaysOverdue": days,
    }
    buckets = {
        b["label"]: (b["openAmount"], b["entryCount"])
        for b in overdue["collectionSummary"]["buckets"]
    }
    assert buckets["1–30 dias"] == ("1000.00", 1)
    assert buckets["A vencer"] == ("0.00", 0)
    page = overdue["debtor"]
    assert page["overdueBalance"] == {"openAmount": "1000.00", "maxDaysOverdue": days}
    assert page["overdueEntries"]["totalCount"] == 1
    # Charges from the original due date: multa 2 % = 20,00 plus the days of juros.
    node = page["entries"]["edges"][0]["node"]
    assert node["isOverdue"] is True
    assert node["charges"]["daysOverdue"] == days
    assert node["charges"]["lateFee"] == "20.00"
    assert node["charges"]["updatedAmount"] == updated
    statement = await overdue_statement(company=company, debtor=debtor, now=noon(late_day))
    assert [(line.days_overdue, str(line.updated_amount)) for line in statement.lines] == [
        (days, updated)
    ]


async def test_a_state_holiday_only_where_the_company_is(
    admin_api: ApiClient, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    # Friday 10 Jul 2026: an entry due Thursday 9 July (a São Paulo holiday) is payable today
    # for the São Paulo company, and 1 day overdue for the Rio company: two cutoffs in one
    # statement.
    in_sp = await make_company("Paulista", state="SP")
    in_rj = await make_company("Carioca", state="RJ")
    ana, bia = await make_debtor("Ana"), await make_debtor("Bia")
    await make_entry(in_sp, ana, due=dt.date(2026, 7, 9), amount="100.00")
    await make_entry(in_rj, bia, due=dt.date(2026, 7, 9), amount="200.00")
    seen = await _look(admin_api, monkeypatch, ana.id, dt.date(2026, 7, 10), source)
    assert [e["node"]["id"] for e in seen["debtors"]["edges"]] == [gid("Debtor", bia.id)]
    assert seen["debtors"]["edges"][0]["balance"] == {"openAmount": "200.00", "maxDaysOverdue": 1}
    buckets = {b["label"]: b["openAmount"] for b in seen["collectionSummary"]["buckets"]}
    assert (buckets["A vencer"], buckets["1–30 dias"]) == ("0.00", "200.00")
    assert seen["debtor"]["overdueBalance"]["openAmount"] == "0.00"
    # This month's entries: the São Paulo one is still "A vencer".
    month = await admin_api.data(
        "{ collectionSummary(filter: {period: THIS_MONTH}) { buckets { label openAmount } } }"
    )
    buckets = {b["label"]: b["openAmount"] for b in month["collectionSummary"]["buckets"]}
    assert (buckets["A vencer"], buckets["1–30 dias"]) == ("100.00", "200.00")
