from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from backend.accounts.loaders import load_users_by_id
from backend.accounts.types import User
from backend.companies.loaders import load_companies_by_id
from backend.companies.types import Company
from backend.core.context import Info
from backend.core.enums import EmailStatus
from backend.core.gql import gid
from backend.core.pagination import Page
from backend.core.payloads import UserError
from backend.core.relay import OffsetEdge, PageInfo
from backend.debtors.loaders import load_debtors_by_id
from backend.mailing import models
from backend.mailing.loaders import EmailTexts, load_texts_by_sent_email_id
from backend.mailing.rendering import Placeholder
from backend.mailing.rows import SentEmailRow
from backend.mailing.services import EmailPreview

if TYPE_CHECKING:
    from backend.debtors.types import Debtor

EmailStatusEnum = strawberry.enum(
    EmailStatus,
    name="EmailStatus",
    description="QUEUED: waiting for the worker (also between retries); SENDING: a worker holds "
    "it; SENT: accepted by the SMTP server (or written to the outbox folder); FAILED: gave up.",
)


@strawberry.type(description="A collection e-mail (E-mail de cobrança), as it was sent.")
class SentEmail:
    model: strawberry.Private[models.SentEmail | SentEmailRow]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("SentEmail", self.model.id)

    @strawberry.field
    async def debtor(
        self, info: Info
    ) -> Annotated[Debtor, strawberry.lazy("backend.debtors.types")]:
        from backend.debtors.types import Debtor

        debtor = await info.context.loaders.get(load_debtors_by_id).load(self.model.debtor_id)
        assert debtor is not None  # foreign key
        return Debtor(model=debtor)

    @strawberry.field(description="The company on whose behalf it was sent (Empresa do E-mail).")
    async def company(self, info: Info) -> Company:
        company = await info.context.loaders.get(load_companies_by_id).load(self.model.company_id)
        assert company is not None  # foreign key
        return Company(model=company)

    @strawberry.field(description="The recipients.")
    def to(self) -> list[str]:
        return list(self.model.recipients)

    @strawberry.field
    def subject(self) -> str:
        return self.model.subject

    async def _texts(self, info: Info) -> EmailTexts:
        if isinstance(self.model, models.SentEmail):  # a whole model (not a list's row)
            return EmailTexts(self.model.body, self.model.html, self.model.text)
        texts = await info.context.loaders.get(load_texts_by_sent_email_id).load(self.model.id)
        assert texts is not None  # the row was just read
        return texts

    @strawberry.field(description="The text as typed, placeholders filled.")
    async def body(self, info: Info) -> str:
        return (await self._texts(info)).body

    @strawberry.field(description="The whole HTML message, exactly as sent.")
    async def html(self, info: Info) -> str:
        return (await self._texts(info)).html

    @strawberry.field(description="The plain-text alternative sent with the HTML.")
    async def text(self, info: Info) -> str:
        return (await self._texts(info)).text

    @strawberry.field
    def status(self) -> EmailStatusEnum:  # type: ignore[valid-type]
        return self.model.status

    @strawberry.field(description="Delivery attempts so far (a manual retry starts again at 0).")
    def attempts(self) -> int:
        return self.model.attempts

    @strawberry.field(description="Why the last attempt failed (or recipients the server refused).")
    def last_error(self) -> str | None:
        return self.model.last_error

    @strawberry.field(description="When the worker will try again, while QUEUED.")
    def next_attempt_at(self) -> dt.datetime | None:
        if self.model.status != EmailStatus.QUEUED:
            return None
        return self.model.next_attempt_at

    @strawberry.field
    def queued_at(self) -> dt.datetime:
        return self.model.queued_at

    @strawberry.field
    def sent_at(self) -> dt.datetime | None:
        return self.model.sent_at

    @strawberry.field(description="The user who sent it; null when sent by an API token.")
    async def sent_by(self, info: Info) -> User | None:
        if self.model.sent_by_id is None:
            return None
        user = await info.context.loaders.get(load_users_by_id).load(self.model.sent_by_id)
        return User(model=user) if user is not None else None

    @strawberry.field(description="Queued by the régua de cobrança, not by a person.")
    def automatic(self) -> bool:
        return bool(self.model.automatic)

    @strawberry.field(description="The régua's step (days from the due date) it was sent at.")
    def collection_step_days(self) -> int | None:
        return self.model.collection_step_days

    @strawberry.field(description="The Message-ID header: the same on every attempt.")
    def message_id(self) -> str | None:
        return self.model.message_id

    @strawberry.field(
        description="The static PIX BR Code (copia e cola) the message carried, with the "
        "updated total and a txid naming this e-mail; null when the company had no PIX key or "
        "nothing was owed. The same code is the QR image inside the message."
    )
    def pix_copia_e_cola(self) -> str | None:
        return self.model.pix_copia_e_cola

    @strawberry.field(
        description="The PIX transaction id (txid) of the message: registerPayment(txid) "
        "settles the entries it covered."
    )
    def pix_txid(self) -> str | None:
        return self.model.pix_txid


@strawberry.type
class SentEmailEdge(OffsetEdge):
    node: SentEmail


@strawberry.type
class SentEmailConnection:
    edges: list[SentEmailEdge]
    page_info: PageInfo
    total_count: int

    @classmethod
    def of(cls, page: Page[SentEmailRow]) -> SentEmailConnection:
        return cls(
            edges=[
                SentEmailEdge(page=page, index=i, node=SentEmail(model=m))
                for i, m in enumerate(page.items)
            ],
            page_info=PageInfo.of(page),
            total_count=page.total_count,
        )


@strawberry.type(description="A placeholder the subject or body may use, e.g. {{ cliente }}.")
class EmailPlaceholder:
    name: str = strawberry.field(description="e.g. cliente")
    token: str = strawberry.field(description="What to type: {{ cliente }}")
    description: str = strawberry.field(description="pt-BR, for the placeholder menu.")
    example: str
    in_subject: bool = strawberry.field(description="False: only in the body (the table).")

    @classmethod
    def of(cls, placeholder: Placeholder) -> EmailPlaceholder:
        return cls(
            name=placeholder.name,
            token=placeholder.token,
            description=placeholder.description,
            example=placeholder.example,
            in_subject=placeholder.in_subject,
        )


@strawberry.type(description="Something the user should know before sending; it does not block.")
class EmailWarning:
    code: str = strawberry.field(
        description="RECENTLY_CONTACTED, NO_OVERDUE_ENTRIES or NO_REPLY_TO."
    )
    message: str = strawberry.field(description="pt-BR, shown to the user as is.")


@strawberry.type(description="What sendCollectionEmail would queue now, or why it would refuse.")
class CollectionEmailPreview:
    to: list[str]
    subject: str | None
    body: str | None = strawberry.field(description="The text as typed, placeholders filled.")
    html: str | None = strawberry.field(description="The whole HTML message.")
    text: str | None = strawberry.field(description="The plain-text alternative.")
    warnings: list[EmailWarning]
    errors: list[UserError] = strawberry.field(
        description="The same errors sendCollectionEmail would return (except the recent "
        "contact, which is a warning here)."
    )

    @classmethod
    def of(cls, preview: EmailPreview) -> CollectionEmailPreview:
        return cls(
            to=preview.to,
            subject=preview.subject,
            body=preview.body,
            html=preview.html,
            text=preview.text,
            warnings=[EmailWarning(code=w.code, message=w.message) for w in preview.warnings],
            errors=[UserError.from_field_error(e) for e in preview.errors],
        )
