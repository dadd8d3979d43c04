from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry

from backend.collection.models import EmailTemplate as EmailTemplateModel
from backend.collection.planning import PlannedMessage, collection_plan
from backend.collection.types import EmailTemplate
from backend.core.context import Info
from backend.core.gql import gid, pk
from backend.core.money import from_cents
from backend.debtors.models import Debtor as DebtorModel


@strawberry.type(description="One consolidated message the régua would send on a date.")
class PlannedCollectionEmail:
    planned: strawberry.Private[PlannedMessage]
    debtor_model: strawberry.Private[DebtorModel]
    template_model: strawberry.Private[EmailTemplateModel]

    @strawberry.field
    def debtor_id(self) -> strawberry.ID:
        return gid("Debtor", self.debtor_model.id)

    @strawberry.field
    def debtor_name(self) -> str:
        return self.debtor_model.name

    @strawberry.field(description="The step reached: days relative to the due date.")
    def step_days(self) -> int:
        return self.planned.step_days

    @strawberry.field
    def template(self) -> EmailTemplate:
        return EmailTemplate(model=self.template_model)

    @strawberry.field(description="How many entries the one message carries.")
    def entry_count(self) -> int:
        return len(self.planned.entry_ids)

    @strawberry.field(description="Their open amount (principal, after partial payments).")
    def open_amount(self) -> Decimal:
        return from_cents(self.planned.open_cents)


@strawberry.type
class CollectionQueries:
    @strawberry.field(
        description="What the régua would send for the company on that date, without sending. "
        "A company out of reach answers as an unknown one: an empty plan. By debtor id; at "
        "most `first` (1–500) messages."
    )
    async def collection_plan(
        self,
        info: Info,
        company_id: strawberry.ID,
        date: dt.date,
        first: int = 100,
    ) -> list[PlannedCollectionEmail]:
        company = pk("Company", company_id)
        if company is None or not info.context.principal.sees_company(company):
            return []
        plan = (await collection_plan(company, date))[: max(1, min(first, 500))]
        debtors = {d.id: d for d in await DebtorModel.filter(id__in=[p.debtor_id for p in plan])}
        templates = {
            t.id: t for t in await EmailTemplateModel.filter(id__in=[p.template_id for p in plan])
        }
        return [
            PlannedCollectionEmail(
                planned=p,
                debtor_model=debtors[p.debtor_id],
                template_model=templates[p.template_id],
            )
            for p in plan
        ]
