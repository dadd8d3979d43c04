from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

import strawberry
from strawberry.dataloader import DataLoader

from backend.companies.loaders import load_companies_by_id
from backend.companies.types import Company
from backend.core.context import Info
from backend.core.enums import OPEN_STATUSES, EntryStatus, PaymentMethod
from backend.core.gql import gid
from backend.core.money import from_cents
from backend.core.periods import local_today
from backend.debtors.loaders import load_debtors_by_id
from backend.debtors.types import Debtor
from backend.entries import models
from backend.entries.charges import Charges
from backend.entries.loaders import load_payments_by_entry_id
from backend.entries.overdue import entry_charges

EntryStatusEnum = strawberry.enum(EntryStatus, name="EntryStatus")
PaymentMethodEnum = strawberry.enum(PaymentMethod, name="PaymentMethod")


@strawberry.interface(description="What every kind of entry shows.")
class Entry:
    model: strawberry.Private[models.FinancialEntry]

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
    model: strawberry.Private[models.Payment]

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


async def load_charges(info: Info, entry: models.FinancialEntry) -> Charges:
    """The entry's charges as of today in its company's zone: computed once per entry and request
    (four fields read them) and for a whole page at a time (no query per entry)."""
    context = info.context

    async def compute(entries: list[models.FinancialEntry]) -> list[Charges]:
        loaders = context.loaders
        companies, debtors, payments = await asyncio.gather(
            loaders.get(load_companies_by_id).load_many([e.company_id for e in entries]),
            loaders.get(load_debtors_by_id).load_many([e.debtor_id for e in entries]),
            loaders.get(load_payments_by_entry_id).load_many([e.id for e in entries]),
        )
        now = context.now()
        result = []
        for e, company, debtor, paid in zip(entries, companies, debtors, payments, strict=True):
            assert company is not None  # foreign keys
            assert debtor is not None
            today = local_today(now, company.time_zone)
            result.append(
                entry_charges(e, company=company, debtor=debtor, payments=paid, today=today)
            )
        return result

    loader = context.loaders.keyed(
        "ChargesByEntryLoader",
        lambda: DataLoader(load_fn=compute, cache_key_fn=lambda e: e.id),
    )
    return await loader.load(entry)


@strawberry.type(description="Multa and juros of an entry as of today.")
class EntryCharges:
    days_overdue: int
    late_fee: Decimal = strawberry.field(description="Multa, by the company's rule.")
    interest: Decimal = strawberry.field(description="Juros de mora, pro rata by day.")
    updated_amount: Decimal = strawberry.field(description="openAmount + lateFee + interest.")


@strawberry.type(description="A receivable (Lançamento financeiro), paid or not.")
class FinancialEntry(Entry):
    @strawberry.field(description="Unpaid and due before today in the company's time zone.")
    async def is_overdue(self, info: Info) -> bool:
        if self.model.status not in OPEN_STATUSES:
            return False
        company = await info.context.loaders.get(load_companies_by_id).load(self.model.company_id)
        assert company is not None
        return self.model.due_date < local_today(info.context.now(), company.time_zone)

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

    @strawberry.field(description="Charges as of today: all zero unless the entry is overdue.")
    async def charges(self, info: Info) -> EntryCharges:
        c = await load_charges(info, self.model)
        return EntryCharges(
            days_overdue=c.days_overdue,
            late_fee=c.late_fee,
            interest=c.interest,
            updated_amount=c.updated_amount,
        )


@strawberry.type(
    description="An unpaid entry past its due date (Inadimplência), with charges as of today."
)
class OverdueEntry(Entry):
    @strawberry.field(description="Calendar days since the due date, in the company's zone.")
    async def days_overdue(self, info: Info) -> int:
        return (await load_charges(info, self.model)).days_overdue

    @strawberry.field(description="Multa, by the company's rule (at most 2 % for a consumer).")
    async def late_fee(self, info: Info) -> Decimal:
        return (await load_charges(info, self.model)).late_fee

    @strawberry.field(description="Juros de mora, pro rata by day.")
    async def interest(self, info: Info) -> Decimal:
        return (await load_charges(info, self.model)).interest

    @strawberry.field(description="openAmount + lateFee + interest.")
    async def updated_amount(self, info: Info) -> Decimal:
        return (await load_charges(info, self.model)).updated_amount
