from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import strawberry
from strawberry.dataloader import DataLoader

from backend.businessdays.loaders import calendar_loader
from backend.companies.loaders import load_companies_by_id
from backend.companies.types import Company
from backend.core.context import Info
from backend.core.enums import OPEN_STATUSES, EntryStatus, PaymentMethod
from backend.core.errors import fail
from backend.core.gql import gid
from backend.core.loaders import load_all
from backend.core.money import from_cents
from backend.core.periods import local_today
from backend.core.validation import MAX_DATE, MIN_DATE
from backend.debtors.loaders import load_debtors_by_id
from backend.debtors.types import Debtor
from backend.entries.charges import Charges
from backend.entries.loaders import load_payments_by_entry_id
from backend.entries.overdue import entry_charges
from backend.entries.rows import AnyEntry, AnyPayment

EntryStatusEnum = strawberry.enum(EntryStatus, name="EntryStatus")
PaymentMethodEnum = strawberry.enum(PaymentMethod, name="PaymentMethod")


@strawberry.interface(description="What every kind of entry shows.")
class Entry:
    model: strawberry.Private[AnyEntry]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("FinancialEntry", self.model.id)

    @strawberry.field(description="The number the user sees and searches for.")
    def code(self) -> str:
        return self.model.code

    @strawberry.field
    async def company(self, info: Info) -> Company:
        company = await info.context.loaders.get(load_companies_by_id).load(self.model.company_id)
        assert company is not None  # foreign key
        return Company(model=company)

    @strawberry.field
    async def debtor(self, info: Info) -> Debtor:
        debtor = await info.context.loaders.get(load_debtors_by_id).load(self.model.debtor_id)
        assert debtor is not None  # foreign key
        return Debtor(model=debtor)

    @strawberry.field
    def description(self) -> str:
        return self.model.description

    @strawberry.field
    def issue_date(self) -> dt.date | None:
        return self.model.issue_date

    @strawberry.field
    def due_date(self) -> dt.date:
        return self.model.due_date

    @strawberry.field
    def amount(self) -> Decimal:
        return self.model.amount

    @strawberry.field
    def paid_amount(self) -> Decimal:
        return self.model.paid_amount

    @strawberry.field
    def open_amount(self) -> Decimal:
        return self.model.open_amount

    @strawberry.field
    def status(self) -> EntryStatusEnum:  # type: ignore[valid-type]
        return self.model.status


@strawberry.type(description="A settlement (baixa) of an entry.")
class Payment:
    model: strawberry.Private[AnyPayment]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("Payment", self.model.id)

    @strawberry.field(description="Principal settled by this payment.")
    def amount(self) -> Decimal:
        return self.model.amount

    @strawberry.field(description="Multa received apart from the principal.")
    def late_fee(self) -> Decimal:
        return from_cents(self.model.late_fee_cents)

    @strawberry.field(description="Juros received apart from the principal.")
    def interest(self) -> Decimal:
        return from_cents(self.model.interest_cents)

    @strawberry.field(description="Discount granted.")
    def discount(self) -> Decimal:
        return from_cents(self.model.discount_cents)

    @strawberry.field
    def paid_on(self) -> dt.date:
        return self.model.paid_on

    @strawberry.field
    def method(self) -> str | None:
        return self.model.method.value

    @strawberry.field
    def note(self) -> str | None:
        return self.model.note

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at

    @strawberry.field(description="Multa owed on paidOn and forgiven with this payment.")
    def waived_late_fee(self) -> Decimal:
        return from_cents(self.model.waived_late_fee_cents)

    @strawberry.field(description="Juros owed on paidOn and forgiven with this payment.")
    def waived_interest(self) -> Decimal:
        return from_cents(self.model.waived_interest_cents)

    @strawberry.field(description="waivedLateFee + waivedInterest.")
    def waived_charges(self) -> Decimal:
        return from_cents(self.model.waived_late_fee_cents + self.model.waived_interest_cents)

    @strawberry.field(description="Why the charges were waived (who: the audit trail).")
    def waiver_reason(self) -> str | None:
        return self.model.waiver_reason

    @strawberry.field(description="Cash received: amount + lateFee + interest - discount.")
    def received_amount(self) -> Decimal:
        m = self.model
        return from_cents(m.amount_cents + m.late_fee_cents + m.interest_cents - m.discount_cents)

    @strawberry.field(
        description="When the payment was undone; reversed payments count for nothing."
    )
    def reversed_at(self) -> dt.datetime | None:
        return self.model.reversed_at

    @strawberry.field
    def reversal_reason(self) -> str | None:
        return self.model.reversal_reason


def _charges_loader(info: Info) -> DataLoader[tuple[AnyEntry, dt.date | None], Charges]:
    """ChargesByEntryLoader: (entry, date or None for its company's today) -> its charges."""
    context = info.context

    async def compute(keys: list[tuple[AnyEntry, dt.date | None]]) -> list[Charges]:
        entries = [e for e, _ in keys]
        loaders = context.loaders
        companies, debtors, payments, calendars = await asyncio.gather(
            load_all(loaders.get(load_companies_by_id), [e.company_id for e in entries]),
            load_all(loaders.get(load_debtors_by_id), [e.debtor_id for e in entries]),
            load_all(loaders.get(load_payments_by_entry_id), [e.id for e in entries]),
            load_all(calendar_loader(context), [e.company_id for e in entries]),
        )
        now = context.now()
        result = []
        rows = zip(keys, companies, debtors, payments, calendars, strict=True)
        for (e, day), company, debtor, paid, calendar in rows:
            assert company is not None  # foreign keys
            assert debtor is not None
            today = day or local_today(now, company.time_zone)
            result.append(
                entry_charges(
                    e, company=company, debtor=debtor, payments=paid, today=today, calendar=calendar
                )
            )
        return result

    return context.loaders.keyed(
        "ChargesByEntryLoader",
        lambda: DataLoader(load_fn=compute, cache_key_fn=lambda key: (key[0].id, key[1])),
    )


async def load_charges(info: Info, entry: AnyEntry, on: dt.date | None = None) -> Charges:
    """The entry's charges on `on` (today in its company's zone when None): computed once per
    entry, date and request (several fields read them) and for a whole page at a time."""
    return await _charges_loader(info).load((entry, on))


async def load_page_charges(info: Info, entries: Sequence[AnyEntry]) -> list[Charges]:
    """Today's charges of a page of entries, in one batch (an OverdueEntry carries its own)."""
    return await load_all(_charges_loader(info), [(e, None) for e in entries])


@strawberry.type(description="Multa and juros of an entry on a date: what is still owed.")
class EntryCharges:
    on: dt.date = strawberry.field(description="The date the charges are computed for.")
    days_overdue: int
    late_fee: Decimal = strawberry.field(
        description="Multa still owed: accrued by the company's rule, less multa already "
        "received or waived with earlier payments, never below zero."
    )
    interest: Decimal = strawberry.field(
        description="Juros de mora still owed, pro rata by day, less juros already received or "
        "waived, never below zero."
    )
    updated_amount: Decimal = strawberry.field(description="openAmount + lateFee + interest.")
    open_amount: Decimal = strawberry.field(description="Principal open on that date.")
    accrued_late_fee: Decimal
    accrued_interest: Decimal
    received_charges: Decimal = strawberry.field(
        description="Multa and juros received with payments up to that date."
    )
    waived_charges: Decimal = strawberry.field(
        description="Multa and juros waived with payments up to that date."
    )

    @classmethod
    def of(cls, c: Charges, on: dt.date) -> EntryCharges:
        return cls(
            on=on,
            days_overdue=c.days_overdue,
            late_fee=c.late_fee,
            interest=c.interest,
            updated_amount=c.updated_amount,
            open_amount=c.open_amount,
            accrued_late_fee=c.accrued_late_fee,
            accrued_interest=c.accrued_interest,
            received_charges=c.received,
            waived_charges=c.waived,
        )


@strawberry.type(description="A receivable (Lançamento financeiro), paid or not.")
class FinancialEntry(Entry):
    @strawberry.field(
        description="Unpaid and due on or before the last business day before today in the "
        "company's time zone (a due date on a weekend or holiday moves to the next business "
        "day, Código Civil art. 132 §1)."
    )
    async def is_overdue(self, info: Info) -> bool:
        if self.model.status not in OPEN_STATUSES:
            return False
        loaders = info.context.loaders
        company = await loaders.get(load_companies_by_id).load(self.model.company_id)
        assert company is not None
        calendar = await calendar_loader(info.context).load(self.model.company_id)
        today = local_today(info.context.now(), company.time_zone)
        return calendar.is_overdue(self.model.due_date, today)

    @strawberry.field
    async def payments(self, info: Info) -> list[Payment]:
        payments = await info.context.loaders.get(load_payments_by_entry_id).load(self.model.id)
        return [Payment(model=p) for p in payments]

    @strawberry.field(description='Invoice or document number, e.g. "NF 1234".')
    def document_number(self) -> str | None:
        return self.model.document_number

    @strawberry.field(description="Category (plano de contas).")
    def category(self) -> str | None:
        return self.model.category

    @strawberry.field(description="Cost centre.")
    def cost_center(self) -> str | None:
        return self.model.cost_center

    @strawberry.field
    def notes(self) -> str | None:
        return self.model.notes

    @strawberry.field(description="The partner's own id for this entry.")
    def external_id(self) -> str | None:
        return self.model.external_id

    @strawberry.field(description="Grows with every change; send it back as expectedVersion.")
    def version(self) -> int:
        return self.model.version

    @strawberry.field
    def cancelled_at(self) -> dt.datetime | None:
        return self.model.cancelled_at

    @strawberry.field
    def cancel_reason(self) -> str | None:
        return self.model.cancel_reason

    @strawberry.field(
        description="Charges on a date (today in the company's zone when omitted), e.g. a "
        "payment's date: all zero unless the entry is overdue on it. Payments after that date "
        "are not counted."
    )
    async def charges(self, info: Info, on: dt.date | None = None) -> EntryCharges:
        if on is not None and not MIN_DATE <= on <= MAX_DATE:
            fail("INVALID_DATE", "Data fora do intervalo aceito.", "on")
        c = await load_charges(info, self.model, on)
        if on is None:
            company = await info.context.loaders.get(load_companies_by_id).load(
                self.model.company_id
            )
            assert company is not None
            on = local_today(info.context.now(), company.time_zone)
        return EntryCharges.of(c, on)

    @strawberry.field(description="Multa and juros received with the payments not reversed.")
    async def received_charges(self, info: Info) -> Decimal:
        payments = await info.context.loaders.get(load_payments_by_entry_id).load(self.model.id)
        counted = [p for p in payments if p.reversed_at is None]
        return from_cents(sum(p.late_fee_cents + p.interest_cents for p in counted))

    @strawberry.field(description="Multa and juros waived with the payments not reversed.")
    async def waived_charges(self, info: Info) -> Decimal:
        payments = await info.context.loaders.get(load_payments_by_entry_id).load(self.model.id)
        counted = [p for p in payments if p.reversed_at is None]
        return from_cents(sum(p.waived_late_fee_cents + p.waived_interest_cents for p in counted))


@strawberry.type(
    description="An unpaid entry past its due date (Inadimplência), with charges as of today."
)
class OverdueEntry(Entry):
    # Today's charges, computed for the whole page when it was read (connections.py): the
    # fields below are plain reads of them.
    charges: strawberry.Private[Charges]

    @strawberry.field(
        description="Calendar days since the original due date, in the company's zone."
    )
    def days_overdue(self) -> int:
        return self.charges.days_overdue

    @strawberry.field(
        description="Multa still owed, by the company's rule (at most 2 % for a consumer), less "
        "multa already received or waived."
    )
    def late_fee(self) -> Decimal:
        return self.charges.late_fee

    @strawberry.field(description="Juros de mora still owed, pro rata by day.")
    def interest(self) -> Decimal:
        return self.charges.interest

    @strawberry.field(description="openAmount + lateFee + interest.")
    def updated_amount(self) -> Decimal:
        return self.charges.updated_amount
