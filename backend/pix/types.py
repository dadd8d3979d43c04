from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import strawberry

from backend.core.gql import gid
from backend.core.money import from_cents
from backend.pix.payments import Registered

if TYPE_CHECKING:
    from backend.entries.types import FinancialEntry, Payment


@strawberry.enum(description="How a reported payment arrived.")
class ReportedPaymentMethod(StrEnum):
    PIX = "PIX"
    BOLETO = "BOLETO"
    OTHER = "OTHER"


@strawberry.type(
    description="A payment reported by a partner or payment provider (registerPayment) and how "
    "it was allocated: amount = allocated + credit, always."
)
class RegisteredPayment:
    registered: strawberry.Private[Registered]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("RegisteredPayment", self.registered.report.id)

    @strawberry.field(description="The provider's own id (unique per company).")
    def provider_payment_id(self) -> str:
        return self.registered.report.provider_payment_id

    @strawberry.field
    def method(self) -> ReportedPaymentMethod:
        return ReportedPaymentMethod(self.registered.report.method)

    @strawberry.field(description="The PIX txid it paid, when reported by txid.")
    def txid(self) -> str | None:
        return self.registered.report.txid

    @strawberry.field(description="What arrived.")
    def amount(self) -> Decimal:
        return from_cents(self.registered.report.amount_cents)

    @strawberry.field(description="What went to entries (juros, multa and principal).")
    def allocated(self) -> Decimal:
        return self.registered.allocated

    @strawberry.field(
        description="What no open entry took (paid twice, or already settled): recorded as the "
        "debtor's credit with the company, to refund or apply; never lost."
    )
    def credit(self) -> Decimal:
        return self.registered.credit

    @strawberry.field
    def paid_on(self) -> dt.date:
        return self.registered.report.paid_on

    @strawberry.field(description="One payment per entry paid, oldest due date first.")
    def payments(self) -> list[Annotated[Payment, strawberry.lazy("backend.entries.types")]]:
        from backend.entries.types import Payment

        return [Payment(model=p) for p in self.registered.payments]

    @strawberry.field(description="The entries paid, in the order of `payments`.")
    def entries(
        self,
    ) -> list[Annotated[FinancialEntry, strawberry.lazy("backend.entries.types")]]:
        from backend.entries.types import FinancialEntry

        return [FinancialEntry(model=e) for e in self.registered.entries]
