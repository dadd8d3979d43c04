"""Which entries are overdue, and their charges, as of today in each company's time zone.

"Today" is a calendar date in the company's zone (America/Sao_Paulo by default), so an entry
due on the 10th is overdue from 00:00 of the 11th in São Paulo, not at 21:00 of the 10th
when UTC has already turned the day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from tortoise.expressions import Q

from backend.companies.models import Company
from backend.core.enums import OPEN_STATUSES, EntryStatus
from backend.core.money import ZERO, from_cents
from backend.core.periods import local_today
from backend.core.principal import Principal
from backend.core.validation import is_cpf
from backend.debtors.models import Debtor
from backend.entries.charges import ChargeRule, Charges, PaymentEvent, compute_charges
from backend.entries.models import FinancialEntry, Payment


def charge_rule(company: Company) -> ChargeRule:
    return ChargeRule(
        late_fee_percent=company.late_fee_percent,
        monthly_interest_percent=company.monthly_interest_percent,
    )


def is_consumer(debtor: Debtor) -> bool:
    """A person (CPF) is a consumer: the late fee on them is capped by the CDC."""
    return debtor.document is not None and is_cpf(debtor.document)


def payment_events(entry: FinancialEntry, payments: Iterable[Payment]) -> list[PaymentEvent]:
    """The principal of the payments that count (a reversed payment was never made).

    `paid_cents` stays the authority on how much was paid: an amount with no payment row behind
    it (imported already part-paid) is taken as paid on the due date, so it lowers the open
    amount without inventing charges on it.
    """
    counted = [p for p in payments if p.reversed_at is None]
    recorded = sum(p.amount_cents for p in counted)
    if recorded > entry.paid_cents:  # rows disagree with the ledger: trust the ledger
        return [PaymentEvent(entry.due_date, entry.paid_amount)]
    events = [PaymentEvent(p.paid_on, p.amount) for p in counted]
    if recorded < entry.paid_cents:
        events.append(PaymentEvent(entry.due_date, from_cents(entry.paid_cents - recorded)))
    return events


def entry_charges(
    entry: FinancialEntry,
    *,
    company: Company,
    debtor: Debtor,
    payments: Iterable[Payment],
    today: dt.date,
) -> Charges:
    """Days overdue, multa, juros and the updated amount of `entry` on `today`."""
    if entry.status == EntryStatus.CANCELLED:
        return Charges(0, ZERO, ZERO, ZERO, ZERO)
    return compute_charges(
        amount=entry.amount,
        due_date=entry.due_date,
        payments=payment_events(entry, payments),
        as_of=today,
        rule=charge_rule(company),
        consumer=is_consumer(debtor),
    )


async def overdue_condition(
    principal: Principal, now: dt.datetime, company_id: int | None = None
) -> Q | None:
    """Unpaid entries due before today in their company's zone; None when nothing can match.

    Companies are grouped by their local date (normally one or two groups), so the condition
    stays small whatever the number of companies.
    """
    companies = Company.all()
    if principal.company_ids is not None:
        companies = companies.filter(id__in=list(principal.company_ids))
    if company_id is not None:
        companies = companies.filter(id=company_id)
    by_today: dict[dt.date, list[int]] = defaultdict(list)
    zones: dict[str, dt.date] = {}
    for cid, zone in await companies.values_list("id", "time_zone"):
        today = zones.get(zone) or zones.setdefault(zone, local_today(now, zone))
        by_today[today].append(cid)
    if not by_today:
        return None
    due = Q(
        *(Q(company_id__in=ids, due_date__lt=today) for today, ids in by_today.items()),
        join_type=Q.OR,
    )
    return Q(status__in=list(OPEN_STATUSES)) & due
