"""The régua's daily planning at the benchmark's size: time and SQL statements per company.

    .venv/bin/python -m bench.regua --engine postgres --size full
    .venv/bin/python -m bench.regua --engine both --size small --iterations 5

Builds (or reuses) its own copy of the benchmark's data set (`bench/data.py`: same generator,
same seed) in `cobrancas_bench_regua_<size>` / `bench/data/regua-<size>.sqlite3`, so the main
benchmark's databases are left alone; gives every company the default template and the régua
D-3, D0, D+3, D+10, D+30, pauses 1 % of the debtors, records a promise for another 1 % and
marks 20 % as already reminded at D+3 in the last weeks; then plans the next business day for
each company (`backend.collection.planning.plan_company`, what the daily run and
`collectionPlan` do) and counts the statements Tortoise sends. Writes
`bench/results/regua.md` (or `--out`).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import os
import platform
import random
import sqlite3
import statistics
import time
from pathlib import Path

import asyncpg
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from backend import database
from backend.businessdays.rules import BusinessCalendar
from backend.collection.models import (
    CollectionPause,
    CollectionSend,
    CollectionStep,
    PaymentPromise,
)
from backend.collection.planning import plan_company
from backend.collection.templates import ensure_default_template
from backend.companies.models import Company
from backend.core.enums import OPEN_STATUSES
from backend.core.periods import local_today
from backend.entries.models import FinancialEntry
from backend.settings import tortoise_config
from bench.data import SIZES, Size, generate

ROOT = Path(__file__).resolve().parent
META = "bench_regua_meta"
STEPS = (-3, 0, 3, 10, 30)


class Statements(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        word = record.getMessage().lstrip().split(" ", 1)[0].upper()
        if word in {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"}:
            self.count += 1


async def _dataset(
    engine: str, size: Size, server: str, seed: int, data_dir: Path
) -> tuple[str, float | None]:
    wanted = f"{size.debtors}/{size.entries}/{seed}"
    now = dt.datetime.now(dt.UTC)
    if engine == "sqlite":
        path = data_dir / f"regua-{size.name}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite://{path}"
        if path.exists():
            conn = sqlite3.connect(path)
            try:
                row = conn.execute(f"SELECT value FROM {META}").fetchone()
            except sqlite3.Error:
                row = None
            conn.close()
            if row and row[0] == wanted:
                return url, None
            path.unlink()
        started = time.perf_counter()
        await generate(url, size, seed=seed, now=now)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute(f"CREATE TABLE {META} (value TEXT)")
            conn.execute(f"INSERT INTO {META} VALUES (?)", (wanted,))
        conn.close()
        return url, time.perf_counter() - started
    name = f"cobrancas_bench_regua_{size.name}"
    url = f"{server}/{name}"
    admin = await asyncpg.connect(f"{server}/postgres")
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
    finally:
        await admin.close()
    if exists:
        conn = await asyncpg.connect(url)
        try:
            found = (
                await conn.fetchval(f"SELECT value FROM {META}")
                if await conn.fetchval(f"SELECT to_regclass('{META}')")
                else None
            )
        finally:
            await conn.close()
        if found == wanted:
            return url, None
    admin = await asyncpg.connect(f"{server}/postgres")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    started = time.perf_counter()
    await generate(url, size, seed=seed, now=now)
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(f"CREATE TABLE {META} (value TEXT)")
        await conn.execute(f"INSERT INTO {META} VALUES ($1)", wanted)
    finally:
        await conn.close()
    return url, time.perf_counter() - started


async def _regua(seed: int, on: dt.date) -> dict[str, int]:
    """Templates, steps, pauses, promises and earlier sends; once (kept in the database)."""
    if await CollectionStep.exists():
        return {
            "pauses": await CollectionPause.all().count(),
            "promises": await PaymentPromise.all().count(),
            "sends": await CollectionSend.all().count(),
        }
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    pauses, promises, sends = [], [], []
    for company in await Company.all().order_by("id"):
        template = await ensure_default_template(company)
        await CollectionStep.bulk_create(
            [CollectionStep(company_id=company.id, days=d, template_id=template.id) for d in STEPS]
        )
        debtors = sorted(
            {
                d
                for (d,) in await FinancialEntry.filter(
                    company_id=company.id, status__in=list(OPEN_STATUSES)
                ).values_list("debtor_id")
            }
        )
        for debtor_id in debtors:
            draw = rng.random()
            if draw < 0.01:
                pauses.append(CollectionPause(debtor_id=debtor_id, company_id=company.id,
                                              reason="em disputa", created_at=now,
                                              until=on + dt.timedelta(days=10)))  # fmt: skip
            elif draw < 0.02:
                promises.append(PaymentPromise(debtor_id=debtor_id, company_id=company.id,
                                               promised_date=on + dt.timedelta(days=5),
                                               amount_cents=10_000, created_at=now))  # fmt: skip
            elif draw < 0.22:
                day = on - dt.timedelta(days=rng.randint(1, 30))
                sends.append(CollectionSend(debtor_id=debtor_id, company_id=company.id,
                                            step_days=3, run_date=day))  # fmt: skip
    await CollectionPause.bulk_create(pauses, batch_size=5000)
    await PaymentPromise.bulk_create(promises, batch_size=5000)
    await CollectionSend.bulk_create(sends, batch_size=5000)
    return {"pauses": len(pauses), "promises": len(promises), "sends": len(sends)}


async def measure(
    engine: str,
    size: Size,
    server: str,
    seed: int,
    iterations: int,
    data_dir: Path = ROOT / "data",
) -> str:
    url, built = await _dataset(engine, size, server, seed, data_dir)
    await database.migrate(url)  # migrations added since the data set was made
    EXECUTOR_CACHE.clear()  # per-table SQL is cached by connection name, not by dialect
    await Tortoise.init(config=tortoise_config(url))
    try:
        on = BusinessCalendar.of("SP").next_business_day(
            local_today(dt.datetime.now(dt.UTC), "America/Sao_Paulo") + dt.timedelta(days=1)
        )
        extras = await _regua(seed, on)
        handler = Statements()
        logger = logging.getLogger("tortoise.db_client")
        logger.setLevel(logging.DEBUG)
        logger.addHandler(handler)
        open_entries = await FinancialEntry.filter(status__in=list(OPEN_STATUSES)).count()
        rows = []
        total_ms = []
        for company in await Company.all().order_by("id"):
            timings, cpu, counts, planned, held = [], [], [], 0, 0
            for _ in range(iterations):
                handler.count = 0
                started, cpu_started = time.perf_counter(), time.process_time()
                plan = await plan_company(company.id, on)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
                counts.append(handler.count)
                planned, held = len(plan.messages), len(plan.held)
            total_ms.append(statistics.median(timings))
            rows.append(
                f"| {company.id} | {planned:,} | {held:,} | {statistics.median(timings):,.0f} "
                f"| {max(timings):,.0f} | {statistics.median(cpu):,.0f} | {max(counts)} |"
            )
        logger.removeHandler(handler)
    finally:
        await Tortoise.close_connections()
    built_text = f"generated in {built:.0f} s" if built else "reused"
    return "\n".join(
        [
            f"### {engine} — {size.debtors:,} debtors, {size.entries:,} entries ({built_text})",
            "",
            f"Open entries: {open_entries:,}; pauses {extras['pauses']:,}, promises "
            f"{extras['promises']:,}, earlier D+3 claims {extras['sends']:,}. Planned date: "
            f"{on.isoformat()}; {iterations} runs per company, median and worst.",
            "",
            "| company | messages | held | ms (median) | ms (worst) | Python CPU ms (median) "
            "| SQL statements |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"All {len(rows)} companies: {sum(total_ms):,.0f} ms of planning (sum of medians).",
            "",
        ]
    )


async def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.regua")
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="postgres")
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--iterations", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"),
    )
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "regua.md")
    args = parser.parse_args(argv)
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    sections = [
        await measure(
            e, SIZES[args.size], args.postgres_url.rstrip("/"), args.seed, args.iterations
        )
        for e in engines
    ]
    header = (
        f"## Régua planning, size {args.size} ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.machine()}, {os.cpu_count()} CPU, load average "
        f"{os.getloadavg()[0]:.1f} at the start)\n\n"
    )
    text = header + "\n".join(sections)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a") as out:
        out.write(text + "\n")


if __name__ == "__main__":
    asyncio.run(main())
