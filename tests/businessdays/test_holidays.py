"""A company's own holidays through the API: add, list, remove (admins, audited), and their
effect on what is overdue — the search summary included, rebuilt on each change."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from backend.audit.models import AuditEvent
from backend.businessdays.models import CompanyHoliday
from backend.core.context import Context
from backend.search.balances import roll_balances
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry

ADD = """
mutation($input: AddCompanyHolidayInput!) {
  addCompanyHoliday(input: $input) {
    holiday { id companyId date name } errors { field code message }
  }
}"""
REMOVE = """
mutation($input: RemoveCompanyHolidayInput!) {
  removeCompanyHoliday(input: $input) { removedId errors { field code message } }
}"""
LIST = "query($id: ID!) { companyHolidays(companyId: $id) { date name } }"
OVERDUE_COUNT = "{ debtors { totalCount } }"
# Tuesday 10 Mar 2026, noon in São Paulo.
TUESDAY = dt.datetime(2026, 3, 10, 15, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Context, "now", lambda self: TUESDAY)


async def test_a_municipal_holiday_moves_the_grace_and_the_summary_follows(
    admin_api: ApiClient,
) -> None:
    company = await make_company("Campinas Ltda", state="SP")
    await make_entry(company, await make_debtor(), due=dt.date(2026, 3, 7))  # a Saturday
    await roll_balances(today=TUESDAY.date())  # the summary answers the default list
    assert (await admin_api.data(OVERDUE_COUNT))["debtors"]["totalCount"] == 1

    # Monday 9 Mar declared a holiday of the company: the entry is payable today, Tuesday.
    added = await admin_api.data(
        ADD,
        {"input": {"companyId": gid("Company", company.id), "date": "2026-03-09", "name": "X"}},
    )
    payload = added["addCompanyHoliday"]
    assert payload["errors"] == []
    assert payload["holiday"]["date"] == "2026-03-09"
    assert payload["holiday"]["companyId"] == gid("Company", company.id)
    assert (await admin_api.data(OVERDUE_COUNT))["debtors"]["totalCount"] == 0
    listed = await admin_api.data(LIST, {"id": gid("Company", company.id)})
    assert listed["companyHolidays"] == [{"date": "2026-03-09", "name": "X"}]
    event = await AuditEvent.get(action="company_holiday.create")
    assert (event.target_type, event.target_id, event.company_id) == (
        "Company",
        company.id,
        company.id,
    )
    assert event.details["date"] == "2026-03-09"

    again = await admin_api.data(
        ADD,
        {"input": {"companyId": gid("Company", company.id), "date": "2026-03-09", "name": "Y"}},
    )
    assert [e["code"] for e in again["addCompanyHoliday"]["errors"]] == ["DUPLICATE_HOLIDAY"]

    removed = await admin_api.data(REMOVE, {"input": {"id": payload["holiday"]["id"]}})
    assert removed["removeCompanyHoliday"] == {"removedId": payload["holiday"]["id"], "errors": []}
    assert await CompanyHoliday.all().count() == 0
    assert await AuditEvent.filter(action="company_holiday.delete").count() == 1
    assert (await admin_api.data(OVERDUE_COUNT))["debtors"]["totalCount"] == 1


async def test_bad_input_and_unknown_ids_write_nothing(admin_api: ApiClient) -> None:
    company = await make_company()
    bad = await admin_api.data(
        ADD,
        {"input": {"companyId": gid("Company", 999), "date": "1800-01-01", "name": " "}},
    )
    codes = {(e["code"], tuple(e["field"])) for e in bad["addCompanyHoliday"]["errors"]}
    assert codes == {
        ("INVALID_DATE", ("input", "date")),
        ("REQUIRED", ("input", "name")),
        ("NOT_FOUND", ("input", "companyId")),
    }
    gone = await admin_api.data(REMOVE, {"input": {"id": gid("CompanyHoliday", 5)}})
    assert [e["code"] for e in gone["removeCompanyHoliday"]["errors"]] == ["NOT_FOUND"]
    assert await CompanyHoliday.all().count() == 0
    assert (await admin_api.data(LIST, {"id": gid("Company", company.id)}))["companyHolidays"] == []


async def test_only_admins_of_every_company_change_holidays(http: httpx.AsyncClient) -> None:
    company = await make_company()
    scoped = await ApiClient.with_token(http, companies=[company])
    body = await scoped.execute(
        ADD,
        {"input": {"companyId": gid("Company", company.id), "date": "2026-03-09", "name": "X"}},
    )
    codes = {e["extensions"]["code"] for e in body.get("errors") or []} | {
        e["code"]
        for e in ((body.get("data") or {}).get("addCompanyHoliday") or {}).get("errors", [])
    }
    assert "FORBIDDEN" in codes
    assert await CompanyHoliday.all().count() == 0
