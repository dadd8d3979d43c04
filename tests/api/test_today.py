"""The dashboard's default dates come from the server's clock in the company's zone.

The browser's clock and zone are never trusted for a business date: these are the dates the
dashboard proposes (payment date, appointment date, the period label), asked of the API at the
moments when São Paulo's date differs from UTC's, Tokyo's or Manaus's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.entries.helpers import SETTLE, codes, entry_id, mutate
from tests.support import (
    RISKY_MOMENTS,
    ApiClient,
    SetClock,
    gid,
    make_company,
    make_debtor,
    make_entry,
)

TODAYS = """{
  today
  companies { name today }
  collectionSummary { today dueFrom dueTo }
}"""
LAST_BUSINESS_DAY_BEFORE = {
    dt.date(2026, 12, 1): dt.date(2026, 11, 30),  # Tuesday → Monday
    dt.date(2026, 12, 2): dt.date(2026, 12, 1),  # Wednesday → Tuesday
    dt.date(2027, 2, 28): dt.date(2027, 2, 26),  # Sunday → Friday
    dt.date(2027, 12, 31): dt.date(2027, 12, 30),  # Friday → Thursday
}
MOMENTS = pytest.mark.parametrize(
    ("instant", "sao_paulo_date"),
    [pytest.param(instant, date, id=name) for name, instant, date in RISKY_MOMENTS],
)


@MOMENTS
async def test_today_is_the_company_s_date_on_the_server_s_clock(
    admin_api: ApiClient, clock: SetClock, instant: dt.datetime, sao_paulo_date: dt.date
) -> None:
    await make_company("São Paulo")
    await make_company("Manaus", time_zone="America/Manaus")
    clock.set(instant)
    data = await admin_api.data(TODAYS)
    manaus_date = instant.astimezone(dt.timezone(dt.timedelta(hours=-4))).date()
    assert data["today"] == sao_paulo_date.isoformat()  # the installation's TIME_ZONE
    assert {c["name"]: c["today"] for c in data["companies"]} == {
        "São Paulo": sao_paulo_date.isoformat(),
        "Manaus": manaus_date.isoformat(),
    }
    summary = data["collectionSummary"]
    assert summary["today"] == sao_paulo_date.isoformat()
    assert summary["dueFrom"] is None
    # Overdue: due on or before the last business day before today (CC art. 132 §1).
    assert summary["dueTo"] == LAST_BUSINESS_DAY_BEFORE[sao_paulo_date].isoformat()


async def test_at_00_30_in_sao_paulo_manaus_is_still_on_the_day_before(
    admin_api: ApiClient, clock: SetClock
) -> None:
    manaus = await make_company("Manaus", time_zone="America/Manaus")
    clock.set(dt.datetime(2026, 12, 2, 3, 30, tzinfo=dt.UTC))  # 00:30 SP, 23:30 Manaus
    data = await admin_api.data(
        "query($c: ID!) { collectionSummary(filter: {companyId: $c, period: TODAY}) "
        "{ today dueFrom dueTo } }",
        {"c": gid("Company", manaus.id)},
    )
    assert data["collectionSummary"] == {
        "today": "2026-12-01",
        "dueFrom": "2026-12-01",
        "dueTo": "2026-12-01",
    }


@MOMENTS
async def test_the_company_s_today_is_accepted_as_payment_date_and_the_utc_date_is_not(
    admin_api: ApiClient, clock: SetClock, instant: dt.datetime, sao_paulo_date: dt.date
) -> None:
    company = await make_company("Bexus")
    entry = await make_entry(company, await make_debtor(), due=dt.date(2026, 1, 10))
    clock.set(instant)
    today = (await admin_api.data("{ companies { today } }"))["companies"][0]["today"]
    assert today == sao_paulo_date.isoformat()

    utc_date = instant.date()
    if utc_date != sao_paulo_date:  # what a browser in UTC or Tokyo would have proposed
        refused = await mutate(
            admin_api,
            SETTLE,
            "settleEntry",
            entryId=entry_id(entry),
            amount="10.00",
            paidOn=utc_date.isoformat(),
            method="PIX",
        )
        assert codes(refused) == {("FUTURE_DATE", ("input", "paidOn"))}

    settled = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="10.00",
        paidOn=today,
        method="PIX",
    )
    assert settled["errors"] == []
    assert settled["payment"]["paidOn"] == sao_paulo_date.isoformat()
