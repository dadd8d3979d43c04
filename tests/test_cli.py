"""The `cobrancas` command against real databases, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import create_postgres_database, drop_postgres_database


def _cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "backend.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


@pytest.fixture(params=["sqlite", "postgres"])
async def empty_database(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'cli.sqlite3'}"
        return
    name = f"cobrancas_cli_{os.getpid()}"
    try:
        yield await create_postgres_database(name)
    finally:
        await drop_postgres_database(name)


async def test_migrate_demo_user_and_token(empty_database: str) -> None:
    url = empty_database
    migrate = _cli(url, "migrate")
    assert migrate.returncode == 0, migrate.stderr
    demo = _cli(url, "demo", "--debtors", "20", "--entries", "80", "--if-empty")
    assert demo.returncode == 0, demo.stderr
    assert "80 lançamentos" in demo.stdout
    assert "senha:" in demo.stdout  # the admin's credentials, printed once
    again = _cli(url, "demo", "--if-empty")
    assert "nada a fazer" in again.stdout

    user = _cli(
        url,
        "create-user",
        "--name",
        "Ana",
        "--email",
        "ana@example.com",
        "--password",
        "segredo-longo",
        "--role",
        "VIEWER",
    )
    assert user.returncode == 0, user.stderr
    duplicate = _cli(
        url,
        "create-user",
        "--name",
        "Ana",
        "--email",
        "ana@example.com",
        "--password",
        "segredo-longo",
    )
    assert duplicate.returncode == 1
    assert "Já existe" in duplicate.stderr

    token = _cli(url, "create-token", "--name", "ERP", "--scope", "write")
    assert token.returncode == 0, token.stderr
    secret = token.stdout.strip().splitlines()[-1]
    assert secret.startswith("cob_")


def test_bad_configuration_is_refused(tmp_path: Path) -> None:
    env = {**os.environ, "ENVIRONMENT": "production", "DATABASE_URL": f"sqlite://{tmp_path}/x"}
    result = subprocess.run(
        [sys.executable, "-m", "backend.cli", "migrate"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert "SECRET_KEY" in result.stderr
