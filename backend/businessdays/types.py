from __future__ import annotations

import datetime as dt

import strawberry

from backend.businessdays import models
from backend.core.gql import gid


@strawberry.type(
    description="One of a company's own days off (a municipal holiday, collective leave): "
    "an entry due on it may be paid on the next business day without charges, like on a "
    "national or state holiday (Código Civil art. 132 §1)."
)
class CompanyHoliday:
    model: strawberry.Private[models.CompanyHoliday]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("CompanyHoliday", self.model.id)

    @strawberry.field
    def company_id(self) -> strawberry.ID:
        return gid("Company", self.model.company_id)

    @strawberry.field
    def date(self) -> dt.date:
        return self.model.date

    @strawberry.field
    def name(self) -> str:
        return self.model.name
