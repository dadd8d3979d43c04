from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry

from backend.core.context import Info
from backend.core.gql import pk
from backend.core.payloads import UserError, run_mutation
from backend.entries import services
from backend.entries.types import FinancialEntry


@strawberry.input
class CreateEntryInput:
    debtor_id: strawberry.ID
    company_id: strawberry.ID
    code: str | None = strawberry.field(
        default=None, description="Unique per company; generated when absent."
    )
    description: str
    issue_date: dt.date | None = None
    due_date: dt.date
    amount: Decimal
    external_id: str | None = strawberry.field(
        default=None,
        description="The partner's own id: sending it again updates, never duplicates.",
    )


@strawberry.type
class CreateEntryPayload:
    entry: FinancialEntry | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class EntryMutations:
    @strawberry.mutation(description="Create an entry, or update the one with this externalId.")
    async def create_entry(self, info: Info, input: CreateEntryInput) -> CreateEntryPayload:
        async def action() -> CreateEntryPayload:
            data = services.NewEntry(
                debtor_id=pk("Debtor", input.debtor_id),
                company_id=pk("Company", input.company_id),
                description=input.description,
                due_date=input.due_date,
                amount=input.amount,
                code=input.code,
                issue_date=input.issue_date,
                external_id=input.external_id,
            )
            entry = await services.create_entry(principal=info.context.principal, data=data)
            return CreateEntryPayload(entry=FinancialEntry(model=entry))

        return await run_mutation(action, lambda errors: CreateEntryPayload(errors=errors))
