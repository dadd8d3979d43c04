from __future__ import annotations

import strawberry

from backend.businessdays import services
from backend.businessdays.types import CompanyHoliday
from backend.core.context import Info
from backend.core.gql import pk


@strawberry.type
class BusinessDayQueries:
    @strawberry.field(
        description="A company's own holidays, beyond the national ones and its address "
        "state's, which are known; empty for a company out of reach."
    )
    async def company_holidays(self, info: Info, company_id: strawberry.ID) -> list[CompanyHoliday]:
        found = await services.list_company_holidays(
            info.context.principal, pk("Company", company_id)
        )
        return [CompanyHoliday(model=h) for h in found]
