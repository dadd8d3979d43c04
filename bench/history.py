"""Debtor.history at size: one debtor with thousands of events among 100,000 audit events and
20,000 e-mails of other debtors; the time of the first page and of a page deep in the list,
on each engine. `python -m bench.history [--events N]` (prints a Markdown table)."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from backend import database
from backend.audit.models import AuditEvent
from backend.companies.models import Company
from backend.core.enums import EmailStatus, EntryStatus, PaymentMethod
from backend.core.principal import Principal, Role
from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry, Payment
from backend.history.services import debtor_history, encode_cursor
from backend.mailing.models import SentEmail
from backend.settings import tortoise_config
from tests.support import create_postgres_database, drop_postgres_database

NOISE_AUDIT = 100_000
NOISE_EMAILS = 20_000


async def _fill(events: int) -> int:
    company = await Company.create(name="Bench Ltda")
    debtors = [Debtor(name=f"Cliente {i}", search_key=f"cliente {i}") for i in range(201)]
    await Debtor.bulk_create(debtors, batch_size=1000)
    ids = [d.id for d in await Debtor.all().order_by("id")]
    target, others = ids[0], ids[1:]
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    await FinancialEntry.bulk_create(
        [
            FinancialEntry(
                company_id=company.id,
                debtor_id=d,
                code=f"E{i}",
                description="Venda",
                due_date=dt.date(2026, 1, 1),
                amount_cents=10000,
                paid_cents=0,
                status=EntryStatus.OPEN,
            )
            for i, d in enumerate([target] * 50 + others)
        ],
        batch_size=1000,
    )
    entry_ids = [e.id for e in await FinancialEntry.filter(debtor_id=target)]

    def email(debtor_id: int, n: int) -> SentEmail:
        return SentEmail(
            debtor_id=debtor_id,
            company_id=company.id,
            recipients=["a@b.example"],
            subject=f"Cobrança {n}",
            body="b",
            html="h",
            text="t",
            status=EmailStatus.SENT,
            queued_at=start + dt.timedelta(minutes=n),
            sent_at=start + dt.timedelta(minutes=n, seconds=5),
        )

    third = events // 3
    await SentEmail.bulk_create(
        [email(target, n) for n in range(third)]
        + [email(others[n % len(others)], n) for n in range(NOISE_EMAILS)],
        batch_size=1000,
    )
    await Payment.bulk_create(
        [
            Payment(
                entry_id=entry_ids[n % len(entry_ids)],
                amount_cents=1,
                paid_on=dt.date(2026, 1, 2),
                method=PaymentMethod.PIX,
            )
            for n in range(third)
        ],
        batch_size=1000,
    )
    await AuditEvent.bulk_create(
        [
            AuditEvent(
                actor_label="x",
                action="entry.update",
                target_type="FinancialEntry",
                target_id=entry_ids[n % len(entry_ids)],
                company_id=company.id,
                details={"notes": {"old": None, "new": str(n)}},
            )
            for n in range(third)
        ]
        + [
            AuditEvent(
                actor_label="x",
                action="debtor.update",
                target_type="Debtor",
                target_id=others[n % len(others)],
                company_id=company.id,
                details={},
            )
            for n in range(NOISE_AUDIT)
        ],
        batch_size=1000,
    )
    return target


async def _measure(url: str, events: int) -> dict[str, float]:
    await database.migrate(url)
    EXECUTOR_CACHE.clear()  # per connection name, not dialect: SQLite's SQL would reach PG
    await Tortoise.init(config=tortoise_config(url))
    try:
        target = await _fill(events)
        principal = Principal(
            name="bench", role=Role.ADMIN, company_ids=None, can_write=False, can_administer=False
        )
        firsts, deeps = [], []
        after = None
        for _ in range(10):  # walk ten pages in, to time a page deep in the list
            page = await debtor_history(principal, target, first=50, after=after)
            if not page.has_next_page:
                break
            after = encode_cursor(page.rows[-1])
        for _ in range(15):
            t = time.perf_counter()
            await debtor_history(principal, target, first=50, after=None)
            firsts.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            await debtor_history(principal, target, first=50, after=after)
            deeps.append((time.perf_counter() - t) * 1000)
        return {"first": statistics.median(firsts), "deep": statistics.median(deeps)}
    finally:
        await Tortoise.close_connections()


async def main(events: int) -> None:
    print("| engine | debtor's events | first page (50) ms | page 11 ms |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        sqlite = await _measure(f"sqlite://{Path(folder) / 'h.sqlite3'}", events)
    print(f"| SQLite | {events} | {sqlite['first']:.1f} | {sqlite['deep']:.1f} |")
    url = await create_postgres_database("cobrancas_bench_history")
    try:
        pg = await _measure(url, events)
    finally:
        await drop_postgres_database("cobrancas_bench_history")
    print(f"| PostgreSQL | {events} | {pg['first']:.1f} | {pg['deep']:.1f} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=3000)
    asyncio.run(main(parser.parse_args().events))
