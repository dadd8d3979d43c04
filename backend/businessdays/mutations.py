from __future__ import annotations

import datetime as dt

import strawberry

from backend.businessdays import services
from backend.businessdays.types import CompanyHoliday
from backend.core.context import Info
from backend.core.gql import gid, pk
from backend.core.payloads import UserError, run_mutation


@strawberry.input
class AddCompanyHolidayInput:
    company_id: strawberry.ID
    date: dt.date
    name: str = strawberry.field(description='e.g. "Aniversário de Campinas".')


@strawberry.type
class AddCompanyHolidayPayload:
    holiday: CompanyHoliday | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RemoveCompanyHolidayInput:
    id: strawberry.ID


@strawberry.type
class RemoveCompanyHolidayPayload:
    removed_id: strawberry.ID | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class BusinessDayMutations:
    @strawberry.mutation(description="Add a day off of one company (admins); audited.")
    async def add_company_holiday(
        self, info: Info, input: AddCompanyHolidayInput
    ) -> AddCompanyHolidayPayload:
        async def action() -> AddCompanyHolidayPayload:
            holiday = await services.add_company_holiday(
                principal=info.context.principal,
                company_id=pk("Company", input.company_id),
                date=input.date,
                name=input.name,
            )
            return AddCompanyHolidayPayload(holiday=CompanyHoliday(model=holiday))

        return await run_mutation(action, lambda errors: AddCompanyHolidayPayload(errors=errors))

    @strawberry.mutation(description="Remove a day off of one company (admins); audited.")
    async def remove_company_holiday(
        self, info: Info, input: RemoveCompanyHolidayInput
    ) -> RemoveCompanyHolidayPayload:
        async def action() -> RemoveCompanyHolidayPayload:
            holiday_id = pk("CompanyHoliday", input.id)
            await services.remove_company_holiday(
                principal=info.context.principal, holiday_id=holiday_id
            )
            assert holiday_id is not None  # else the service raised NOT_FOUND
            return RemoveCompanyHolidayPayload(removed_id=gid("CompanyHoliday", holiday_id))

        return await run_mutation(action, lambda errors: RemoveCompanyHolidayPayload(errors=errors))
