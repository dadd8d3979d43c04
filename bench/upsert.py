"""Bulk upsert through the API: 100,000 entries pushed with upsertEntries (500 per call) into a
fresh database of each engine, the app served by uvicorn in its own process.

`.venv/bin/python -m bench.upsert [--entries 100000] [--engine sqlite|postgres|both]` writes
bench/results/upsert.md. Each run: 2,000 debtors by upsertDebtors, then the entries (all new),
then the same entries again (all unchanged: the partner's nightly re-send), then again with every
amount changed (all updated).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from backend.accounts.services import create_token
from backend.companies.models import Company
from backend.core.enums import TokenScope
from backend.core.ids import encode_id
from backend.database import migrate
from backend.settings import tortoise_config
from tests.support import create_postgres_database, drop_postgres_database

BATCH = 500
DEBTORS = 2_000
RESULTS = Path(__file__).parent / "results" / "upsert.md"
ENTRIES_MUTATION = """mutation($input: UpsertEntriesInput!) { upsertEntries(input: $input)
  { created updated unchanged failed errors { code } } }"""
DEBTORS_MUTATION = """mutation($input: UpsertDebtorsInput!) { upsertDebtors(input: $input)
  { created failed errors { code } } }"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _prepare(url: str) -> tuple[str, str]:
    await migrate(url)
    EXECUTOR_CACHE.clear()  # per-table SQL is cached by connection name, not dialect
    await Tortoise.init(config=tortoise_config(url))
    try:
        company = await Company.create(name="Bench")
        token = await create_token(
            name="bench", scope=TokenScope.WRITE, all_companies=False, company_ids=[company.id]
        )
        return encode_id("Company", company.id), token.secret
    finally:
        await Tortoise.close_connections()


def _entry(n: int, cents: int) -> dict[str, Any]:
    return {
        "externalId": f"nf-{n}",
        "debtorExternalId": f"c-{n % DEBTORS}",
        "description": f"Nota fiscal {n}",
        "dueDate": f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
        "amount": f"{cents // 100}.{cents % 100:02d}",
    }


async def _push(
    client: httpx.AsyncClient, company: str, query: str, items: list[dict[str, Any]]
) -> dict[str, int]:
    totals: dict[str, int] = {}
    for start in range(0, len(items), BATCH):
        response = await client.post(
            "/graphql",
            json={"query": query, "variables": {"input": {"companyId": company,
                                                           "items": items[start:start + BATCH]}}},
        )  # fmt: skip
        response.raise_for_status()
        body = response.json()
        assert "errors" not in body, body
        [payload] = body["data"].values()
        assert payload["errors"] == [], payload
        assert payload["failed"] == 0, payload
        for key, value in payload.items():
            if isinstance(value, int):
                totals[key] = totals.get(key, 0) + value
    return totals


async def run_engine(engine: str, entries: int) -> dict[str, float]:
    tmp = tempfile.mkdtemp(prefix="bench-upsert-")
    pg_name = f"bench_upsert_{os.getpid()}"
    url = (
        f"sqlite://{tmp}/bench.sqlite3"
        if engine == "sqlite"
        else await create_postgres_database(pg_name)
    )
    company, secret = await _prepare(url)
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": url, "TOKEN_REQUEST_BUDGET": "1000000/minute",
           "LOG_LEVEL": "WARNING", "REQUEST_TIMEOUT_SECONDS": "120"}  # fmt: skip
    server = subprocess.Popen(  # noqa: S603, ASYNC220 - our own interpreter; started once
        [sys.executable, "-m", "uvicorn", "backend.app:create_app", "--factory",
         "--port", str(port), "--log-level", "warning", "--no-access-log"],
        env=env,
    )  # fmt: skip
    figures: dict[str, float] = {}
    try:
        headers = {"Authorization": f"Bearer {secret}"}
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=300
        ) as client:
            for _ in range(600):  # a loaded machine takes a while to import the app
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.2)
            else:
                raise RuntimeError("the server did not start")
            debtors = [{"externalId": f"c-{n}", "name": f"Cliente {n}"} for n in range(DEBTORS)]
            started = time.perf_counter()
            await _push(client, company, DEBTORS_MUTATION, debtors)
            figures["debtors/s"] = DEBTORS / (time.perf_counter() - started)
            for label, cents in (("new", 10_000), ("unchanged", 10_000), ("updated", 12_345)):
                items = [_entry(n, cents + n % 100) for n in range(entries)]
                started = time.perf_counter()
                totals = await _push(client, company, ENTRIES_MUTATION, items)
                elapsed = time.perf_counter() - started
                expected = {"new": "created", "unchanged": "unchanged", "updated": "updated"}
                assert totals[expected[label]] == entries, totals
                figures[f"{label} entries/s"] = entries / elapsed
                figures[f"{label} s"] = elapsed
    finally:
        server.terminate()
        server.wait(timeout=30)
        if engine == "postgres":
            await drop_postgres_database(pg_name)
    return figures


def write(results: dict[str, dict[str, float]], entries: int) -> str:
    lines = [
        "# Bulk upsert through the API",
        "",
        f"{entries:,} entries pushed with `upsertEntries`, {BATCH} per call, over HTTP to the app "
        "under uvicorn (one process, one client connection, calls one after another), into a "
        f"fresh database with {DEBTORS:,} debtors (`upsertDebtors`). Machine: "
        f"{platform.machine()}, {os.cpu_count()} cores (shared with other work while measured). "
        "`python -m bench.upsert`.",
        "",
        "| engine | new entries/s (total s) | unchanged re-send entries/s "
        "| all updated entries/s | debtors/s |",
        "|---|---|---|---|---|",
    ]  # fmt: skip
    for engine, f in results.items():
        lines.append(
            f"| {engine} | {f['new entries/s']:,.0f} ({f['new s']:.1f} s) "
            f"| {f['unchanged entries/s']:,.0f} ({f['unchanged s']:.1f} s) "
            f"| {f['updated entries/s']:,.0f} ({f['updated s']:.1f} s) | {f['debtors/s']:,.0f} |"
        )
    return "\n".join(lines) + "\n"


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    results = {engine: await run_engine(engine, args.entries) for engine in engines}
    text = write(results, args.entries)
    args.output.write_text(text)
    print(text)


if __name__ == "__main__":
    asyncio.run(main())
