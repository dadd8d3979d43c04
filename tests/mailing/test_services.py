"""Service rules under concurrency: the idempotency key race, the contact guard race."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from backend.audit.models import AuditEvent
from backend.core.errors import ServiceError
from backend.mailing.compose import EmailRequest
from backend.mailing.models import SentEmail
from backend.mailing.services import retry_email, send_collection_email
from tests.mailing.helpers import MAIL_FROM, billing_company, customer, queue
from tests.support import principal


async def test_two_requests_racing_with_one_key_queue_one_email(database_url: str) -> None:
    company, debtor = await billing_company(), await customer()
    results = await asyncio.gather(
        *(queue(company, debtor, idempotency_key="duplo-clique") for _ in range(4))
    )
    assert len({r.id for r in results}) == 1
    assert await SentEmail.all().count() == 1
    assert await AuditEvent.filter(action="email.queue").count() == 1


async def test_two_requests_racing_past_the_contact_guard_queue_one_email(
    database_url: str,
) -> None:
    company, debtor = await billing_company(), await customer()
    request = EmailRequest(debtor.id, company.id, "Aviso", "Olá")
    now = dt.datetime.now(dt.UTC)
    outcomes = await asyncio.gather(
        *(
            send_collection_email(
                principal=principal(), request=request, now=now, mail_from=MAIL_FROM
            )
            for _ in range(3)
        ),
        return_exceptions=True,
    )
    queued = [o for o in outcomes if isinstance(o, SentEmail)]
    refused = [o for o in outcomes if isinstance(o, ServiceError)]
    assert len(queued) == 1
    assert [e.errors[0].code for e in refused] == ["RECENTLY_CONTACTED"] * 2
    assert await SentEmail.all().count() == 1


async def test_write_access_is_required(database_url: str) -> None:
    company, debtor = await billing_company(), await customer()
    reader = principal(can_write=False)
    with pytest.raises(ServiceError) as refused:
        await send_collection_email(
            principal=reader,
            request=EmailRequest(debtor.id, company.id, "Aviso", "Olá"),
            now=dt.datetime.now(dt.UTC),
            mail_from=MAIL_FROM,
        )
    assert refused.value.errors[0].code == "FORBIDDEN"
    email = await queue(company, debtor)
    with pytest.raises(ServiceError):
        await retry_email(principal=reader, sent_email_id=email.id, now=dt.datetime.now(dt.UTC))


async def test_message_id_is_derived_from_the_email(database_url: str) -> None:
    email = await queue(await billing_company(), await customer())
    assert email.message_id is not None
    assert email.message_id.startswith(f"<sent-email-{email.id}.")
    assert email.message_id.endswith("@cobrancas.example>")
    other = await queue(await billing_company(name="B"), await customer(name="C"))
    assert other.message_id != email.message_id


async def test_one_key_racing_for_two_debtors_queues_one_and_refuses_the_other(
    database_url: str,
) -> None:
    company = await billing_company()
    first, second = await customer(), await customer(name="Outro")
    outcomes = await asyncio.gather(
        queue(company, first, idempotency_key="chave"),
        queue(company, second, idempotency_key="chave"),
        return_exceptions=True,
    )
    queued = [o for o in outcomes if isinstance(o, SentEmail)]
    refused = [o for o in outcomes if isinstance(o, ServiceError)]
    assert len(queued) == 1
    assert [e.errors[0].code for e in refused] == ["IDEMPOTENCY_KEY_REUSED"]
    assert await SentEmail.all().count() == 1
