"""Payments reported from outside (`registerPayment`): a partner or a payment provider tells us
that a PIX, a boleto or another payment arrived.

What it pays: one entry (by the partner's `externalId` in the company), or every entry a
collection e-mail covered (by the PIX txid that e-mail carried, backend.pix.message). The amount
is allocated entry by entry, oldest due date first (then the entry id); on each entry first to
the juros owed on the payment's date, then to the multa, then to the principal (Código Civil
art. 354: "havendo capital e juros, o pagamento imputar-se-á primeiro nos juros vencidos"). On
the day the e-mail was written the PIX amount is exactly the sum of its entries' updated
amounts, so a payment that day settles every one of them; paid later, the juros of the days
between leave a few cents of the last entry open.

Never a lost cent: whatever no open entry takes (the debtor paid twice, or the entries were
settled meanwhile) is recorded as a credit on the report (`credit_cents`), audited and answered
(`credit`), for the company to refund or apply: allocated + credit = amount, always. Another
open entry of the debtor, not covered by the e-mail, is never paid silently: which debt a
payment settles is the debtor's choice (CC art. 352).

Idempotency: `providerPaymentId` is unique per company. The same report again (same id, same
input) returns the first result and pays nothing again; the same id with another input is
refused (IDEMPOTENCY_KEY_REUSED), as settleEntry does with its key.

Locks and atomicity: the covered entries are locked in id order (one order, no deadlock with
another report or a settleEntry) in one transaction with the payments, the report row and the
audit events; nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend.audit.services import record
from backend.businessdays.services import calendars_by_company
from backend.companies.models import Company
from backend.companies.services import get_company
from backend.core.enums import EntryStatus, PaymentMethod
from backend.core.errors import ErrorCollector, fail
from backend.core.money import from_cents, to_cents
from backend.core.periods import local_today
from backend.core.principal import Principal
from backend.core.validation import check_amount, check_date, check_text
from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry, Payment
from backend.entries.overdue import entry_charges
from backend.entries.services import status_for
from backend.live.bus import publish
from backend.mailing.models import SentEmail
from backend.pix.message import sent_email_id_of
from backend.pix.models import ProviderPayment, SentEmailEntry

REPORTED_METHODS = (PaymentMethod.PIX, PaymentMethod.BOLETO, PaymentMethod.OTHER)
MAX_PROVIDER_ID = 100


@dataclass(frozen=True)
class PaymentReport:
    company_id: int | None
    provider_payment_id: str | None
    amount: Decimal | None
    entry_external_id: str | None = None
    txid: str | None = None
    paid_on: dt.date | None = None  # None: today in the company's zone
    method: str | None = None  # PIX, BOLETO or OTHER; None: PIX with a txid, else OTHER

    def fingerprint(self) -> str:
        """What a repeated report must repeat: every field but the provider's id."""
        fields = (
            self.company_id,
            self.amount,
            self.entry_external_id,
            self.txid,
            self.paid_on,
            self.method,
        )
        text = "|".join("" if f is None else str(f) for f in fields)
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Registered:
    report: ProviderPayment
    payments: list[Payment]
    entries: list[FinancialEntry]  # the entries the payments went to, in the same order

    @property
    def allocated(self) -> Decimal:
        return from_cents(self.report.amount_cents - self.report.credit_cents)

    @property
    def credit(self) -> Decimal:
        return from_cents(self.report.credit_cents)


async def register_payment(
    *, principal: Principal, report: PaymentReport, now: dt.datetime
) -> Registered:
    principal.require_write()
    errors = ErrorCollector()
    company = await get_company(principal, report.company_id)
    if company is None:
        errors.add("NOT_FOUND", "Empresa não encontrada.", "companyId")
    provider_id = check_text(
        errors,
        report.provider_payment_id,
        "providerPaymentId",
        label="Identificador do pagamento no provedor",
        max_length=MAX_PROVIDER_ID,
        required=True,
    )
    amount = check_amount(errors, report.amount, "amount")
    if report.amount is None:
        errors.add("REQUIRED", "Valor é obrigatório.", "amount")
    paid_on = check_date(errors, report.paid_on, "paidOn", label="Data do pagamento")
    method = _method(errors, report)
    external_id = check_text(
        errors, report.entry_external_id, "entryExternalId", label="Lançamento", max_length=100
    )
    txid = check_text(errors, report.txid, "txid", label="txid", max_length=25)
    if external_id and txid:
        errors.add(
            "AMBIGUOUS_REFERENCE",
            "Informe o externalId do lançamento ou o txid do PIX, não os dois.",
            "txid",
        )
    elif not external_id and not txid and not errors.errors:
        errors.add(
            "REQUIRED",
            "Informe o externalId do lançamento ou o txid do PIX que foi pago.",
            "entryExternalId",
        )
    errors.raise_if_any()
    assert company is not None
    assert provider_id is not None
    assert amount is not None
    if (done := await _by_provider_id(company.id, provider_id, report)) is not None:
        return done
    today = local_today(now, company.time_zone)
    day = paid_on or today
    if day > today:
        fail("FUTURE_DATE", "A data do pagamento não pode ser futura.", "input", "paidOn")
    entry_ids, debtor_id = await _covered(company, external_id, txid)
    try:
        registered = await _allocate(
            principal,
            company=company,
            report=report,
            provider_id=provider_id,
            method=method,
            amount_cents=to_cents(amount),
            day=day,
            entry_ids=entry_ids,
            debtor_id=debtor_id,
            txid=txid.upper() if txid else None,
        )
    except IntegrityError:
        # The same report arriving twice at once: the first commit wins, the second reads it.
        if (done := await _by_provider_id(company.id, provider_id, report)) is not None:
            return done
        raise
    await publish(principal, kind="payment.settle", debtor_id=debtor_id, company_ids=[company.id])
    return registered


def _method(errors: ErrorCollector, report: PaymentReport) -> PaymentMethod:
    if report.method is None or not report.method.strip():
        return PaymentMethod.PIX if report.txid else PaymentMethod.OTHER
    try:
        method = PaymentMethod(report.method.strip().upper())
    except ValueError:
        method = PaymentMethod.CASH  # not reported from outside: refused below
    if method not in REPORTED_METHODS:
        errors.add(
            "INVALID_METHOD", "Forma de pagamento inválida: use PIX, BOLETO ou OTHER.", "method"
        )
    return method


async def _by_provider_id(
    company_id: int, provider_id: str, report: PaymentReport
) -> Registered | None:
    found = await ProviderPayment.get_or_none(
        company_id=company_id, provider_payment_id=provider_id
    )
    if found is None:
        return None
    if found.fingerprint != report.fingerprint():
        fail(
            "IDEMPOTENCY_KEY_REUSED",
            "Este identificador de pagamento já foi registrado com outros dados.",
            "input",
            "providerPaymentId",
        )
    payments = await Payment.filter(id__in=found.payment_ids).order_by("id")
    entries = {e.id: e for e in await FinancialEntry.filter(id__in=[p.entry_id for p in payments])}
    return Registered(
        report=found, payments=payments, entries=[entries[p.entry_id] for p in payments]
    )


async def _covered(
    company: Company, external_id: str | None, txid: str | None
) -> tuple[list[int], int]:
    """The entries the payment is for, oldest due first, and their debtor."""
    if external_id:
        entry = await FinancialEntry.get_or_none(company_id=company.id, external_id=external_id)
        if entry is None:
            fail("NOT_FOUND", "Lançamento não encontrado.", "input", "entryExternalId")
        return [entry.id], entry.debtor_id
    assert txid is not None
    sent_email_id = sent_email_id_of(txid)
    email = (
        await SentEmail.get_or_none(
            id=sent_email_id, company_id=company.id, pix_txid=txid.strip().upper()
        )
        if sent_email_id is not None
        else None
    )
    if email is None:
        fail("NOT_FOUND", "Nenhuma cobrança desta empresa tem este txid.", "input", "txid")
    links = await SentEmailEntry.filter(sent_email_id=email.id).values_list("entry_id", flat=True)
    ordered = (
        await FinancialEntry.filter(id__in=list(links))
        .order_by("due_date", "id")
        .values_list("id", flat=True)
    )
    return [int(i) for i in ordered], email.debtor_id  # type: ignore[call-overload]


async def _allocate(
    principal: Principal,
    *,
    company: Company,
    report: PaymentReport,
    provider_id: str,
    method: PaymentMethod,
    amount_cents: int,
    day: dt.date,
    entry_ids: list[int],
    debtor_id: int,
    txid: str | None,
) -> Registered:
    calendar = (await calendars_by_company([company.id]))[company.id]
    debtor = await Debtor.get(id=debtor_id)
    note = f"Pagamento {provider_id}" + (f" (PIX txid {txid})" if txid else "")
    async with in_transaction():
        locked = {
            e.id: e
            for e in await FinancialEntry.filter(id__in=entry_ids)
            .order_by("id")
            .select_for_update()
        }
        counted: dict[int, list[Payment]] = {i: [] for i in entry_ids}
        for p in await Payment.filter(entry_id__in=entry_ids, reversed_at__isnull=True):
            counted[p.entry_id].append(p)
        remaining = amount_cents
        payments: list[Payment] = []
        for entry_id in entry_ids:  # oldest due first
            entry = locked[entry_id]
            open_cents = entry.amount_cents - entry.paid_cents
            if remaining <= 0 or entry.status == EntryStatus.CANCELLED or open_cents <= 0:
                continue
            owed = entry_charges(
                entry,
                company=company,
                debtor=debtor,
                payments=counted[entry_id],
                today=day,
                calendar=calendar,
            )
            interest = min(remaining, to_cents(owed.interest))
            remaining -= interest
            late_fee = min(remaining, to_cents(owed.late_fee))
            remaining -= late_fee
            principal_cents = min(remaining, open_cents)
            remaining -= principal_cents
            payments.append(
                await _pay(
                    principal,
                    entry,
                    principal_cents=principal_cents,
                    late_fee=late_fee,
                    interest=interest,
                    day=day,
                    method=method,
                    note=note,
                    provider_id=provider_id,
                    txid=txid,
                )
            )
        row = await ProviderPayment.create(
            company_id=company.id,
            debtor_id=debtor_id,
            provider_payment_id=provider_id,
            fingerprint=report.fingerprint(),
            method=method.value,
            txid=txid,
            amount_cents=amount_cents,
            credit_cents=remaining,
            paid_on=day,
            payment_ids=[p.id for p in payments],
        )
        await record(
            principal,
            action="payment.register",
            target_type="Debtor",
            target_id=debtor_id,
            company_id=company.id,
            details={
                "debtor_id": debtor_id,
                "providerPaymentId": provider_id,
                "method": method.value,
                "txid": txid,
                "entryExternalId": report.entry_external_id,
                "amount": str(from_cents(amount_cents)),
                "allocated": str(from_cents(amount_cents - remaining)),
                "credit": str(from_cents(remaining)),
                "paidOn": day.isoformat(),
                "paymentIds": [p.id for p in payments],
            },
        )
    return Registered(report=row, payments=payments, entries=[locked[p.entry_id] for p in payments])


async def _pay(
    principal: Principal,
    entry: FinancialEntry,
    *,
    principal_cents: int,
    late_fee: int,
    interest: int,
    day: dt.date,
    method: PaymentMethod,
    note: str,
    provider_id: str,
    txid: str | None,
) -> Payment:
    """One payment row on a locked entry, its ledger and its audit event (as settle_entry)."""
    payment = await Payment.create(
        entry_id=entry.id,
        amount_cents=principal_cents,
        late_fee_cents=late_fee,
        interest_cents=interest,
        paid_on=day,
        method=method,
        note=note[:500],
        created_by_id=principal.user_id,
    )
    previous = entry.status
    entry.paid_cents += principal_cents
    entry.status = status_for(entry.amount_cents, entry.paid_cents)
    entry.version += 1
    await entry.save()  # the search summary follows (backend.search.signals)
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
            "discount": "0.00",
            "method": method.value,
            "paidOn": day.isoformat(),
            "providerPaymentId": provider_id,
            "txid": txid,
            "paidAmount": {
                "old": str(from_cents(entry.paid_cents - principal_cents)),
                "new": str(entry.paid_amount),
            },
            "status": {"old": previous.value, "new": entry.status.value},
        },
    )
    return payment
