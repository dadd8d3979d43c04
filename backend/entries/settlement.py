"""Settlement (quitar / baixa) of entries and the reversal of a mistaken payment.

A payment records the principal it settles and, apart from it, the late fee and interest
received and any discount granted, as Brazilian ERPs do: a debtor who pays R$ 1.033,33 on a
R$ 1.000,00 entry settles its principal with R$ 33,33 of charges received. A discount is part
of the principal settled: R$ 1.000,00 settled with R$ 50,00 of discount is R$ 950,00 received.

Payments are audited on their entry (target FinancialEntry, with the paymentId), so one query
of the audit trail tells an entry's whole story: edits, payments and reversals.

Concurrency: the entry row is locked (SELECT ... FOR UPDATE) inside the transaction before its
open amount is read, so simultaneous settlements of one entry queue on PostgreSQL and never
overpay it or lose a payment; SQLite serialises write transactions by itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from backend.audit.services import record
from backend.companies.models import Company
from backend.core.enums import EntryStatus, PaymentMethod
from backend.core.errors import ErrorCollector, ServiceError
from backend.core.money import MAX_AMOUNT, format_brl, from_cents, has_at_most_cents, to_cents
from backend.core.periods import local_today
from backend.core.principal import Principal
from backend.core.validation import check_amount, check_date, check_text
from backend.entries.models import FinancialEntry, Payment
from backend.entries.services import get_entry, scope_entries, status_for


@dataclass(frozen=True)
class Settlement:
    """A payment to register. `amount` None settles everything open; `paid_on` None is today."""

    entry_id: int | None
    amount: Decimal | None = None
    paid_on: dt.date | None = None
    method: str | None = None  # a PaymentMethod name; None is OTHER
    note: str | None = None
    late_fee: Decimal | None = None
    interest: Decimal | None = None
    discount: Decimal | None = None


@dataclass(frozen=True)
class Settled:
    entry: FinancialEntry
    payment: Payment


def check_method(errors: ErrorCollector, value: str | None, *path: str) -> PaymentMethod:
    if value is None or not value.strip():
        return PaymentMethod.OTHER
    try:
        return PaymentMethod(value.strip().upper())
    except ValueError:
        names = ", ".join(m.value for m in PaymentMethod)
        errors.add("INVALID_METHOD", f"Forma de pagamento inválida: use {names}.", *path)
        return PaymentMethod.OTHER


def check_charge(errors: ErrorCollector, value: Decimal | None, *path: str, label: str) -> int:
    """Cents of a late fee, interest or discount: zero or more, at most two decimals."""
    if value is None:
        return 0
    if value < 0 or value > MAX_AMOUNT or not has_at_most_cents(value):  # bound before rounding
        errors.add(
            "INVALID_AMOUNT", f"{label} deve ser zero ou positivo, com até 2 casas decimais.", *path
        )
        return 0
    return to_cents(value)


async def settle_entry(*, principal: Principal, data: Settlement, now: dt.datetime) -> Settled:
    """Register a full or partial payment: OPEN -> PARTIALLY_PAID -> PAID."""
    principal.require_write()
    errors = ErrorCollector()
    amount = check_amount(errors, data.amount, "amount")
    paid_on = check_date(errors, data.paid_on, "paidOn", label="Data do pagamento")
    method = check_method(errors, data.method, "method")
    note = check_text(errors, data.note, "note", label="Observação", max_length=500)
    late_fee = check_charge(errors, data.late_fee, "lateFee", label="Multa")
    interest = check_charge(errors, data.interest, "interest", label="Juros")
    discount = check_charge(errors, data.discount, "discount", label="Desconto")
    found = await get_entry(principal, data.entry_id)
    if found is None:
        errors.add("NOT_FOUND", "Lançamento não encontrado.", "entryId")
        raise ServiceError(errors.errors)
    company = await Company.get(id=found.company_id)
    today = local_today(now, company.time_zone)
    if paid_on is not None and paid_on > today:
        errors.add("FUTURE_DATE", "A data do pagamento não pode ser futura.", "paidOn")
    async with in_transaction():
        entry = await FinancialEntry.filter(id=found.id).select_for_update().get()
        open_cents = entry.amount_cents - entry.paid_cents
        principal_cents = to_cents(amount) if amount is not None else open_cents
        if entry.status == EntryStatus.CANCELLED:
            errors.add("ENTRY_CANCELLED", "Este lançamento está cancelado.", "entryId")
        elif open_cents <= 0:
            errors.add("ENTRY_ALREADY_PAID", "Este lançamento já está quitado.", "entryId")
        elif principal_cents > open_cents:
            errors.add(
                "AMOUNT_EXCEEDS_OPEN",
                f"O valor excede o saldo em aberto ({format_brl(from_cents(open_cents))}).",
                "amount",
            )
        if discount > principal_cents + late_fee + interest:
            errors.add(
                "DISCOUNT_EXCEEDS_TOTAL",
                "O desconto não pode ser maior que o valor quitado com multa e juros.",
                "discount",
            )
        errors.raise_if_any()
        payment = await Payment.create(
            entry_id=entry.id,
            amount_cents=principal_cents,
            late_fee_cents=late_fee,
            interest_cents=interest,
            discount_cents=discount,
            paid_on=paid_on or today,
            method=method,
            note=note,
            created_by_id=principal.user_id,
        )
        previous = entry.status
        entry.paid_cents += principal_cents
        entry.status = status_for(entry.amount_cents, entry.paid_cents)
        entry.version += 1
        await entry.save()
        await record(
            principal,
            action="payment.create",
            target_type="FinancialEntry",
            target_id=entry.id,
            company_id=entry.company_id,
            details={
                "paymentId": payment.id,
                "code": entry.code,
                "amount": str(payment.amount),
                "lateFee": str(from_cents(late_fee)),
                "interest": str(from_cents(interest)),
                "discount": str(from_cents(discount)),
                "method": method.value,
                "paidOn": payment.paid_on.isoformat(),
                "paidAmount": {
                    "old": str(from_cents(entry.paid_cents - principal_cents)),
                    "new": str(entry.paid_amount),
                },
                "status": {"old": previous.value, "new": entry.status.value},
            },
        )
    return Settled(entry=entry, payment=payment)


async def get_payment(principal: Principal, payment_id: int | None) -> Payment | None:
    """The payment, or None when it does not exist or its entry is out of reach."""
    if payment_id is None:
        return None
    in_scope = scope_entries(FinancialEntry.all(), principal).values("id")
    return await Payment.filter(id=payment_id, entry_id__in=Subquery(in_scope)).first()


async def reverse_payment(
    *, principal: Principal, payment_id: int | None, reason: str | None, now: dt.datetime
) -> Settled:
    """Undo a mistaken payment: it stays on record, marked reversed, and counts for nothing."""
    principal.require_write()
    errors = ErrorCollector()
    clean_reason = check_text(
        errors, reason, "reason", label="Motivo do estorno", max_length=500, required=True
    )
    found = await get_payment(principal, payment_id)
    if found is None:
        errors.add("NOT_FOUND", "Pagamento não encontrado.", "paymentId")
        raise ServiceError(errors.errors)
    async with in_transaction():
        # The entry first, as settle_entry does: one lock order, no deadlock.
        entry = await FinancialEntry.filter(id=found.entry_id).select_for_update().get()
        payment = await Payment.filter(id=found.id).select_for_update().get()
        if payment.reversed_at is not None:
            errors.add("ALREADY_REVERSED", "Este pagamento já foi estornado.", "paymentId")
        elif entry.status == EntryStatus.CANCELLED:
            errors.add(
                "ENTRY_CANCELLED", "O lançamento deste pagamento está cancelado.", "paymentId"
            )
        errors.raise_if_any()
        payment.reversed_at = now
        payment.reversal_reason = clean_reason
        await payment.save()
        previous = entry.status
        entry.paid_cents -= payment.amount_cents
        entry.status = status_for(entry.amount_cents, entry.paid_cents)
        entry.version += 1
        await entry.save()
        await record(
            principal,
            action="payment.reverse",
            target_type="FinancialEntry",
            target_id=entry.id,
            company_id=entry.company_id,
            details={
                "paymentId": payment.id,
                "code": entry.code,
                "amount": str(payment.amount),
                "reason": clean_reason,
                "status": {"old": previous.value, "new": entry.status.value},
            },
        )
    return Settled(entry=entry, payment=payment)
