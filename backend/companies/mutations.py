from __future__ import annotations

from decimal import Decimal

import strawberry

from backend.companies import services
from backend.companies.types import Company
from backend.core.address_types import AddressInput
from backend.core.context import Info
from backend.core.gql import pk
from backend.core.payloads import UserError, run_mutation

_PIX_KEY = "Chave PIX: CPF, CNPJ, e-mail, mobile as +55 11 98765-4321, or a random key (UUID)."
_RECENT_DAYS = "Days after an e-mail during which another needs confirmRecentContact; 0 is off."


@strawberry.input
class CreateCompanyInput:
    name: str
    document: str | None = strawberry.field(
        default=None, description="CNPJ, numeric or alphanumeric (12.ABC.345/01DE-35)."
    )
    email: str | None = None
    late_fee_percent: Decimal | None = None
    monthly_interest_percent: Decimal | None = None
    time_zone: str | None = None
    recent_contact_days: int | None = strawberry.field(default=None, description=_RECENT_DAYS)
    pix_key: str | None = strawberry.field(default=None, description=_PIX_KEY)
    address: AddressInput | None = None


@strawberry.input(description='Omitted fields stay as they are; "" clears an optional text.')
class UpdateCompanyInput:
    id: strawberry.ID
    name: str | None = None
    document: str | None = strawberry.field(
        default=None, description="CNPJ, numeric or alphanumeric (12.ABC.345/01DE-35)."
    )
    email: str | None = None
    late_fee_percent: Decimal | None = None
    monthly_interest_percent: Decimal | None = None
    time_zone: str | None = None
    recent_contact_days: int | None = strawberry.field(default=None, description=_RECENT_DAYS)
    pix_key: str | None = strawberry.field(default=None, description=_PIX_KEY)
    address: AddressInput | None = None


@strawberry.type
class CreateCompanyPayload:
    company: Company | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class UpdateCompanyPayload:
    company: Company | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


def _data(input: CreateCompanyInput | UpdateCompanyInput) -> services.CompanyData:
    return services.CompanyData(
        name=input.name,
        document=input.document,
        email=input.email,
        late_fee_percent=input.late_fee_percent,
        monthly_interest_percent=input.monthly_interest_percent,
        time_zone=input.time_zone,
        recent_contact_days=input.recent_contact_days,
        pix_key=input.pix_key,
        address=AddressInput.data(input.address),
    )


@strawberry.type
class CompanyMutations:
    @strawberry.mutation(description="Register one of the user's own companies (admins).")
    async def create_company(self, info: Info, input: CreateCompanyInput) -> CreateCompanyPayload:
        async def action() -> CreateCompanyPayload:
            company = await services.create_company(
                principal=info.context.principal, data=_data(input)
            )
            return CreateCompanyPayload(company=Company(model=company))

        return await run_mutation(action, lambda errors: CreateCompanyPayload(errors=errors))

    @strawberry.mutation(
        description="Change a company's settings (admins); audited with old and new values."
    )
    async def update_company(self, info: Info, input: UpdateCompanyInput) -> UpdateCompanyPayload:
        async def action() -> UpdateCompanyPayload:
            company = await services.update_company(
                principal=info.context.principal,
                company_id=pk("Company", input.id),
                data=_data(input),
            )
            return UpdateCompanyPayload(company=Company(model=company))

        return await run_mutation(action, lambda errors: UpdateCompanyPayload(errors=errors))
