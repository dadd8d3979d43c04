"""The `data` of each event, in the API's terms: global ids (query them back with a token),
money as Decimal strings, dates ISO 8601. Only ids and figures: a partner reads personal data
through the API, where its reads are scoped and audited (LGPD art. 6 III, necessity)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backend.core.ids import encode_id
from backend.core.money import from_cents
from backend.entries.models import FinancialEntry, Payment

if TYPE_CHECKING:  # the régua imports this module
    from backend.collection.models import PaymentPromise


def payment_event(entry: FinancialEntry, payment: Payment) -> dict[str, Any]:
    return {
        "entryId": encode_id("FinancialEntry", entry.id),
        "externalId": entry.external_id,
        "code": entry.code,
        "debtorId": encode_id("Debtor", entry.debtor_id),
        "companyId": encode_id("Company", entry.company_id),
        "paymentId": encode_id("Payment", payment.id),
        "amount": str(payment.amount),
        "paidOn": payment.paid_on.isoformat(),
        "reversed": payment.reversed_at is not None,
        "status": entry.status.value,
        "openAmount": str(entry.open_amount),
    }


_ADDRESS = ("postal_code", "street", "number", "complement", "district", "city", "state")
_API_NAMES = dict.fromkeys(_ADDRESS, "address")


def debtor_event(
    debtor_id: int, company_id: int, changed: list[str], external_id: str | None
) -> dict[str, Any]:
    return {
        "debtorId": encode_id("Debtor", debtor_id),
        "companyId": encode_id("Company", company_id),
        "externalId": external_id,
        "changed": sorted({_API_NAMES.get(c, c) for c in changed if c != "search_key"}),
    }


def email_event(
    email_id: int, debtor_id: int, company_id: int, error: str | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "sentEmailId": encode_id("SentEmail", email_id),
        "debtorId": encode_id("Debtor", debtor_id),
        "companyId": encode_id("Company", company_id),
    }
    if error is not None:
        data["error"] = error
    return data


def promise_event(promise: PaymentPromise, paid_cents: int) -> dict[str, Any]:
    """promise.broken: what was promised and what was paid since it was recorded."""
    return {
        "promiseId": encode_id("PaymentPromise", promise.id),
        "debtorId": encode_id("Debtor", promise.debtor_id),
        "companyId": encode_id("Company", promise.company_id),
        "promisedDate": promise.promised_date.isoformat(),
        "amount": str(from_cents(promise.amount_cents)),
        "paidSince": str(from_cents(paid_cents)),
    }
