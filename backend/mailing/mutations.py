from __future__ import annotations

import strawberry

from backend.core.context import Info
from backend.core.gql import pk
from backend.core.payloads import UserError, run_mutation
from backend.mailing import services
from backend.mailing.types import SentEmail


@strawberry.input(description="A collection e-mail (Cobrança de Clientes).")
class SendCollectionEmailInput:
    debtor_id: strawberry.ID
    company_id: strawberry.ID = strawberry.field(description="Empresa do E-mail.")
    subject: str = strawberry.field(description="Título; placeholders allowed, e.g. {{ cliente }}.")
    body: str = strawberry.field(
        description="Descrição, plain text; placeholders allowed, e.g. {{ tabela_lancamentos }}."
    )
    to: list[str] | None = strawberry.field(
        default=None, description="Up to 10 addresses; default: the debtor's e-mail."
    )
    contact_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Also send to these contacts of the debtor (their e-mails)."
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="The same key twice sends once and returns the first SentEmail.",
    )
    confirm_recent_contact: bool | None = strawberry.field(
        default=False,
        description="Send even if the debtor was e-mailed within the company's recent-contact "
        "window (otherwise the error RECENTLY_CONTACTED).",
    )


@strawberry.input
class RetryEmailInput:
    id: strawberry.ID


@strawberry.type
class SendCollectionEmailPayload:
    sent_email: SentEmail | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RetryEmailPayload:
    sent_email: SentEmail | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


def email_request(value: SendCollectionEmailInput) -> services.EmailRequest:
    return services.EmailRequest(
        debtor_id=pk("Debtor", value.debtor_id),
        company_id=pk("Company", value.company_id),
        subject=value.subject,
        body=value.body,
        to=value.to,
        contact_ids=[pk("Contact", c) for c in value.contact_ids] if value.contact_ids else None,
        idempotency_key=value.idempotency_key,
        confirm_recent_contact=bool(value.confirm_recent_contact),
    )


@strawberry.type
class MailingMutations:
    @strawberry.mutation(
        description="Queue a collection e-mail on behalf of a company; a worker delivers it."
    )
    async def send_collection_email(
        self, info: Info, input: SendCollectionEmailInput
    ) -> SendCollectionEmailPayload:
        async def action() -> SendCollectionEmailPayload:
            email = await services.send_collection_email(
                principal=info.context.principal,
                request=email_request(input),
                now=info.context.now(),
                mail_from=info.context.settings.mail_from,
            )
            return SendCollectionEmailPayload(sent_email=SentEmail(model=email))

        return await run_mutation(action, lambda errors: SendCollectionEmailPayload(errors=errors))

    @strawberry.mutation(description="Queue a FAILED e-mail again, with a fresh round of attempts.")
    async def retry_email(self, info: Info, input: RetryEmailInput) -> RetryEmailPayload:
        async def action() -> RetryEmailPayload:
            email = await services.retry_email(
                principal=info.context.principal,
                sent_email_id=pk("SentEmail", input.id),
                now=info.context.now(),
            )
            return RetryEmailPayload(sent_email=SentEmail(model=email))

        return await run_mutation(action, lambda errors: RetryEmailPayload(errors=errors))
