from __future__ import annotations

import strawberry

from backend.core.context import Info
from backend.core.gql import pk
from backend.core.pagination import PageRequest
from backend.mailing import services
from backend.mailing.mutations import SendCollectionEmailInput, email_request
from backend.mailing.rendering import PLACEHOLDERS
from backend.mailing.types import (
    CollectionEmailPreview,
    EmailPlaceholder,
    SentEmail,
    SentEmailConnection,
)


@strawberry.type
class MailingQueries:
    @strawberry.field(description="One e-mail, or null when it does not exist or is out of reach.")
    async def sent_email(self, info: Info, id: strawberry.ID) -> SentEmail | None:
        model = await services.get_sent_email(info.context.principal, pk("SentEmail", id))
        return SentEmail(model=model) if model is not None else None

    @strawberry.field(description="The placeholders a collection e-mail's subject and body accept.")
    def email_placeholders(self) -> list[EmailPlaceholder]:
        return [EmailPlaceholder.of(p) for p in PLACEHOLDERS]

    @strawberry.field(
        description="Exactly what sendCollectionEmail would send (recipients, subject, HTML, "
        "text), with warnings such as a recent contact; sends nothing."
    )
    async def preview_collection_email(
        self, info: Info, input: SendCollectionEmailInput
    ) -> CollectionEmailPreview:
        preview = await services.preview_collection_email(
            principal=info.context.principal,
            request=email_request(input),
            now=info.context.now(),
            mail_from=info.context.settings.mail_from,
        )
        return CollectionEmailPreview.of(preview)


async def debtor_sent_emails(
    info: Info, debtor_id: int, first: int | None, after: str | None
) -> SentEmailConnection:
    """Debtor.sentEmails: the debtor type delegates here, so debtors/ need not know mailing/."""
    request = PageRequest.of(first, after, list_name=services.SENT_EMAILS_LIST)
    page = await services.debtor_sent_emails(info.context.principal, debtor_id, request)
    return SentEmailConnection.of(page)
