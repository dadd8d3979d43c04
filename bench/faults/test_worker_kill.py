"""Scenario 2: a delivery worker (`cobrancas worker`, a real process) is SIGKILLed mid-batch, once
between the SMTP server accepting a message and `SENT` being recorded, once between claiming
and sending (at RCPT TO). Every e-mail is delivered, at most one duplicate per kill, with the
same Message-ID; the lease expires and another worker takes over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from tortoise import Tortoise

from backend.core.enums import EmailStatus
from backend.core.ids import encode_id
from backend.mailing.models import SentEmail
from backend.settings import tortoise_config
from tests.faults.report import Row, report
from tests.faults.support import open_entries
from tests.live import ROOT, live_server
from tests.mailing.helpers import Inbox, SmtpServer
from tests.support import run_in_thread

EMAILS = 12
LEASE = 30  # the smallest MAIL_LEASE_SECONDS allowed
SEND = """mutation($input: SendCollectionEmailInput!) {
  sendCollectionEmail(input: $input) { sentEmail { id } errors { code message } } }"""


@dataclass
class KillingInbox(Inbox):
    """An SMTP server that SIGKILLs the worker talking to it, once, at `kill_at`."""

    victim: int | None = None
    kill_at: str = ""  # "rcpt": before the message is sent; "data": after it was taken

    def _kill(self) -> None:
        if self.victim is not None:
            os.kill(self.victim, signal.SIGKILL)
            self.victim = None

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.kill_at == "rcpt" and self.victim is not None:
            self._kill()
            return "421 4.3.0 Encerrando"
        return await super().handle_RCPT(server, session, envelope, address, options)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        answer = await super().handle_DATA(server, session, envelope)  # the message is kept
        if self.kill_at == "data":
            self._kill()
        return answer


async def _emails(url: str) -> list[SentEmail]:
    await Tortoise.init(config=tortoise_config(url))
    try:
        return await SentEmail.filter(idempotency_key__startswith="morte-")
    finally:
        await Tortoise.close_connections()


def test_a_killed_worker_loses_no_email_and_doubles_at_most_one_per_kill(tmp_path: Path) -> None:
    smtp = SmtpServer()
    inbox = KillingInbox()
    smtp.inbox = inbox
    smtp.start()
    workers: list[subprocess.Popen[bytes]] = []
    try:
        with live_server("sqlite", tmp_path, "morte") as server:
            url = server.env["DATABASE_URL"]
            targets = run_in_thread(open_entries(url))
            with httpx.Client(base_url=server.url, headers=server.headers, timeout=30) as http:
                for n in range(EMAILS):
                    _, debtor, company = targets[n % len(targets)]
                    variables = {
                        "debtorId": encode_id("Debtor", debtor),
                        "companyId": encode_id("Company", company),
                        "subject": f"Lembrete {n}",
                        "body": "Olá, consta um débito em aberto.",
                        "to": [f"cliente{n}@cliente-exemplo.com.br"],
                        "confirmRecentContact": True,
                        "idempotencyKey": f"morte-{n}",
                    }
                    body = http.post(
                        "/graphql", json={"query": SEND, "variables": {"input": variables}}
                    ).json()
                    assert body["data"]["sendCollectionEmail"]["errors"] == [], body
            env = {
                **server.env,
                "SMTP_URL": smtp.url,
                "MAIL_LEASE_SECONDS": str(LEASE),
                "MAIL_POLL_SECONDS": "1",
            }

            def worker(n: int) -> subprocess.Popen[bytes]:
                with (tmp_path / f"worker{n}.log").open("wb") as log:
                    process = subprocess.Popen(
                        [sys.executable, "-m", "backend.cli", "worker"],
                        env=env,
                        cwd=ROOT,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                workers.append(process)
                return process

            kills = 0
            for moment in ("data", "rcpt"):
                inbox.kill_at = moment
                process = worker(len(workers))
                inbox.victim = process.pid
                assert process.wait(timeout=60) == -signal.SIGKILL
                kills += 1
            inbox.kill_at = ""
            last_kill = time.monotonic()
            worker(len(workers))  # the survivor: takes over once the leases expire
            deadline = time.monotonic() + LEASE + 60
            while time.monotonic() < deadline:
                emails = run_in_thread(_emails(url))
                if all(e.status == EmailStatus.SENT for e in emails):
                    break
                time.sleep(1)
            recovered = time.monotonic() - last_kill
    finally:
        for process in workers:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=10)
        smtp.stop()

    assert len(emails) == EMAILS
    assert all(e.status == EmailStatus.SENT for e in emails), [e.status for e in emails]
    expected = {e.message_id for e in emails}
    received = inbox.message_ids()
    assert set(received) == expected  # every e-mail delivered, under its own Message-ID
    duplicates = len(received) - len(set(received))  # a copy is counted by its Message-ID
    assert duplicates <= kills
    report(
        Row(
            "2 worker morto (SIGKILL) após o aceite do SMTP e antes do envio",
            EMAILS,
            kills,
            round(recovered, 2),
            len(expected - set(received)),
            duplicates,
            f"{kills} mortes; lease {LEASE} s; a duplicata tem o mesmo Message-ID",
        )
    )
