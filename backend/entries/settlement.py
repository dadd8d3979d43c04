"""Settlement (quitar / baixa) of entries and the reversal of a mistaken payment.

A payment records the principal it settles and, apart from it, the late fee and interest
received and any discount granted, as Brazilian ERPs do: a debtor who pays R$ 1.033,33 on a
R$ 1.000,00 entry settles its principal with R$ 33,33 of charges received. A discount is part
of the principal settled: R$ 1.000,00 settled with R$ 50,00 of discount is R$ 950,00 received.

Charges already received are never charged again (CDC art. 42, sole paragraph): what a
payment owes as multa and juros is what accrued until its date minus what earlier payments
received or waived (backend.entries.charges). A payment of principal only either leaves those
charges owed, or waives them (`waive_charges`, with a reason, audited with who waived them); a
payment that settles the whole principal cannot leave charges owed on a settled entry, so what
it does not receive is recorded as waived. For a consumer (a CPF, or no document yet) the multa
typed by hand is capped like the computed one: 2 % of what was due (CDC art. 52 §1).

Payments are audited on their entry (target FinancialEntry, with the paymentId), so one query
of the audit trail tells an entry's whole story: edits, payments and reversals.

Concurrency: the entry row is locked (SELECT ... FOR UPDATE) inside the transaction before its
open amount is read, so simultaneous settlements of one entry queue on PostgreSQL and never
overpay it or lose a payment; SQLite serialises write transactions by itself.

Idempotency: a call with an `idempotency_key` (unique per company) records it with the payment,
in the same transaction. The same key with the same input returns the first payment, paying
nothing again (a client retrying after a dropped connection); with another input it is refused
(IDEMPOTENCY_KEY_REUSED).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from backend.accounts.scope import get_entry, scope_entries
from backend.audit.services import record
from backend.businessdays.services import calendars_by_company
from backend.companies.models import Company
from backend.core.enums import EntryStatus, PaymentMethod
from backend.core.errors import ErrorCollector, ServiceError, fail
from backend.core.money import MAX_AMOUNT, format_brl, from_cents, has_at_most_cents, to_cents
from backend.core.periods import local_today
from backend.core.principal import Principal
from backend.core.validation import check_amount, check_date, check_text
from backend.debtors.models import Debtor
from backend.entries.charges import CONSUMER_LATE_FEE_CAP, Charges
from backend.entries.models import FinancialEntry, Payment, SettleKey
from backend.entries.overdue import entry_charges, is_consumer
from backend.entries.services import status_for
from backend.live.bus import publish
from backend.webhooks.events import payment_event
from backend.webhooks.outbox import enqueue_event

DEFAULT_WAIVER_REASON = "Quitação do principal sem a multa e os juros devidos."
MAX_KEY = 100


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
    waive_charges: bool = False  # forgive the charges owed that this payment does not receive
    waiver_reason: str | None = None
    idempotency_key: str | None = None  # unique per company; a retry returns the first payment

    def fingerprint(self) -> str:
        """What a retry with the same key must repeat: every field but the key."""
        fields = (
            self.entry_id,
            self.amount,
            self.paid_on,
            self.method,
            self.note,
            self.late_fee,
            self.interest,
            self.discount,
            self.waive_charges,
            self.waiver_reason,
        )
        text = "|".join("" if f is None else str(f) for f in fields)
        return hashlib.sha256(text.encode()).hexdigest()


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
    """Register a full or partial payment: OPEN -> PARTIALLY_PAID -> PAID. The same idempotency
    key again returns the first payment, paying nothing."""
    principal.require_write()
    # An invalid key skips the lookup; _settle reports it with the other problems.
    key = check_text(ErrorCollector(), data.idempotency_key, label="", max_length=MAX_KEY)
    if key and (done := await _by_key(principal, key, data)) is not None:
        return done
    try:
        return await _settle(principal, data, now, key)
    except IntegrityError:
        # A concurrent call with the same key committed first (unique company + key).
        if key and (done := await _by_key(principal, key, data)) is not None:
            return done
        raise


async def _by_key(principal: Principal, key: str, data: Settlement) -> Settled | None:
    """The payment recorded with this key in the entry's company, if any. Keys are unique per
    company: another company's key is never found here, nor refused."""
    found = await get_entry(principal, data.entry_id)
    if found is None:
        return None  # _settle reports the entry as not found
    row = await SettleKey.get_or_none(company_id=found.company_id, key=key)
    if row is None:
        return None
    if row.fingerprint != data.fingerprint():
        fail(
            "IDEMPOTENCY_KEY_REUSED",
            "Esta chave de idempotência já foi usada em outro pagamento.",
            "input",
            "idempotencyKey",
        )
    payment = await Payment.get(id=row.payment_id)
    entry = await FinancialEntry.get(id=payment.entry_id)
    return Settled(entry=entry, payment=payment)


async def _settle(
    principal: Principal, data: Settlement, now: dt.datetime, key: str | None
) -> Settled:
    errors = ErrorCollector()
    check_text(
        errors,
        data.idempotency_key,
        "idempotencyKey",
        label="Chave de idempotência",
        max_length=MAX_KEY,
    )
    amount = check_amount(errors, data.amount, "amount")
    paid_on = check_date(errors, data.paid_on, "paidOn", label="Data do pagamento")
    method = check_method(errors, data.method, "method")
    note = check_text(errors, data.note, "note", label="Observação", max_length=500)
    late_fee = check_charge(errors, data.late_fee, "lateFee", label="Multa")
    interest = check_charge(errors, data.interest, "interest", label="Juros")
    discount = check_charge(errors, data.discount, "discount", label="Desconto")
    reason = check_text(
        errors,
        data.waiver_reason,
        "waiverReason",
        label="Motivo da dispensa de multa e juros",
        max_length=500,
        required=data.waive_charges,
    )
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
        counted = await Payment.filter(entry_id=entry.id, reversed_at__isnull=True)
        debtor = await Debtor.get(id=entry.debtor_id)
        calendar = (await calendars_by_company([company.id]))[company.id]
        day = paid_on or today
        owed = entry_charges(
            entry,
            company=company,
            debtor=debtor,
            payments=counted,  # what later-dated payments received is not owed again
            today=day,
            calendar=calendar,
        )
        if is_consumer(debtor):
            grace = calendar.grace_until(entry.due_date)
            cap = _consumer_fee_cap(entry, counted, grace)
            if late_fee > cap:
                errors.add(
                    "LATE_FEE_ABOVE_CAP",
                    "Para consumidor (CPF ou sem documento) a multa é limitada a 2 % do valor "
                    f"devido (CDC art. 52 §1): no máximo {format_brl(from_cents(cap))} "
                    "neste pagamento.",
                    "lateFee",
                )
                raise ServiceError(errors.errors)
        _refuse_charges_above_owed(errors, owed, late_fee, interest, day)
        waive = data.waive_charges or principal_cents == open_cents
        waived_fee, waived_interest = _waived(owed, late_fee, interest) if waive else (0, 0)
        if waive and not data.waive_charges:
            reason = reason or DEFAULT_WAIVER_REASON
        payment = await Payment.create(
            entry_id=entry.id,
            amount_cents=principal_cents,
            late_fee_cents=late_fee,
            interest_cents=interest,
            discount_cents=discount,
            waived_late_fee_cents=waived_fee,
            waived_interest_cents=waived_interest,
            waiver_reason=reason if waived_fee or waived_interest else None,
            paid_on=day,
            method=method,
            note=note,
            created_by_id=principal.user_id,
        )
        if key:
            await SettleKey.create(
                company_id=entry.company_id,
                key=key,
                fingerprint=data.fingerprint(),
                payment_id=payment.id,
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
                "waivedLateFee": str(from_cents(waived_fee)),
                "waivedInterest": str(from_cents(waived_interest)),
                "waiverReason": payment.waiver_reason,
                "method": method.value,
                "paidOn": payment.paid_on.isoformat(),
                "paidAmount": {
                    "old": str(from_cents(entry.paid_cents - principal_cents)),
                    "new": str(entry.paid_amount),
                },
                "status": {"old": previous.value, "new": entry.status.value},
            },
        )
        # In this transaction: the partner hears of the payment if and only if it committed.
        await enqueue_event(
            entry.company_id, "entry.settled", payment_event(entry, payment), now=now
        )
    await publish(
        principal, kind="payment.settle", debtor_id=entry.debtor_id, company_ids=[entry.company_id]
    )
    return Settled(entry=entry, payment=payment)


def _waived(owed: Charges, late_fee_cents: int, interest_cents: int) -> tuple[int, int]:
    """Cents of multa and juros owed on the payment's date that it does not receive."""
    return (
        max(0, to_cents(owed.late_fee) - late_fee_cents),
        max(0, to_cents(owed.interest) - interest_cents),
    )


def _refuse_charges_above_owed(
    errors: ErrorCollector, owed: Charges, late_fee: int, interest: int, day: dt.date
) -> None:
    """Multa and juros received are at most what is owed on the payment date: more would be
    charging in excess, which the creditor may have to repay double (CDC art. 42)."""
    if late_fee > to_cents(owed.late_fee):
        errors.add(
            "CHARGES_ABOVE_OWED",
            f"A multa informada passa da devida em {day:%d/%m/%Y}: no máximo "
            f"{format_brl(owed.late_fee)}.",
            "lateFee",
        )
    if interest > to_cents(owed.interest):
        errors.add(
            "CHARGES_ABOVE_OWED",
            f"Os juros informados passam dos devidos em {day:%d/%m/%Y}: no máximo "
            f"{format_brl(owed.interest)}.",
            "interest",
        )
    errors.raise_if_any()


def _consumer_fee_cap(entry: FinancialEntry, counted: list[Payment], grace: dt.date) -> int:
    """Cents of multa a consumer may still be charged: 2 % of what was open when it fell due
    (payments within the grace were on time), less the multa already received or waived."""
    on_time: int = sum(p.amount_cents for p in counted if p.paid_on <= grace)
    base = max(0, entry.amount_cents - on_time)
    cap: int = round(Fraction(base) * Fraction(CONSUMER_LATE_FEE_CAP) / 100)  # half to even
    taken: int = sum(p.late_fee_cents + p.waived_late_fee_cents for p in counted)
    return max(0, cap - taken)


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
        await enqueue_event(
            entry.company_id, "entry.reversed", payment_event(entry, payment), now=now
        )
    await publish(
        principal, kind="payment.reverse", debtor_id=entry.debtor_id, company_ids=[entry.company_id]
    )
    return Settled(entry=entry, payment=payment)
