"""The search services with a fixed "now": periods, time zones, ageing, and a property test."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from backend.businessdays.rules import BusinessCalendar
from backend.core.enums import EntryStatus
from backend.core.pagination import PageRequest
from backend.core.periods import Period, due_range, local_today
from backend.core.principal import Principal
from backend.entries.models import FinancialEntry
from backend.search.balances import roll_balances
from backend.search.filters import DebtorFilterData
from backend.search.models import BalanceState, DebtorBalance
from backend.search.services import (
    SearchResult,
    Source,
    SummaryData,
    collection_summary,
    search_debtors,
)
from backend.search.statements import DebtorOrder
from backend.settings import Settings
from tests.support import make_company, make_debtor, make_entry, principal

# 23:30 on 31 December 2025 in São Paulo, already 1 January 2026 in UTC.
NEW_YEARS_EVE = dt.datetime(2026, 1, 1, 2, 30, tzinfo=dt.UTC)


async def _search(
    database_url: str,
    now: dt.datetime,
    data: DebtorFilterData | None = None,
    *,
    who: Principal | None = None,
    use_summary: bool = True,
) -> SearchResult:
    return await search_debtors(
        principal=who or principal(),
        settings=Settings(database_url=database_url),
        now=now,
        data=data,
        order=DebtorOrder.OPEN_AMOUNT_DESC,
        page=PageRequest.of(100, None, list_name="debtors"),
        use_summary=use_summary,
    )


async def _summary(
    database_url: str, now: dt.datetime, data: DebtorFilterData | None = None, **kw: bool
) -> SummaryData:
    return await collection_summary(
        principal=principal(),
        settings=Settings(database_url=database_url),
        now=now,
        data=data,
        **kw,
    )


async def test_today_is_the_local_date_not_the_servers(database_url: str) -> None:
    company = await make_company()
    debtor = await make_debtor()
    await make_entry(company, debtor, due=dt.date(2025, 12, 31), amount="1.00")
    await make_entry(company, debtor, due=dt.date(2025, 12, 30), amount="2.00")

    overdue = await _search(database_url, NEW_YEARS_EVE)
    assert overdue.totals.open_cents == 200  # 31 Dec is today in São Paulo, not overdue yet
    this_year = await _search(
        database_url, NEW_YEARS_EVE, DebtorFilterData(period=Period.THIS_YEAR)
    )
    assert this_year.totals.open_cents == 300
    today = await _search(database_url, NEW_YEARS_EVE, DebtorFilterData(period=Period.TODAY))
    assert today.totals.open_cents == 100
    assert today.page.items[0].balance.max_days_overdue == 0


async def test_a_company_filter_uses_that_companys_time_zone(database_url: str) -> None:
    # 00:30 on 1 January in UTC is still 31 December in São Paulo.
    now = dt.datetime(2026, 1, 1, 0, 30, tzinfo=dt.UTC)
    utc_company = await make_company(time_zone="UTC")
    debtor = await make_debtor()
    await make_entry(utc_company, debtor, due=dt.date(2025, 12, 31), amount="5.00")

    in_company = DebtorFilterData(company_id=utc_company.id)
    assert (await _search(database_url, now, in_company)).totals.open_cents == 500
    assert (await _search(database_url, now)).totals.open_cents == 0  # São Paulo: due today
    summary = await _summary(database_url, now, in_company)
    assert summary.totals.open_cents == 500
    assert summary.buckets[1].open_cents == 500  # 1 day overdue, in UTC


async def test_collection_summary_buckets_at_their_edges(database_url: str) -> None:
    now = dt.datetime(2026, 6, 17, 15, 0, tzinfo=dt.UTC)  # a Wednesday
    today = local_today(now, "America/Sao_Paulo")
    company = await make_company()
    debtors = [await make_debtor() for _ in range(3)]
    offsets = (-5, 0, 1, 30, 31, 60, 61, 90, 91, 400)  # days overdue
    for index, offset in enumerate(offsets):
        await make_entry(
            company,
            debtors[index % 3],
            due=today - dt.timedelta(days=offset),
            amount=f"{index + 1}.00",
        )
    await make_entry(
        company, debtors[0], due=today - dt.timedelta(days=10), amount="9.00", paid="9.00"
    )

    everything = DebtorFilterData(period=Period.CUSTOM, due_from=dt.date(2000, 1, 1))
    summary = await _summary(database_url, now, everything)
    assert [(b.band.label, b.band.min_days, b.band.max_days) for b in summary.buckets] == [
        ("A vencer", None, 0),
        ("1–30 dias", 1, 30),
        ("31–60 dias", 31, 60),
        ("61–90 dias", 61, 90),
        ("Mais de 90 dias", 91, None),
    ]
    assert [(b.open_cents, b.entry_count) for b in summary.buckets] == [
        (100 + 200, 2),
        (300 + 400, 2),
        (500 + 600, 2),
        (700 + 800, 2),
        (900 + 1000, 2),
    ]
    assert (summary.totals.debtor_count, summary.entry_count) == (3, 10)
    assert summary.totals.open_cents == 5500

    # The default (overdue) summary, from the entries and from the rolled summary, agree.
    plain = await _summary(database_url, now, use_summary=False)
    await roll_balances(today=today)
    rolled = await _summary(database_url, now)
    assert rolled.source is Source.SUMMARY
    assert plain.source is Source.ENTRIES
    assert rolled == SummaryData(
        totals=plain.totals,
        entry_count=plain.entry_count,
        buckets=plain.buckets,
        source=Source.SUMMARY,
        filter=plain.filter,
    )
    assert plain.buckets[0].open_cents == 0
    assert plain.totals.open_cents == 5500 - 300


# --- the property: the search counts exactly the unpaid entries in the period ------------------

PERIODS = list(Period)
NATIONAL = BusinessCalendar()  # national holidays only: the companies below have no state
STATUSES = [EntryStatus.OPEN, EntryStatus.PARTIALLY_PAID, EntryStatus.PAID, EntryStatus.CANCELLED]
offsets = st.one_of(st.integers(-3, 3), st.integers(-45, 45), st.integers(-400, 400))
entries_strategy = st.lists(
    st.tuples(
        st.integers(0, 3),  # debtor
        st.integers(0, 1),  # company
        offsets,  # due date, days from today
        st.integers(1, 100_000),  # amount in cents
        st.sampled_from(STATUSES),
    ),
    max_size=12,
)
instants = st.datetimes(
    min_value=dt.datetime(2024, 1, 1),
    max_value=dt.datetime(2027, 12, 31),
    timezones=st.just(dt.UTC),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    now=instants,
    rows=entries_strategy,
    period=st.sampled_from(PERIODS),
    custom=st.tuples(st.none() | offsets, st.none() | offsets),
    by_company=st.booleans(),
    summary_first=st.booleans(),
)
@example(  # Sunday 31 Dec 2023 in São Paulo: Saturday's entry may still be paid on Tuesday
    now=dt.datetime(2024, 1, 1, 0, 0, tzinfo=dt.UTC),
    rows=[(0, 0, -1, 1, EntryStatus.OPEN)],
    period=Period.OVERDUE,
    custom=(None, None),
    by_company=False,
    summary_first=False,
)
async def test_search_counts_exactly_the_unpaid_entries_in_the_period(
    database_url: str,
    now: dt.datetime,
    rows: list[tuple[int, int, int, int, EntryStatus]],
    period: Period,
    custom: tuple[int | None, int | None],
    by_company: bool,
    summary_first: bool,
) -> None:
    await FinancialEntry.all().delete()
    await DebtorBalance.all().delete()
    await BalanceState.all().delete()
    companies = [await make_company(), await make_company(time_zone="America/Manaus")]
    debtors = [await make_debtor() for _ in range(4)]
    today = local_today(now, "America/Sao_Paulo")
    if summary_first:  # then every entry below goes through the write hooks
        await roll_balances(today=today)
    for debtor_index, company_index, offset, cents, status in rows:
        paid = cents // 2 if status is EntryStatus.PARTIALLY_PAID else 0
        paid = cents if status is EntryStatus.PAID else paid
        await make_entry(
            companies[company_index],
            debtors[debtor_index],
            due=today + dt.timedelta(days=offset),
            amount=Decimal(cents).scaleb(-2),
            paid=Decimal(paid).scaleb(-2),
            status=status,
        )
    if not summary_first:
        await roll_balances(today=today)

    company = companies[1] if by_company else None
    local = local_today(now, company.time_zone) if company else today
    due_from, due_to = (None if o is None else local + dt.timedelta(days=o) for o in custom)
    if period is Period.CUSTOM and due_from and due_to and due_from > due_to:
        due_from, due_to = due_to, due_from
    if period is Period.CUSTOM and due_from is None and due_to is None:
        due_to = local
    window = due_range(period, today=local, due_from=due_from, due_to=due_to)

    # Overdue is each company's business-day rule on its own today (CC art. 132 §1): due on or
    # before the last business day before it. Neither company has a state: national holidays.
    cutoff = {c.id: NATIONAL.overdue_cutoff(local_today(now, c.time_zone)) for c in companies}

    def in_period(entry: FinancialEntry) -> bool:
        if period is Period.OVERDUE:
            return entry.due_date <= cutoff[entry.company_id]
        return window.contains(entry.due_date)

    expected: dict[int, list[FinancialEntry]] = defaultdict(list)
    for entry in await FinancialEntry.all():
        if (
            entry.status in (EntryStatus.OPEN, EntryStatus.PARTIALLY_PAID)
            and in_period(entry)
            and (company is None or entry.company_id == company.id)
        ):
            expected[entry.debtor_id].append(entry)
    data = DebtorFilterData(
        company_id=company.id if company else None,
        period=period,
        due_from=due_from,
        due_to=due_to,
    )
    for use_summary in (False, True):
        result = await _search(database_url, now, data, use_summary=use_summary)
        found = {row.debtor_id: row.balance for row in result.page.items}
        assert set(found) == set(expected)
        for debtor_id, balance in found.items():
            mine = expected[debtor_id]
            assert balance.entry_count == len(mine)
            assert balance.open_cents == sum(e.amount_cents - e.paid_cents for e in mine)
            assert balance.oldest_due == min(e.due_date for e in mine)
        assert result.totals.open_cents == sum(
            e.amount_cents - e.paid_cents for v in expected.values() for e in v
        )
        summary = await _summary(database_url, now, data, use_summary=use_summary)
        assert summary.totals == result.totals
        assert summary.entry_count == sum(len(v) for v in expected.values())
        assert sum(b.entry_count for b in summary.buckets) == summary.entry_count
        assert sum(b.open_cents for b in summary.buckets) == result.totals.open_cents
