from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry

from backend.collection.types import CollectionStep, EmailTemplate
from backend.companies import models
from backend.core.address_types import Address
from backend.core.context import Info
from backend.core.gql import gid
from backend.core.periods import local_today
from backend.core.validation import format_document

if TYPE_CHECKING:
    from backend.webhooks.types import WebhookEndpoint


@strawberry.type(description="One of the user's own companies (Empresa).")
class Company:
    model: strawberry.Private[models.Company]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("Company", self.model.id)

    @strawberry.field
    def name(self) -> str:
        return self.model.name

    @strawberry.field(
        description="CNPJ without punctuation: digits, or capital letters and digits in an "
        "alphanumeric CNPJ (IN RFB 2.229/2024)."
    )
    def document(self) -> str | None:
        return self.model.document

    @strawberry.field(description="CNPJ as 12.345.678/0001-95 or 12.ABC.345/01DE-35.")
    def document_formatted(self) -> str | None:
        return format_document(self.model.document) if self.model.document else None

    @strawberry.field(description="Reply-To of the collection e-mails.")
    def email(self) -> str | None:
        return self.model.email

    @strawberry.field(description="Multa, % charged once on overdue entries.")
    def late_fee_percent(self) -> Decimal:
        return self.model.late_fee_percent

    @strawberry.field(description="Juros de mora, % a month, pro rata by day.")
    def monthly_interest_percent(self) -> Decimal:
        return self.model.monthly_interest_percent

    @strawberry.field(description="IANA time zone of the company's dates, e.g. America/Sao_Paulo.")
    def time_zone(self) -> str:
        return self.model.time_zone

    @strawberry.field(
        description="Today in the company's time zone, from the server's clock: the default of "
        "the company's business dates (payment date, appointment date). Never the browser's."
    )
    def today(self, info: Info) -> dt.date:
        return local_today(info.context.now(), self.model.time_zone)

    @strawberry.field(
        description="Days after a collection e-mail during which another one needs "
        "confirmRecentContact; 0 turns the guard off."
    )
    def recent_contact_days(self) -> int:
        return self.model.recent_contact_days

    @strawberry.field(
        description="Chave PIX for payments: CPF or CNPJ (compact), e-mail, mobile as "
        "+5511987654321, or a random key (UUID)."
    )
    def pix_key(self) -> str | None:
        return self.model.pix_key

    @strawberry.field(description="The company's e-mail templates, the default first.")
    async def email_templates(self, info: Info) -> list[EmailTemplate]:
        from backend.collection.templates import load_templates_by_company_id

        templates = await info.context.loaders.get(load_templates_by_company_id).load(self.model.id)
        return [EmailTemplate(model=t) for t in templates]

    @strawberry.field(description="The company's régua de cobrança, by days.")
    async def collection_steps(self) -> list[CollectionStep]:
        from backend.collection.steps import company_steps

        return [CollectionStep(model=s) for s in await company_steps(self.model.id)]

    @strawberry.field(
        description="LGPD retention: days after which paid-off debtors with no activity are "
        "anonymised by the worker; null keeps personal data until someone asks."
    )
    def retention_days(self) -> int | None:
        return self.model.retention_days

    @strawberry.field(description="The company's webhook endpoints (Integração), oldest first.")
    async def webhook_endpoints(
        self, info: Info
    ) -> list[Annotated[WebhookEndpoint, strawberry.lazy("backend.webhooks.types")]]:
        from backend.webhooks.services import company_endpoints
        from backend.webhooks.types import WebhookEndpoint

        found = await company_endpoints(info.context.principal, self.model.id)
        return [WebhookEndpoint(model=e) for e in found]

    @strawberry.field(description="The company's address, as printed on collection e-mails.")
    def address(self) -> Address:
        return Address.of(self.model)


def company_or_none(model: models.Company | None) -> Company | None:
    return Company(model=model) if model is not None else None
