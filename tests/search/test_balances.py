"""The per-debtor overdue summary: kept by every write, rolled at midnight, used when fresh."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import defaultdict

import pytest
from tortoise.transactions import in_transaction

from backend.businessdays.services import calendars_by_company
from backend.companies.models import Company
from backend.core.enums import OPEN_STATUSES, EntryStatus
from backend.core.pagination import PageRequest
from backend.demo import load_demo
from backend.entries.models import FinancialEntry
from backend.search.balances import balances_as_of, rebuild_balances, roll_balances
from backend.search.models import BalanceState, DebtorBalance
from backend.search.roller import balance_roller, seconds_until_next_roll
from backend.search.services import DEBTORS_LIST, Source, search_debtors
from backend.search.statements import DebtorOrder
from backend.settings import Settings
from tests.support import SqlLog, make_company, make_debtor, make_entry, principal

TODAY = dt.date(2026, 3, 16)
# 10:00 in São Paulo on TODAY.
NOW = dt.datetime(2026, 3, 16, 13, 0, tzinfo=dt.UTC)
Row = tuple[object, ...]


def _bucket(days_overdue: int) -> int:
    return 1 if days_overdue <= 30 else 2 if days_overdue <= 60 else 3 if days_overdue <= 90 else 4


async def expected_rows(as_of: dt.date) -> dict[int, Row]:
    """The summary computed in Python from every entry, as it must be on `as_of`.

    Overdue by the business-day rule, each entry by its company's calendar.
    """
    calendars = await calendars_by_company()
    grouped: dict[int, list[FinancialEntry]] = defaultdict(list)
    for entry in await FinancialEntry.all():
        overdue = calendars[entry.company_id].is_overdue(entry.due_date, as_of)
        if entry.status in OPEN_STATUSES and overdue:
            grouped[entry.debtor_id].append(entry)
    rows: dict[int, Row] = {}
    for debtor_id, entries in grouped.items():
        sums = [0] * 8
        for entry in entries:
            bucket = _bucket((as_of - entry.due_date).days)
            sums[(bucket - 1) * 2] += entry.amount_cents - entry.paid_cents
            sums[(bucket - 1) * 2 + 1] += 1
        rows[debtor_id] = (
            debtor_id,
            sum(e.amount_cents - e.paid_cents for e in entries),
            len(entries),
            min(e.due_date for e in entries),
            *sums,
        )
    return rows


async def actual_rows() -> dict[int, Row]:
    rows: dict[int, Row] = {}
    for b in await DebtorBalance.all():
        rows[b.debtor_id] = (
            b.debtor_id,
            b.open_cents,
            b.entry_count,
            b.oldest_due,
            b.b1_cents,
            b.b1_count,
            b.b2_cents,
            b.b2_count,
            b.b3_cents,
            b.b3_count,
            b.b4_cents,
            b.b4_count,
        )
    return rows


async def _company() -> Company:
    return await make_company()


async def test_nothing_is_kept_before_the_first_roll(database_url: str) -> None:
    company = await _company()
    await make_entry(company, await make_debtor(), due=TODAY - dt.timedelta(days=3))
    assert await balances_as_of() is None
    assert await DebtorBalance.all().count() == 0


async def test_first_roll_builds_every_row_and_writes_keep_them_right(database_url: str) -> None:
    company = await _company()
    ana, bia = await make_debtor("Ana"), await make_debtor("Bia")
    day = dt.timedelta(days=1)
    await make_entry(company, ana, due=TODAY - 5 * day, amount="100.00")
    await make_entry(company, ana, due=TODAY - 45 * day, amount="10.00", paid="4.00")
    await make_entry(company, bia, due=TODAY - 120 * day, amount="30.00")
    await make_entry(company, bia, due=TODAY, amount="99.00")  # due today: not overdue

    result = await roll_balances(today=TODAY)
    assert result.rebuilt
    assert result.previous is None
    assert await balances_as_of() == TODAY
    assert await actual_rows() == await expected_rows(TODAY)

    # Create, pay partly, pay fully, cancel, move the due date, move to another debtor, delete.
    entry = await make_entry(company, bia, due=TODAY - 70 * day, amount="50.00")
    assert await actual_rows() == await expected_rows(TODAY)
    entry.paid_cents, entry.status = 2000, EntryStatus.PARTIALLY_PAID
    await entry.save()
    assert (await DebtorBalance.get(debtor_id=bia.id)).b3_cents == 3000
    assert await actual_rows() == await expected_rows(TODAY)
    entry.due_date = TODAY + day
    await entry.save(update_fields=["due_date"])
    assert await actual_rows() == await expected_rows(TODAY)
    entry.due_date = TODAY - day
    entry.debtor_id = ana.id
    await entry.save()
    assert await actual_rows() == await expected_rows(TODAY)
    entry.paid_cents, entry.status = 5000, EntryStatus.PAID
    await entry.save()
    assert await actual_rows() == await expected_rows(TODAY)
    old = await FinancialEntry.get(debtor_id=bia.id, due_date=TODAY - 120 * day)
    old.status = EntryStatus.CANCELLED
    await old.save()
    assert await actual_rows() == await expected_rows(TODAY)
    assert not await DebtorBalance.exists(debtor_id=bia.id)
    for gone in await FinancialEntry.filter(debtor_id=ana.id):
        await gone.delete()
    assert await actual_rows() == await expected_rows(TODAY) == {}


async def test_a_write_and_its_summary_commit_or_roll_back_together(database_url: str) -> None:
    company = await _company()
    debtor = await make_debtor()
    await roll_balances(today=TODAY)
    seen_inside: list[bool] = []

    async def write_then_fail() -> None:
        async with in_transaction():
            await make_entry(company, debtor, due=TODAY - dt.timedelta(days=3))
            seen_inside.append(await DebtorBalance.exists(debtor_id=debtor.id))
            raise RuntimeError("abort")

    with pytest.raises(RuntimeError):
        await write_then_fail()
    assert seen_inside == [True]  # the hook ran inside the caller's transaction
    assert not await DebtorBalance.exists(debtor_id=debtor.id)
    async with in_transaction():
        await make_entry(company, debtor, due=TODAY - dt.timedelta(days=3))
    assert await actual_rows() == await expected_rows(TODAY)


async def test_updates_that_cannot_change_a_balance_skip_the_summary(
    database_url: str, sql_log: SqlLog
) -> None:
    company = await _company()
    entry = await make_entry(company, await make_debtor(), due=TODAY - dt.timedelta(days=3))
    await roll_balances(today=TODAY)
    sql_log.clear()
    entry.description = "Outra descrição"
    await entry.save(update_fields=["description"])
    assert sql_log.count == 1  # the UPDATE alone


async def test_the_day_roll_moves_entries_across_days_and_buckets(database_url: str) -> None:
    company = await _company()
    debtors = [await make_debtor(f"Cliente {i}") for i in range(6)]
    await roll_balances(today=TODAY)
    # Due dates on each side of every boundary that the next few days cross.
    for index, offset in enumerate((0, 1, 29, 30, 31, 59, 60, 61, 89, 90, 91, 200, -3)):
        debtor = debtors[index % len(debtors)]
        await make_entry(company, debtor, due=TODAY - dt.timedelta(days=offset))
    for step in (1, 2, 5):
        as_of = TODAY + dt.timedelta(days=step)
        result = await roll_balances(today=as_of)
        assert not result.rebuilt
        assert await actual_rows() == await expected_rows(as_of)
    assert (await roll_balances(today=as_of)).previous == as_of  # already there: nothing to do
    far = as_of + dt.timedelta(days=40)
    assert (await roll_balances(today=far)).rebuilt
    assert await actual_rows() == await expected_rows(far)
    back = TODAY - dt.timedelta(days=1)
    assert (await roll_balances(today=back)).rebuilt
    assert await actual_rows() == await expected_rows(back)


async def test_state_row_is_recreated_when_missing(database_url: str) -> None:
    await BalanceState.all().delete()
    assert await balances_as_of() is None
    await roll_balances(today=TODAY)
    assert await balances_as_of() == TODAY


async def test_the_search_uses_the_summary_only_when_it_describes_today(database_url: str) -> None:
    settings = Settings(database_url=database_url)
    company = await _company()
    debtor = await make_debtor("Eva")
    await make_entry(company, debtor, due=TODAY - dt.timedelta(days=4), amount="12.00")

    async def source(**kwargs: object) -> Source:
        result = await search_debtors(
            principal=kwargs.pop("who", principal()),  # type: ignore[arg-type]
            settings=settings,
            now=NOW,
            data=None,
            order=DebtorOrder.OPEN_AMOUNT_DESC,
            page=PageRequest.of(25, None, list_name="debtors"),
        )
        assert [row.debtor_id for row in result.page.items] == [debtor.id]
        assert result.totals.open_cents == 1200
        return result.source

    assert await source() is Source.ENTRIES  # never rolled
    await roll_balances(today=TODAY - dt.timedelta(days=1))
    assert await source() is Source.ENTRIES  # stale: yesterday's
    await roll_balances(today=TODAY)
    assert await source() is Source.SUMMARY
    # Limited to some companies: the per-company summary (test_company_summary.py).
    assert await source(who=principal([company.id])) is Source.SUMMARY


def test_next_roll_is_just_after_local_midnight() -> None:
    # 23:59:00 in São Paulo (UTC-3).
    assert (
        seconds_until_next_roll(dt.datetime(2026, 3, 16, 2, 59, tzinfo=dt.UTC), "America/Sao_Paulo")
        == 62
    )
    # 00:00:01 local: the whole next day remains.
    now = dt.datetime(2026, 3, 16, 3, 0, 1, tzinfo=dt.UTC)
    assert seconds_until_next_roll(now, "America/Sao_Paulo") == 86400 + 1
    # New York's 23-hour day (spring forward on 2026-03-08).
    now = dt.datetime(2026, 3, 8, 5, 0, tzinfo=dt.UTC)  # 00:00 EST
    assert seconds_until_next_roll(now, "America/New_York") == 23 * 3600 + 2


async def test_the_background_roller_rolls_at_start(database_url: str) -> None:
    settings = Settings(database_url=database_url)
    async with balance_roller(settings):
        for _ in range(200):
            if await balances_as_of() is not None:
                break
            await asyncio.sleep(0.01)
    assert await balances_as_of() is not None


async def test_rebuild_after_a_bulk_load_that_bypassed_the_hooks(database_url: str) -> None:
    assert await rebuild_balances() is None  # never rolled: nothing to rebuild
    await roll_balances(today=TODAY)
    await load_demo(debtors=8, entries=60, today=TODAY, progress=lambda _: None)
    assert await balances_as_of() == TODAY
    assert await actual_rows() == await expected_rows(TODAY) != {}


async def test_concurrent_writes_for_one_debtor_leave_a_right_summary(database_url: str) -> None:
    company = await _company()
    debtor = await make_debtor()
    await roll_balances(today=TODAY)

    async def write(index: int) -> None:
        async with in_transaction():
            # Friday 13 Mar back to Sunday 8 Mar: all overdue on Monday TODAY.
            await make_entry(company, debtor, due=TODAY - dt.timedelta(days=index + 3))
            await asyncio.sleep(0.01)  # hold the transaction open while the others run

    await asyncio.gather(*(write(i) for i in range(6)))
    assert await actual_rows() == await expected_rows(TODAY)
    assert (await DebtorBalance.get(debtor_id=debtor.id)).entry_count == 6


async def test_a_changed_calendar_sends_the_search_to_the_entries_until_a_roll(
    database_url: str,
) -> None:
    # Friday 10 Jul 2026: an entry due Thursday 9 July (a São Paulo holiday) is overdue for a
    # company with no state, and payable today once the company's address is in São Paulo.
    friday = dt.date(2026, 7, 10)
    settings = Settings(database_url=database_url)
    company = await _company()
    debtor = await make_debtor("Eva")
    await make_entry(company, debtor, due=dt.date(2026, 7, 9), amount="12.00")

    async def found() -> tuple[list[int], Source]:
        result = await search_debtors(
            principal=principal(),
            settings=settings,
            now=dt.datetime(2026, 7, 10, 15, 0, tzinfo=dt.UTC),
            data=None,
            order=DebtorOrder.OPEN_AMOUNT_DESC,
            page=PageRequest.of(25, None, list_name=DEBTORS_LIST),
        )
        return [row.debtor_id for row in result.page.items], result.source

    await roll_balances(today=friday)
    assert await found() == ([debtor.id], Source.SUMMARY)
    company.state = "SP"
    await company.save()
    assert await found() == ([], Source.ENTRIES)  # the summary's cutoffs are not today's
    assert (await roll_balances(today=friday)).rebuilt  # same day, another calendar
    assert await found() == ([], Source.SUMMARY)
    assert await actual_rows() == await expected_rows(friday)
