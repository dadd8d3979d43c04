from __future__ import annotations

from decimal import Decimal

import strawberry

from backend.companies import services
from backend.companies.types import Company
from backend.core.context import Info
from backend.core.payloads import UserError, run_mutation


@strawberry.input
class CreateCompanyInput:
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


@strawberry.type
class CreateCompanyPayload:
    company: Company | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CompanyMutations:
    @strawberry.mutation(description="Register one of the user's own companies (admins).")
    async def create_company(self, info: Info, input: CreateCompanyInput) -> CreateCompanyPayload:
        async def action() -> CreateCompanyPayload:
            data = services.CompanyData(**vars(input))
            company = await services.create_company(principal=info.context.principal, data=data)
            return CreateCompanyPayload(company=Company(model=company))

        return await run_mutation(action, lambda errors: CreateCompanyPayload(errors=errors))
