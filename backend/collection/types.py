from __future__ import annotations

from decimal import Decimal

import strawberry

from backend.collection import models
from backend.core.gql import gid
from backend.core.money import from_cents


@strawberry.type(description="A company's collection letter (Modelo de e-mail).")
class EmailTemplate:
    model: strawberry.Private[models.EmailTemplate]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("EmailTemplate", self.model.id)

    @strawberry.field
    def name(self) -> str:
        return self.model.name

    @strawberry.field(description="Subject with placeholders such as {{ cliente }}.")
    def subject(self) -> str:
        return self.model.subject

    @strawberry.field(description="Body with placeholders such as {{ tabela_lancamentos }}.")
    def body(self) -> str:
        return self.model.body

    @strawberry.field(description="The company's default: the composer opens filled with it.")
    def is_default(self) -> bool:
        return self.model.is_default


@strawberry.type(description="One step of a company's régua de cobrança.")
class CollectionStep:
    model: strawberry.Private[models.CollectionStep]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("CollectionStep", self.model.id)

    @strawberry.field(description="Days relative to the due date: -3 is D-3, 0 is D0, 10 is D+10.")
    def days(self) -> int:
        return self.model.days

    @strawberry.field
    def template_id(self) -> strawberry.ID:
        return gid("EmailTemplate", self.model.template_id)

    @strawberry.field
    async def template(self) -> EmailTemplate:
        await self.model.fetch_related("template")
        return EmailTemplate(model=self.model.template)

    @strawberry.field
    def enabled(self) -> bool:
        return self.model.enabled

    @strawberry.field(description="The step is sent only when the debtor owes at least this.")
    def minimum_open_amount(self) -> Decimal:
        return from_cents(self.model.minimum_open_cents)
