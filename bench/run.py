"""One benchmark run on one engine: prepare the data, check, measure, explain."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import socket
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import orjson
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from backend import database
from backend.accounts.services import create_token
from backend.core.enums import TokenScope
from backend.core.periods import local_today
from backend.search.balances import roll_balances
from backend.search.sql import Sql, connection
from backend.settings import Settings, tortoise_config
from bench.cases import Case, DetailDebtors, build_cases
from bench.data import DETAIL_VERSION, Size, add_detail_data, generate
from bench.measure import (
    StatementReport,
    Timing,
    capture_statements,
    explain,
    graphql_in_process,
    profile,
    timed_pair,
)
from bench.raw import close_twin, open_twin

ROOT = Path(__file__).resolve().parent.parent
Progress = Callable[[str], None]
META = "bench_meta"


@dataclass(frozen=True)
class Options:
    size: Size
    seed: int = 42
    reuse: bool = True
    iterations: int = 200
    warmup: int = 20
    http: bool = True
    postgres_server: str = "postgres://postgres@127.0.0.1:5432"
    data_dir: Path = ROOT / "bench" / "data"


@dataclass
class CaseResult:
    case: Case
    graphql: Timing
    raw: Timing
    statements: list[StatementReport]
    graphql_http: Timing | None = None
    raw_http: Timing | None = None
    # Detail cases: how much the page shows (rows per section, bytes of the answer).
    sections: dict[str, int] = field(default_factory=dict)


@dataclass
class EngineResult:
    engine: str
    url: str
    generated: bool
    load_seconds: float | None
    roll_seconds: float
    rebuilt: bool
    stats: list[tuple[str, str]]
    detail: DetailDebtors
    detail_seconds: float | None  # None: reused from an earlier run
    cases: list[CaseResult] = field(default_factory=list)
    profiles: list[tuple[str, str]] = field(default_factory=list)


# --- the data set ------------------------------------------------------------------------


def _meta_value(size: Size, seed: int) -> str:
    return f"{size.debtors}/{size.entries}/{size.companies}/{seed}"


async def _postgres_dataset(options: Options, progress: Progress) -> tuple[str, bool, float | None]:
    name = f"cobrancas_bench_{options.size.name}"
    url = f"{options.postgres_server}/{name}"
    admin = await asyncpg.connect(f"{options.postgres_server}/postgres")
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
    finally:
        await admin.close()
    wanted = _meta_value(options.size, options.seed)
    if exists and options.reuse:
        conn = await asyncpg.connect(url)
        try:
            found = (
                await conn.fetchval(f"SELECT value FROM {META} WHERE key = 'dataset'")
                if await conn.fetchval(f"SELECT to_regclass('{META}')")
                else None
            )
        finally:
            await conn.close()
        if found == wanted:
            progress(f"PostgreSQL: reaproveitando {name}")
            await database.migrate(url)  # migrations added since it was generated
            return url, False, None
    admin = await asyncpg.connect(f"{options.postgres_server}/postgres")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    started = time.perf_counter()
    await generate(url, options.size, seed=options.seed, now=_now(), progress=progress)
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(f"CREATE TABLE {META} (key TEXT PRIMARY KEY, value TEXT)")
        await conn.execute(f"INSERT INTO {META} VALUES ('dataset', $1)", wanted)
    finally:
        await conn.close()
    return url, True, time.perf_counter() - started


async def _sqlite_dataset(options: Options, progress: Progress) -> tuple[str, bool, float | None]:
    options.data_dir.mkdir(parents=True, exist_ok=True)
    path = options.data_dir / f"bench-{options.size.name}.sqlite3"
    url = f"sqlite://{path}"
    wanted = _meta_value(options.size, options.seed)
    if path.exists() and options.reuse:
        conn = sqlite3.connect(path)
        try:
            row = (
                conn.execute(f"SELECT value FROM {META} WHERE key = 'dataset'").fetchone()
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (META,)).fetchone()
                else None
            )
        finally:
            conn.close()
        if row and row[0] == wanted:
            progress(f"SQLite: reaproveitando {path}")
            await database.migrate(url)  # migrations added since it was generated
            return url, False, None
    _remove_sqlite(path)
    started = time.perf_counter()
    await generate(url, options.size, seed=options.seed, now=_now(), progress=progress)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"CREATE TABLE {META} (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute(f"INSERT INTO {META} VALUES ('dataset', ?)", (wanted,))
    conn.close()
    return url, True, time.perf_counter() - started


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _mib(path: str) -> str:
    return f"{Path(path).stat().st_size / 2**20:,.0f} MiB"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def _stats(url: str, today: dt.date) -> list[tuple[str, str]]:
    queries = [
        ("devedores", "SELECT COUNT(*) FROM debtor"),
        ("lançamentos", "SELECT COUNT(*) FROM financial_entry"),
        (
            "lançamentos em aberto e vencidos",
            "SELECT COUNT(*) FROM financial_entry e WHERE e.status IN ('OPEN', 'PARTIALLY_PAID') "
            "AND e.due_date < {today}",
        ),
        ("linhas do resumo (devedores com vencidos)", "SELECT COUNT(*) FROM debtor_balance"),
        ("pagamentos", "SELECT COUNT(*) FROM payment"),
    ]
    result = []
    if url.startswith("sqlite://"):
        path = url.removeprefix("sqlite://")
        conn = sqlite3.connect(path)
        try:
            for label, sql in queries:
                count = conn.execute(
                    sql.format(today="?"), (today.isoformat(),) * sql.count("{today}")
                ).fetchone()[0]
                result.append((label, f"{count:,}"))
        finally:
            conn.close()
        result.append(("tamanho do arquivo", _mib(path)))
        return result
    pg = await asyncpg.connect(url)
    try:
        for label, sql in queries:
            args = (today,) if "{today}" in sql else ()
            count = await pg.fetchval(sql.format(today="$1"), *args)
            result.append((label, f"{count:,}"))
        size = await pg.fetchval("SELECT pg_database_size(current_database())")
        result.append(("tamanho do banco", f"{size / 2**20:,.0f} MiB"))
    finally:
        await pg.close()
    return result


async def _detail_data(options: Options, progress: Progress) -> tuple[DetailDebtors, float | None]:
    """The Débitos do Cliente rows (bench.data.add_detail_data), added once per data set and
    recorded in bench_meta with the debtors chosen; a data set from before them is upgraded."""
    sql = Sql(connection())
    found = await sql.rows(f"SELECT value FROM {META} WHERE key = 'detail'")
    if found:
        version, _, ids = str(found[0]["value"]).partition(":")
        if version == DETAIL_VERSION:
            busy, typical = (int(i) for i in ids.split("/"))
            return DetailDebtors(busy=busy, typical=typical), None
    progress("Adicionando os dados da tela Débitos do Cliente")
    started = time.perf_counter()
    detail = await add_detail_data(seed=options.seed, now=_now(), progress=progress)
    record = Sql(connection())
    value = f"{DETAIL_VERSION}:{detail.busy}/{detail.typical}"
    await record.rows(f"DELETE FROM {META} WHERE key = 'detail'")
    await record.rows(f"INSERT INTO {META} VALUES ('detail', {record.param(value)})")
    return detail, time.perf_counter() - started


# --- measuring ---------------------------------------------------------------------------


def _same(graphql_body: bytes, raw_body: bytes) -> bool:
    return bool(json.loads(graphql_body) == orjson.loads(raw_body))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.asynccontextmanager
async def _server(url: str, companies: list[int], detail: DetailDebtors) -> AsyncIterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "bench.server", "--database-url", url]
    command += ["--port", str(port), "--company-id", str(companies[0])]
    command += ["--all-companies", *map(str, companies)]
    command += ["--detail-debtors", str(detail.busy), str(detail.typical)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = await asyncio.create_subprocess_exec(*command, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as probe:
            for _ in range(300):
                with contextlib.suppress(httpx.TransportError):
                    if (await probe.get(f"{base}/healthz")).status_code == 200:
                        break
                if process.returncode is not None:
                    raise RuntimeError("o servidor do benchmark não iniciou")
                await asyncio.sleep(0.05)
            else:
                raise RuntimeError("o servidor do benchmark não respondeu")
        yield base
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), timeout=30)


async def run_engine(engine: str, options: Options, progress: Progress = print) -> EngineResult:
    if engine == "postgres":
        url, generated, load_seconds = await _postgres_dataset(options, progress)
    else:
        url, generated, load_seconds = await _sqlite_dataset(options, progress)
    settings = Settings(database_url=url)
    EXECUTOR_CACHE.clear()  # Tortoise caches SQL per connection name, not per dialect
    await Tortoise.init(config=tortoise_config(url))
    try:
        detail, detail_seconds = await _detail_data(options, progress)
        today = local_today(_now(), settings.time_zone)
        started = time.perf_counter()
        rolled = await roll_balances(today=today)
        roll_seconds = time.perf_counter() - started
        companies = await _companies(url)
        result = EngineResult(
            engine=engine,
            url=url,
            generated=generated,
            load_seconds=load_seconds,
            roll_seconds=roll_seconds,
            rebuilt=rolled.rebuilt,
            stats=await _stats(url, today),
            detail=detail,
            detail_seconds=detail_seconds,
        )
        cases = build_cases(
            today=today, company_id=companies[0], all_companies=companies, detail=detail
        )
        twin = await open_twin(url, today, settings.time_zone)
        try:
            for case in cases:
                progress(f"{engine}: {case.title}")
                graphql_body = await graphql_in_process(case, settings)
                if not _same(graphql_body, await twin.run(case)):
                    raise AssertionError(f"{case.key}: GraphQL and the raw twin disagree")
                statements = await explain(twin, await capture_statements(case, settings))
                graphql, raw = await timed_pair(
                    lambda c=case: graphql_in_process(c, settings),
                    lambda c=case: twin.run(c),
                    iterations=options.iterations,
                    warmup=options.warmup,
                )
                sections = _sections(graphql_body) if case.debtor_id is not None else {}
                result.cases.append(CaseResult(case, graphql, raw, statements, sections=sections))
            # Where GraphQL adds the most over its twin among the search cases, and the busy
            # debtor's detail page: the profiles show what that time is.
            worst = max(
                (r for r in result.cases if r.case.target and r.case.debtor_id is None),
                key=lambda r: r.graphql.p50 / r.raw.p50,
            )
            for profiled in (worst.case, *(c for c in cases if c.key == "detail")):
                result.profiles.append((profiled.key, await profile(profiled, settings)))
        finally:
            await close_twin(twin)
        if options.http:
            await _measure_http(result, url, companies, options, progress)
    finally:
        await Tortoise.close_connections()
    return result


def _sections(body: bytes) -> dict[str, int]:
    """What a DebtorDetail answer holds: rows shown and in all, per section, and its size."""
    debtor = json.loads(body)["data"]["debtor"]
    return {
        "overdue_shown": len(debtor["overdueEntries"]["edges"]),
        "overdue_total": debtor["overdueEntries"]["totalCount"],
        "contacts": len(debtor["contacts"]),
        "appointments": len(debtor["appointments"]),
        "emails_shown": len(debtor["sentEmails"]["edges"]),
        "emails_total": debtor["sentEmails"]["totalCount"],
        "bytes": len(body),
    }


async def _companies(url: str) -> list[int]:
    """Every company, the busiest first (the company filter's case uses it)."""
    sql = "SELECT company_id FROM financial_entry GROUP BY company_id ORDER BY COUNT(*) DESC"
    if url.startswith("sqlite://"):
        conn = sqlite3.connect(url.removeprefix("sqlite://"))
        try:
            return [int(row[0]) for row in conn.execute(sql)]
        finally:
            conn.close()
    pg = await asyncpg.connect(url)
    try:
        return [int(row[0]) for row in await pg.fetch(sql)]
    finally:
        await pg.close()


async def _measure_http(
    result: EngineResult, url: str, companies: list[int], options: Options, progress: Progress
) -> None:
    tokens = {}
    for scoped in (False, True):
        issued = await create_token(
            name="benchmark",
            scope=TokenScope.READ,
            all_companies=not scoped,
            company_ids=companies if scoped else None,
        )
        tokens[scoped] = {"Authorization": f"Bearer {issued.secret}"}
    server = _server(url, companies, result.detail)
    async with server as base, httpx.AsyncClient(base_url=base) as client:

        async def graphql(case: Case) -> bytes:
            response = await client.post(
                "/graphql",
                json={"query": case.query, "variables": case.variables},
                headers=tokens[case.scope is not None],
            )
            response.raise_for_status()
            return response.content

        async def raw(case: Case) -> bytes:
            response = await client.get(f"/raw/{case.key}")
            response.raise_for_status()
            return response.content

        for case_result in result.cases:
            case = case_result.case
            progress(f"{result.engine} HTTP: {case.title}")
            if not _same(await graphql(case), await raw(case)):
                raise AssertionError(f"{case.key}: GraphQL and the raw twin disagree over HTTP")
            case_result.graphql_http, case_result.raw_http = await timed_pair(
                lambda c=case: graphql(c),
                lambda c=case: raw(c),
                iterations=options.iterations,
                warmup=options.warmup,
            )


def describe_options(options: Options) -> dict[str, Any]:
    return {
        "size": options.size.name,
        "debtors": options.size.debtors,
        "entries": options.size.entries,
        "seed": options.seed,
        "iterations": options.iterations,
        "warmup": options.warmup,
    }
