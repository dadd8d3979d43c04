from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from backend.accounts.loaders import load_users_by_id
from backend.accounts.types import User
from backend.collection import models
from backend.companies.loaders import load_companies_by_id
from backend.core.context import Info
from backend.core.gql import gid
from backend.core.money import from_cents
from backend.core.periods import local_today

if TYPE_CHECKING:
    from backend.companies.types import Company

LazyCompany = Annotated["Company", strawberry.lazy("backend.companies.types")]


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


@strawberry.enum(description="OPEN holds the régua through the date; then KEPT or BROKEN.")
class PromiseStatus(Enum):
    OPEN = "OPEN"
    KEPT = "KEPT"
    BROKEN = "BROKEN"
    CANCELLED = "CANCELLED"


async def _company(info: Info, company_id: int) -> LazyCompany:
    from backend.companies.types import Company

    company = await info.context.loaders.get(load_companies_by_id).load(company_id)
    assert company is not None  # foreign key
    return Company(model=company)


async def _user(info: Info, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    user = await info.context.loaders.get(load_users_by_id).load(user_id)
    return User(model=user) if user is not None else None


@strawberry.type(description="A promise to pay (promessa de pagamento): holds the régua.")
class PaymentPromise:
    model: strawberry.Private[models.PaymentPromise]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("PaymentPromise", self.model.id)

    @strawberry.field
    def debtor_id(self) -> strawberry.ID:
        return gid("Debtor", self.model.debtor_id)

    @strawberry.field
    async def company(self, info: Info) -> LazyCompany:
        return await _company(info, self.model.company_id)

    @strawberry.field
    def promised_date(self) -> dt.date:
        return self.model.promised_date

    @strawberry.field
    def amount(self) -> Decimal:
        return from_cents(self.model.amount_cents)

    @strawberry.field
    def note(self) -> str | None:
        return self.model.note

    @strawberry.field
    def status(self) -> PromiseStatus:
        return PromiseStatus(self.model.status)

    @strawberry.field(description="Who recorded it; null when an API token did.")
    async def created_by(self, info: Info) -> User | None:
        return await _user(info, self.model.created_by_id)

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at

    @strawberry.field(description="When it became KEPT, BROKEN or CANCELLED.")
    def resolved_at(self) -> dt.datetime | None:
        return self.model.resolved_at


@strawberry.type(description="A pause of the régua for a debtor, or one of its entries.")
class CollectionPause:
    model: strawberry.Private[models.CollectionPause]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("CollectionPause", self.model.id)

    @strawberry.field
    def debtor_id(self) -> strawberry.ID:
        return gid("Debtor", self.model.debtor_id)

    @strawberry.field
    async def company(self, info: Info) -> LazyCompany:
        return await _company(info, self.model.company_id)

    @strawberry.field(description="Only this entry is paused; null: the whole debtor.")
    def entry_id(self) -> strawberry.ID | None:
        return gid("FinancialEntry", self.model.entry_id) if self.model.entry_id else None

    @strawberry.field
    def reason(self) -> str:
        return self.model.reason

    @strawberry.field(description="The last day of the pause (inclusive).")
    def until(self) -> dt.date:
        return self.model.until

    @strawberry.field
    async def created_by(self, info: Info) -> User | None:
        return await _user(info, self.model.created_by_id)

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at

    @strawberry.field(description="When it was resumed early (resumeCollection).")
    def ended_at(self) -> dt.datetime | None:
        return self.model.ended_at

    @strawberry.field(description="In force today, in the company's time zone.")
    async def active(self, info: Info) -> bool:
        from backend.collection.holds import pause_active

        company = await info.context.loaders.get(load_companies_by_id).load(self.model.company_id)
        assert company is not None
        return pause_active(self.model, local_today(info.context.now(), company.time_zone))
