"""Work that must run once across every server process and machine: a PostgreSQL advisory lock.

`cobrancas serve --workers N` starts N processes, each with the background services; the day
roll of the search summary (and the régua's daily run) must not run N times. The first process
to take the transaction-level advisory lock named after the job runs it; the others skip it and
go back to sleep (the holder retries its own failures). The lock ends with the transaction, so a
process that dies mid-job frees it. SQLite serves one process: the job just runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import TypeVar

from tortoise.transactions import in_transaction

from backend.core.sql import Sql, connection, is_postgres

T = TypeVar("T")


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for the job's name (pg advisory locks take a bigint)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


async def once_across_processes(
    name: str, job: Callable[[], Awaitable[T]]
) -> tuple[bool, T | None]:
    """(True, the job's result) when this process ran it; (False, None) when another process
    holds the job's lock right now."""
    if not is_postgres(connection()):
        return True, await job()
    async with in_transaction():
        sql = Sql(connection())
        rows = await sql.rows(
            f"SELECT pg_try_advisory_xact_lock({sql.param(lock_key(name))}) AS got"
        )
        if not rows[0]["got"]:
            return False, None
        return True, await job()
