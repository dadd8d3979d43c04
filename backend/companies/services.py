"""Companies: the user's own businesses, each with its charge rules, time zone and address."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tortoise.transactions import in_transaction

from backend.audit.services import changes, record
from backend.companies.models import Company
from backend.core.address import AddressData, check_address
from backend.core.errors import ErrorCollector, fail
from backend.core.principal import Principal
from backend.core.validation import (
    check_cnpj,
    check_email,
    check_percent,
    check_pix_key,
    check_text,
)

MAX_LATE_FEE = Decimal("20.00")
MAX_MONTHLY_INTEREST = Decimal("20.00")
MAX_RECENT_CONTACT_DAYS = 90


@dataclass(frozen=True)
class CompanyData:
    """Fields left as None are not changed on update; "" clears an optional text field."""

    name: str | None = None
    document: str | None = None
    email: str | None = None
    late_fee_percent: Decimal | None = None
    monthly_interest_percent: Decimal | None = None
    time_zone: str | None = None
    recent_contact_days: int | None = None
    pix_key: str | None = None
    address: AddressData | None = None


def _validate(data: CompanyData, *, creating: bool) -> dict[str, Any]:
    """Column values for the fields given, or ServiceError with every problem at once."""
    errors = ErrorCollector()
    values: dict[str, Any] = {}
    if creating or data.name is not None:
        values["name"] = check_text(
            errors, data.name, "name", label="Nome", max_length=200, required=True
        )
    if data.document is not None:
        values["document"] = check_cnpj(errors, data.document, "document")
    if data.email is not None:
        values["email"] = check_email(errors, data.email, "email")
    if data.pix_key is not None:
        values["pix_key"] = check_pix_key(errors, data.pix_key, "pixKey")
    if data.address is not None:
        values.update(check_address(errors, data.address, "address"))
    if data.late_fee_percent is not None:
        values["late_fee_percent"] = check_percent(
            errors, data.late_fee_percent, "lateFeePercent", label="Multa", maximum=MAX_LATE_FEE
        )
    if data.monthly_interest_percent is not None:
        values["monthly_interest_percent"] = check_percent(
            errors,
            data.monthly_interest_percent,
            "monthlyInterestPercent",
            label="Juros ao mês",
            maximum=MAX_MONTHLY_INTEREST,
        )
    if data.time_zone:
        try:
            ZoneInfo(data.time_zone)
            values["time_zone"] = data.time_zone
        except (ZoneInfoNotFoundError, ValueError):
            errors.add("INVALID_TIME_ZONE", "Fuso horário desconhecido.", "timeZone")
    days = data.recent_contact_days
    if days is not None:
        if 0 <= days <= MAX_RECENT_CONTACT_DAYS:
            values["recent_contact_days"] = days
        else:
            errors.add(
                "INVALID_DAYS",
                f"Dias de contato recente deve estar entre 0 (desligado) e "
                f"{MAX_RECENT_CONTACT_DAYS}.",
                "recentContactDays",
            )
    errors.raise_if_any()
    return values


async def _check_unique_document(document: str | None, *, other_than: int | None) -> None:
    if not document:
        return
    query = Company.filter(document=document)
    if other_than is not None:
        query = query.exclude(id=other_than)
    if await query.exists():
        fail("DUPLICATE_DOCUMENT", "Já existe uma empresa com este CNPJ.", "input", "document")


async def create_company(*, principal: Principal, data: CompanyData) -> Company:
    from backend.collection.templates import ensure_default_template  # collection imports us

    principal.require_admin()
    values = _validate(data, creating=True)
    await _check_unique_document(values.get("document"), other_than=None)
    async with in_transaction():
        company = await Company.create(**{k: v for k, v in values.items() if v is not None})
        await ensure_default_template(company)
        await record(
            principal,
            action="company.create",
            target_type="Company",
            target_id=company.id,
            company_id=company.id,
            details={"name": company.name},
        )
    return company


async def update_company(
    *, principal: Principal, company_id: int | None, data: CompanyData
) -> Company:
    """Change the given fields (admins); audited with the old and new value of each change."""
    principal.require_admin()
    if await get_company(principal, company_id) is None:
        fail("NOT_FOUND", "Empresa não encontrada.", "input", "id")
    values = _validate(data, creating=False)
    await _check_unique_document(values.get("document"), other_than=company_id)
    async with in_transaction():
        company = await Company.filter(id=company_id).select_for_update().get()
        before = {key: getattr(company, key) for key in values}
        diff = changes(before, values)
        if diff:
            company.update_from_dict(values)
            await company.save(update_fields=list(values))
            await record(
                principal,
                action="company.update",
                target_type="Company",
                target_id=company.id,
                company_id=company.id,
                details=diff,
            )
    return company


async def visible_companies(principal: Principal) -> list[Company]:
    query = Company.all()
    if principal.company_ids is not None:
        query = query.filter(id__in=list(principal.company_ids))
    return await query.order_by("name", "id")


async def get_company(principal: Principal, company_id: int | None) -> Company | None:
    """The company, or None when it does not exist or is outside the principal's reach."""
    if company_id is None or not principal.sees_company(company_id):
        return None
    return await Company.get_or_none(id=company_id)
