"""Pauses and promises to pay: what holds the régua for a debtor in a company.

A pause (e.g. "em disputa") skips the debtor, or only one of its entries, through `until`;
`resumeCollection` ends it early. A promise to pay holds the whole debtor through its date;
the daily run then marks it KEPT or BROKEN (backend.collection.run.resolve_promises). Every
write is audited in its transaction and published on the live bus after it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tortoise.transactions import in_transaction

from backend.accounts.scope import get_debtor
from backend.audit.services import record
from backend.collection.models import CollectionPause, PaymentPromise
from backend.companies.models import Company
from backend.companies.services import get_company
from backend.core.errors import ErrorCollector, fail
from backend.core.money import from_cents, to_cents
from backend.core.periods import local_today
from backend.core.principal import Principal
from backend.core.validation import check_amount, check_date, check_text
from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry
from backend.live.bus import publish

MAX_REASON = 200
MAX_NOTE = 1000
MAX_DAYS_AHEAD = 366  # a pause or a promise reaches at most a year ahead


def pause_active(pause: CollectionPause, today: dt.date) -> bool:
    return pause.ended_at is None and pause.until >= today


async def _debtor_and_company(
    principal: Principal, errors: ErrorCollector, debtor_id: int | None, company_id: int | None
) -> tuple[Debtor | None, Company | None]:
    debtor = await get_debtor(principal, debtor_id)
    if debtor is None:
        errors.add("NOT_FOUND", "Cliente não encontrado.", "debtorId")
    company = await get_company(principal, company_id)
    if company is None:
        errors.add("NOT_FOUND", "Empresa não encontrada.", "companyId")
    return debtor, company


def _check_future_date(
    errors: ErrorCollector, value: dt.date | None, today: dt.date, field: str, label: str
) -> dt.date | None:
    if value is None:
        errors.add("REQUIRED", f"{label} é obrigatória.", field)
        return None
    day = check_date(errors, value, field, label=label)
    if day is None:
        return None
    if day < today:
        errors.add("DATE_IN_PAST", f"{label} não pode estar no passado.", field)
    elif day > today + dt.timedelta(days=MAX_DAYS_AHEAD):
        errors.add("INVALID_DATE", f"{label} deve estar dentro de um ano.", field)
    return day


async def pause_collection(
    *,
    principal: Principal,
    debtor_id: int | None,
    company_id: int | None,
    entry_id: int | None,
    entry_given: bool,
    reason: str | None,
    until: dt.date | None,
    now: dt.datetime,
) -> CollectionPause:
    """Pause the régua for the debtor (or one entry) in the company through `until`."""
    principal.require_write()
    errors = ErrorCollector()
    debtor, company = await _debtor_and_company(principal, errors, debtor_id, company_id)
    clean_reason = check_text(
        errors, reason, "reason", label="Motivo", max_length=MAX_REASON, required=True
    )
    today = local_today(now, company.time_zone) if company else local_today(now, "UTC")
    day = _check_future_date(errors, until, today, "until", "A data final da pausa")
    if entry_given:
        entry = (
            await FinancialEntry.get_or_none(id=entry_id)
            if entry_id is not None and debtor is not None and company is not None
            else None
        )
        if entry is None or entry.debtor_id != debtor_id or entry.company_id != company_id:
            errors.add("NOT_FOUND", "Lançamento não encontrado.", "entryId")
    errors.raise_if_any()
    assert debtor is not None
    assert company is not None
    assert day is not None
    assert clean_reason is not None
    async with in_transaction():
        pause = await CollectionPause.create(
            debtor_id=debtor.id,
            company_id=company.id,
            entry_id=entry_id if entry_given else None,
            reason=clean_reason,
            until=day,
            created_by_id=principal.user_id,
            created_at=now,
        )
        await record(
            principal,
            action="collection.pause",
            target_type="Debtor",
            target_id=debtor.id,
            company_id=company.id,
            details={
                "pauseId": pause.id,
                "entryId": pause.entry_id,
                "reason": clean_reason,
                "until": day.isoformat(),
            },
        )
    await publish(principal, kind="collection.pause", debtor_id=debtor.id, company_ids=[company.id])
    return pause


async def get_pause(principal: Principal, pause_id: int | None) -> CollectionPause | None:
    if pause_id is None:
        return None
    pause = await CollectionPause.get_or_none(id=pause_id)
    if pause is None or not principal.sees_company(pause.company_id):
        return None
    if await get_debtor(principal, pause.debtor_id) is None:
        return None
    return pause


async def resume_collection(
    *, principal: Principal, pause_id: int | None, now: dt.datetime
) -> CollectionPause:
    """End a pause now: the next daily run counts the debtor (or entry) again."""
    principal.require_write()
    pause = await get_pause(principal, pause_id)
    if pause is None:
        fail("NOT_FOUND", "Pausa não encontrada.", "pauseId")
    company = await Company.get(id=pause.company_id)
    if not pause_active(pause, local_today(now, company.time_zone)):
        fail("PAUSE_ENDED", "Esta pausa já terminou.", "pauseId")
    async with in_transaction():
        updated = await CollectionPause.filter(id=pause.id, ended_at__isnull=True).update(
            ended_at=now
        )
        if not updated:
            fail("PAUSE_ENDED", "Esta pausa já terminou.", "pauseId")
        await record(
            principal,
            action="collection.resume",
            target_type="Debtor",
            target_id=pause.debtor_id,
            company_id=pause.company_id,
            details={"pauseId": pause.id, "entryId": pause.entry_id},
        )
    await publish(
        principal, kind="collection.resume", debtor_id=pause.debtor_id, company_ids=[company.id]
    )
    await pause.refresh_from_db()
    return pause


async def record_promise(
    *,
    principal: Principal,
    debtor_id: int | None,
    company_id: int | None,
    promised_date: dt.date | None,
    amount: Decimal | None,
    note: str | None,
    now: dt.datetime,
) -> PaymentPromise:
    """The debtor promises to pay `amount` by `promised_date`: the régua waits until then."""
    principal.require_write()
    errors = ErrorCollector()
    debtor, company = await _debtor_and_company(principal, errors, debtor_id, company_id)
    today = local_today(now, company.time_zone) if company else local_today(now, "UTC")
    day = _check_future_date(errors, promised_date, today, "promisedDate", "A data prometida")
    if amount is None:
        errors.add("REQUIRED", "Valor é obrigatório.", "amount")
    clean_amount = check_amount(errors, amount, "amount", label="Valor prometido")
    clean_note = check_text(errors, note, "note", label="Observação", max_length=MAX_NOTE)
    errors.raise_if_any()
    assert debtor is not None
    assert company is not None
    assert day is not None
    assert clean_amount is not None
    async with in_transaction():
        promise = await PaymentPromise.create(
            debtor_id=debtor.id,
            company_id=company.id,
            promised_date=day,
            amount_cents=to_cents(clean_amount),
            note=clean_note or None,
            status="OPEN",
            created_by_id=principal.user_id,
            created_at=now,
        )
        await record(
            principal,
            action="promise.record",
            target_type="Debtor",
            target_id=debtor.id,
            company_id=company.id,
            details={
                "promiseId": promise.id,
                "promisedDate": day.isoformat(),
                "amount": str(from_cents(promise.amount_cents)),
                "note": promise.note,
            },
        )
    await publish(principal, kind="promise.record", debtor_id=debtor.id, company_ids=[company.id])
    return promise


async def get_promise(principal: Principal, promise_id: int | None) -> PaymentPromise | None:
    if promise_id is None:
        return None
    promise = await PaymentPromise.get_or_none(id=promise_id)
    if promise is None or not principal.sees_company(promise.company_id):
        return None
    if await get_debtor(principal, promise.debtor_id) is None:
        return None
    return promise


async def cancel_promise(
    *, principal: Principal, promise_id: int | None, now: dt.datetime
) -> PaymentPromise:
    """Withdraw an OPEN promise (recorded by mistake, renegotiated): the régua resumes."""
    principal.require_write()
    promise = await get_promise(principal, promise_id)
    if promise is None:
        fail("NOT_FOUND", "Promessa não encontrada.", "promiseId")
    async with in_transaction():
        updated = await PaymentPromise.filter(id=promise.id, status="OPEN").update(
            status="CANCELLED", resolved_at=now
        )
        if not updated:
            fail("PROMISE_NOT_OPEN", "Só é possível cancelar uma promessa em aberto.", "promiseId")
        await record(
            principal,
            action="promise.cancel",
            target_type="Debtor",
            target_id=promise.debtor_id,
            company_id=promise.company_id,
            details={"promiseId": promise.id},
        )
    await publish(
        principal,
        kind="promise.cancel",
        debtor_id=promise.debtor_id,
        company_ids=[promise.company_id],
    )
    await promise.refresh_from_db()
    return promise


async def debtor_pauses(
    principal: Principal, debtor_id: int, *, include_ended: bool, now: dt.datetime
) -> list[CollectionPause]:
    """The debtor's pauses in the caller's companies, newest first; by default only active."""
    query = CollectionPause.filter(debtor_id=debtor_id)
    if principal.company_ids is not None:
        query = query.filter(company_id__in=sorted(principal.company_ids))
    pauses = await query.order_by("-created_at", "-id")
    if include_ended or not pauses:
        return pauses
    zones = dict(
        await Company.filter(id__in={p.company_id for p in pauses}).values_list("id", "time_zone")
    )
    return [p for p in pauses if pause_active(p, local_today(now, zones[p.company_id]))]


async def debtor_promises(
    principal: Principal, debtor_id: int, *, include_resolved: bool
) -> list[PaymentPromise]:
    """The debtor's promises in the caller's companies, newest first; by default only OPEN."""
    query = PaymentPromise.filter(debtor_id=debtor_id)
    if principal.company_ids is not None:
        query = query.filter(company_id__in=sorted(principal.company_ids))
    if not include_resolved:
        query = query.filter(status="OPEN")
    return await query.order_by("-created_at", "-id")
