from __future__ import annotations

import strawberry

from backend.core.address_types import AddressInput
from backend.core.context import Info
from backend.core.gql import pk
from backend.core.payloads import UserError, run_mutation
from backend.debtors import services
from backend.debtors.types import Debtor, DebtorKindEnum


@strawberry.input
class CreateDebtorInput:
    name: str
    kind: DebtorKindEnum | None = DebtorKindEnum.CUSTOMER  # type: ignore[valid-type]
    document: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    address: AddressInput | None = None
    external_id: str | None = strawberry.field(
        default=None,
        description=(
            "The partner's own id, unique within the company: sending it again updates the debtor."
        ),
    )
    company_id: strawberry.ID | None = strawberry.field(
        default=None,
        description=(
            "The company the debtor is created for; it alone (and unrestricted users) sees the "
            "debtor until an entry links another. Default: the caller's only company; required "
            "when the caller has several; an unrestricted caller may leave it out."
        ),
    )


@strawberry.input
class UpdateDebtorInput:
    id: strawberry.ID
    name: str | None = None
    kind: DebtorKindEnum | None = None  # type: ignore[valid-type]
    document: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    address: AddressInput | None = None


@strawberry.type
class CreateDebtorPayload:
    debtor: Debtor | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class UpdateDebtorPayload:
    debtor: Debtor | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class DebtorMutations:
    @strawberry.mutation(description="Create a debtor; the same externalId again updates it.")
    async def create_debtor(self, info: Info, input: CreateDebtorInput) -> CreateDebtorPayload:
        async def action() -> CreateDebtorPayload:
            data = services.DebtorData(
                name=input.name,
                kind=input.kind,
                document=input.document,
                email=input.email,
                phone=input.phone,
                mobile=input.mobile,
                address=AddressInput.data(input.address),
                external_id=input.external_id,
                company_id=(
                    None if input.company_id is None else (pk("Company", input.company_id) or -1)
                ),
            )
            debtor = await services.create_debtor(principal=info.context.principal, data=data)
            return CreateDebtorPayload(debtor=Debtor(model=debtor))

        return await run_mutation(action, lambda errors: CreateDebtorPayload(errors=errors))

    @strawberry.mutation(
        description='Change a debtor\'s data; omitted fields stay, "" clears an optional one.'
    )
    async def update_debtor(self, info: Info, input: UpdateDebtorInput) -> UpdateDebtorPayload:
        async def action() -> UpdateDebtorPayload:
            data = services.DebtorData(
                name=input.name,
                kind=input.kind,
                document=input.document,
                email=input.email,
                phone=input.phone,
                mobile=input.mobile,
                address=AddressInput.data(input.address),
            )
            debtor = await services.update_debtor(
                principal=info.context.principal, debtor_id=pk("Debtor", input.id), data=data
            )
            return UpdateDebtorPayload(debtor=Debtor(model=debtor))

        return await run_mutation(action, lambda errors: UpdateDebtorPayload(errors=errors))
