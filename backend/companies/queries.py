from __future__ import annotations

import strawberry

from backend.companies import services
from backend.companies.types import Company
from backend.core.context import Info


@strawberry.type
class CompanyQueries:
    @strawberry.field(description="The companies the caller may see.")
    async def companies(self, info: Info) -> list[Company]:
        return [Company(model=c) for c in await services.visible_companies(info.context.principal)]
