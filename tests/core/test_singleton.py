"""A job runs once across processes: the PostgreSQL advisory lock (core/singleton.py), and how
many processes `cobrancas serve` starts (cli.server_processes)."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from backend.cli import server_processes
from backend.core.singleton import lock_key, once_across_processes
from backend.settings import Settings


async def test_a_job_held_by_another_process_is_skipped(database_url: str) -> None:
    runs: list[str] = []

    async def job() -> str:
        runs.append("ran")
        return "done"

    assert await once_across_processes("test.job", job) == (True, "done")
    if database_url.startswith("sqlite://"):  # one process: nothing to coordinate
        assert runs == ["ran"]
        return
    other = await asyncpg.connect(database_url)  # another process, holding the job's lock
    try:
        async with other.transaction():
            await other.execute("SELECT pg_advisory_xact_lock($1)", lock_key("test.job"))
            assert await once_across_processes("test.job", job) == (False, None)
            assert await once_across_processes("test.other_job", job) == (True, "done")
        assert await once_across_processes("test.job", job) == (True, "done")  # released
    finally:
        await other.close()
    assert runs == ["ran", "ran", "ran"]


async def test_two_processes_at_once_run_it_once(database_url: str) -> None:
    if database_url.startswith("sqlite://"):
        return  # SQLite serves one process (server_processes refuses more)
    started, release = asyncio.Event(), asyncio.Event()

    async def slow() -> None:
        started.set()
        await release.wait()

    first = asyncio.create_task(once_across_processes("test.slow", slow))
    await started.wait()
    other = await asyncpg.connect(database_url)
    try:
        got = await other.fetchval("SELECT pg_try_advisory_lock($1)", lock_key("test.slow"))
        assert got is False  # taken while the first runs
    finally:
        release.set()
        await first
        await other.close()


def test_lock_keys_are_stable_signed_64_bit() -> None:
    assert lock_key("search.roll_balances") == lock_key("search.roll_balances")
    assert lock_key("a") != lock_key("b")
    assert -(2**63) <= lock_key("search.roll_balances") < 2**63


def test_how_many_server_processes() -> None:
    sqlite = Settings(database_url="sqlite://x.sqlite3")
    postgres = Settings(database_url="postgres://h/db")
    shared = Settings(database_url="postgres://h/db", rate_limit_storage="redis://h:6379/0")
    assert server_processes(sqlite, None, cores=4) == 1
    assert server_processes(postgres, None, cores=4) == 1  # limits counted per process
    assert server_processes(shared, None, cores=4) == 4
    assert server_processes(shared, 2, cores=4) == 2
    assert server_processes(sqlite, 1, cores=4) == 1
    with pytest.raises(ValueError, match="SQLite serve um processo só"):
        server_processes(sqlite, 2, cores=4)
    with pytest.raises(ValueError, match="RATE_LIMIT_STORAGE"):
        server_processes(postgres, 2, cores=4)
    with pytest.raises(ValueError, match="1 ou mais"):
        server_processes(shared, 0, cores=4)
