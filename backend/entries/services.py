"""Financial entries (Lançamentos): creation and upsert by the partner's external id."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend.audit.services import changes, record
from backend.companies.services import get_company
from backend.core.enums import EntryStatus
from backend.core.errors import ErrorCollector, fail
from backend.core.money import to_cents
from backend.core.principal import Principal
from backend.core.validation import check_amount, check_date, check_text
from backend.debtors.services import get_debtor
from backend.entries.models import FinancialEntry


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


def scope_entries(
    query: QuerySet[FinancialEntry], principal: Principal
) -> QuerySet[FinancialEntry]:
    if principal.company_ids is None:
        return query
    return query.filter(company_id__in=list(principal.company_ids))


async def get_entry(principal: Principal, entry_id: int | None) -> FinancialEntry | None:
    if entry_id is None:
        return None
    return await scope_entries(FinancialEntry.filter(id=entry_id), principal).first()


def status_for(amount_cents: int, paid_cents: int) -> EntryStatus:
    if paid_cents <= 0:
        return EntryStatus.OPEN
    return EntryStatus.PAID if paid_cents >= amount_cents else EntryStatus.PARTIALLY_PAID


async def create_entry(*, principal: Principal, data: NewEntry) -> FinancialEntry:
    """Create an entry; the same `external_id` in the same company updates it instead."""
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
    entry.update_from_dict(values)
    entry.status = status_for(entry.amount_cents, entry.paid_cents)
    entry.version += 1
    await entry.save()
    diff = changes(before, values)
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
