from __future__ import annotations

import strawberry

from backend.companies.types import Company
from backend.core.context import Info
from backend.core.gql import pk
from backend.core.payloads import UserError, run_mutation
from backend.debtors.types import Debtor
from backend.lgpd import services


@strawberry.input
class AnonymizeDebtorInput:
    debtor_id: strawberry.ID
    reason: str = strawberry.field(description="Why (e.g. the data subject's request of …).")


@strawberry.type
class AnonymizeDebtorPayload:
    debtor: Debtor | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class SetDataRetentionInput:
    company_id: strawberry.ID
    days: int | None = strawberry.field(
        description="30–36500: paid-off debtors with no activity for this long are anonymised "
        "by the worker; null: kept until someone asks."
    )


@strawberry.type
class SetDataRetentionPayload:
    company: Company | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class LgpdMutations:
    @strawberry.mutation(
        description="Replace a debtor's personal data for good (LGPD arts. 16 and 18), once "
        "nothing is open; figures stay. Administrators reaching all its companies."
    )
    async def anonymize_debtor(
        self, info: Info, input: AnonymizeDebtorInput
    ) -> AnonymizeDebtorPayload:
        async def action() -> AnonymizeDebtorPayload:
            debtor = await services.anonymize_debtor(
                principal=info.context.principal,
                debtor_id=pk("Debtor", input.debtor_id),
                reason=input.reason,
                now=info.context.now(),
            )
            await debtor.refresh_from_db()
            return AnonymizeDebtorPayload(debtor=Debtor(model=debtor))

        return await run_mutation(action, lambda errors: AnonymizeDebtorPayload(errors=errors))

    @strawberry.mutation(description="A company's retention period for personal data (LGPD).")
    async def set_data_retention(
        self, info: Info, input: SetDataRetentionInput
    ) -> SetDataRetentionPayload:
        async def action() -> SetDataRetentionPayload:
            company = await services.set_retention(
                principal=info.context.principal,
                company_id=pk("Company", input.company_id),
                days=input.days,
            )
            return SetDataRetentionPayload(company=Company(model=company))

        return await run_mutation(action, lambda errors: SetDataRetentionPayload(errors=errors))
