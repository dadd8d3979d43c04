"""What a debtor owes one company today: the overdue entries and totals an e-mail quotes.

Only the sending company's entries: a collection e-mail from company A never reveals what the
debtor owes company B. "Overdue" is the one rule of backend.businessdays (due on or before the
last business day before today, in the company's zone); the updated amount adds the multa and
juros still owed by `compute_charges` with the company's rules.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from backend.businessdays.rules import BusinessCalendar
from backend.businessdays.services import calendars_by_company
from backend.companies.models import Company
from backend.core.enums import OPEN_STATUSES
from backend.core.money import ZERO
from backend.core.periods import local_today
from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry, Payment
from backend.entries.overdue import entry_charges


@dataclass(frozen=True, slots=True)
class OverdueLine:
    code: str
    description: str
    due_date: dt.date
    open_amount: Decimal
    days_overdue: int
    updated_amount: Decimal
    entry_id: int = 0  # which entry: a PIX payment by the message's txid settles these


@dataclass(frozen=True, slots=True)
class Statement:
    today: dt.date
    lines: list[OverdueLine]
    total_open: Decimal
    total_updated: Decimal

    @property
    def oldest_due_date(self) -> dt.date | None:
        return self.lines[0].due_date if self.lines else None


async def overdue_statement(*, company: Company, debtor: Debtor, now: dt.datetime) -> Statement:
    today = local_today(now, company.time_zone)
    calendar = (await calendars_by_company([company.id]))[company.id]
    entries = await FinancialEntry.filter(
        company_id=company.id,
        debtor_id=debtor.id,
        status__in=list(OPEN_STATUSES),
        due_date__lte=calendar.overdue_cutoff(today),
    ).order_by("due_date", "id")
    return await statement_of(
        entries, company=company, debtor=debtor, today=today, calendar=calendar
    )


async def statement_of(
    entries: list[FinancialEntry],
    *,
    company: Company,
    debtor: Debtor,
    today: dt.date,
    calendar: BusinessCalendar,
) -> Statement:
    """These entries (in the order given) with the charges owed today after the payments that
    count (backend.entries.charges): one read of their payments."""
    payments: dict[int, list[Payment]] = defaultdict(list)
    if entries:
        for payment in await Payment.filter(
            entry_id__in=[e.id for e in entries], reversed_at__isnull=True
        ):
            payments[payment.entry_id].append(payment)
    lines = []
    for entry in entries:
        charges = entry_charges(
            entry,
            company=company,
            debtor=debtor,
            payments=payments[entry.id],
            today=today,
            calendar=calendar,
        )
        lines.append(
            OverdueLine(
                code=entry.code,
                description=entry.description,
                due_date=entry.due_date,
                open_amount=charges.open_amount,
                days_overdue=charges.days_overdue,
                updated_amount=charges.updated_amount,
                entry_id=entry.id,
            )
        )
    return Statement(
        today=today,
        lines=lines,
        total_open=sum((line.open_amount for line in lines), ZERO),
        total_updated=sum((line.updated_amount for line in lines), ZERO),
    )
