"""upsertDebtors and upsertEntries: a partner's bulk sync, answered item by item."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry

from backend.core.address_types import AddressInput
from backend.core.context import Info
from backend.core.gql import gid, pk
from backend.core.payloads import UserError, run_mutation
from backend.debtors.services import DebtorData
from backend.debtors.types import DebtorKindEnum
from backend.integration import debtors, entries
from backend.integration.common import MAX_ITEMS, UpsertOutcome


@strawberry.input(description='One debtor of a bulk upsert; omitted fields stay, "" clears.')
class DebtorItemInput:
    external_id: str = strawberry.field(description="The partner's id, unique in the company.")
    name: str | None = strawberry.field(default=None, description="Required for a new debtor.")
    kind: DebtorKindEnum | None = None  # type: ignore[valid-type]
    document: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    address: AddressInput | None = None


@strawberry.input
class UpsertDebtorsInput:
    company_id: strawberry.ID
    items: list[DebtorItemInput] = strawberry.field(description=f"At most {MAX_ITEMS}.")


@strawberry.input(description="One entry of a bulk upsert, its debtor named by its externalId.")
class EntryItemInput:
    external_id: str
    debtor_external_id: str = strawberry.field(
        description="The debtor's externalId in the same company (upsertDebtors gave it)."
    )
    description: str
    due_date: dt.date
    amount: Decimal
    issue_date: dt.date | None = None
    code: str | None = strawberry.field(
        default=None, description="Unique per company; the entry's id when absent."
    )
    document_number: str | None = None
    category: str | None = None
    cost_center: str | None = None


@strawberry.input
class UpsertEntriesInput:
    company_id: strawberry.ID
    items: list[EntryItemInput] = strawberry.field(description=f"At most {MAX_ITEMS}.")


@strawberry.type(description="What happened to one item: written (id) or refused (errors).")
class UpsertItemResult:
    index: int = strawberry.field(description="The item's position in `items`, from 0.")
    id: strawberry.ID | None = strawberry.field(
        description="The debtor's or entry's id; null when the item was refused."
    )
    created: bool
    changed: bool = strawberry.field(description="false: it was already exactly so.")
    errors: list[UserError]


@strawberry.type
class UpsertPayload:
    results: list[UpsertItemResult]
    created: int
    updated: int
    unchanged: int
    failed: int
    errors: list[UserError] = strawberry.field(
        description="Problems of the call itself (company, size); then nothing was written."
    )


def _payload(outcome: UpsertOutcome, type_name: str) -> UpsertPayload:
    return UpsertPayload(
        results=[
            UpsertItemResult(
                index=r.index,
                id=gid(type_name, r.id) if r.id is not None else None,
                created=r.created,
                changed=r.changed,
                errors=[UserError.from_field_error(e) for e in r.errors],
            )
            for r in outcome.results
        ],
        created=outcome.created,
        updated=outcome.updated,
        unchanged=outcome.unchanged,
        failed=outcome.failed,
        errors=[],
    )


def _refused(errors: list[UserError]) -> UpsertPayload:
    return UpsertPayload(results=[], created=0, updated=0, unchanged=0, failed=0, errors=errors)


@strawberry.type
class IntegrationMutations:
    @strawberry.mutation(
        description=f"Create or update up to {MAX_ITEMS} debtors of a company by externalId; "
        "valid items are written, invalid ones answered with their errors (one transaction)."
    )
    async def upsert_debtors(self, info: Info, input: UpsertDebtorsInput) -> UpsertPayload:
        async def action() -> UpsertPayload:
            items = [
                DebtorData(
                    name=i.name, kind=i.kind, document=i.document, email=i.email,
                    phone=i.phone, mobile=i.mobile, address=AddressInput.data(i.address),
                    external_id=i.external_id,
                )
                for i in input.items
            ]  # fmt: skip
            outcome = await debtors.upsert_debtors(
                principal=info.context.principal,
                company_id=pk("Company", input.company_id),
                items=items,
                now=info.context.now(),
            )
            return _payload(outcome, "Debtor")

        return await run_mutation(action, _refused)

    @strawberry.mutation(
        description=f"Create or update up to {MAX_ITEMS} entries of a company by externalId; "
        "valid items are written, invalid ones answered with their errors (one transaction)."
    )
    async def upsert_entries(self, info: Info, input: UpsertEntriesInput) -> UpsertPayload:
        async def action() -> UpsertPayload:
            items = [
                entries.EntryItem(
                    external_id=i.external_id, debtor_external_id=i.debtor_external_id,
                    description=i.description, due_date=i.due_date, amount=i.amount,
                    issue_date=i.issue_date, code=i.code, document_number=i.document_number,
                    category=i.category, cost_center=i.cost_center,
                )
                for i in input.items
            ]  # fmt: skip
            outcome = await entries.upsert_entries(
                principal=info.context.principal,
                company_id=pk("Company", input.company_id),
                items=items,
                now=info.context.now(),
            )
            return _payload(outcome, "FinancialEntry")

        return await run_mutation(action, _refused)
