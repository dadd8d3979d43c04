"""Every database test runs on SQLite AND PostgreSQL.

The schema is built once per engine by the real migrations; each test then gets a clean copy:
SQLite copies the migrated file, PostgreSQL truncates the tables of a database made for this run.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from tortoise import Tortoise, connections
from tortoise.backends.base.executor import EXECUTOR_CACHE

from backend import database
from backend.app import create_app
from backend.settings import Settings, tortoise_config
from tests.support import (
    ApiClient,
    SetClock,
    SqlLog,
    create_postgres_database,
    drop_postgres_database,
    run_in_thread,
)

PG_NAME = f"cobrancas_test_{os.getpid()}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    run_in_thread(database.migrate(f"sqlite://{path}"))
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    url: str = run_in_thread(create_postgres_database(PG_NAME))
    run_in_thread(database.migrate(url))
    yield url
    run_in_thread(drop_postgres_database(PG_NAME))


async def _truncate_postgres() -> None:
    conn = connections.get("default")
    rows = await conn.execute_query_dict(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
        "AND tablename <> 'tortoise_migrations'"
    )
    tables = ", ".join(f'"{r["tablename"]}"' for r in rows)
    await conn.execute_script(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A clean, migrated database of each engine, with Tortoise initialised on it."""
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite://{path}"
    else:
        url = request.getfixturevalue("postgres_url")
    # Tortoise caches per-table SQL by connection name, not dialect: switching engines in one
    # process would reuse SQLite's "?" placeholders on PostgreSQL.
    EXECUTOR_CACHE.clear()
    await Tortoise.init(config=tortoise_config(url))
    if request.param == "postgres":
        await _truncate_postgres()
    try:
        yield url
    finally:
        await Tortoise.close_connections()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, outbox_dir=str(tmp_path / "outbox"))


@pytest.fixture
def clock() -> SetClock:
    """The app's clock: real time unless the test sets it (`clock.set(instant)`)."""
    return SetClock()


@pytest.fixture
async def http(settings: Settings, clock: SetClock) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the app; Tortoise is already up (the lifespan is not run). It sends
    `Origin` as the dashboard's own pages do (api/auth.py refuses cookie writes without it)."""
    app = create_app(settings, clock=clock)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver", headers={"Origin": "http://testserver"}
    ) as client:
        yield client


@pytest.fixture
async def admin_api(http: httpx.AsyncClient) -> ApiClient:
    """A GraphQL client with an administration token (unrestricted; an ADMIN issues it)."""
    return await ApiClient.with_token(http, scope="ADMIN")


@pytest.fixture
def sql_log() -> Iterator[SqlLog]:
    log = SqlLog()
    logger = logging.getLogger("tortoise.db_client")
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(log)
    try:
        yield log
    finally:
        logger.removeHandler(log)
        logger.setLevel(previous)
