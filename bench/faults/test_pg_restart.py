"""Scenario 1: PostgreSQL stops and starts again (an upgrade's restart) while clients search,
settle and send through a real `cobrancas serve` (with its mail worker and day roller).

Requests during the outage fail fast with 503 DATABASE_UNAVAILABLE (none hangs past the
statement and connect timeouts); seconds after PostgreSQL answers again every request succeeds,
with the same server process (the pool reconnects). Clients retry a failed write with the same
idempotency key: no payment or e-mail is lost or doubled, no payment is half-written, and the
search summary equals the sums from the entries."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from tortoise import Tortoise

from backend.core.enums import EmailStatus
from backend.core.ids import encode_id
from backend.entries.models import FinancialEntry, Payment, SettleKey
from backend.mailing.models import SentEmail
from backend.search.models import BalanceState
from backend.settings import tortoise_config
from bench.faults.cluster import private_cluster
from tests.faults.report import Row, report
from tests.faults.support import open_entries
from tests.live import run, server_env, serving
from tests.support import run_in_thread

STATEMENT_TIMEOUT = 3.0
CONNECT_TIMEOUT = 2.0
OUTAGE = 4.0  # seconds PostgreSQL stays down
SEARCH = "{ debtors(first: 10) { totalCount edges { node { id } } } }"
SETTLE = """mutation($input: SettleEntryInput!) {
  settleEntry(input: $input) { payment { id } errors { code message } } }"""
SEND = """mutation($input: SendCollectionEmailInput!) {
  sendCollectionEmail(input: $input) { sentEmail { id } errors { code message } } }"""


@dataclass
class Attempt:
    client: str
    started: float
    ended: float
    ok: bool
    status: int
    code: str | None


@dataclass
class Clients:
    url: str
    token: str
    attempts: list[Attempt] = field(default_factory=list)
    settled: list[str] = field(default_factory=list)  # keys acknowledged
    sent: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def call(self, http: httpx.Client, client: str, query: str, variables: dict[str, Any]) -> bool:
        started = time.monotonic()
        status, code, ok = 0, None, False
        try:
            response = http.post("/graphql", json={"query": query, "variables": variables})
            status = response.status_code
            body = response.json()
            if status == 200 and not body.get("errors"):
                payload = next(iter(body["data"].values()))
                errors = payload.get("errors") if isinstance(payload, dict) else None
                ok = not errors
                code = errors[0]["code"] if errors else None
            else:
                code = (body.get("errors") or [{}])[0].get("extensions", {}).get("code")
        except httpx.HTTPError as exc:
            code = type(exc).__name__
        with self.lock:
            self.attempts.append(Attempt(client, started, time.monotonic(), ok, status, code))
        return ok

    def run(self, client: str, requests: Any) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(base_url=self.url, headers=headers, timeout=30) as http:
            for query, variables, done in requests:
                # The client's retry: the same request (same idempotency key) until it succeeds.
                while not self.call(http, client, query, variables):
                    if self.stop.is_set():
                        return
                    time.sleep(0.2)
                if done is not None:
                    with self.lock:
                        done.append(variables["input"]["idempotencyKey"])
                if self.stop.is_set():
                    return
                time.sleep(0.02)


async def _check(url: str, settled: list[str], sent: list[str]) -> dict[str, Any]:
    from tests.search.test_balances import actual_rows, expected_rows

    await Tortoise.init(config=tortoise_config(url))
    try:
        half_written = 0
        for entry in await FinancialEntry.all():
            payments = await Payment.filter(entry_id=entry.id, reversed_at__isnull=True)
            half_written += entry.paid_cents != sum(p.amount_cents for p in payments)
        keys = await SettleKey.filter(key__startswith="falha-").values_list("key", "payment_id")
        paid = await Payment.filter(id__in=[p for _, p in keys]).count()
        found = {k for k, _ in keys}
        emails = await SentEmail.filter(idempotency_key__startswith="falha-")
        state = await BalanceState.get_or_none(id=1)
        summary_ok = False
        if state is not None and state.as_of is not None:
            summary_ok = await actual_rows() == await expected_rows(state.as_of)
        return {
            "half_written": half_written,
            "settle_lost": len(set(settled) - found),
            "settle_duplicates": paid - len(found),
            "email_lost": len(set(sent) - {e.idempotency_key for e in emails}),
            "email_duplicates": len(emails) - len({e.idempotency_key for e in emails}),
            "unsent": sum(e.status != EmailStatus.SENT for e in emails),
            "summary_ok": summary_ok,
        }
    finally:
        await Tortoise.close_connections()


def test_postgres_restart_under_load(tmp_path: Path) -> None:
    with private_cluster() as cluster:
        url = cluster.createdb("cobrancas_faults")
        env = server_env(url, tmp_path, "INFO")
        env["DB_STATEMENT_TIMEOUT_SECONDS"] = str(STATEMENT_TIMEOUT)
        env["DB_CONNECT_TIMEOUT_SECONDS"] = str(CONNECT_TIMEOUT)
        env["MAIL_POLL_SECONDS"] = "1"
        # An e-mail whose SENT could not be recorded during the outage waits for its lease.
        env["MAIL_LEASE_SECONDS"] = "30"
        env["MAIL_RETRY_BASE_SECONDS"] = "1"
        run(env, "backend.cli", "migrate")
        run(env, "backend.cli", "demo", "--debtors", "12", "--entries", "60", "--seed", "3")
        token = run(env, "tests.live_seed").strip().splitlines()[-1]
        targets = run_in_thread(open_entries(url))
        entry_ids = [entry for entry, _, _ in targets]
        pairs = [(debtor, company) for _, debtor, company in targets[:10]]
        with serving(env, tmp_path / "server.log", "backend.cli", "serve") as base:
            clients = Clients(base, token)

            def searches() -> Any:
                while True:
                    yield SEARCH, {}, None

            def settles(offset: int) -> Any:
                for n in range(10_000):
                    entry = entry_ids[(n * 2 + offset) % len(entry_ids)]
                    variables = {
                        "entryId": encode_id("FinancialEntry", entry),
                        "amount": "0.01",
                        "idempotencyKey": f"falha-{offset}-{n}",
                    }
                    yield SETTLE, {"input": variables}, clients.settled

            def sends() -> Any:
                for n in range(10_000):
                    debtor, company = pairs[n % len(pairs)]
                    variables = {
                        "debtorId": encode_id("Debtor", debtor),
                        "companyId": encode_id("Company", company),
                        "subject": "Lembrete",
                        "body": "Olá, consta um débito em aberto.",
                        "to": ["financeiro@cliente-exemplo.com.br"],
                        "confirmRecentContact": True,
                        "idempotencyKey": f"falha-mail-{n}",
                    }
                    yield SEND, {"input": variables}, clients.sent

            threads = [
                threading.Thread(target=clients.run, args=(name, requests))
                for name, requests in [
                    ("busca-1", searches()),
                    ("busca-2", searches()),
                    ("baixa-1", settles(0)),
                    ("baixa-2", settles(1)),
                    ("envio", sends()),
                ]
            ]
            for thread in threads:
                thread.start()
            time.sleep(3)
            down = time.monotonic()
            cluster.stop()
            time.sleep(OUTAGE)
            cluster.start()
            up = time.monotonic()
            time.sleep(8)
            clients.stop.set()
            for thread in threads:
                thread.join(timeout=30)
            # The worker delivers what was queued, without a restart.
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                result = run_in_thread(_check(url, clients.settled, clients.sent))
                if result["unsent"] == 0:
                    break
                time.sleep(1)

    attempts = clients.attempts
    failures = [a for a in attempts if not a.ok]
    during = [a for a in failures if a.ended >= down]
    recovered_at = max((a.ended for a in failures), default=up)
    # Before the fault: nothing failed (a request in flight when it began may).
    assert all(a.ended >= down for a in failures), failures[:3]
    # During it: fast, clear 503s (a statement cut by the shutdown may report TIMEOUT).
    assert {(a.status, a.code) for a in failures} <= {
        (503, "DATABASE_UNAVAILABLE"),
        (503, "TIMEOUT"),
    }, {(a.status, a.code) for a in failures}
    slowest = max(a.ended - a.started for a in attempts)
    assert slowest < STATEMENT_TIMEOUT + CONNECT_TIMEOUT + 2, slowest
    # After it: every request succeeds within seconds, same server process.
    recovery = max(0.0, recovered_at - up)
    assert recovery < 10, recovery
    assert any(a.ok and a.started > recovered_at for a in attempts)
    # Nothing lost, doubled or half-written; the summary equals the entries' sums.
    assert result["half_written"] == 0
    assert result["settle_lost"] == result["email_lost"] == 0
    assert result["settle_duplicates"] == result["email_duplicates"] == 0
    assert result["unsent"] == 0
    assert result["summary_ok"]
    report(
        Row(
            "1 PostgreSQL reinicia sob carga (cluster privado, pg_ctl stop/start)",
            len(attempts),
            len(during),
            round(recovery, 2),
            result["settle_lost"] + result["email_lost"],
            result["settle_duplicates"] + result["email_duplicates"],
            f"{len(clients.settled)} baixas, {len(clients.sent)} e-mails; "
            f"mais lenta {slowest:.2f} s",
        )
    )
