"""The per-(debtor, company) summary: a principal limited to some companies (or a company
filter) gets its overdue list and totals from it, equal to the plain aggregate over the entries,
through writes and day rolls."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import Any

from backend.businessdays.services import calendars_by_company
from backend.core.enums import OPEN_STATUSES, EntryStatus
from backend.core.pagination import PageRequest
from backend.entries.models import FinancialEntry
from backend.search.balances import roll_balances
from backend.search.filters import DebtorFilterData
from backend.search.models import DebtorCompanyBalance
from backend.search.services import Source, collection_summary, search_debtors
from backend.search.statements import DebtorOrder
from backend.settings import Settings
from tests.search.test_balances import NOW, TODAY, _bucket
from tests.support import make_company, make_debtor, make_entry, principal


async def _expected_company_rows(as_of: dt.date) -> dict[tuple[int, int], tuple[int, ...]]:
    calendars = await calendars_by_company()
    grouped: dict[tuple[int, int], list[FinancialEntry]] = defaultdict(list)
    for e in await FinancialEntry.all():
        if e.status in OPEN_STATUSES and calendars[e.company_id].is_overdue(e.due_date, as_of):
            grouped[(e.debtor_id, e.company_id)].append(e)
    rows = {}
    for key, entries in grouped.items():
        sums = [0] * 8
        for e in entries:
            bucket = _bucket((as_of - e.due_date).days)
            sums[(bucket - 1) * 2] += e.amount_cents - e.paid_cents
            sums[(bucket - 1) * 2 + 1] += 1
        rows[key] = (sum(e.amount_cents - e.paid_cents for e in entries), len(entries), *sums)
    return rows


async def _actual_company_rows() -> dict[tuple[int, int], tuple[int, ...]]:
    return {
        (r.debtor_id, r.company_id): (
            r.open_cents,
            r.entry_count,
            r.b1_cents,
            r.b1_count,
            r.b2_cents,
            r.b2_count,
            r.b3_cents,
            r.b3_count,
            r.b4_cents,
            r.b4_count,
        )
        for r in await DebtorCompanyBalance.all()
    }


async def _both(
    settings: Settings, who: Any, data: DebtorFilterData | None, source: Source = Source.SUMMARY
) -> None:
    """The answer with the summaries allowed (from `source`) equals the entries' for every
    order."""
    for order in DebtorOrder:
        for offset in (0, 3):
            page = PageRequest(offset=offset, limit=4)
            answers = []
            for use_summary in (True, False):
                result = await search_debtors(
                    principal=who,
                    settings=settings,
                    now=NOW,
                    data=data,
                    order=order,
                    page=page,
                    company_id_given=data is not None and data.company_id is not None,
                    use_summary=use_summary,
                )
                assert result.source is (source if use_summary else Source.ENTRIES)
                answers.append((result.page.items, result.totals))
            assert answers[0] == answers[1], (order, offset)
    summaries = [
        await collection_summary(
            principal=who,
            settings=settings,
            now=NOW,
            data=data,
            company_id_given=data is not None and data.company_id is not None,
            use_summary=use_summary,
        )
        for use_summary in (True, False)
    ]
    assert summaries[0].source is source
    assert (summaries[0].totals, summaries[0].entry_count, summaries[0].buckets) == (
        summaries[1].totals,
        summaries[1].entry_count,
        summaries[1].buckets,
    )


async def test_restricted_principals_read_the_company_summary(database_url: str) -> None:
    settings = Settings(database_url=database_url)
    rng = random.Random(11)
    companies = [await make_company() for _ in range(3)]
    debtors = [await make_debtor(f"Cliente {i}") for i in range(9)]
    entries = []
    for _ in range(60):
        entries.append(
            await make_entry(
                rng.choice(companies),
                rng.choice(debtors),
                due=TODAY - dt.timedelta(days=rng.randint(-10, 130)),
                amount=f"{rng.randint(1, 900)}.{rng.randint(0, 99):02d}",
            )
        )
    await roll_balances(today=TODAY - dt.timedelta(days=2))
    await roll_balances(today=TODAY)  # a partial roll
    assert await _actual_company_rows() == await _expected_company_rows(TODAY)

    first, second, third = companies
    scopes = [
        principal([first.id]),
        principal([first.id, third.id]),
        principal([c.id for c in companies]),
    ]
    # One company: its summary rows; every company: the per-debtor summary; two of three: an
    # aggregate over their summary rows would cost what the entries cost, so the entries.
    for who, source in zip(scopes, (Source.SUMMARY, Source.ENTRIES, Source.SUMMARY), strict=True):
        await _both(settings, who, None, source)
        await _both(settings, who, DebtorFilterData(search="cliente"), source)
    await _both(settings, principal(), DebtorFilterData(company_id=second.id))
    await _both(settings, scopes[1], DebtorFilterData(company_id=third.id))  # one of its own

    # Writes keep the rows right: pay, move to another company's debtor, cancel, delete.
    entry = entries[0]
    entry.paid_cents, entry.status = 1, EntryStatus.PARTIALLY_PAID
    await entry.save()
    entries[1].debtor_id = debtors[0].id
    await entries[1].save()
    entries[2].status = EntryStatus.CANCELLED
    await entries[2].save()
    await entries[3].delete()
    assert await _actual_company_rows() == await _expected_company_rows(TODAY)
    await _both(settings, scopes[0], None)
    await _both(settings, scopes[2], None)
