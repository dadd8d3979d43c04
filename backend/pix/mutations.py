from __future__ import annotations

import datetime as dt
from decimal import Decimal

import strawberry

from backend.core.context import Info
from backend.core.gql import pk
from backend.core.payloads import UserError, run_mutation
from backend.pix import payments
from backend.pix.types import RegisteredPayment, ReportedPaymentMethod


@strawberry.input(
    description="A payment that arrived outside the dashboard (a partner or a payment "
    "provider). Give the entry's externalId, or the PIX txid of a collection e-mail (its "
    "entries are paid oldest due first)."
)
class RegisterPaymentInput:
    company_id: strawberry.ID
    provider_payment_id: str = strawberry.field(
        description="The provider's own id of the payment, unique per company: the same report "
        "again returns the first result; the same id with other data is IDEMPOTENCY_KEY_REUSED."
    )
    amount: Decimal = strawberry.field(description="What arrived.")
    entry_external_id: str | None = None
    txid: str | None = strawberry.field(
        default=None, description="SentEmail.pixTxid of the collection e-mail that was paid."
    )
    paid_on: dt.date | None = strawberry.field(
        default=None, description="Default: today in the company's time zone; never future."
    )
    method: ReportedPaymentMethod | None = strawberry.field(
        default=None, description="Default: PIX with a txid, else OTHER."
    )


@strawberry.type
class RegisterPaymentPayload:
    registered_payment: RegisteredPayment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class PixMutations:
    @strawberry.mutation(
        description="Register a payment reported by a partner or payment provider; idempotent by "
        "providerPaymentId. Needs the WRITE scope."
    )
    async def register_payment(
        self, info: Info, input: RegisterPaymentInput
    ) -> RegisterPaymentPayload:
        async def action() -> RegisterPaymentPayload:
            done = await payments.register_payment(
                principal=info.context.principal,
                report=payments.PaymentReport(
                    company_id=pk("Company", input.company_id),
                    provider_payment_id=input.provider_payment_id,
                    amount=input.amount,
                    entry_external_id=input.entry_external_id,
                    txid=input.txid,
                    paid_on=input.paid_on,
                    method=input.method.value if input.method is not None else None,
                ),
                now=info.context.now(),
            )
            return RegisterPaymentPayload(registered_payment=RegisteredPayment(registered=done))

        return await run_mutation(action, lambda errors: RegisterPaymentPayload(errors=errors))
