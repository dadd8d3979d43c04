"""Debtors (Cliente / Fornecedor): validation, upsert by external id, and company scope.

Scope rule: a principal limited to some companies sees a debtor when the debtor has an entry in
one of them, or has no entry at all yet (just created, so a partner can add its first entry).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend.audit.services import changes, record
from backend.core.address import AddressData, check_address
from backend.core.conflicts import retry_on_conflict
from backend.core.enums import DebtorKind
from backend.core.errors import ErrorCollector, fail
from backend.core.principal import Principal
from backend.core.text import search_key
from backend.core.validation import check_document, check_email, check_phone, check_text
from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry


@dataclass(frozen=True)
class DebtorData:
    """Fields left as None are not changed on update; "" clears an optional field."""

    name: str | None = None
    kind: DebtorKind | None = None
    document: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    address: AddressData | None = None
    external_id: str | None = None


def scope_debtors(query: QuerySet[Debtor], principal: Principal) -> QuerySet[Debtor]:
    if principal.company_ids is None:
        return query
    in_scope = FinancialEntry.filter(company_id__in=list(principal.company_ids)).values("debtor_id")
    with_any = FinancialEntry.all().values("debtor_id")
    return query.filter(Q(id__in=Subquery(in_scope)) | ~Q(id__in=Subquery(with_any)))


async def get_debtor(principal: Principal, debtor_id: int | None) -> Debtor | None:
    """The debtor, or None when it does not exist or is outside the principal's reach."""
    if debtor_id is None:
        return None
    return await scope_debtors(Debtor.filter(id=debtor_id), principal).first()


async def require_debtor(principal: Principal, debtor_id: int | None, *path: str) -> Debtor:
    debtor = await get_debtor(principal, debtor_id)
    if debtor is None:
        fail("NOT_FOUND", "Cliente não encontrado.", *path)
    return debtor


def _validate(data: DebtorData, *, creating: bool) -> dict[str, Any]:
    errors = ErrorCollector()
    values: dict[str, Any] = {}
    if creating or data.name is not None:
        values["name"] = check_text(
            errors, data.name, "name", label="Nome", max_length=200, required=True
        )
    if data.kind is not None:
        values["kind"] = data.kind
    checks: dict[str, Callable[[str], str | None]] = {
        "document": lambda v: check_document(errors, v, "document"),
        "email": lambda v: check_email(errors, v, "email"),
        "phone": lambda v: check_phone(errors, v, "phone"),
        "mobile": lambda v: check_phone(errors, v, "mobile"),
        "external_id": lambda v: check_text(
            errors, v, "externalId", label="Identificador externo", max_length=100
        ),
    }
    for name, check in checks.items():
        raw = getattr(data, name)
        if raw is not None:
            values[name] = check(raw)
    if data.address is not None:
        values.update(check_address(errors, data.address, "address"))
    errors.raise_if_any()
    if values.get("name"):
        values["search_key"] = search_key(values["name"])
    return values


def _snapshot(debtor: Debtor, keys: list[str]) -> dict[str, Any]:
    return {key: getattr(debtor, key) for key in keys}


async def create_debtor(*, principal: Principal, data: DebtorData) -> Debtor:
    """Create, or update the debtor that already has this `external_id` (never duplicate)."""
    return await retry_on_conflict(lambda: _create_debtor(principal=principal, data=data))


async def _create_debtor(*, principal: Principal, data: DebtorData) -> Debtor:
    principal.require_write()
    values = _validate(data, creating=True)
    external_id = values.get("external_id")
    async with in_transaction():
        existing = None
        if external_id:
            existing = await Debtor.filter(external_id=external_id).select_for_update().first()
        if existing is not None:
            if await get_debtor(principal, existing.id) is None:
                fail(
                    "DUPLICATE_EXTERNAL_ID",
                    "Este identificador externo já está em uso.",
                    "input",
                    "externalId",
                )
            before = _snapshot(existing, list(values))
            existing.update_from_dict(values)
            await existing.save()
            await record(
                principal,
                action="debtor.update",
                target_type="Debtor",
                target_id=existing.id,
                details=changes(before, values),
            )
            return existing
        debtor = await Debtor.create(**values)
        await record(
            principal,
            action="debtor.create",
            target_type="Debtor",
            target_id=debtor.id,
            details={"name": debtor.name},
        )
        return debtor


async def update_debtor(*, principal: Principal, debtor_id: int | None, data: DebtorData) -> Debtor:
    principal.require_write()
    debtor = await require_debtor(principal, debtor_id, "input", "id")
    values = _validate(data, creating=False)
    values.pop("external_id", None)
    async with in_transaction():
        before = _snapshot(debtor, list(values))
        debtor.update_from_dict(values)
        await debtor.save()
        diff = changes(before, values)
        if diff:
            await record(
                principal,
                action="debtor.update",
                target_type="Debtor",
                target_id=debtor.id,
                details=diff,
            )
    return debtor
