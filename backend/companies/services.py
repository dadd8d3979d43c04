"""Companies: the user's own businesses, each with its charge rules and time zone."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tortoise.transactions import in_transaction

from backend.audit.services import record
from backend.companies.models import Company
from backend.core.errors import ErrorCollector
from backend.core.principal import Principal
from backend.core.validation import (
    check_cnpj,
    check_email,
    check_percent,
    check_postal_code,
    check_state,
    check_text,
)

MAX_LATE_FEE = Decimal("20.00")
MAX_MONTHLY_INTEREST = Decimal("20.00")


@dataclass(frozen=True)
class CompanyData:
    name: str
    document: str | None = None
    email: str | None = None
    late_fee_percent: Decimal | None = None
    monthly_interest_percent: Decimal | None = None
    time_zone: str | None = None
    postal_code: str | None = None
    street: str | None = None
    number: str | None = None
    complement: str | None = None
    district: str | None = None
    city: str | None = None
    state: str | None = None


async def create_company(*, principal: Principal, data: CompanyData) -> Company:
    principal.require_admin()
    errors = ErrorCollector()
    values: dict[str, Any] = {
        "name": check_text(errors, data.name, "name", label="Nome", max_length=200, required=True),
        "document": check_cnpj(errors, data.document, "document"),
        "email": check_email(errors, data.email, "email"),
        "postal_code": check_postal_code(errors, data.postal_code, "postalCode"),
        "street": check_text(errors, data.street, "street", label="Logradouro", max_length=200),
        "number": check_text(errors, data.number, "number", label="Número", max_length=20),
        "complement": check_text(
            errors, data.complement, "complement", label="Complemento", max_length=100
        ),
        "district": check_text(errors, data.district, "district", label="Bairro", max_length=100),
        "city": check_text(errors, data.city, "city", label="Cidade", max_length=100),
        "state": check_state(errors, data.state, "state"),
    }
    late_fee = check_percent(
        errors, data.late_fee_percent, "lateFeePercent", label="Multa", maximum=MAX_LATE_FEE
    )
    interest = check_percent(
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
    if values["document"] and await Company.filter(document=values["document"]).exists():
        errors.add("DUPLICATE_DOCUMENT", "Já existe uma empresa com este CNPJ.", "document")
    errors.raise_if_any()
    if late_fee is not None:
        values["late_fee_percent"] = late_fee
    if interest is not None:
        values["monthly_interest_percent"] = interest
    async with in_transaction():
        company = await Company.create(**values)
        await record(
            principal,
            action="company.create",
            target_type="Company",
            target_id=company.id,
            company_id=company.id,
            details={"name": company.name},
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
