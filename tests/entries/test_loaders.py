"""The window loaders: a page of each debtor's list in one statement, as plain rows, equal to
what the models would give (order, slicing, totals, conversions), on both engines."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import Any

import pytest

from backend.core.enums import EntryStatus, PaymentMethod
from backend.core.pagination import Page
from backend.core.sql import Sql
from backend.entries.loaders import (
    DebtorPageKey,
    entries_by_debtor,
    load_payments_by_entry_id,
    overdue_entries_by_debtor,
)
from backend.entries.models import FinancialEntry, Payment
from backend.entries.rows import EntryRow
from tests.entries.helpers import NOON_9_FEB
from tests.support import make_company, make_debtor, make_entry, principal

# São Paulo's today at NOON_9_FEB is 9 Feb 2026 (a Monday): due on or before 6 Feb is overdue.
CUTOFF = dt.date(2026, 2, 6)


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[list[dict[str, Any]]]:
    """The rows each hand-written statement returned."""
    seen: list[list[dict[str, Any]]] = []
    original_rows, original_records = Sql.rows, Sql.records

    async def rows(self: Sql, statement: str) -> list[dict[str, Any]]:
        result = await original_rows(self, statement)
        seen.append(result)
        return result

    async def records(self: Sql, statement: str) -> Any:
        result = await original_records(self, statement)
        seen.append([dict(r) for r in result])
        return result

    monkeypatch.setattr(Sql, "rows", rows)
    monkeypatch.setattr(Sql, "records", records)
    return seen


async def _books() -> tuple[list[int], list[int]]:
    """Three companies' entries over four debtors (one with none), ties on due dates."""
    rng = random.Random(7)
    companies = [await make_company() for _ in range(3)]
    debtors = [await make_debtor() for _ in range(4)]
    for debtor, count in zip(debtors, (23, 1, 7, 0), strict=True):
        for _ in range(count):
            status = rng.choice([EntryStatus.OPEN, EntryStatus.PAID, EntryStatus.CANCELLED])
            await make_entry(
                rng.choice(companies),
                debtor,
                due=CUTOFF + dt.timedelta(days=rng.randint(-6, 3)),  # ties, and some not due
                amount="100.00",
                paid="100.00" if status == EntryStatus.PAID else "0.00",
                status=status,
                cancelled_at=NOON_9_FEB if status == EntryStatus.CANCELLED else None,
                issue_date=rng.choice([None, dt.date(2025, 12, 1)]),
            )
    return [c.id for c in companies], [d.id for d in debtors]


def _as_row(entry: FinancialEntry) -> EntryRow:
    return EntryRow(**{f.name: getattr(entry, f.name) for f in dataclasses.fields(EntryRow)})


async def _expected(
    debtor_id: int, offset: int, limit: int, *, overdue: bool, companies: list[int] | None
) -> tuple[list[EntryRow], int]:
    query = FinancialEntry.filter(debtor_id=debtor_id)
    if companies is not None:
        query = query.filter(company_id__in=companies)
    if overdue:
        query = query.filter(
            status__in=[EntryStatus.OPEN, EntryStatus.PARTIALLY_PAID], due_date__lte=CUTOFF
        )
    ordering = ("due_date", "id") if overdue else ("-due_date", "-id")
    everything = await query.order_by(*ordering)
    return [_as_row(e) for e in everything[offset : offset + limit]], len(everything)


PAGES = [(0, 5), (5, 5), (20, 5), (0, 1), (1, 100), (0, 0), (3, 0), (23, 5), (50, 10)]


@pytest.mark.parametrize("restricted", [False, True])
async def test_a_page_of_each_debtor_is_one_statement_of_the_page_s_rows(
    database_url: str, restricted: bool, statements: list[list[dict[str, Any]]]
) -> None:
    companies, debtors = await _books()
    scope = companies[:2] if restricted else None
    for overdue in (False, True):
        load = (
            overdue_entries_by_debtor(principal(scope), NOON_9_FEB)
            if overdue
            else entries_by_debtor(principal(scope))
        )
        for offset, limit in PAGES:
            statements.clear()
            pages: list[Page[EntryRow]] = await load(
                [DebtorPageKey(d, offset, limit) for d in debtors]
            )
            for debtor_id, page in zip(debtors, pages, strict=True):
                items, total = await _expected(
                    debtor_id, offset, limit, overdue=overdue, companies=scope
                )
                assert (list(page.items), page.total_count, page.offset) == (items, total, offset)
            [rows] = statements  # one statement for every debtor of the page
            per_debtor = [sum(1 for r in rows if r["debtor_id"] == d) for d in debtors]
            assert max(per_debtor) <= limit + 1  # the page, and its list's first row at most


async def test_the_overdue_list_narrowed_to_a_company(database_url: str) -> None:
    companies, debtors = await _books()
    load = overdue_entries_by_debtor(principal(), NOON_9_FEB)
    for company_id in companies:
        [page] = await load([DebtorPageKey(debtors[0], 0, 100, company_id)])
        expected, total = await _expected(debtors[0], 0, 100, overdue=True, companies=[company_id])
        assert (list(page.items), page.total_count) == (expected, total)
        assert {e.company_id for e in page.items} <= {company_id}
    # A company outside the principal's scope: nothing, not even a count.
    restricted = overdue_entries_by_debtor(principal([companies[0]]), NOON_9_FEB)
    [page] = await restricted([DebtorPageKey(debtors[0], 0, 100, companies[1])])
    assert (list(page.items), page.total_count) == ([], 0)


async def test_rows_convert_like_models(database_url: str) -> None:
    company = await make_company()
    debtor = await make_debtor()
    entry = await make_entry(
        company,
        debtor,
        due=dt.date(2026, 1, 31),
        amount="1234.56",
        paid="0.01",
        issue_date=dt.date(2025, 12, 31),
        notes="ç",
        cancelled_at=dt.datetime(2026, 2, 1, 23, 59, 59, 123456, tzinfo=dt.UTC),
    )
    payment = await Payment.create(
        entry_id=entry.id,
        amount_cents=1,
        paid_on=dt.date(2026, 2, 1),
        method=PaymentMethod.PIX,
        reversed_at=dt.datetime(2026, 2, 2, 3, 4, 5, tzinfo=dt.UTC),
    )
    [page] = await entries_by_debtor(principal())([DebtorPageKey(debtor.id, 0, 10)])
    stored = await FinancialEntry.get(id=entry.id)
    [row] = page.items
    assert row == _as_row(stored)
    assert (row.amount, row.paid_amount, row.open_amount) == (
        stored.amount,
        stored.paid_amount,
        stored.open_amount,
    )
    assert isinstance(row.status, EntryStatus)
    assert isinstance(row.due_date, dt.date)
    assert row.created_at.tzinfo is not None
    [[paid]] = await load_payments_by_entry_id([entry.id])
    model = await Payment.get(id=payment.id)
    assert paid.method is PaymentMethod.PIX
    assert {f.name: getattr(paid, f.name) for f in dataclasses.fields(paid)} == {
        f.name: getattr(model, f.name) for f in dataclasses.fields(paid)
    }
    assert await load_payments_by_entry_id([entry.id + 1, entry.id]) == [[], [paid]]
