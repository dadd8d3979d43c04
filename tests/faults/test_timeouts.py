"""The database timeouts' settings and what each database fault answers."""

from __future__ import annotations

import sqlite3

import pytest

from backend.core.dbfaults import fault_code
from backend.settings import Settings, SettingsError

PG = "postgres://postgres@127.0.0.1:5432/x"


def test_the_timeouts_reach_asyncpg_and_the_server() -> None:
    settings = Settings.from_env(
        {
            "DATABASE_URL": PG,
            "DB_STATEMENT_TIMEOUT_SECONDS": "2.5",
            "DB_CONNECT_TIMEOUT_SECONDS": "1",
        }
    )
    credentials = settings.tortoise_config()["connections"]["default"]["credentials"]
    # (and no JIT: settings.tortoise_config)
    assert credentials["server_settings"] == {"jit": "off", "statement_timeout": "2500"}
    assert credentials["timeout"] == 1
    assert credentials["command_timeout"] == 7.5  # a server that stopped answering at all
    assert credentials["database"] == "x"


def test_sqlite_keeps_its_plain_url() -> None:
    url = "sqlite://data/x.sqlite3"
    assert Settings(database_url=url).tortoise_config()["connections"]["default"] == url


@pytest.mark.parametrize(
    "env",
    [{"DB_STATEMENT_TIMEOUT_SECONDS": "0"}, {"DB_CONNECT_TIMEOUT_SECONDS": "-1"}],
)
def test_timeouts_must_be_positive(env: dict[str, str]) -> None:
    with pytest.raises(SettingsError):
        Settings.from_env(env)


def _chained(outer: Exception, inner: BaseException) -> Exception:
    outer.__cause__ = inner
    return outer


def test_fault_codes() -> None:
    from asyncpg import exceptions as pg  # type: ignore[import-untyped]

    assert fault_code(ConnectionRefusedError()) == "DATABASE_UNAVAILABLE"
    assert fault_code(_chained(RuntimeError(), pg.AdminShutdownError())) == "DATABASE_UNAVAILABLE"
    assert fault_code(_chained(RuntimeError(), pg.QueryCanceledError())) == "TIMEOUT"
    full = sqlite3.OperationalError("database or disk is full")
    assert fault_code(_chained(RuntimeError(), full)) == "STORAGE_FULL"
    assert fault_code(sqlite3.IntegrityError("UNIQUE constraint failed")) is None
    assert fault_code(ValueError("a bug")) is None
