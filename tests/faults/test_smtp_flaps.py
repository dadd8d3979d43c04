"""Scenario 3: the SMTP server flaps — refuses connections, then accepts, times out in the middle
of DATA for one message, answers 4xx for another and 5xx for one recipient. 4xx is retried with
backoff, the 5xx message fails clearly without holding the others back, the message cut
mid-DATA is recorded as a failed attempt and retried with backoff (sooner than its lease would
let another worker take it); in the end every deliverable e-mail arrived once."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from backend.core.enums import EmailStatus
from backend.mailing.models import SentEmail
from backend.mailing.transport import SmtpConfig, SmtpTransport
from tests.faults.report import Row, report
from tests.mailing.helpers import (
    MAIL_FROM,
    Clock,
    Inbox,
    SmtpServer,
    billing_company,
    customer,
    queue,
    worker,
)


@dataclass
class FlappingInbox(Inbox):
    slow_data_for: set[str] = field(default_factory=set)  # DATA answered after the time-out

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.slow_data_for & set(envelope.rcpt_tos):
            await asyncio.sleep(2)  # the client gave up after 1 s; nothing is kept
            return "451 4.4.2 Tempo esgotado"
        return await super().handle_DATA(server, session, envelope)


async def test_a_flapping_smtp_server_loses_nothing_and_fails_only_the_refused(
    database_url: str,
) -> None:
    clock = Clock()  # the worker's, moved by hand past backoffs and leases
    server = SmtpServer()
    inbox = FlappingInbox(
        refuse={"inexistente@cliente.example"},
        defer_data_for={"adiado@cliente.example"},
        slow_data_for={"lento@cliente.example"},
    )
    server.inbox = inbox
    transport = SmtpTransport(
        SmtpConfig(host="127.0.0.1", port=server.port, security="none", timeout=1), MAIL_FROM
    )
    company = await billing_company()
    names = ["a", "b", "c", "adiado", "lento", "inexistente"]
    emails = {
        name: await queue(company, await customer(email=f"{name}@cliente.example"), to=None)
        for name in names
    }
    delivery = worker(transport, clock, max_attempts=5)
    attempts = 0

    # 1. Refuses connections: everything stays queued for a retry a minute later.
    attempts += await delivery.drain()
    rows = await SentEmail.filter(id__in=[e.id for e in emails.values()])
    assert {r.status for r in rows} == {EmailStatus.QUEUED}

    # 2. Back, but flapping: 4xx, a time-out mid-DATA, a 5xx recipient; the others go through.
    server.start()
    try:
        clock.advance(minutes=1)
        attempts += await delivery.drain()
        status = {n: (await SentEmail.get(id=e.id)).status for n, e in emails.items()}
        assert status == {
            "a": EmailStatus.SENT,
            "b": EmailStatus.SENT,
            "c": EmailStatus.SENT,
            "adiado": EmailStatus.QUEUED,  # 4xx: retried with backoff
            # No answer to DATA: a failed attempt, retried with backoff (a worker that dies
            # instead leaves it SENDING until the lease expires: scenario 2).
            "lento": EmailStatus.QUEUED,
            "inexistente": EmailStatus.FAILED,  # 5xx: fails at once, clearly
        }
        failed = await SentEmail.get(id=emails["inexistente"].id)
        assert "550" in (failed.last_error or "")

        # 3. The server behaves again: the backoff and the lease run out, both are delivered.
        inbox.defer_data_for.clear()
        inbox.slow_data_for.clear()
        clock.advance(minutes=5, seconds=1)
        attempts += await delivery.drain()
        attempts += await delivery.drain()
    finally:
        server.stop()
    status = {n: (await SentEmail.get(id=e.id)).status for n, e in emails.items()}
    assert {n for n, s in status.items() if s == EmailStatus.SENT} == set(names) - {"inexistente"}
    received = inbox.message_ids()
    expected = {emails[n].message_id for n in names if n != "inexistente"}
    assert set(received) == expected
    duplicates = len(received) - len(set(received))
    assert duplicates == 0
    report(
        Row(
            f"3 SMTP instável: recusa, 4xx, time-out no DATA, 5xx ({database_url.split(':')[0]})",
            attempts,
            len(names) + 3,  # every e-mail refused once, then 4xx, time-out and 5xx
            0.0,  # delivered at the first due attempt once the server behaves
            len(expected - set(received)),
            duplicates,
            "5xx só falha o seu e-mail; 4xx e time-out com backoff",
        )
    )
