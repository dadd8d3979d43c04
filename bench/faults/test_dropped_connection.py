"""Scenario 4: the client's connection drops in the middle of settleEntry and of
sendCollectionEmail (a real server; the socket closed right after the request is sent, at
several delays, so the drop lands before, during and after the transaction). Each write
commits whole or not at all, and the client's retry with the same idempotency key returns the
first payment or e-mail: nothing is paid or queued twice, nothing acknowledged is lost."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from tortoise import Tortoise

from backend.core.ids import encode_id
from backend.entries.models import FinancialEntry, Payment, SettleKey
from backend.mailing.models import SentEmail
from backend.settings import tortoise_config
from tests.faults.report import Row, report
from tests.faults.support import open_entries
from tests.live import live_server
from tests.support import run_in_thread

SETTLE = """mutation($input: SettleEntryInput!) {
  settleEntry(input: $input) { payment { id } errors { code message } } }"""
SEND = """mutation($input: SendCollectionEmailInput!) {
  sendCollectionEmail(input: $input) { sentEmail { id } errors { code message } } }"""
DELAYS = [0.0, 0.001, 0.005, 0.01, 0.02, 0.05]  # seconds between sending and hanging up


def hang_up(url: str, token: str, query: str, variables: dict[str, Any], delay: float) -> None:
    """POST the request on a raw socket and close it `delay` seconds later, unread."""
    parts = urlsplit(url)
    body = json.dumps({"query": query, "variables": variables}).encode()
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(head + body)
        if delay:
            time.sleep(delay)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    # SO_LINGER 0: the close sends a RST, as a dropped network does, not a polite FIN.


async def _counts(url: str) -> dict[str, int]:
    await Tortoise.init(config=tortoise_config(url))
    try:
        half = 0
        for entry in await FinancialEntry.all():
            paid = await Payment.filter(entry_id=entry.id, reversed_at__isnull=True)
            half += entry.paid_cents != sum(p.amount_cents for p in paid)
        keys = await SettleKey.filter(key__startswith="queda-").values_list("payment_id", flat=True)
        emails = await SentEmail.filter(idempotency_key__startswith="queda-").count()
        return {
            "half_written": half,
            "keys": len(keys),
            "payments": await Payment.filter(id__in=list(keys)).count(),
            "emails": emails,
        }
    finally:
        await Tortoise.close_connections()


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
def test_a_dropped_connection_commits_whole_and_the_retry_pays_once(
    engine: str, tmp_path: Path
) -> None:
    with live_server(engine, tmp_path, "queda") as server:
        url = server.env["DATABASE_URL"]
        targets = run_in_thread(open_entries(url, len(DELAYS)))
        requests = 0
        with httpx.Client(base_url=server.url, headers=server.headers, timeout=30) as http:
            for n, delay in enumerate(DELAYS):
                entry, debtor, company = targets[n % len(targets)]
                settle = {
                    "entryId": encode_id("FinancialEntry", entry),
                    "amount": "0.01",
                    "idempotencyKey": f"queda-baixa-{n}",
                }
                send = {
                    "debtorId": encode_id("Debtor", debtor),
                    "companyId": encode_id("Company", company),
                    "subject": "Lembrete",
                    "body": "Olá, consta um débito em aberto.",
                    "to": ["financeiro@cliente-exemplo.com.br"],
                    "confirmRecentContact": True,
                    "idempotencyKey": f"queda-envio-{n}",
                }
                for query, variables in ((SETTLE, settle), (SEND, send)):
                    hang_up(server.url, server.token, query, {"input": variables}, delay)
                    requests += 1
                    # The client never saw an answer, so it retries, twice, with the same key.
                    answers = []
                    for _ in range(2):
                        response = http.post(
                            "/graphql", json={"query": query, "variables": {"input": variables}}
                        )
                        requests += 1
                        assert response.status_code == 200, response.text
                        payload = next(iter(response.json()["data"].values()))
                        assert payload["errors"] == [], payload
                        answers.append(json.dumps(payload, sort_keys=True))
                    assert answers[0] == answers[1]  # the same payment / e-mail both times
        counts = run_in_thread(_counts(url))
    assert counts["half_written"] == 0
    assert counts["keys"] == counts["payments"] == len(DELAYS)  # one payment per key
    assert counts["emails"] == len(DELAYS)  # one e-mail per key
    report(
        Row(
            f"4 conexão cai no meio de settleEntry/sendCollectionEmail ({engine})",
            requests,
            0,  # the retries all succeed: the fault is the client's lost answer
            0.0,
            0,
            counts["payments"] - counts["keys"],
            f"{len(DELAYS)} quedas de cada (RST a 0-50 ms); 2 novas tentativas cada",
        )
    )
