from __future__ import annotations

import datetime as dt

import strawberry

from backend.companies import services
from backend.companies.loaders import load_companies_by_id
from backend.companies.types import Company
from backend.core.context import Info
from backend.core.periods import local_today


@strawberry.type
class CompanyQueries:
    @strawberry.field(description="The companies the caller may see.")
    async def companies(self, info: Info) -> list[Company]:
        companies = await services.visible_companies(info.context.principal)
        # Débitos do Cliente lists them and reads its entries' and e-mails' companies by id.
        info.context.loaders.get(load_companies_by_id).prime_many({c.id: c for c in companies})
        return [Company(model=c) for c in companies]

    @strawberry.field(
        description="Today in the installation's time zone (TIME_ZONE), from the server's "
        "clock: the default of dates that belong to no company. A company's own is Company.today."
    )
    def today(self, info: Info) -> dt.date:
        return local_today(info.context.now(), info.context.settings.time_zone)
