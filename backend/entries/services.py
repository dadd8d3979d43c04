"""Financial entries (Lançamentos): creation, upsert by the partner's external id, edits and
cancellation. Settlements live in settlement.py.

Every write to FinancialEntry goes through `Model.save()` (never QuerySet.update): the
per-debtor summary is kept by post_save signals.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tortoise.transactions import in_transaction

from backend.accounts.scope import get_debtor, get_entry
from backend.audit.services import changes, record
from backend.companies.services import get_company
from backend.core.conflicts import retry_on_conflict
from backend.core.enums import EntryStatus
from backend.core.errors import ErrorCollector, fail
from backend.core.keep import KEEP, Keep
from backend.core.money import format_brl, from_cents, to_cents
from backend.core.principal import Principal
from backend.core.validation import check_amount, check_date, check_long_text, check_text
from backend.entries.models import FinancialEntry
from backend.live.bus import publish


@dataclass(frozen=True)
class NewEntry:
    debtor_id: int | None
    company_id: int | None
    description: str
    due_date: dt.date
    amount: Decimal
    code: str | None = None
    issue_date: dt.date | None = None
    external_id: str | None = None


def status_for(amount_cents: int, paid_cents: int) -> EntryStatus:
    if paid_cents <= 0:
        return EntryStatus.OPEN
    return EntryStatus.PAID if paid_cents >= amount_cents else EntryStatus.PARTIALLY_PAID


async def create_entry(*, principal: Principal, data: NewEntry) -> FinancialEntry:
    """Create an entry; the same `external_id` in the same company updates it instead."""
    entry = await retry_on_conflict(lambda: _create_entry(principal=principal, data=data))
    await publish(
        principal, kind="entry.create", debtor_id=entry.debtor_id, company_ids=[entry.company_id]
    )
    return entry


async def _create_entry(*, principal: Principal, data: NewEntry) -> FinancialEntry:
    principal.require_write()
    errors = ErrorCollector()
    description = check_text(
        errors, data.description, "description", label="Descrição", max_length=500, required=True
    )
    code = check_text(errors, data.code, "code", label="Código", max_length=40)
    external_id = check_text(
        errors, data.external_id, "externalId", label="Identificador externo", max_length=100
    )
    amount = check_amount(errors, data.amount, "amount")
    due_date = check_date(errors, data.due_date, "dueDate", label="Vencimento")
    issue_date = check_date(errors, data.issue_date, "issueDate", label="Emissão")
    if issue_date and due_date and issue_date > due_date:
        errors.add(
            "INVALID_DATE", "A data de emissão não pode ser posterior ao vencimento.", "issueDate"
        )
    if await get_company(principal, data.company_id) is None:
        errors.add("NOT_FOUND", "Empresa não encontrada.", "companyId")
    if await get_debtor(principal, data.debtor_id) is None:
        errors.add("NOT_FOUND", "Cliente não encontrado.", "debtorId")
    errors.raise_if_any()
    assert amount is not None
    assert due_date is not None
    assert data.company_id is not None
    values: dict[str, Any] = {
        "debtor_id": data.debtor_id,
        "description": description,
        "due_date": due_date,
        "issue_date": issue_date,
        "amount_cents": to_cents(amount),
    }
    async with in_transaction():
        existing = None
        if external_id:
            existing = (
                await FinancialEntry.filter(company_id=data.company_id, external_id=external_id)
                .select_for_update()
                .first()
            )
        if existing is not None:
            return await _update_from_partner(principal, existing, values, code)
        if code and await FinancialEntry.filter(company_id=data.company_id, code=code).exists():
            fail(
                "DUPLICATE_CODE",
                "Já existe um lançamento com este código na empresa.",
                "input",
                "code",
            )
        entry = await FinancialEntry.create(
            company_id=data.company_id,
            code=code or f"tmp-{uuid.uuid4().hex}",
            external_id=external_id,
            **values,
        )
        if not code:
            entry.code = await _generated_code(entry)
            await entry.save(update_fields=["code"])
        await record(
            principal,
            action="entry.create",
            target_type="FinancialEntry",
            target_id=entry.id,
            company_id=entry.company_id,
            details={"code": entry.code, "amount": str(entry.amount)},
        )
    return entry


async def _generated_code(entry: FinancialEntry) -> str:
    code = str(entry.id)
    suffix = 0
    while await FinancialEntry.filter(company_id=entry.company_id, code=code).exists():
        suffix += 1
        code = f"{entry.id}-{suffix}"
    return code


async def _update_from_partner(
    principal: Principal, entry: FinancialEntry, values: dict[str, Any], code: str | None
) -> FinancialEntry:
    if entry.status == EntryStatus.CANCELLED:
        fail(
            "ENTRY_CANCELLED",
            "Este lançamento está cancelado e não pode ser alterado.",
            "input",
            "externalId",
        )
    if entry.debtor_id != values["debtor_id"]:
        fail(
            "DEBTOR_MISMATCH",
            "O lançamento com este identificador pertence a outro cliente.",
            "input",
            "debtorId",
        )
    if values["amount_cents"] < entry.paid_cents:
        fail(
            "AMOUNT_BELOW_PAID",
            "O valor não pode ser menor que o total já pago.",
            "input",
            "amount",
        )
    if code and code != entry.code:
        if await FinancialEntry.filter(company_id=entry.company_id, code=code).exists():
            fail(
                "DUPLICATE_CODE",
                "Já existe um lançamento com este código na empresa.",
                "input",
                "code",
            )
        values["code"] = code
    before = {key: getattr(entry, key) for key in values}
    if before == values:
        # The partner sent the entry again as it is: no write and no new version, so a
        # collector editing it meanwhile does not get a needless VERSION_CONFLICT.
        return entry
    entry.update_from_dict(values)
    entry.status = status_for(entry.amount_cents, entry.paid_cents)
    entry.version += 1
    await entry.save()
    diff = changes(_readable(before), _readable(values))
    if diff:
        await record(
            principal,
            action="entry.update",
            target_type="FinancialEntry",
            target_id=entry.id,
            company_id=entry.company_id,
            details=diff,
        )
    return entry


@dataclass(frozen=True)
class EntryChanges:
    """An edit of the entry form. KEEP leaves a field as it is; None clears an optional one.

    `company_id` None means an id that matched nothing (answered NOT_FOUND).
    `expected_version`, when given, refuses the edit if someone changed the entry meanwhile.
    """

    description: str | Keep = KEEP
    company_id: int | Keep | None = KEEP
    due_date: dt.date | Keep = KEEP
    amount: Decimal | Keep = KEEP
    notes: str | Keep | None = KEEP
    issue_date: dt.date | Keep | None = KEEP
    document_number: str | Keep | None = KEEP
    category: str | Keep | None = KEEP
    cost_center: str | Keep | None = KEEP
    expected_version: int | None = None


def _validate_changes(data: EntryChanges, errors: ErrorCollector) -> dict[str, Any]:
    """The new values of the fields the edit touches, in model terms."""
    values: dict[str, Any] = {}
    if data.description is not KEEP:
        values["description"] = check_text(
            errors,
            data.description,
            "description",
            label="Descrição",
            max_length=500,
            required=True,
        )
    texts = {
        "document_number": (data.document_number, "documentNumber", "Número do documento", 60),
        "category": (data.category, "category", "Categoria", 100),
        "cost_center": (data.cost_center, "costCenter", "Centro de custo", 100),
    }
    for name, (raw, field, label, max_length) in texts.items():
        if raw is not KEEP:
            values[name] = check_text(errors, raw, field, label=label, max_length=max_length)
    if data.notes is not KEEP:
        values["notes"] = check_long_text(
            errors, data.notes, "notes", label="Observações", max_length=4000
        )
    if data.due_date is not KEEP:
        values["due_date"] = check_date(errors, data.due_date, "dueDate", label="Vencimento")
    if data.issue_date is not KEEP:
        values["issue_date"] = check_date(errors, data.issue_date, "issueDate", label="Emissão")
    if data.amount is not KEEP:
        amount = check_amount(errors, data.amount, "amount")
        values["amount_cents"] = to_cents(amount) if amount is not None else None
    return values


async def update_entry(
    *, principal: Principal, entry_id: int | None, data: EntryChanges
) -> FinancialEntry:
    """Edit an entry (Cadastro de Lançamentos); audited with the old and new values."""
    principal.require_write()
    errors = ErrorCollector()
    values = _validate_changes(data, errors)
    if data.company_id is not KEEP:
        if await get_company(principal, data.company_id) is None:
            errors.add("NOT_FOUND", "Empresa não encontrada.", "companyId")
        else:
            values["company_id"] = data.company_id
    if await get_entry(principal, entry_id) is None:
        errors.add("NOT_FOUND", "Lançamento não encontrado.", "id")
        errors.raise_if_any()
    async with in_transaction():
        # Locked: a settlement running now cannot slip a payment under the new amount.
        entry = await FinancialEntry.filter(id=entry_id).select_for_update().get()
        await _check_edit(entry, values, data.expected_version, errors)
        errors.raise_if_any()
        before = {key: getattr(entry, key) for key in values}
        diff = changes(_readable(before), _readable(values))
        if not diff:
            return entry
        entry.update_from_dict(values)
        entry.status = status_for(entry.amount_cents, entry.paid_cents)
        entry.version += 1
        await entry.save()
        await record(
            principal,
            action="entry.update",
            target_type="FinancialEntry",
            target_id=entry.id,
            company_id=entry.company_id,
            details=diff,
        )
    await publish(
        principal, kind="entry.update", debtor_id=entry.debtor_id, company_ids=[entry.company_id]
    )
    return entry


async def _check_edit(
    entry: FinancialEntry,
    values: dict[str, Any],
    expected_version: int | None,
    errors: ErrorCollector,
) -> None:
    if entry.status == EntryStatus.CANCELLED:
        errors.add(
            "ENTRY_CANCELLED", "Este lançamento está cancelado e não pode ser alterado.", "id"
        )
    if expected_version is not None and expected_version != entry.version:
        errors.add(
            "VERSION_CONFLICT",
            "O lançamento foi alterado por outra pessoa: recarregue a tela e refaça a edição.",
            "expectedVersion",
        )
    amount_cents = values.get("amount_cents")
    if amount_cents is not None and amount_cents < entry.paid_cents:
        errors.add(
            "AMOUNT_BELOW_PAID",
            f"O valor não pode ser menor que o total já pago ({format_brl(entry.paid_amount)}).",
            "amount",
        )
    issue_date = values.get("issue_date", entry.issue_date)
    due_date = values.get("due_date") or entry.due_date
    if issue_date and issue_date > due_date:
        errors.add(
            "INVALID_DATE", "A data de emissão não pode ser posterior ao vencimento.", "issueDate"
        )
    company_id = values.get("company_id", entry.company_id)
    if (
        company_id != entry.company_id
        and await FinancialEntry.filter(company_id=company_id, code=entry.code).exists()
    ):
        errors.add(
            "DUPLICATE_CODE",
            "A empresa escolhida já tem um lançamento com este código.",
            "companyId",
        )


def _readable(values: dict[str, Any]) -> dict[str, Any]:
    """Audit details in the API's terms: money as the API's Decimal ("150.50"), not cents."""
    return {
        ("amount" if key == "amount_cents" else key): (
            str(from_cents(value)) if key == "amount_cents" and value is not None else value
        )
        for key, value in values.items()
    }


async def cancel_entry(
    *, principal: Principal, entry_id: int | None, reason: str | None, now: dt.datetime
) -> FinancialEntry:
    """Cancel an entry (it leaves every open list); one with payments must have them reversed."""
    principal.require_write()
    errors = ErrorCollector()
    clean_reason = check_text(
        errors, reason, "reason", label="Motivo do cancelamento", max_length=500, required=True
    )
    if await get_entry(principal, entry_id) is None:
        errors.add("NOT_FOUND", "Lançamento não encontrado.", "id")
        errors.raise_if_any()
    async with in_transaction():
        entry = await FinancialEntry.filter(id=entry_id).select_for_update().get()
        if entry.status == EntryStatus.CANCELLED:
            errors.add("ENTRY_CANCELLED", "Este lançamento já está cancelado.", "id")
        elif entry.paid_cents > 0:
            errors.add(
                "ENTRY_HAS_PAYMENTS",
                "Estorne os pagamentos deste lançamento antes de cancelá-lo.",
                "id",
            )
        errors.raise_if_any()
        previous = entry.status
        entry.status = EntryStatus.CANCELLED
        entry.cancelled_at = now
        entry.cancel_reason = clean_reason
        entry.version += 1
        await entry.save()
        await record(
            principal,
            action="entry.cancel",
            target_type="FinancialEntry",
            target_id=entry.id,
            company_id=entry.company_id,
            details={
                "code": entry.code,
                "reason": clean_reason,
                "status": {"old": previous.value, "new": entry.status.value},
            },
        )
    await publish(
        principal, kind="entry.cancel", debtor_id=entry.debtor_id, company_ids=[entry.company_id]
    )
    return entry
