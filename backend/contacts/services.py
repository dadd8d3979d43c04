"""Contacts (Contatos): other people at a debtor, reachable when the debtor is.

Contacts are part of the debtor's shared record (a collection e-mail may go to them), so
changing them needs reach over every company of the debtor, as changing the debtor does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from backend.accounts.scope import get_debtor, require_reach_over, scope_debtors
from backend.audit.services import changes, record
from backend.core.errors import ErrorCollector, ServiceError, fail
from backend.core.principal import Principal
from backend.core.validation import check_email, check_phone, check_text
from backend.debtors.models import Contact, Debtor

FIELDS = ("name", "department", "role", "email", "phone", "mobile")


@dataclass(frozen=True)
class ContactData:
    """On update, None leaves a field as it is and "" clears an optional one."""

    name: str | None = None
    department: str | None = None
    role: str | None = None  # cargo
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None


async def get_contact(principal: Principal, contact_id: int | None) -> Contact | None:
    """The contact, or None when it does not exist or its debtor is out of reach."""
    if contact_id is None:
        return None
    debtors = scope_debtors(Debtor.all(), principal).values("id")
    return await Contact.filter(id=contact_id, debtor_id__in=Subquery(debtors)).first()


def _validate(data: ContactData, errors: ErrorCollector, *, creating: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if creating or data.name is not None:
        values["name"] = check_text(
            errors, data.name, "name", label="Nome", max_length=200, required=True
        )
    if data.department is not None:
        values["department"] = check_text(
            errors, data.department, "department", label="Departamento", max_length=100
        )
    if data.role is not None:
        values["role"] = check_text(errors, data.role, "role", label="Cargo", max_length=100)
    if data.email is not None:
        values["email"] = check_email(errors, data.email, "email")
    if data.phone is not None:
        values["phone"] = check_phone(errors, data.phone, "phone")
    if data.mobile is not None:
        values["mobile"] = check_phone(errors, data.mobile, "mobile")
    return values


async def add_contact(*, principal: Principal, debtor_id: int | None, data: ContactData) -> Contact:
    principal.require_write()
    errors = ErrorCollector()
    values = _validate(data, errors, creating=True)
    debtor = await get_debtor(principal, debtor_id)
    if debtor is None:
        errors.add("NOT_FOUND", "Cliente não encontrado.", "debtorId")
        raise ServiceError(errors.errors)
    errors.raise_if_any()
    async with in_transaction():
        companies = await require_reach_over(principal, debtor.id)
        contact = await Contact.create(debtor_id=debtor.id, **values)
        await record(
            principal,
            action="contact.create",
            target_type="Contact",
            target_id=contact.id,
            company_ids=companies,
            details={"debtorId": debtor.id, **{k: getattr(contact, k) for k in FIELDS}},
        )
    return contact


async def update_contact(
    *, principal: Principal, contact_id: int | None, data: ContactData
) -> Contact:
    principal.require_write()
    errors = ErrorCollector()
    values = _validate(data, errors, creating=False)
    contact = await get_contact(principal, contact_id)
    if contact is None:
        errors.add("NOT_FOUND", "Contato não encontrado.", "id")
        raise ServiceError(errors.errors)
    errors.raise_if_any()
    diff = changes({key: getattr(contact, key) for key in values}, values)
    if diff:
        async with in_transaction():
            companies = await require_reach_over(principal, contact.debtor_id)
            contact.update_from_dict(values)
            await contact.save()
            await record(
                principal,
                action="contact.update",
                target_type="Contact",
                target_id=contact.id,
                company_ids=companies,
                details={"debtorId": contact.debtor_id, **diff},
            )
    return contact


async def remove_contact(*, principal: Principal, contact_id: int | None) -> Contact:
    principal.require_write()
    contact = await get_contact(principal, contact_id)
    if contact is None:
        fail("NOT_FOUND", "Contato não encontrado.", "input", "id")
    removed_id = contact.id
    async with in_transaction():
        companies = await require_reach_over(principal, contact.debtor_id)
        await contact.delete()
        await record(
            principal,
            action="contact.remove",
            target_type="Contact",
            target_id=removed_id,
            company_ids=companies,
            details={"debtorId": contact.debtor_id, **{k: getattr(contact, k) for k in FIELDS}},
        )
    return contact
