"""Débitos do Cliente: overdue entries with charges, the entries list, paging and SQL counts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import httpx
import pytest

from backend.accounts.models import User
from backend.appointments.models import Appointment
from backend.appointments.services import stored_time
from backend.core.enums import EntryStatus
from backend.core.pagination import Page
from backend.debtors.models import Contact, Debtor
from backend.entries.loaders import DebtorPageKey, entries_by_debtor, overdue_entries_by_debtor
from backend.entries.models import FinancialEntry
from tests.entries.helpers import DUE_10_JAN, NOON_9_FEB, entry_id, freeze, pay
from tests.support import (
    VALID_CNPJ,
    VALID_CPF,
    ApiClient,
    SqlLog,
    gid,
    make_company,
    make_debtor,
    make_entry,
    make_user,
    principal,
)

OVERDUE = """
query($id: ID!, $companyId: ID, $first: Int, $after: String) {
  debtor(id: $id) {
    overdueEntries(companyId: $companyId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          id code dueDate amount paidAmount openAmount status
          daysOverdue lateFee interest updatedAmount
          company { name } debtor { name }
        }
      }
    }
  }
}"""
ENTRIES = """
query($id: ID!, $first: Int, $after: String) {
  debtor(id: $id) {
    entries(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { code status isOverdue openAmount payments { amount } } }
    }
  }
}"""
DETAIL_FIELDS = """
  name document address { city }
  overdueEntries {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node {
      id code dueDate openAmount daysOverdue lateFee interest updatedAmount
      company { name } debtor { name }
    } }
  }
  entries {
    totalCount
    edges { node {
      id code status isOverdue company { name } charges { updatedAmount }
      payments { amount paidOn method }
    } }
  }
  contacts { name phoneFormatted }
  appointments { date time notes done responsible { name } }
"""
DETAIL = f"query($id: ID!) {{ debtor(id: $id) {{ {DETAIL_FIELDS} }} }}"


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    freeze(monkeypatch, NOON_9_FEB)


async def _overdue(api: ApiClient, debtor: Debtor, **variables: Any) -> dict[str, Any]:
    data = await api.data(OVERDUE, {"id": gid("Debtor", debtor.id), **variables})
    connection: dict[str, Any] = data["debtor"]["overdueEntries"]
    return connection


def _figures(connection: dict[str, Any]) -> list[tuple[str, int, str, str, str, str]]:
    return [
        (
            e["node"]["code"],
            e["node"]["daysOverdue"],
            e["node"]["openAmount"],
            e["node"]["lateFee"],
            e["node"]["interest"],
            e["node"]["updatedAmount"],
        )
        for e in connection["edges"]
    ]


async def test_overdue_entries_carry_charges_as_of_today(admin_api: ApiClient) -> None:
    company = await make_company("Bexus")
    debtor = await make_debtor("ACME Ltda", document=VALID_CNPJ)
    whole = await make_entry(company, debtor, due=DUE_10_JAN, amount="1000.00", code="A")
    partial = await make_entry(company, debtor, due=DUE_10_JAN, amount="1000.00", code="B")
    await pay(partial, "400.00", dt.date(2026, 1, 20))
    older = await make_entry(company, debtor, due=dt.date(2025, 12, 31), amount="10", code="C")
    await make_entry(company, debtor, due=dt.date(2026, 2, 9), code="due-today")
    await make_entry(company, debtor, due=dt.date(2026, 1, 5), paid="100.00", code="paid")
    await make_entry(
        company, debtor, due=dt.date(2026, 1, 5), status=EntryStatus.CANCELLED, code="cancelled"
    )
    connection = await _overdue(admin_api, debtor)
    assert connection["totalCount"] == 3
    # Oldest due first; 1000 x 1 % x 30 / 30 = 10,00; (1000 x 10 + 600 x 20) / 3000 = 7,33
    # (the 400,00 paid on 20 Jan accrues juros that day too, as quoted when it was received).
    assert _figures(connection) == [
        ("C", 40, "10.00", "0.20", "0.13", "10.33"),
        ("A", 30, "1000.00", "20.00", "10.00", "1030.00"),
        ("B", 30, "600.00", "20.00", "7.33", "627.33"),
    ]
    node = connection["edges"][1]["node"]
    assert node["id"] == entry_id(whole)
    assert node["company"]["name"] == "Bexus"
    assert node["debtor"]["name"] == "ACME Ltda"
    assert node["status"] == "OPEN"
    assert connection["edges"][2]["node"]["status"] == "PARTIALLY_PAID"
    assert older.id != whole.id


async def test_late_fee_of_a_consumer_is_capped_at_two_percent(admin_api: ApiClient) -> None:
    company = await make_company(late_fee_percent="10.00", monthly_interest_percent="3.00")
    person = await make_debtor(document=VALID_CPF)
    business = await make_debtor(document=VALID_CNPJ)
    for debtor in (person, business):
        await make_entry(company, debtor, due=DUE_10_JAN, amount="1000.00", code=f"E{debtor.id}")
    assert _figures(await _overdue(admin_api, person))[0][3:] == ("20.00", "30.00", "1050.00")
    assert _figures(await _overdue(admin_api, business))[0][3:] == ("100.00", "30.00", "1130.00")


async def test_reversed_payments_do_not_count(admin_api: ApiClient) -> None:
    company, debtor = await make_company(), await make_debtor()
    entry = await make_entry(company, debtor, due=DUE_10_JAN, amount="1000.00", code="R")
    await pay(entry, "400.00", dt.date(2026, 1, 20), reversed_at=NOON_9_FEB)
    assert _figures(await _overdue(admin_api, debtor)) == [
        ("R", 30, "1000.00", "20.00", "10.00", "1030.00")
    ]


async def test_overdue_starts_at_midnight_in_each_company_zone(
    admin_api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    sao_paulo = await make_company("SP")
    manaus = await make_company("AM", time_zone="America/Manaus")  # one hour behind São Paulo
    debtor = await make_debtor()
    friday = dt.date(2026, 1, 9)  # a business day: overdue from Saturday 00:00
    await make_entry(sao_paulo, debtor, due=friday, code="sp")
    await make_entry(manaus, debtor, due=friday, code="am")
    freeze(monkeypatch, dt.datetime(2026, 1, 10, 2, 30, tzinfo=dt.UTC))  # 23:30 in SP
    assert (await _overdue(admin_api, debtor))["totalCount"] == 0
    freeze(monkeypatch, dt.datetime(2026, 1, 10, 3, 30, tzinfo=dt.UTC))  # 00:30 SP, 23:30 AM
    assert [(c, d) for c, d, *_ in _figures(await _overdue(admin_api, debtor))] == [("sp", 1)]
    freeze(monkeypatch, dt.datetime(2026, 1, 10, 4, 30, tzinfo=dt.UTC))
    assert (await _overdue(admin_api, debtor))["totalCount"] == 2


async def test_overdue_entries_of_one_company(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company_a, company_b = await make_company("A"), await make_company("B")
    debtor = await make_debtor()
    await make_entry(company_a, debtor, due=DUE_10_JAN, code="a")
    await make_entry(company_b, debtor, due=DUE_10_JAN, code="b")
    only_b = await _overdue(admin_api, debtor, companyId=gid("Company", company_b.id))
    assert [c for c, *_ in _figures(only_b)] == ["b"]
    for unknown in (gid("Company", 999), gid("Debtor", debtor.id), "garbage"):
        nothing = await _overdue(admin_api, debtor, companyId=unknown)
        assert (nothing["totalCount"], nothing["edges"]) == (0, [])
    api_a = await ApiClient.with_token(http, companies=[company_a])
    assert [c for c, *_ in _figures(await _overdue(api_a, debtor))] == ["a"]
    hidden = await _overdue(api_a, debtor, companyId=gid("Company", company_b.id))
    assert hidden["totalCount"] == 0


async def test_entries_are_paged_latest_due_first(admin_api: ApiClient) -> None:
    company, debtor = await make_company(), await make_debtor()
    for day in range(1, 6):
        await make_entry(company, debtor, due=dt.date(2026, 2, day * 2), code=f"E{day}")
    await make_entry(company, debtor, due=dt.date(2026, 1, 1), paid="100.00", code="paid")
    variables: dict[str, Any] = {"id": gid("Debtor", debtor.id), "first": 4}
    first = (await admin_api.data(ENTRIES, variables))["debtor"]["entries"]
    assert first["totalCount"] == 6
    assert [e["node"]["code"] for e in first["edges"]] == ["E5", "E4", "E3", "E2"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert first["pageInfo"]["hasPreviousPage"] is False
    assert first["pageInfo"]["startCursor"] == first["edges"][0]["cursor"]
    variables["after"] = first["pageInfo"]["endCursor"]
    second = (await admin_api.data(ENTRIES, variables))["debtor"]["entries"]
    assert [(e["node"]["code"], e["node"]["isOverdue"]) for e in second["edges"]] == [
        ("E1", True),
        ("paid", False),
    ]
    assert second["edges"][1]["node"]["status"] == "PAID"
    assert second["pageInfo"]["hasNextPage"] is False
    assert second["pageInfo"]["hasPreviousPage"] is True
    empty = await admin_api.data(ENTRIES, {"id": gid("Debtor", debtor.id), "first": 0})
    assert empty["debtor"]["entries"]["totalCount"] == 6
    assert empty["debtor"]["entries"]["pageInfo"]["endCursor"] is None


@pytest.mark.parametrize(
    ("variables", "code"),
    [({"first": 101}, "PAGE_SIZE_TOO_LARGE"), ({"after": "@@"}, "INVALID_CURSOR")],
)
async def test_bad_page_arguments_are_clear_errors(
    admin_api: ApiClient, variables: dict[str, Any], code: str
) -> None:
    debtor = await make_debtor()
    for document in (ENTRIES, OVERDUE):
        body = await admin_api.execute(document, {"id": gid("Debtor", debtor.id), **variables})
        error = body["errors"][0]
        assert error["extensions"]["code"] == code
        assert error["message"] != "Erro interno."


async def _detailed_debtor(entries: int, user: User) -> Debtor:
    """A debtor with `entries` overdue entries (each with a payment), contacts and appointments."""
    companies = [await make_company(), await make_company(time_zone="America/Manaus")]
    debtor = await make_debtor(document=VALID_CPF)
    for n in range(entries):
        entry = await make_entry(companies[n % 2], debtor, due=DUE_10_JAN, amount="100.00")
        await pay(entry, "10.00", dt.date(2026, 1, 20))
        await Contact.create(debtor=debtor, name=f"Contato {n}", phone="1134567890")
        await Appointment.create(
            debtor=debtor,
            company=companies[n % 2],
            responsible=user,
            scheduled_date=dt.date(2026, 3, 1),
            scheduled_time=stored_time(dt.time(9, 30)),
            notes=f"Ligar {n}",
        )
    return debtor


async def _count(api: ApiClient, sql_log: SqlLog, query: str, variables: dict[str, Any]) -> int:
    sql_log.clear()
    data = await api.data(query, variables)
    assert data
    return sql_log.count


async def test_the_detail_page_costs_the_same_queries_whatever_the_list_sizes(
    admin_api: ApiClient, sql_log: SqlLog
) -> None:
    user = await make_user()
    small = await _detailed_debtor(1, user)
    big = await _detailed_debtor(30, user)
    await admin_api.data("{ companies { id } }")  # the token's first use records its last use
    small_count = await _count(admin_api, sql_log, DETAIL, {"id": gid("Debtor", small.id)})
    big_count = await _count(admin_api, sql_log, DETAIL, {"id": gid("Debtor", big.id)})
    assert small_count == big_count <= 14, sql_log.statements
    data = await admin_api.data(DETAIL, {"id": gid("Debtor", big.id)})
    detail = data["debtor"]
    assert detail["overdueEntries"]["totalCount"] == 30
    assert len(detail["entries"]["edges"]) == 30
    assert len(detail["contacts"]) == len(detail["appointments"]) == 30
    assert detail["contacts"][0]["phoneFormatted"] == "(11) 3456-7890"
    assert {e["node"]["updatedAmount"] for e in detail["overdueEntries"]["edges"]} == {"92.93"}


async def test_the_screen_reads_its_companies_users_and_calendars_once(
    admin_api: ApiClient, sql_log: SqlLog
) -> None:
    """Débitos do Cliente's own query lists the companies and the users: its entries' companies
    and its appointments' responsible users come from those lists, not a second read by id;
    and the companies' calendars are read once for the header and the list."""
    from bench.cases import DETAIL as SCREEN
    from bench.cases import EMAILS_PAGE, ENTRIES_PAGE

    user = await make_user()
    debtor = await _detailed_debtor(4, user)
    variables = {"id": gid("Debtor", debtor.id), "entriesPage": ENTRIES_PAGE}
    variables["emailsPage"] = EMAILS_PAGE
    await admin_api.data(SCREEN, variables)  # the first read writes the default templates
    sql_log.clear()
    data = await admin_api.data(SCREEN, variables)
    by_id = [s for s in sql_log.statements if re.search(r'FROM "(company|app_user)" WHERE "id"', s)]
    assert by_id == [], by_id
    # The overdue balance and the overdue list read the companies' calendars once between them.
    calendars = [s for s in sql_log.statements if 'JOIN "company_holiday"' in s]
    assert len(calendars) == 1, calendars
    entries = data["debtor"]["overdueEntries"]["edges"]
    assert {e["node"]["company"]["name"] for e in entries} == {c["name"] for c in data["companies"]}
    assert {a["responsible"]["name"] for a in data["debtor"]["appointments"]} == {user.name}


async def test_pages_of_several_debtors_load_together(database_url: str, sql_log: SqlLog) -> None:
    """A list of debtors asking for their entries: one batch, the same pages as one by one."""
    user = await make_user()
    debtors = [await _detailed_debtor(n, user) for n in (0, 3, 7)]
    keys = [DebtorPageKey(d.id, offset=1, limit=2) for d in debtors]
    for load in (
        entries_by_debtor(principal()),
        overdue_entries_by_debtor(principal(), NOON_9_FEB),
    ):
        sql_log.clear()
        together = await load(keys)
        assert sql_log.count <= 3, sql_log.statements
        alone = [(await load([key]))[0] for key in keys]
        assert [_ids(p) for p in together] == [_ids(p) for p in alone]
        assert [p.total_count for p in together] == [0, 3, 7]
        assert [len(p.items) for p in together] == [0, 2, 2]
        assert [p.has_next_page for p in together] == [False, False, True]


def _ids(page: Page[FinancialEntry]) -> list[int]:
    return [e.id for e in page.items]


HEADER_AND_LIST = """
query($id: ID!) {
  debtor(id: $id) {
    overdueBalance { openAmount entryCount }
    overdueEntries { totalCount edges { node { code } } }
  }
}"""


async def test_the_header_and_the_list_agree_at_midnight(
    admin_api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """overdueBalance and overdueEntries: one definition, each company's today (issue 9.5)."""
    sao_paulo = await make_company("SP")
    manaus = await make_company("AM", time_zone="America/Manaus")  # one hour behind São Paulo
    debtor = await make_debtor()
    friday = dt.date(2026, 1, 9)  # a business day
    await make_entry(sao_paulo, debtor, due=friday, amount="100.00", code="sp")
    await make_entry(manaus, debtor, due=friday, amount="200.00", code="am")

    async def seen(hour: int, minute: int) -> tuple[str, int, list[str]]:
        freeze(monkeypatch, dt.datetime(2026, 1, 10, hour, minute, tzinfo=dt.UTC))
        data = await admin_api.data(HEADER_AND_LIST, {"id": gid("Debtor", debtor.id)})
        header, listed = data["debtor"]["overdueBalance"], data["debtor"]["overdueEntries"]
        assert header["entryCount"] == listed["totalCount"]
        return (
            header["openAmount"],
            header["entryCount"],
            [e["node"]["code"] for e in listed["edges"]],
        )

    assert await seen(2, 30) == ("0.00", 0, [])  # 23:30 in São Paulo
    # 00:30 in São Paulo (03:30 UTC), still 23:30 on Friday in Manaus: only São Paulo's entry.
    assert await seen(3, 30) == ("100.00", 1, ["sp"])
    assert await seen(4, 30) == ("300.00", 2, ["sp", "am"])  # 00:30 in Manaus
