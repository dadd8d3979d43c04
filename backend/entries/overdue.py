"""Which entries are overdue, and their charges, as of today in each company's time zone.

"Today" is a calendar date in the company's zone (America/Sao_Paulo by default), so an entry
due on the 10th is overdue from 00:00 of the 11th in São Paulo, not at 21:00 of the 10th
when UTC has already turned the day. An entry due on a weekend or holiday is overdue only after
the next business day (backend.businessdays).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from tortoise.expressions import Q

from backend.businessdays.rules import BusinessCalendar
from backend.businessdays.services import local_cutoffs, overdue_cutoffs
from backend.companies.models import Company
from backend.core.enums import OPEN_STATUSES, EntryStatus
from backend.core.money import ZERO, from_cents
from backend.core.principal import Principal
from backend.core.validation import is_cpf
from backend.debtors.models import Debtor
from backend.entries.charges import ChargeRule, Charges, PaymentEvent, compute_charges
from backend.entries.rows import AnyEntry, AnyPayment


def charge_rule(company: Company) -> ChargeRule:
    return ChargeRule(
        late_fee_percent=company.late_fee_percent,
        monthly_interest_percent=company.monthly_interest_percent,
    )


def is_consumer(debtor: Debtor) -> bool:
    """A person (CPF) is a consumer: the late fee on them is capped by the CDC (art. 52 §1).

    A debtor with no document is taken as a consumer too, the protective default, until a
    CNPJ is recorded: charging a person as a business would charge in excess.
    """
    return debtor.document is None or is_cpf(debtor.document)


def payment_events(entry: AnyEntry, payments: Iterable[AnyPayment]) -> list[PaymentEvent]:
    """The principal of the payments that count (a reversed payment was never made).

    `paid_cents` stays the authority on how much was paid: an amount with no payment row behind
    it (imported already part-paid) is taken as paid on the due date, so it lowers the open
    amount without inventing charges on it.
    """
    counted = [p for p in payments if p.reversed_at is None]
    recorded = sum(p.amount_cents for p in counted)
    if recorded > entry.paid_cents:  # rows disagree with the ledger: trust the ledger
        # ... for the principal; the charges received and waived still count, on their days.
        charges_only = [_event(p, principal=ZERO) for p in counted]
        return [PaymentEvent(entry.due_date, entry.paid_amount), *charges_only]
    events = [_event(p, principal=p.amount) for p in counted]
    if recorded < entry.paid_cents:
        events.append(PaymentEvent(entry.due_date, from_cents(entry.paid_cents - recorded)))
    return events


def _event(payment: AnyPayment, *, principal: Decimal) -> PaymentEvent:
    return PaymentEvent(
        paid_on=payment.paid_on,
        principal=principal,
        late_fee=from_cents(payment.late_fee_cents),
        interest=from_cents(payment.interest_cents),
        waived_late_fee=from_cents(payment.waived_late_fee_cents),
        waived_interest=from_cents(payment.waived_interest_cents),
    )


def entry_charges(
    entry: AnyEntry,
    *,
    company: Company,
    debtor: Debtor,
    payments: Iterable[AnyPayment],
    today: dt.date,
    calendar: BusinessCalendar,
) -> Charges:
    """Days overdue, multa and juros still owed, and the updated amount of `entry` on `today`.

    `calendar` is the company's (businessdays.services): an entry due on a day that is not a
    business day carries no charges until the next business day has passed.
    """
    if entry.status == EntryStatus.CANCELLED:
        return Charges(0, ZERO, ZERO, ZERO, ZERO)
    return compute_charges(
        amount=entry.amount,
        due_date=entry.due_date,
        payments=payment_events(entry, payments),
        as_of=today,
        rule=charge_rule(company),
        consumer=is_consumer(debtor),
        grace_until=calendar.grace_until(entry.due_date),
    )


async def overdue_condition(
    principal: Principal, now: dt.datetime, company_id: int | None = None
) -> Q | None:
    """Unpaid entries overdue on their company's today; None when nothing can match.

    Companies are grouped by their overdue cutoff (normally one or two groups), so the
    condition stays small whatever the number of companies.
    """
    ids: set[int] | None = None
    if principal.company_ids is not None:
        ids = set(principal.company_ids)
    if company_id is not None:
        ids = {company_id} if ids is None else ids & {company_id}
    cutoffs = await overdue_cutoffs(company_ids=ids, today_for=local_cutoffs(now))
    if not cutoffs:
        return None
    due = Q(
        *(Q(company_id__in=list(group), due_date__lte=cutoff) for cutoff, group in cutoffs),
        join_type=Q.OR,
    )
    return Q(status__in=list(OPEN_STATUSES)) & due
