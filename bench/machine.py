"""What the benchmark ran on: CPU, cores, memory, load, software versions."""

from __future__ import annotations

import os
import platform
import sqlite3
from importlib import metadata
from pathlib import Path

import asyncpg

PACKAGES = ("strawberry-graphql", "graphql-core", "tortoise-orm", "asyncpg", "aiosqlite")
PACKAGES_HTTP = ("starlette", "uvicorn", "httpx", "orjson")
PG_SETTINGS = ("shared_buffers", "work_mem", "jit", "max_parallel_workers_per_gather")


def _proc(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    except OSError:
        return None
    return None


def describe() -> list[tuple[str, str]]:
    memory = _proc("/proc/meminfo", "MemTotal")
    gib = f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB" if memory else "?"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in PACKAGES + PACKAGES_HTTP)
    return [
        ("CPU", _proc("/proc/cpuinfo", "model name") or platform.processor() or "?"),
        ("cores", str(os.cpu_count())),
        ("RAM", gib),
        ("load average at start (1, 5, 15 min)", load),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        ("packages", versions),
    ]


async def describe_postgres(url: str) -> list[tuple[str, str]]:
    conn = await asyncpg.connect(url)
    try:
        version = await conn.fetchval("SHOW server_version")
        settings = [f"{name}={await conn.fetchval(f'SHOW {name}')}" for name in PG_SETTINGS]
    finally:
        await conn.close()
    return [("PostgreSQL", f"{version} ({', '.join(settings)})")]
