"""The worker where it runs: inside the app's lifespan, `cobrancas serve` and `cobrancas worker`."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

from backend.core.enums import EmailStatus
from backend.mailing.models import SentEmail
from backend.mailing.worker import mail_worker_service
from backend.settings import Settings
from tests.mailing.helpers import SmtpServer, billing_company, customer, free_port, queue

ROOT = Path(__file__).resolve().parents[2]


async def test_the_app_service_delivers_as_soon_as_an_email_is_queued(
    database_url: str, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    settings = Settings(database_url=database_url, smtp_url=smtp_server.url, mail_poll_seconds=60)
    async with mail_worker_service(settings):
        await asyncio.sleep(0.1)  # the worker is now idle, waiting for up to a minute
        started = time.monotonic()
        email = await queue(await billing_company(), await customer())
        await asyncio.to_thread(smtp_server.inbox.wait_for, 1)
        assert time.monotonic() - started < 5  # woken up, not polled
    await email.refresh_from_db()
    assert email.status == EmailStatus.SENT


def _env(database_url: str, smtp_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "SMTP_URL": smtp_url,
        "MAIL_POLL_SECONDS": "1",
        "MAIL_FROM": "cobranca@cobrancas.example",
    }


async def test_two_worker_processes_drain_the_queue_each_email_once(
    database_url: str, smtp_server: SmtpServer
) -> None:
    company, debtor = await billing_company(), await customer()
    emails = [await queue(company, debtor) for _ in range(60)]
    command = [sys.executable, "-m", "backend.cli", "worker", "--drain"]
    env = _env(database_url, smtp_server.url)
    pipe = asyncio.subprocess.PIPE
    processes = [
        await asyncio.create_subprocess_exec(*command, env=env, cwd=ROOT, stdout=pipe, stderr=pipe)
        for _ in range(2)
    ]
    outputs = [await asyncio.wait_for(p.communicate(), timeout=60) for p in processes]
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err.decode()
        assert "E-mails processados:" in out.decode()
    counts = Counter(smtp_server.inbox.message_ids())
    assert sorted(counts) == sorted(str(e.message_id) for e in emails)
    assert set(counts.values()) == {1}
    assert await SentEmail.filter(status=EmailStatus.SENT).count() == 60


async def test_serve_runs_the_worker_by_default(database_url: str, smtp_server: SmtpServer) -> None:
    port = free_port()
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "backend.cli", "serve",
        env={**_env(database_url, smtp_server.url), "PORT": str(port)}, cwd=ROOT,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:

            async def healthy() -> bool:
                try:
                    return (await client.get("/healthz")).status_code == 200
                except httpx.TransportError:
                    return False

            deadline = time.monotonic() + 30
            while not await healthy():
                assert server.returncode is None, "the server exited"
                assert time.monotonic() < deadline, "the server did not start"
                await asyncio.sleep(0.1)
        email = await queue(await billing_company(), await customer())  # another process
        await asyncio.to_thread(smtp_server.inbox.wait_for, 1)  # polled every second
        assert smtp_server.inbox.message_ids() == [email.message_id]
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(server.communicate(), timeout=30)
    log = err.decode()
    assert server.returncode in (0, -signal.SIGTERM), log  # uvicorn re-raises the signal
    assert "Entrega de e-mails ativa: SMTP 127.0.0.1" in log
    assert "Application shutdown complete" in log  # the lifespan stopped the worker
