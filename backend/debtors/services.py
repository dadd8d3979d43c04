"""Debtors (Cliente / Fornecedor): validation and upsert by external id.

Which debtors a principal reaches is decided in backend.accounts.scope. A debtor is created for
a company (a DebtorCompany link), which reaches it before any entry exists; the partner's
external id is unique within that company. A debtor shared by several companies is one record:
changing its data needs reach over all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from backend.accounts.scope import debtor_company_ids, get_debtor, require_reach_over
from backend.audit.services import changes, record
from backend.companies.services import get_company
from backend.core.address import AddressData, check_address
from backend.core.conflicts import retry_on_conflict
from backend.core.enums import DebtorKind
from backend.core.errors import ErrorCollector, fail
from backend.core.principal import Principal
from backend.core.text import search_key
from backend.core.validation import check_document, check_email, check_phone, check_text
from backend.debtors.models import Debtor, DebtorCompany
from backend.live.bus import publish
from backend.webhooks.events import debtor_event
from backend.webhooks.outbox import enqueue_event


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
    # createDebtor only: the company it is created for; None lets `_company_for` choose, and an
    # id that matched nothing (malformed) is -1.
    company_id: int | None = None


async def require_debtor(principal: Principal, debtor_id: int | None, *path: str) -> Debtor:
    debtor = await get_debtor(principal, debtor_id)
    if debtor is None:
        fail("NOT_FOUND", "Cliente não encontrado.", *path)
    return debtor


def _validate(data: DebtorData, *, creating: bool) -> dict[str, Any]:
    errors = ErrorCollector()
    values = validate_debtor(data, creating=creating, errors=errors)
    errors.raise_if_any()
    return values


def validate_debtor(data: DebtorData, *, creating: bool, errors: ErrorCollector) -> dict[str, Any]:
    """The given fields as column values; problems go to `errors` (whose prefix says where the
    debtor is in the input: one debtor's `input`, or a bulk call's `input.items.3`)."""
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
    if values.get("name"):
        values["search_key"] = search_key(values["name"])
    return values


def _snapshot(debtor: Debtor, keys: list[str]) -> dict[str, Any]:
    return {key: getattr(debtor, key) for key in keys}


async def create_debtor(*, principal: Principal, data: DebtorData) -> Debtor:
    """Create, or update the debtor that already has this `external_id` (never duplicate)."""
    return await retry_on_conflict(lambda: _create_debtor(principal=principal, data=data))


async def _company_for(principal: Principal, company_id: int | None) -> int | None:
    """The company a new debtor is created for: the one named, else the principal's only one.

    An unrestricted principal may leave it out: the debtor then belongs to no company until an
    entry links it, and only unrestricted principals reach it meanwhile.
    """
    if company_id is not None:
        if await get_company(principal, company_id) is None:
            fail("NOT_FOUND", "Empresa não encontrada.", "input", "companyId")
        return company_id
    if principal.company_ids is None:
        return None
    if len(principal.company_ids) == 1:
        return next(iter(principal.company_ids))
    fail(
        "REQUIRED",
        "Informe a empresa para a qual o cliente é cadastrado.",
        "input",
        "companyId",
    )


async def _create_debtor(*, principal: Principal, data: DebtorData) -> Debtor:
    principal.require_write()
    values = _validate(data, creating=True)
    company_id = await _company_for(principal, data.company_id)
    external_id = values.pop("external_id", None)
    async with in_transaction():
        existing = None
        if external_id and company_id is not None:
            link = await (
                DebtorCompany.filter(company_id=company_id, external_id=external_id)
                .select_for_update()
                .first()
            )
            if link is not None:
                existing = await Debtor.filter(id=link.debtor_id).select_for_update().first()
        elif external_id:  # an unrestricted integration's own, installation-wide ids
            existing = await Debtor.filter(external_id=external_id).select_for_update().first()
        if existing is not None:
            return await _change(principal, existing, values)
        debtor = await Debtor.create(
            **values, external_id=external_id if company_id is None else None
        )
        if company_id is not None:
            await DebtorCompany.create(
                debtor_id=debtor.id, company_id=company_id, external_id=external_id
            )
        await record(
            principal,
            action="debtor.create",
            target_type="Debtor",
            target_id=debtor.id,
            company_id=company_id,
            details={"name": debtor.name},
        )
        return debtor


async def _change(principal: Principal, debtor: Debtor, values: dict[str, Any]) -> Debtor:
    """Apply `values` inside the caller's transaction; audited for each of its companies."""
    companies = await require_reach_over(principal, debtor.id)
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
            company_ids=companies,
            details=diff,
        )
        links = dict(
            await DebtorCompany.filter(debtor_id=debtor.id).values_list("company_id", "external_id")
        )
        for company_id in sorted(companies):  # each company's partner, in this transaction
            await enqueue_event(
                company_id,
                "debtor.updated",
                debtor_event(debtor.id, company_id, list(diff), links.get(company_id)),
            )
    return debtor


async def update_debtor(*, principal: Principal, debtor_id: int | None, data: DebtorData) -> Debtor:
    principal.require_write()
    debtor = await require_debtor(principal, debtor_id, "input", "id")
    values = _validate(data, creating=False)
    values.pop("external_id", None)
    async with in_transaction():
        locked = await Debtor.filter(id=debtor.id).select_for_update().get()
        changed = await _change(principal, locked, values)
    await publish(
        principal,
        kind="debtor.update",
        debtor_id=changed.id,
        company_ids=await debtor_company_ids(changed.id),
    )
    return changed
