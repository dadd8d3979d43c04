"""Timing, the statements a GraphQL request sends, their plans, and a profile."""

from __future__ import annotations

import cProfile
import io
import json
import logging
import math
import pstats
import sqlite3
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

import asyncpg

from backend.api.schema import schema
from backend.core.context import Context
from backend.core.enums import Role
from backend.core.principal import Principal
from backend.settings import Settings
from bench.cases import Case
from bench.raw import PostgresTwin, SqliteTwin

BENCH_PRINCIPAL = Principal(name="bench", role=Role.ADMIN, company_ids=None, can_write=False)


@dataclass(frozen=True)
class Timing:
    samples_ms: tuple[float, ...]

    def _quantile(self, q: float) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[max(0, math.ceil(q * len(ordered)) - 1)]

    @property
    def p50(self) -> float:
        return self._quantile(0.50)

    @property
    def p95(self) -> float:
        return self._quantile(0.95)


async def timed_pair(
    first: Callable[[], Awaitable[Any]],
    second: Callable[[], Awaitable[Any]],
    *,
    iterations: int,
    warmup: int,
) -> tuple[Timing, Timing]:
    """Both actions, alternated call by call: a busy machine slows both alike, so their
    ratio stays honest even when the absolute figures move."""
    for _ in range(warmup):
        await first()
        await second()
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(iterations):
        for action, into in ((first, samples[0]), (second, samples[1])):
            started = time.perf_counter()
            await action()
            into.append((time.perf_counter() - started) * 1000)
    return Timing(tuple(samples[0])), Timing(tuple(samples[1]))


async def graphql_in_process(case: Case, settings: Settings) -> bytes:
    """What the /graphql view does for this request, minus HTTP: execute, then encode."""
    principal = BENCH_PRINCIPAL
    if case.scope is not None:
        principal = replace(principal, role=Role.COLLECTOR, company_ids=frozenset(case.scope))
    context = Context(request=None, response=None, principal=principal, settings=settings)
    result = await schema.execute(case.query, variable_values=case.variables, context_value=context)
    if result.errors:
        raise RuntimeError(f"{case.key}: {result.errors}")
    return json.dumps({"data": result.data}).encode()


class StatementLog(logging.Handler):
    """The SQL Tortoise sends, with its parameters (logger tortoise.db_client at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[tuple[str, list[Any]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        if record.msg == "%s: %s" and isinstance(args, tuple) and len(args) == 2:
            query, values = args
            if str(query).lstrip().upper().startswith(("SELECT", "WITH")):
                self.statements.append((str(query), list(values or [])))


async def capture_statements(case: Case, settings: Settings) -> list[tuple[str, list[Any]]]:
    log = StatementLog()
    logger = logging.getLogger("tortoise.db_client")
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(log)
    try:
        await graphql_in_process(case, settings)
    finally:
        logger.removeHandler(log)
        logger.setLevel(previous)
    return log.statements


@dataclass(frozen=True)
class StatementReport:
    sql: str
    median_ms: float
    plan: str


async def explain(
    twin: PostgresTwin | SqliteTwin, statements: list[tuple[str, list[Any]]], runs: int = 7
) -> list[StatementReport]:
    """Each statement's time on the bare driver (median) and its plan."""
    reports = []
    for sql, params in statements:
        samples = []
        if isinstance(twin, PostgresTwin):
            conn: asyncpg.Connection = twin.conn
            for _ in range(runs):
                started = time.perf_counter()
                await conn.fetch(sql, *params)
                samples.append((time.perf_counter() - started) * 1000)
            rows = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", *params)
            plan = "\n".join(r[0] for r in rows)
        else:
            lite: sqlite3.Connection = twin.conn
            for _ in range(runs):
                started = time.perf_counter()
                lite.execute(sql, params).fetchall()
                samples.append((time.perf_counter() - started) * 1000)
            rows = lite.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
            plan = "\n".join(str(r[3]) for r in rows)
        samples.sort()
        reports.append(StatementReport(sql=sql, median_ms=samples[len(samples) // 2], plan=plan))
    return reports


async def profile(case: Case, settings: Settings, iterations: int = 20, top: int = 20) -> str:
    """cProfile of the in-process GraphQL request: where the time goes besides the database."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(iterations):
        await graphql_in_process(case, settings)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    return "\n".join(lines[-(top + 2) :])
