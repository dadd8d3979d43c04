from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry

from backend.collection import holds, steps, templates
from backend.collection.types import (
    CollectionPause,
    CollectionStep,
    EmailTemplate,
    PaymentPromise,
)
from backend.core.context import Info
from backend.core.gql import pk
from backend.core.payloads import UserError, run_mutation


@strawberry.input
class CreateEmailTemplateInput:
    company_id: strawberry.ID
    name: str
    subject: str
    body: str
    is_default: bool | None = None


@strawberry.input(description="Omitted fields stay as they are.")
class UpdateEmailTemplateInput:
    id: strawberry.ID
    name: str | None = None
    subject: str | None = None
    body: str | None = None
    is_default: bool | None = None


@strawberry.input
class DeleteEmailTemplateInput:
    id: strawberry.ID


@strawberry.type
class EmailTemplatePayload:
    email_template: EmailTemplate | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class DeleteEmailTemplatePayload:
    deleted_id: strawberry.ID | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="One step of the régua, in saveCollectionSteps.")
class CollectionStepInput:
    days: int = strawberry.field(description="Relative to the due date: -3, 0, 3, 10, 30 …")
    template_id: strawberry.ID
    enabled: bool = True
    minimum_open_amount: Decimal = Decimal("0")


@strawberry.input
class SaveCollectionStepsInput:
    company_id: strawberry.ID
    steps: list[CollectionStepInput]


@strawberry.type
class SaveCollectionStepsPayload:
    steps: list[CollectionStep] | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Pause the régua for a debtor (or one entry) through `until`.")
class PauseCollectionInput:
    debtor_id: strawberry.ID
    company_id: strawberry.ID
    entry_id: strawberry.ID | None = None
    reason: str = strawberry.field(description="e.g. em disputa")
    until: dt.date = strawberry.field(description="The last day of the pause (inclusive).")


@strawberry.input
class ResumeCollectionInput:
    pause_id: strawberry.ID


@strawberry.input(description="A promise to pay: holds the régua through promisedDate.")
class RecordPaymentPromiseInput:
    debtor_id: strawberry.ID
    company_id: strawberry.ID
    promised_date: dt.date
    amount: Decimal
    note: str | None = None


@strawberry.input
class CancelPaymentPromiseInput:
    promise_id: strawberry.ID


@strawberry.type
class CollectionPausePayload:
    pause: CollectionPause | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class PaymentPromisePayload:
    promise: PaymentPromise | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


def _failed(errors: list[UserError]) -> EmailTemplatePayload:
    return EmailTemplatePayload(errors=errors)


def _template_data(
    input: CreateEmailTemplateInput | UpdateEmailTemplateInput,
) -> templates.TemplateData:
    return templates.TemplateData(
        name=input.name, subject=input.subject, body=input.body, is_default=input.is_default
    )


@strawberry.type
class CollectionMutations:
    @strawberry.mutation(description="Add an e-mail template to a company.")
    async def create_email_template(
        self, info: Info, input: CreateEmailTemplateInput
    ) -> EmailTemplatePayload:
        async def action() -> EmailTemplatePayload:
            template = await templates.create_template(
                principal=info.context.principal,
                company_id=pk("Company", input.company_id),
                data=_template_data(input),
            )
            return EmailTemplatePayload(email_template=EmailTemplate(model=template))

        return await run_mutation(action, _failed)

    @strawberry.mutation(description="Change an e-mail template; isDefault moves the default.")
    async def update_email_template(
        self, info: Info, input: UpdateEmailTemplateInput
    ) -> EmailTemplatePayload:
        async def action() -> EmailTemplatePayload:
            template = await templates.update_template(
                principal=info.context.principal,
                template_id=pk("EmailTemplate", input.id),
                data=_template_data(input),
            )
            return EmailTemplatePayload(email_template=EmailTemplate(model=template))

        return await run_mutation(action, _failed)

    @strawberry.mutation(
        description="Delete an e-mail template: not the default, nor one a régua step uses."
    )
    async def delete_email_template(
        self, info: Info, input: DeleteEmailTemplateInput
    ) -> DeleteEmailTemplatePayload:
        async def action() -> DeleteEmailTemplatePayload:
            await templates.delete_template(
                principal=info.context.principal, template_id=pk("EmailTemplate", input.id)
            )
            return DeleteEmailTemplatePayload(deleted_id=input.id)

        return await run_mutation(action, lambda errors: DeleteEmailTemplatePayload(errors=errors))

    @strawberry.mutation(
        description="Replace a company's régua with this whole list of steps, validated together."
    )
    async def save_collection_steps(
        self, info: Info, input: SaveCollectionStepsInput
    ) -> SaveCollectionStepsPayload:
        async def action() -> SaveCollectionStepsPayload:
            saved = await steps.save_steps(
                principal=info.context.principal,
                company_id=pk("Company", input.company_id),
                steps=[
                    steps.StepData(
                        days=s.days,
                        template_id=pk("EmailTemplate", s.template_id),
                        enabled=s.enabled,
                        minimum_open_amount=s.minimum_open_amount,
                    )
                    for s in input.steps
                ],
            )
            return SaveCollectionStepsPayload(steps=[CollectionStep(model=m) for m in saved])

        return await run_mutation(action, lambda errors: SaveCollectionStepsPayload(errors=errors))

    @strawberry.mutation(description="Pause the régua for a debtor, or one of its entries.")
    async def pause_collection(
        self, info: Info, input: PauseCollectionInput
    ) -> CollectionPausePayload:
        async def action() -> CollectionPausePayload:
            pause = await holds.pause_collection(
                principal=info.context.principal,
                debtor_id=pk("Debtor", input.debtor_id),
                company_id=pk("Company", input.company_id),
                entry_id=pk("FinancialEntry", input.entry_id) if input.entry_id else None,
                entry_given=input.entry_id is not None,
                reason=input.reason,
                until=input.until,
                now=info.context.now(),
            )
            return CollectionPausePayload(pause=CollectionPause(model=pause))

        return await run_mutation(action, lambda errors: CollectionPausePayload(errors=errors))

    @strawberry.mutation(description="End a pause now.")
    async def resume_collection(
        self, info: Info, input: ResumeCollectionInput
    ) -> CollectionPausePayload:
        async def action() -> CollectionPausePayload:
            pause = await holds.resume_collection(
                principal=info.context.principal,
                pause_id=pk("CollectionPause", input.pause_id),
                now=info.context.now(),
            )
            return CollectionPausePayload(pause=CollectionPause(model=pause))

        return await run_mutation(action, lambda errors: CollectionPausePayload(errors=errors))

    @strawberry.mutation(description="Record a promise to pay: the régua waits until its date.")
    async def record_payment_promise(
        self, info: Info, input: RecordPaymentPromiseInput
    ) -> PaymentPromisePayload:
        async def action() -> PaymentPromisePayload:
            promise = await holds.record_promise(
                principal=info.context.principal,
                debtor_id=pk("Debtor", input.debtor_id),
                company_id=pk("Company", input.company_id),
                promised_date=input.promised_date,
                amount=input.amount,
                note=input.note,
                now=info.context.now(),
            )
            return PaymentPromisePayload(promise=PaymentPromise(model=promise))

        return await run_mutation(action, lambda errors: PaymentPromisePayload(errors=errors))

    @strawberry.mutation(description="Cancel an OPEN promise: the régua resumes.")
    async def cancel_payment_promise(
        self, info: Info, input: CancelPaymentPromiseInput
    ) -> PaymentPromisePayload:
        async def action() -> PaymentPromisePayload:
            promise = await holds.cancel_promise(
                principal=info.context.principal,
                promise_id=pk("PaymentPromise", input.promise_id),
                now=info.context.now(),
            )
            return PaymentPromisePayload(promise=PaymentPromise(model=promise))

        return await run_mutation(action, lambda errors: PaymentPromisePayload(errors=errors))
