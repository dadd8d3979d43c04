from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry

from backend.core.context import Info
from backend.core.gql import pk
from backend.core.keep import KEEP
from backend.core.payloads import UserError, run_mutation
from backend.entries import services, settlement
from backend.entries.types import FinancialEntry, Payment


@strawberry.input
class CreateEntryInput:
    debtor_id: strawberry.ID
    company_id: strawberry.ID
    code: str | None = strawberry.field(
        default=None, description="Unique per company; generated when absent."
    )
    description: str
    issue_date: dt.date | None = None
    due_date: dt.date
    amount: Decimal
    external_id: str | None = strawberry.field(
        default=None,
        description="The partner's own id: sending it again updates, never duplicates.",
    )


@strawberry.type
class CreateEntryPayload:
    entry: FinancialEntry | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(
    description=(
        "Edit an entry. Omitted fields stay as they are. null on description, companyId, "
        'dueDate or amount leaves them unchanged; null or "" clears an optional field '
        "(notes, issueDate, documentNumber, category, costCenter)."
    )
)
class UpdateEntryInput:
    id: strawberry.ID
    description: str | None = strawberry.UNSET
    company_id: strawberry.ID | None = strawberry.UNSET
    due_date: dt.date | None = strawberry.UNSET
    amount: Decimal | None = strawberry.field(
        default=strawberry.UNSET, description="Never below what was already paid."
    )
    notes: str | None = strawberry.UNSET
    issue_date: dt.date | None = strawberry.UNSET
    document_number: str | None = strawberry.field(
        default=strawberry.UNSET, description='Invoice or document number, e.g. "NF 1234".'
    )
    category: str | None = strawberry.field(
        default=strawberry.UNSET, description="Category (plano de contas)."
    )
    cost_center: str | None = strawberry.UNSET
    expected_version: int | None = strawberry.field(
        default=None,
        description="The entry's version as read: when it changed since, VERSION_CONFLICT.",
    )


@strawberry.type
class UpdateEntryPayload:
    entry: FinancialEntry | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CancelEntryInput:
    id: strawberry.ID
    reason: str


@strawberry.type
class CancelEntryPayload:
    entry: FinancialEntry | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A payment (baixa) of an entry.")
class SettleEntryInput:
    entry_id: strawberry.ID
    amount: Decimal | None = strawberry.field(
        default=None,
        description="Principal settled, discount included; default: everything open.",
    )
    paid_on: dt.date | None = strawberry.field(
        default=None, description="Default: today in the company's time zone; never future."
    )
    method: str | None = strawberry.field(
        default=None,
        description="PIX, BOLETO, TRANSFER, CASH, CARD, CHECK or OTHER (the default).",
    )
    note: str | None = None
    late_fee: Decimal | None = strawberry.field(
        default=None,
        description="Multa received apart from the principal; for a consumer (CPF or no "
        "document) at most 2 % of what was due, less multa already received (LATE_FEE_ABOVE_CAP).",
    )
    interest: Decimal | None = strawberry.field(
        default=None, description="Juros received apart from the principal."
    )
    discount: Decimal | None = strawberry.field(default=None, description="Discount granted.")
    waive_charges: bool | None = strawberry.field(
        default=None,
        description="Forgive the multa and juros owed on paidOn that this payment does not "
        "receive (waiverReason required). false leaves them owed, except on a payment that "
        "settles the whole principal, where they are always recorded as waived.",
    )
    waiver_reason: str | None = strawberry.field(
        default=None, description="Why the charges are waived; audited with who waived them."
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="Unique per company (at most 100 characters): a retry with the same key and "
        "input returns the first payment, paying nothing again; with another input it is "
        "refused (IDEMPOTENCY_KEY_REUSED).",
    )


@strawberry.type
class SettleEntryPayload:
    entry: FinancialEntry | None = None
    payment: Payment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class ReversePaymentInput:
    payment_id: strawberry.ID
    reason: str


@strawberry.type
class ReversePaymentPayload:
    entry: FinancialEntry | None = None
    payment: Payment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


def _required(value: Any) -> Any:
    """A required field: left out or null, it stays."""
    return KEEP if value is None or value is strawberry.UNSET else value


def _optional(value: Any) -> Any:
    """An optional field: left out, it stays; null clears it."""
    return KEEP if value is strawberry.UNSET else value


def _changes(input: UpdateEntryInput) -> services.EntryChanges:
    company_id = _required(input.company_id)
    return services.EntryChanges(
        description=_required(input.description),
        company_id=company_id if company_id is KEEP else pk("Company", company_id),
        due_date=_required(input.due_date),
        amount=_required(input.amount),
        notes=_optional(input.notes),
        issue_date=_optional(input.issue_date),
        document_number=_optional(input.document_number),
        category=_optional(input.category),
        cost_center=_optional(input.cost_center),
        expected_version=input.expected_version,
    )


@strawberry.type
class EntryMutations:
    @strawberry.mutation(description="Create an entry, or update the one with this externalId.")
    async def create_entry(self, info: Info, input: CreateEntryInput) -> CreateEntryPayload:
        async def action() -> CreateEntryPayload:
            data = services.NewEntry(
                debtor_id=pk("Debtor", input.debtor_id),
                company_id=pk("Company", input.company_id),
                description=input.description,
                due_date=input.due_date,
                amount=input.amount,
                code=input.code,
                issue_date=input.issue_date,
                external_id=input.external_id,
            )
            entry = await services.create_entry(principal=info.context.principal, data=data)
            return CreateEntryPayload(entry=FinancialEntry(model=entry))

        return await run_mutation(action, lambda errors: CreateEntryPayload(errors=errors))

    @strawberry.mutation(description="Edit an entry (Cadastro de Lançamentos); audited.")
    async def update_entry(self, info: Info, input: UpdateEntryInput) -> UpdateEntryPayload:
        async def action() -> UpdateEntryPayload:
            entry = await services.update_entry(
                principal=info.context.principal,
                entry_id=pk("FinancialEntry", input.id),
                data=_changes(input),
            )
            return UpdateEntryPayload(entry=FinancialEntry(model=entry))

        return await run_mutation(action, lambda errors: UpdateEntryPayload(errors=errors))

    @strawberry.mutation(description="Cancel an entry without payments; it leaves every list.")
    async def cancel_entry(self, info: Info, input: CancelEntryInput) -> CancelEntryPayload:
        async def action() -> CancelEntryPayload:
            entry = await services.cancel_entry(
                principal=info.context.principal,
                entry_id=pk("FinancialEntry", input.id),
                reason=input.reason,
                now=info.context.now(),
            )
            return CancelEntryPayload(entry=FinancialEntry(model=entry))

        return await run_mutation(action, lambda errors: CancelEntryPayload(errors=errors))

    @strawberry.mutation(description="Register a full or partial payment (quitar / baixa).")
    async def settle_entry(self, info: Info, input: SettleEntryInput) -> SettleEntryPayload:
        async def action() -> SettleEntryPayload:
            data = settlement.Settlement(
                entry_id=pk("FinancialEntry", input.entry_id),
                amount=input.amount,
                paid_on=input.paid_on,
                method=input.method,
                note=input.note,
                late_fee=input.late_fee,
                interest=input.interest,
                discount=input.discount,
                waive_charges=bool(input.waive_charges),
                waiver_reason=input.waiver_reason,
                idempotency_key=input.idempotency_key,
            )
            done = await settlement.settle_entry(
                principal=info.context.principal, data=data, now=info.context.now()
            )
            return SettleEntryPayload(
                entry=FinancialEntry(model=done.entry), payment=Payment(model=done.payment)
            )

        return await run_mutation(action, lambda errors: SettleEntryPayload(errors=errors))

    @strawberry.mutation(description="Undo a mistaken payment (estorno); it stays on record.")
    async def reverse_payment(
        self, info: Info, input: ReversePaymentInput
    ) -> ReversePaymentPayload:
        async def action() -> ReversePaymentPayload:
            done = await settlement.reverse_payment(
                principal=info.context.principal,
                payment_id=pk("Payment", input.payment_id),
                reason=input.reason,
                now=info.context.now(),
            )
            return ReversePaymentPayload(
                entry=FinancialEntry(model=done.entry), payment=Payment(model=done.payment)
            )

        return await run_mutation(action, lambda errors: ReversePaymentPayload(errors=errors))
