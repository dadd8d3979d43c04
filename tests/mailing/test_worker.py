"""The delivery worker against a real SMTP server: retries, leases, several workers."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable

import pytest

from backend.core.enums import EmailStatus
from backend.mailing.models import SentEmail
from backend.mailing.transport import DeliveryError, Outgoing, SmtpTransport
from backend.mailing.worker import Claim, DeliveryWorker, RetryPolicy
from tests.mailing.helpers import Clock, SmtpServer, billing_company, customer, queue, worker


async def test_queued_email_is_delivered_once_and_marked_sent(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    company, debtor = await billing_company(), await customer()
    email = await queue(company, debtor)
    delivery = worker(smtp_server.transport(), clock)

    assert await delivery.drain() == 1
    assert await delivery.drain() == 0

    await email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.sent_at == clock.now
    assert email.attempts == 1
    assert email.lease_until is None
    assert [r.rcpt_tos for r in smtp_server.inbox.received] == [["maria@cliente.example"]]
    assert smtp_server.inbox.message_ids() == [email.message_id]


async def test_server_down_keeps_emails_queued_and_all_arrive_once_it_is_back(
    database_url: str, clock: Clock
) -> None:
    server = SmtpServer()  # not started: connections are refused
    company, debtor = await billing_company(), await customer()
    emails = [await queue(company, debtor) for _ in range(5)]
    delivery = worker(server.transport(), clock, max_attempts=5)

    assert await delivery.drain() == 5
    rows = await SentEmail.filter(id__in=[e.id for e in emails])
    assert {(r.status, r.attempts) for r in rows} == {(EmailStatus.QUEUED, 1)}
    assert all("SMTP" in (r.last_error or "") for r in rows)
    assert {r.next_attempt_at for r in rows} == {clock.now + dt.timedelta(minutes=1)}

    assert await delivery.drain() == 0  # nothing is due before the backoff
    clock.advance(minutes=1)
    assert await delivery.drain() == 5  # second attempt, still down
    rows = await SentEmail.filter(id__in=[e.id for e in emails])
    assert {r.next_attempt_at for r in rows} == {clock.now + dt.timedelta(minutes=4)}

    server.start()
    try:
        clock.advance(minutes=4)
        assert await delivery.drain() == 5
        rows = await SentEmail.filter(id__in=[e.id for e in emails])
        assert {(r.status, r.attempts) for r in rows} == {(EmailStatus.SENT, 3)}
        assert sorted(server.inbox.message_ids()) == sorted(r.message_id for r in rows)
        assert await delivery.drain() == 0
        assert len(server.inbox.received) == 5
    finally:
        server.stop()


async def test_failed_after_max_attempts(database_url: str, clock: Clock) -> None:
    server = SmtpServer()  # never started
    email = await queue(await billing_company(), await customer())
    delivery = worker(server.transport(), clock, max_attempts=3)
    for minutes in (0, 1, 4):
        clock.advance(minutes=minutes)
        assert await delivery.drain() == 1
    await email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == 3
    assert email.last_error
    clock.advance(days=1)
    assert await delivery.drain() == 0


async def test_every_recipient_refused_fails_at_once_without_retrying(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    smtp_server.inbox.refuse.add("nobody@cliente.example")
    email = await queue(await billing_company(), await customer(email="nobody@cliente.example"))
    assert await worker(smtp_server.transport(), clock, max_attempts=5).drain() == 1
    await email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == 1
    assert "550" in (email.last_error or "")


async def test_partly_refused_is_sent_and_names_the_refused(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    smtp_server.inbox.refuse.add("gone@cliente.example")
    email = await queue(
        await billing_company(),
        await customer(),
        to=["ok@cliente.example", "gone@cliente.example"],
    )
    await worker(smtp_server.transport(), clock).drain()
    await email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.last_error == "Recusados pelo servidor: gone@cliente.example"
    assert [r.rcpt_tos for r in smtp_server.inbox.received] == [["ok@cliente.example"]]


async def test_a_worker_that_died_mid_send_leaves_a_lease_that_expires(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    email = await queue(await billing_company(), await customer())
    dead = worker(smtp_server.transport(), clock)
    [claim] = await dead.claim()  # claimed, then the process died before sending
    assert claim.email.status == EmailStatus.SENDING

    survivor = worker(smtp_server.transport(), clock)
    assert await survivor.drain() == 0  # the lease still holds
    clock.advance(minutes=5, seconds=1)
    assert await survivor.drain() == 1
    await email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENT, 2)
    assert len(smtp_server.inbox.received) == 1


async def test_a_line_dropped_after_the_server_took_the_message_is_not_resent_at_once(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    email = await queue(await billing_company(), await customer())
    smtp_server.inbox.hang_up_after_data = True
    delivery = worker(smtp_server.transport(), clock)
    assert await delivery.drain() == 1
    await email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.QUEUED, 1)  # no word back: retry
    assert len(smtp_server.inbox.received) == 1  # at most once per attempt

    smtp_server.inbox.hang_up_after_data = False
    clock.advance(minutes=1)
    assert await delivery.drain() == 1
    await email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    # The duplicate at-least-once allows, recognisable by its Message-ID.
    assert smtp_server.inbox.message_ids() == [email.message_id, email.message_id]


class _Stalling:
    """Runs `meanwhile` (the world moving on) before each send through `inner`."""

    def __init__(self, inner: SmtpTransport, meanwhile: Callable[[], Awaitable[None]]) -> None:
        self.inner, self.meanwhile = inner, meanwhile
        self.description = "stalling"

    async def send(self, outgoing: Outgoing) -> list[str]:
        await self.meanwhile()
        return await self.inner.send(outgoing)

    async def close(self) -> None:
        await self.inner.close()


async def test_a_worker_stalled_past_its_lease_cannot_overwrite_the_row(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    email = await queue(await billing_company(), await customer())
    other = worker(smtp_server.transport(), clock)
    taken: list[Claim] = []

    async def stall() -> None:  # the send hangs 6 minutes; another worker takes the row over
        clock.advance(minutes=6)
        taken.extend(await other.claim())

    assert await worker(_Stalling(smtp_server.transport(), stall), clock).run_once() == 1
    await email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENDING, 2)  # not marked SENT
    await other._deliver(taken[0], await email.company)
    await email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENT, 2)
    # The rare duplicate of at-least-once delivery, recognisable by its Message-ID.
    assert smtp_server.inbox.message_ids() == [email.message_id, email.message_id]


async def test_a_worker_whose_lease_expired_before_sending_does_not_send(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    email = await queue(await billing_company(), await customer())
    slow = worker(smtp_server.transport(), clock)
    [claim] = await slow.claim()
    clock.advance(minutes=6)
    [taken] = await worker(smtp_server.transport(), clock).claim()
    assert taken.attempt == claim.attempt + 1
    await slow._deliver(claim, await email.company)
    await email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENDING, 2)
    assert smtp_server.inbox.received == []


async def test_a_claim_without_enough_lease_left_is_released_unsent(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    email = await queue(await billing_company(), await customer())
    await queue(await billing_company(name="Outra"), await customer())

    async def slow_send() -> None:
        clock.advance(minutes=4, seconds=30)

    slow = worker(_Stalling(smtp_server.transport(), slow_send), clock, batch_size=2)
    assert await slow.run_once() == 2  # the first send took 4.5 of the 5 minutes of lease
    rows = await SentEmail.all().order_by("id")
    assert [(r.status, r.attempts) for r in rows] == [
        (EmailStatus.SENT, 1),
        (EmailStatus.QUEUED, 0),
    ]
    assert rows[0].id == email.id
    assert len(smtp_server.inbox.received) == 1


class _Broken:
    description = "broken"

    async def send(self, outgoing: Outgoing) -> list[str]:
        raise RuntimeError("bug")

    async def close(self) -> None:
        return None


async def test_an_unexpected_error_is_retried_not_left_sending(
    database_url: str, clock: Clock
) -> None:
    email = await queue(await billing_company(), await customer())
    await worker(_Broken(), clock).drain()
    await email.refresh_from_db()
    assert email.status == EmailStatus.QUEUED
    assert email.last_error == "Erro inesperado: bug"


async def test_two_workers_deliver_200_emails_each_exactly_once(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    company, debtor = await billing_company(), await customer()
    rows = [
        SentEmail(
            debtor_id=debtor.id,
            company_id=company.id,
            recipients=[f"c{i}@cliente.example"],
            subject=f"Cobrança {i}",
            body="corpo",
            html="<p>corpo</p>",
            text="corpo",
            next_attempt_at=clock.now,
            message_id=f"<sent-email-{i}.t@cobrancas.example>",
        )
        for i in range(200)
    ]
    await SentEmail.bulk_create(rows)
    workers = [worker(smtp_server.transport(), clock) for _ in range(2)]
    started = time.perf_counter()
    claimed = await asyncio.gather(*(w.drain() for w in workers))
    elapsed = time.perf_counter() - started

    assert sum(claimed) == 200
    assert min(claimed) > 0, "both workers took part"
    counts = Counter(r.message["Subject"] for r in smtp_server.inbox.received)
    assert len(counts) == 200
    assert set(counts.values()) == {1}
    assert await SentEmail.filter(status=EmailStatus.SENT).count() == 200
    assert elapsed < 30
    print(f"\n200 e-mails, 2 workers, {database_url.split(':')[0]}: {elapsed:.2f} s")


def test_retry_schedule_is_exponential() -> None:
    policy = RetryPolicy()
    assert [d.total_seconds() / 60 for d in policy.schedule()] == [1, 4, 16, 64, 256]
    assert DeliveryWorker(_Broken()).policy == policy


async def test_delivery_error_is_permanent_only_when_said() -> None:
    assert not DeliveryError("x").permanent
    assert DeliveryError("x", permanent=True).permanent


async def test_each_recipient_gets_a_copy_that_shows_only_their_own_address(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    """The debtor and two contacts: three messages, each To its own recipient, none of them
    naming the others anywhere in the headers (no shared To, no Cc)."""
    people = ["maria@cliente.example", "fin@cliente.example", "dono@cliente.example"]
    email = await queue(await billing_company(), await customer(), to=people)
    await worker(smtp_server.transport(), clock).drain()

    received = smtp_server.inbox.received
    assert [r.rcpt_tos for r in received] == [[p] for p in people]
    for person, copy in zip(people, received, strict=True):
        assert str(copy.message["To"]) == person
        assert copy.message["Cc"] is None
        assert copy.message["Bcc"] is None
        headers = "".join(f"{k}: {v}\n" for k, v in copy.message.items())
        assert [p for p in people if p in headers] == [person]
    assert smtp_server.inbox.message_ids() == [email.message_id] * 3
    await email.refresh_from_db()
    assert (email.status, email.delivered_to) == (EmailStatus.SENT, people)


async def test_a_retry_after_a_failure_half_way_sends_only_to_those_still_waiting(
    database_url: str, smtp_server: SmtpServer, clock: Clock
) -> None:
    people = ["maria@cliente.example", "fin@cliente.example", "dono@cliente.example"]
    email = await queue(await billing_company(), await customer(), to=people)
    smtp_server.inbox.defer_data_for.add("fin@cliente.example")
    delivery = worker(smtp_server.transport(), clock)
    await delivery.drain()
    await email.refresh_from_db()
    assert email.status == EmailStatus.QUEUED
    assert email.delivered_to == ["maria@cliente.example"]
    assert "451" in (email.last_error or "")

    smtp_server.inbox.defer_data_for.clear()
    clock.advance(minutes=1)
    await delivery.drain()
    await email.refresh_from_db()
    assert (email.status, email.delivered_to) == (EmailStatus.SENT, people)
    assert [r.rcpt_tos for r in smtp_server.inbox.received] == [[p] for p in people]


async def test_the_worker_logs_sent_email_ids_not_addresses(
    database_url: str, smtp_server: SmtpServer, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    smtp_server.inbox.refuse.add("nobody@cliente.example")
    sent = await queue(await billing_company(), await customer())
    refused = await queue(await billing_company(), await customer(email="nobody@cliente.example"))
    with caplog.at_level(logging.DEBUG, logger="cobrancas"):
        assert await worker(smtp_server.transport(), clock).drain() == 2
    assert f"E-mail {sent.id} enviado" in caplog.text
    assert f"E-mail {refused.id} falhou" in caplog.text
    assert "@" not in caplog.text, caplog.text
    assert "maria" not in caplog.text
